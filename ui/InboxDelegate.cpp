#include "InboxDelegate.h"

#include "DisplayText.h"
#include "PresenceGlyph.h"
#include "ReasonChips.h"
#include "Theme.h"

#include "app/InboxModel.h"
#include "app/ReasonText.h"

#include "core/ReasonCodes.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::InboxModel;

namespace {

//! "NF" for "Noah Fischer", "A" for "Ava".
QString initials(const QString &name)
{
    const QStringList parts = name.simplified().split(u' ', Qt::SkipEmptyParts);
    QString out;
    for (const QString &part : parts) {
        if (out.size() < 2 && part.at(0).isLetter())
            out += part.at(0).toUpper();
    }
    return out.isEmpty() ? u"?"_s : out;
}

//! A stable, calm colour per agent: the same person always gets the same badge.
QColor badgeColor(const QPalette &palette, const QString &name)
{
    const int hue = int(qHash(name) % 360);
    // Dark enough for white initials on a light theme, still calm on a dark one.
    return QColor::fromHsl(hue, 110, theme::isDark(palette) ? 95 : 105);
}

} // namespace

void InboxDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideRight;
    const QPalette &pal = option->palette;
    switch (index.column()) {
    case InboxModel::SubjectColumn: {
        const auto status = static_cast<TicketStatus>(index.data(InboxModel::StatusRole).toInt());
        option->font.setBold(status == TicketStatus::New);
        break;
    }
    case InboxModel::SlaDueColumn: {
        const QDateTime due = index.data(InboxModel::SlaDueRole).toDateTime();
        const auto status = static_cast<TicketStatus>(index.data(InboxModel::StatusRole).toInt());
        if (status == TicketStatus::Solved) {
            // A solved ticket's SLA clock has stopped: "overdue 14 d" would only be noise.
            option->text = DisplayText::status(status);
            option->palette.setColor(QPalette::Text, theme::dimText(pal));
        } else if (due.isValid() && due < QDateTime::currentDateTimeUtc()) {
            option->palette.setColor(QPalette::Text, theme::dangerColor(pal));
        }
        break;
    }
    case InboxModel::CustomerColumn:
    case InboxModel::QueueColumn:
    case InboxModel::StatusColumn:
    case InboxModel::LanguageColumn:
        option->palette.setColor(QPalette::Text,
                                 theme::blend(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.2));
        break;
    default:
        break;
    }
}

bool InboxDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                              const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString text = index.data(Qt::ToolTipRole).toString();
    if (index.column() == InboxModel::SubjectColumn) {
        // The subject cell carries the owner badge and the presence glyph: say what they mean.
        const QStringList codes = index.data(InboxModel::ReasonCodesRole).toStringList();
        if (!codes.isEmpty())
            text += u'\n' + tr("Needs a human: %1").arg(app::ReasonText::joined(codes));
        const QString owner = index.data(InboxModel::AssigneeNameRole).toString();
        text += u'\n' + (owner.isEmpty() ? tr("Unassigned") : tr("Assigned to %1").arg(owner));
        if (const QString presence = index.data(InboxModel::PresenceRole).toString(); !presence.isEmpty())
            text += u'\n' + presence;
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
        return false;
    }
    QToolTip::showText(event->globalPos(), DisplayText::plainToolTip(text), view->viewport(), option.rect);
    return true;
}

int InboxDelegate::rowHeight(const QFontMetrics &metrics)
{
    return metrics.height() * 2 + 14;
}

QSize InboxDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(rowHeight(option.fontMetrics));
    if (index.column() == InboxModel::ConfidenceColumn)
        size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(u"100 %"_s) + 40));
    return size;
}

void InboxDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    switch (index.column()) {
    case InboxModel::ConfidenceColumn:
        paintConfidence(painter, option, index);
        return;
    case InboxModel::PriorityColumn:
        paintPriority(painter, option, index);
        return;
    case InboxModel::SubjectColumn:
        paintSubject(painter, option, index);
        return;
    default:
        break;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

void InboxDelegate::paintSubject(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString subject = DisplayText::sanitize(opt.text).simplified();
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &pal = opt.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QRect r = opt.rect.adjusted(8, 6, -6, -6);
    const bool crisis = index.data(InboxModel::CrisisRole).toBool();
    if (index.data(InboxModel::NeedsHumanRole).toBool()) {
        // A warning-coloured bar marks tickets the AI handed to a human; a red one an open crisis.
        painter->setPen(Qt::NoPen);
        painter->setBrush(crisis ? ReasonChips::background(pal, reason::kCrisis) : theme::warningColor(pal));
        const QRect bar =
            QStyle::visualRect(opt.direction, opt.rect,
                               QRect(opt.rect.left() + 3, opt.rect.top() + 6, 4, opt.rect.height() - 12));
        painter->drawRoundedRect(QRectF(bar), 2, 2);
    }
    const QFontMetrics subjectMetrics(opt.font);
    QRect top(r.left(), r.top(), r.width(), subjectMetrics.height());
    // Someone else is on this ticket: an eye (viewing) or a speech bubble (typing) at the end.
    const int presence = index.data(InboxModel::PresenceStateRole).toInt();
    if (presence >= 0) {
        const auto state = app::PresenceState(presence);
        const int side = subjectMetrics.height();
        const QRect glyph(top.right() - side + 1, top.top(), side, side);
        const QColor colour =
            selected ? pal.color(QPalette::HighlightedText) : PresenceGlyph::color(pal, state);
        PresenceGlyph::paint(painter, QRectF(QStyle::visualRect(opt.direction, opt.rect, glyph)), state,
                             colour);
        top.setRight(glyph.left() - 6);
    }
    painter->setFont(opt.font);
    painter->setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
    painter->drawText(QStyle::visualRect(opt.direction, opt.rect, top),
                      QStyle::visualAlignment(opt.direction, Qt::AlignLeft | Qt::AlignVCenter),
                      subjectMetrics.elidedText(subject, Qt::ElideRight, top.width()));

    // Second line: customer · language · queue (· status when it is not an open case).
    QStringList parts;
    parts << index.siblingAtColumn(InboxModel::CustomerColumn).data().toString();
    const QString language = index.siblingAtColumn(InboxModel::LanguageColumn).data().toString();
    if (!language.isEmpty())
        parts << language.toUpper();
    parts << index.siblingAtColumn(InboxModel::QueueColumn).data().toString();
    const auto status = static_cast<TicketStatus>(index.data(InboxModel::StatusRole).toInt());
    if (status == TicketStatus::Pending || status == TicketStatus::Solved)
        parts << index.siblingAtColumn(InboxModel::StatusColumn).data().toString();
    parts.removeAll(QString());
    QFont detailFont = option.font;
    detailFont.setBold(false);
    const QFontMetrics detailMetrics(detailFont);
    QRect bottom(r.left(), r.bottom() - detailMetrics.height() + 1, r.width(), detailMetrics.height());
    // Who owns the ticket: an initials badge and the first name, at the end of the second line.
    // In "My tickets" every row is the agent's own: the badge would only repeat itself.
    const auto *inbox = qobject_cast<const InboxModel *>(index.model());
    const bool ownView = inbox && inbox->view() == app::InboxView::mine();
    if (const QString owner = index.data(InboxModel::AssigneeNameRole).toString();
        !owner.isEmpty() && !ownView && r.width() > 120) {
        QFont badgeFont = detailFont;
        badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.72);
        badgeFont.setBold(true);
        const QString first = owner.section(u' ', 0, 0, QString::SectionSkipEmpty);
        const int side = detailMetrics.height();
        // Narrow column: the badge alone; very narrow: nothing (the tooltip still names the owner).
        const bool withName = r.width() > 220;
        const int nameWidth =
            withName ? std::min(detailMetrics.horizontalAdvance(first) + 2, r.width() / 3) : 0;
        const QRect name(bottom.right() - nameWidth + 1, bottom.top(), nameWidth, side);
        const QRect badge(name.left() - (withName ? 4 : 0) - side, bottom.top(), side, side);
        painter->setPen(Qt::NoPen);
        painter->setBrush(badgeColor(pal, owner));
        painter->drawEllipse(
            QRectF(QStyle::visualRect(opt.direction, opt.rect, badge)).adjusted(0.5, 0.5, -0.5, -0.5));
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(QStyle::visualRect(opt.direction, opt.rect, badge), Qt::AlignCenter,
                          initials(owner));
        painter->setFont(detailFont);
        painter->setPen(selected ? theme::blend(pal.color(QPalette::HighlightedText),
                                                pal.color(QPalette::Highlight), 0.25)
                                 : theme::dimText(pal));
        painter->drawText(QStyle::visualRect(opt.direction, opt.rect, name), Qt::AlignLeft | Qt::AlignVCenter,
                          detailMetrics.elidedText(first, Qt::ElideRight, name.width()));
        bottom.setRight(badge.left() - 8);
    }
    // Why a person is needed: compact chips, most serious first, before the owner. On the details
    // line, so the subject keeps its width; the red of a crisis is seen wherever it sits.
    if (const QStringList codes = index.data(InboxModel::ReasonCodesRole).toStringList(); !codes.isEmpty()) {
        const QFont chipFont = ReasonChips::chipFont(option.font);
        const int chipHeight = std::min(ReasonChips::chipHeight(chipFont), r.bottom() - top.bottom() - 1);
        const QRect chipArea(bottom.left() + bottom.width() * 2 / 5, bottom.center().y() - chipHeight / 2,
                             bottom.width() - bottom.width() * 2 / 5, chipHeight);
        const int used = ReasonChips::paint(painter, chipArea, opt.rect, codes, chipFont, pal, opt.direction,
                                            kRowChips, true, selected);
        if (used > 0)
            bottom.setRight(bottom.right() - used - 8);
    }
    painter->setFont(detailFont);
    painter->setPen(
        selected ? theme::blend(pal.color(QPalette::HighlightedText), pal.color(QPalette::Highlight), 0.25)
                 : theme::dimText(pal));
    painter->drawText(QStyle::visualRect(opt.direction, opt.rect, bottom),
                      QStyle::visualAlignment(opt.direction, Qt::AlignLeft | Qt::AlignVCenter),
                      detailMetrics.elidedText(parts.join(u"  ·  "_s), Qt::ElideRight, bottom.width()));
    painter->restore();
}

