#pragma once

#include <QStyledItemDelegate>

namespace tandem::ui {

//! Paints the inbox cells that carry more than text: the subject cell has two lines (subject,
//! bold for new tickets, then customer · language · queue) with reason chips at the end of its
//! first line and a "needs human" marker (red for an open crisis); a
//! priority dot; the SLA in red when overdue; the AI confidence as a small bar with its
//! percentage. Everything else is the default item painting.
class InboxDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    //! Reason chips on a row: the most serious ones, then "+N" (the tool tip names them all).
    static constexpr int kRowChips = 2;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    //! The fixed row height: subject line plus detail line.
    static int rowHeight(const QFontMetrics &metrics);
    //! Tool tips show the model's text escaped (subjects and names are untrusted).
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintConfidence(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const;
    void paintSubject(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintPriority(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace tandem::ui
