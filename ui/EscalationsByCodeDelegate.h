#pragma once

#include <QStyledItemDelegate>

namespace tandem::ui {

//! Paints the escalations-by-reason table (app::EscalationsByCodeModel, possibly behind a proxy):
//! the reason as the same chip the inbox and the ticket header show (crisis red, the others calm),
//! and the share as a bar beside its number (the most frequent reason has the longest bar), so the
//! big reasons stand out at a glance. The words and numbers are always written: the colour and
//! the bar are never the only signal.
class EscalationsByCodeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tandem::ui
