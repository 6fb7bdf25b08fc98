#pragma once

#include "InboxView.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace tandem::app {

class InboxModel;

//! The inbox's view list with live counts: My tickets, Unassigned, Needs human, All, then one
//! row per queue seen (sorted by id). Counts come from InboxModel and ignore the search text.
class ViewsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        CountRole = Qt::UserRole + 1, //!< int
        ViewKeyRole,                  //!< QString, InboxView::key()
        IsQueueRole,                  //!< bool
        NameRole,                     //!< QString, the name without the count
    };
    Q_ENUM(Role)

    //! \a inbox is not owned; counts follow its countsChanged().
    explicit ViewsModel(InboxModel *inbox, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    //! DisplayRole: "Name (count)"; NameRole: "Name"; Qt::AccessibleTextRole: "Name, N tickets".
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The view at \a row (All when out of range).
    InboxView viewAt(int row) const;
    //! The row of \a view, -1 if not listed.
    int rowOf(const InboxView &view) const;

private:
    void refresh();

    QPointer<InboxModel> m_inbox;
    QList<InboxView> m_views;
    QList<int> m_counts;
};

} // namespace tandem::app
