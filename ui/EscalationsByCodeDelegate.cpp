#include "EscalationsByCodeDelegate.h"

#include "ReasonChips.h"
#include "Theme.h"

#include "app/EscalationsByCodeModel.h"

#include "core/ReasonCodes.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

using app::EscalationsByCodeModel;

constexpr int kPadding = 6;

//! The cell's background (selection, hover) without its text: the delegate writes its own.
void drawBackground(QPainter *painter, const QStyleOptionViewItem &option)
{
    QStyleOptionViewItem background = option;
    background.text.clear();
    background.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
}

} // namespace

void EscalationsByCodeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const int column = index.column();
    if (column != EscalationsByCodeModel::ReasonColumn && column != EscalationsByCodeModel::ShareColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    drawBackground(painter, opt);
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QString code = index.data(EscalationsByCodeModel::CodeRole).toString();
    const QRect area = opt.rect.adjusted(kPadding, 2, -kPadding, -2);

    if (column == EscalationsByCodeModel::ReasonColumn) {
        ReasonChips::paint(painter, area, opt.rect, {code}, ReasonChips::chipFont(opt.font), opt.palette,
                           opt.direction, 1, false, selected);
        return;
    }

    // Share: "34 %" at the trailing edge, the bar in the room before it.
    const QFontMetrics metrics(opt.font);
    const int textWidth = metrics.horizontalAdvance(u"100 %"_s) + kPadding;
    const QRect textArea(area.right() - textWidth + 1, area.top(), textWidth, area.height());
    const QRect barRoom(area.left(), area.top(), std::max(0, area.width() - textWidth - kPadding),
                        area.height());
    // The longest bar is the most frequent reason (at most 13 rows: a scan per cell is cheap).
    double top = 0.0;
    for (int row = 0; row < index.model()->rowCount(index.parent()); ++row)
        top = std::max(top, index.siblingAtRow(row).data(EscalationsByCodeModel::ShareRole).toDouble());
    const double share =
        top > 0.0 ? std::clamp(index.data(EscalationsByCodeModel::ShareRole).toDouble() / top, 0.0, 1.0)
                  : 0.0;
    const int barHeight = std::max(4, std::min(barRoom.height(), metrics.height()) * 2 / 3);
    const QRect track(barRoom.left(), barRoom.center().y() - barHeight / 2 + 1, barRoom.width(), barHeight);
    const QPalette &pal = opt.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    if (track.width() > 0) {
        painter->setBrush(theme::blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.08));
        painter->drawRoundedRect(QStyle::visualRect(opt.direction, opt.rect, track), 2, 2);
        // A share above zero always shows a sliver, so "<1 %" still reads as something.
        const int filled = share > 0.0 ? std::max(2, int(std::lround(track.width() * share))) : 0;
        const QRect bar(track.left(), track.top(), std::min(filled, track.width()), track.height());
        // A calm bar for every reason but crisis: a table of bright bars tires on a long shift.
        const QColor accent = code == reason::kCrisis ? ReasonChips::background(pal, code)
                                                      : theme::blend(pal.color(QPalette::Base),
                                                                     pal.color(QPalette::Highlight), 0.65);
        painter->setBrush(selected ? pal.color(QPalette::HighlightedText) : accent);
        if (bar.width() > 0)
            painter->drawRoundedRect(QStyle::visualRect(opt.direction, opt.rect, bar), 2, 2);
    }
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    painter->drawText(QStyle::visualRect(opt.direction, opt.rect, textArea),
                      int(Qt::AlignTrailing | Qt::AlignVCenter), index.data(Qt::DisplayRole).toString());
    painter->restore();
}

QSize EscalationsByCodeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == EscalationsByCodeModel::ReasonColumn) {
        const QString code = index.data(EscalationsByCodeModel::CodeRole).toString();
        const QFont font = ReasonChips::chipFont(option.font);
        size.setWidth(ReasonChips::chipsWidth({code}, font, 1, QWIDGETSIZE_MAX) + 2 * kPadding);
        size.setHeight(std::max(size.height(), ReasonChips::chipHeight(font) + 4));
    } else if (index.column() == EscalationsByCodeModel::ShareColumn) {
        // Room for a readable bar beside the number.
        size.setWidth(std::max(size.width(), QFontMetrics(option.font).horizontalAdvance(u"100 %"_s) + 120));
    }
    return size;
}

} // namespace tandem::ui
