#pragma once

#include <QStyledItemDelegate>

namespace tandem::ui {

//! Paints one outbox row (app::OutboxModel): a coloured state pill and the ticket's subject, the
//! start of the reply, and why it is waiting (the last error, or how many tries so far).
class OutboxDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! "Queued", "Sending…", "Ticket changed", "Failed" for int(app::OutboxState) \a state.
    static QString stateName(int state);
    //! The third line: why the row waits and what happens next.
    static QString reasonText(const QModelIndex &index);
};

} // namespace tandem::ui
