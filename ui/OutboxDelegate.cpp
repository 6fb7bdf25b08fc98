#include "OutboxDelegate.h"

#include "DisplayText.h"
#include "Theme.h"

#include "app/OutboxItem.h"
#include "app/OutboxModel.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::OutboxModel;
using app::OutboxState;

namespace {

QColor stateColor(const QPalette &palette, int state)
{
    switch (OutboxState(state)) {
    case OutboxState::Queued:
        return theme::dimText(palette);
    case OutboxState::Sending:
        return theme::successColor(palette);
    case OutboxState::Conflict:
        return theme::warningColor(palette);
    case OutboxState::Failed:
        return theme::dangerColor(palette);
    }
    return theme::dimText(palette);
}

} // namespace

QString OutboxDelegate::stateName(int state)
{
    switch (OutboxState(state)) {
    case OutboxState::Queued:
        return tr("Queued");
    case OutboxState::Sending:
        return tr("Sending…");
    case OutboxState::Conflict:
        return tr("Ticket changed");
    case OutboxState::Failed:
        return tr("Failed");
    }
    return {};
}

QString OutboxDelegate::reasonText(const QModelIndex &index)
{
    const auto state = OutboxState(index.data(OutboxModel::StateValueRole).toInt());
    const QString error = DisplayText::sanitize(index.data(OutboxModel::ErrorRole).toString()).left(200);
    const int attempts = index.data(OutboxModel::AttemptsRole).toInt();
    switch (state) {
    case OutboxState::Queued:
        if (attempts == 0)
            return tr("Waiting to be sent.");
        return error.isEmpty() ? tr("Not delivered after %n tries; retrying by itself.", nullptr, attempts)
                               : tr("Not delivered (%1); retrying by itself.").arg(error);
    case OutboxState::Sending:
        return tr("On its way to the server.");
    case OutboxState::Conflict:
        return tr(
            "Someone changed the ticket after you wrote this. Open it to review, or Retry to send anyway.");
    case OutboxState::Failed:
        return error.isEmpty() ? tr("The server refused this reply.") : tr("Refused: %1").arg(error);
    }
    return {};
}

QSize OutboxDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index);
    return QSize(200, option.fontMetrics.height() * 3 + 22);
}

void OutboxDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &pal = opt.palette;
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor dim =
        selected ? theme::blend(pal.color(QPalette::HighlightedText), pal.color(QPalette::Highlight), 0.25)
                 : theme::dimText(pal);
    const int state = index.data(OutboxModel::StateValueRole).toInt();
    const QFontMetrics metrics(opt.font);
    const int line = metrics.height();
    QRect r = opt.rect.adjusted(10, 6, -10, -6);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Line 1: [state] subject .......... created at
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setBold(true);
    const QFontMetrics smallMetrics(small);
    const QString pill = stateName(state).toUpper();
    const QRect pillRect(r.left(), r.top() + (line - smallMetrics.height() - 2) / 2,
                         smallMetrics.horizontalAdvance(pill) + 12, smallMetrics.height() + 2);
    const QColor accent = stateColor(pal, state);
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme::blend(pal.color(QPalette::Base), accent, 0.22));
    painter->drawRoundedRect(QStyle::visualRect(opt.direction, opt.rect, pillRect), 4, 4);
    painter->setFont(small);
    painter->setPen(theme::isDark(pal) ? accent.lighter(130) : accent.darker(140));
    painter->drawText(QStyle::visualRect(opt.direction, opt.rect, pillRect), Qt::AlignCenter, pill);

    const QDateTime created = index.data(OutboxModel::CreatedAtRole).toDateTime();
    const QString when = created.isValid()
                             ? QLocale().toString(created.toLocalTime().time(), QLocale::ShortFormat)
                             : QString();
    const int whenWidth = metrics.horizontalAdvance(when);
    painter->setFont(opt.font);
    painter->setPen(dim);
    painter->drawText(
        QStyle::visualRect(opt.direction, opt.rect, QRect(r.right() - whenWidth, r.top(), whenWidth, line)),
        Qt::AlignRight | Qt::AlignVCenter, when);
    QFont bold = opt.font;
    bold.setBold(true);
    QString subject = DisplayText::sanitize(index.data(OutboxModel::SubjectRole).toString());
    if (subject.isEmpty())
        subject = tr("Ticket %1").arg(index.data(OutboxModel::TicketIdRole).toLongLong());
    const QRect subjectRect(pillRect.right() + 8, r.top(), r.right() - whenWidth - 10 - pillRect.right() - 8,
                            line);
    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(QStyle::visualRect(opt.direction, opt.rect, subjectRect),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(subject, Qt::ElideRight, subjectRect.width()));

    // Line 2: the start of the reply. Line 3: why it waits.
    const QString body = DisplayText::sanitize(index.data(OutboxModel::BodyRole).toString()).simplified();
    const QRect bodyRect(r.left(), r.top() + line + 3, r.width(), line);
    painter->setFont(opt.font);
    painter->setPen(text);
    painter->drawText(QStyle::visualRect(opt.direction, opt.rect, bodyRect), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(tr("“%1”").arg(body), Qt::ElideRight, bodyRect.width()));
    const QRect reasonRect(r.left(), r.top() + 2 * line + 6, r.width(), line);
    const bool attention = state == int(OutboxState::Conflict) || state == int(OutboxState::Failed);
    painter->setPen(attention && !selected ? accent : dim);
    painter->drawText(QStyle::visualRect(opt.direction, opt.rect, reasonRect),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(reasonText(index), Qt::ElideRight, reasonRect.width()));
    painter->restore();
}

} // namespace tandem::ui
