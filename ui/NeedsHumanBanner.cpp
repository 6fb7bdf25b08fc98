#include "NeedsHumanBanner.h"

#include "DisplayText.h"
#include "ReasonChips.h"

#include "app/ReasonText.h"

#include "core/ReasonCodes.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

constexpr int kGap = 8; //!< between the text and the chips

} // namespace

NeedsHumanBanner::NeedsHumanBanner(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    // One line whatever the text: the width comes from the layout, never from the text.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setAccessibleName(tr("Needs a human"));
}

void NeedsHumanBanner::setReasons(const QString &text, const QStringList &codes)
{
    m_codes = reason::normalized(codes);
    const QString line = DisplayText::sanitize(text).simplified();
    QLabel::setText(line);
    const QString words = app::ReasonText::joined(m_codes);
    setToolTip(DisplayText::plainToolTip(words.isEmpty() ? line : tr("%1\n\nReasons: %2").arg(line, words)));
    setAccessibleDescription(words.isEmpty() ? line : tr("%1. Reasons: %2.").arg(line, words));
    updateGeometry();
    update();
}

int NeedsHumanBanner::chipsRoom(int available) const
{
    if (m_codes.isEmpty() || available <= 0)
        return 0;
    const QFont chipFont = ReasonChips::chipFont(font());
    const int textNeed = fontMetrics().horizontalAdvance(text());
    // The chips get what the text leaves, and at least half the line when both are long: the
    // words of the reasons matter more than the end of the AI's sentence, which the tip has.
    const int room = std::max(available / 2, available - textNeed - kGap);
    return ReasonChips::chipsWidth(m_codes, chipFont, int(m_codes.size()), room);
}

NeedsHumanBanner::Layout NeedsHumanBanner::layoutFor(const QRect &area) const
{
    const int chips = chipsRoom(area.width());
    Layout layout;
    layout.chips = QRect(area.right() - chips + 1, area.top(), chips, area.height());
    layout.text = QRect(area.left(), area.top(), std::max(0, area.width() - chips - (chips > 0 ? kGap : 0)),
                        area.height());
    return layout;
}

QString NeedsHumanBanner::visibleText() const
{
    const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    return fontMetrics().elidedText(text(), Qt::ElideRight, layoutFor(area).text.width());
}

QStringList NeedsHumanBanner::visibleChips() const
{
    const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    return ReasonChips::fittingTexts(m_codes, ReasonChips::chipFont(font()), int(m_codes.size()),
                                     layoutFor(area).chips.width());
}

QSize NeedsHumanBanner::sizeHint() const
{
    const QFont chipFont = ReasonChips::chipFont(font());
    const int chips = m_codes.isEmpty()
                          ? 0
                          : ReasonChips::chipsWidth(m_codes, chipFont, int(m_codes.size()), QWIDGETSIZE_MAX);
    const int extra = 2 * (margin() + frameWidth());
    const int height =
        std::max(fontMetrics().height(), m_codes.isEmpty() ? 0 : ReasonChips::chipHeight(chipFont));
    return {fontMetrics().horizontalAdvance(text()) + (chips > 0 ? kGap + chips : 0) + extra, height + extra};
}

QSize NeedsHumanBanner::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(u"Mmm…"_s) + 2 * (margin() + frameWidth()), sizeHint().height()};
}

void NeedsHumanBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    drawFrame(&painter);
    const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    const Layout layout = layoutFor(area);
    const QString elided = fontMetrics().elidedText(text(), Qt::ElideRight, layout.text.width());
    QStyleOption option;
    option.initFrom(this);
    style()->drawItemText(&painter, QStyle::visualRect(layoutDirection(), rect(), layout.text),
                          int(Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine), option.palette,
                          isEnabled(), elided, foregroundRole());
    if (!layout.chips.isEmpty())
        ReasonChips::paint(&painter, layout.chips, rect(), m_codes, ReasonChips::chipFont(font()), palette(),
                           layoutDirection(), int(m_codes.size()), true);
}

void NeedsHumanBanner::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
}

} // namespace tandem::ui
