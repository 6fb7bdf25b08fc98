#pragma once

#include "app/InboxView.h"

#include <QListView>

namespace tandem::app {
class ViewsModel;
} // namespace tandem::app

namespace tandem::ui {

//! The left column: My tickets, Unassigned, Needs human, All, then one row per queue, each
//! with its live count as a pill. Rows have fixed heights; a "Queues" caption precedes the queues.
class ViewsList : public QListView
{
    Q_OBJECT

public:
    explicit ViewsList(QWidget *parent = nullptr);

    void setViewsModel(app::ViewsModel *model);
    //! Selects the row of \a view (if listed).
    void selectView(const app::InboxView &view);

Q_SIGNALS:
    //! The agent picked another view.
    void viewActivated(const tandem::app::InboxView &view);

private:
    app::ViewsModel *m_model = nullptr;
};

} // namespace tandem::ui