void InboxDelegate::paintPriority(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto priority = static_cast<Priority>(index.data(InboxModel::PriorityRole).toInt());
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = opt.rect.adjusted(6, 0, -4, 0);
    const qreal dot = 8;
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme::priorityColor(opt.palette, priority));
    painter->drawEllipse(QRectF(QStyle::visualRect(
        opt.direction, opt.rect, QRect(r.left(), r.center().y() - int(dot / 2) + 1, int(dot), int(dot)))));
    QFont font = opt.font;
    font.setBold(priority == Priority::Urgent);
    painter->setFont(font);
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                             : opt.palette.color(QPalette::Text));
    const QRect textRect =
        QStyle::visualRect(opt.direction, opt.rect, r.adjusted(static_cast<int>(dot) + 6, 0, 0, 0));
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

void InboxDelegate::paintConfidence(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QVariant value = index.data(InboxModel::ConfidenceRole);
    if (!value.isValid())
        return;
    const double confidence = std::clamp(value.toDouble(), 0.0, 1.0);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = opt.rect.adjusted(6, 0, -6, 0);
    const int textWidth = opt.fontMetrics.horizontalAdvance(u"100 %"_s);
    const QRect barRect(r.left(), r.center().y() - 2, std::max(8, r.width() - textWidth - 6), 5);
    // A ticket that needs a person: the score says how sure the model read the request, not that
    // the draft may go; grey like the draft's "person first" badge, never green beside a red chip.
    const QColor accent = index.data(InboxModel::NeedsHumanRole).toBool()
                              ? theme::dimText(opt.palette)
                              : theme::confidenceColor(opt.palette, confidence);
    painter->setPen(Qt::NoPen);
    painter->setBrush(
        theme::blend(opt.palette.color(QPalette::Base), opt.palette.color(QPalette::Text), 0.15));
    const QRect track = QStyle::visualRect(opt.direction, opt.rect, barRect);
    painter->drawRoundedRect(track, 2.5, 2.5);
    QRect filled = barRect;
    filled.setWidth(static_cast<int>(barRect.width() * confidence));
    painter->setBrush(accent);
    painter->drawRoundedRect(QStyle::visualRect(opt.direction, opt.rect, filled), 2.5, 2.5);
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                             : opt.palette.color(QPalette::Text));
    // The number is locale-formatted (e.g. Arabic digits) and sits at the cell's end.
    const QString number = QLocale().toString(qRound(confidence * 100)) + u" %"_s;
    painter->drawText(QStyle::visualRect(opt.direction, opt.rect,
                                         QRect(barRect.right() + 6, r.top(), textWidth, r.height())),
                      Qt::AlignRight | Qt::AlignVCenter, number);
    painter->restore();
}

} // namespace tandem::ui
