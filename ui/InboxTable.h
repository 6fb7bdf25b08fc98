#pragma once

#include <QTableView>

namespace tandem::app {
class InboxModel;
}

namespace tandem::ui {

//! The centre ticket table. Sorting by header click goes straight to InboxModel::sort() (the
//! model sorts its own index, no proxy). Rows have a fixed height; one row is selected at a
//! time and the selection follows the ticket when rows move.
class InboxTable : public QTableView
{
    Q_OBJECT

public:
    explicit InboxTable(QWidget *parent = nullptr);

    void setInboxModel(app::InboxModel *model);
    app::InboxModel *inboxModel() const { return m_model; }

    //! The ticket of the current row, 0 if none.
    qint64 currentTicketId() const;
    //! Makes the row of \a ticketId current (if visible); false otherwise.
    bool selectTicket(qint64 ticketId);
    //! The ticket to go on with once \a ticketId is answered: the row below it in the view as it
    //! is now, else the row above; 0 when the view holds nothing else.
    qint64 ticketNextTo(qint64 ticketId) const;
    //! Moves the current row by \a delta (j/k); selects the first row if none is current.
    void moveCurrent(int delta);
    //! Column widths that fit 1280 px; called when no saved header state exists.
    void applyDefaultColumns();
    //! Updates the header's show/hide column menu after the header state was restored.
    void syncColumnActions();

Q_SIGNALS:
    //! The current ticket changed (0: none).
    void currentTicketChanged(qint64 ticketId);
    //! Enter / double click on a row.
    void ticketOpened(qint64 ticketId);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onCurrentChanged(const QModelIndex &current);

    app::InboxModel *m_model = nullptr;
    qint64 m_lastTicketId = 0;
};

} // namespace tandem::ui
