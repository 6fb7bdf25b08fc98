#include "ReasonChips.h"

#include "DisplayText.h"
#include "Theme.h"

#include "app/ReasonText.h"

#include "core/ReasonCodes.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

constexpr int kSpacing = 4;

struct Chip
{
    QString text;
    QString code; //!< empty for the "+N" chip
    int width = 0;
};

int padding(const QFontMetrics &metrics)
{
    return std::max(4, metrics.height() / 2);
}

//! The chips that fit into \a maxWidth: at most \a maxChips codes, then "+N" for the rest.
QList<Chip> layoutChips(const QStringList &codes, const QFont &font, int maxChips, int maxWidth)
{
    const QFontMetrics metrics(font);
    const auto chipWidth = [&](const QString &text) {
        return metrics.horizontalAdvance(text) + 2 * padding(metrics);
    };
    const auto more = [&](qsizetype hidden) {
        const QString text = u"+%1"_s.arg(hidden);
        return Chip{text, QString(), chipWidth(text)};
    };
    QList<Chip> chips;
    int used = 0;
    const qsizetype shown = std::min<qsizetype>(codes.size(), std::max(1, maxChips));
    for (qsizetype i = 0; i < shown; ++i) {
        Chip chip{app::ReasonText::label(codes.at(i)), codes.at(i), 0};
        chip.width = chipWidth(chip.text);
        const qsizetype hiddenAfter = codes.size() - i - 1;
        // Room for this chip, and for the "+N" that must follow it should the next ones not fit
        // (a reason is never dropped without saying so).
        const int tail = hiddenAfter == 0 ? 0 : kSpacing + more(hiddenAfter).width;
        const int need = (chips.isEmpty() ? 0 : kSpacing) + chip.width;
        if (used + need + tail > maxWidth) {
            if (chips.isEmpty()) {
                // Not even one fits: the most serious one, elided, rather than nothing.
                chip.width = std::max(0, maxWidth);
                chip.text = metrics.elidedText(chip.text, Qt::ElideRight,
                                               std::max(0, chip.width - 2 * padding(metrics)));
                if (chip.width > 2 * padding(metrics))
                    chips.append(chip);
                return chips;
            }
            break;
        }
        chips.append(chip);
        used += need;
    }
    const qsizetype hidden = codes.size() - chips.size();
    if (hidden > 0) {
        const Chip plus = more(hidden);
        if (used + kSpacing + plus.width <= maxWidth)
            chips.append(plus);
    }
    return chips;
}

int totalWidth(const QList<Chip> &chips)
{
    int width = 0;
    for (const Chip &chip : chips)
        width += (width > 0 ? kSpacing : 0) + chip.width;
    return width;
}

} // namespace

ReasonChips::ReasonChips(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"reasonChips"_s);
    setAccessibleName(tr("Why a person is needed"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ReasonChips::setReasons(const QStringList &codes, const QString &reasonText)
{
    m_codes = reason::normalized(codes);
    const QString words = app::ReasonText::joined(m_codes);
    setAccessibleName(m_codes.isEmpty() ? tr("Why a person is needed") : tr("Needs a human: %1").arg(words));
    const QString reason = DisplayText::sanitize(reasonText).simplified().left(300);
    setAccessibleDescription(reason);
    setToolTip(reason.isEmpty() ? QString() : DisplayText::plainToolTip(reason));
    updateGeometry();
    update();
}

QStringList ReasonChips::chipTexts() const
{
    return fittingTexts(m_codes, chipFont(font()), int(m_codes.size()), width());
}

QStringList ReasonChips::fittingTexts(const QStringList &codes, const QFont &font, int maxChips, int maxWidth)
{
    QStringList out;
    for (const Chip &chip : layoutChips(codes, font, maxChips, maxWidth))
        out.append(chip.text);
    return out;
}

QFont ReasonChips::chipFont(const QFont &base)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    else
        font.setPixelSize(std::max(8, font.pixelSize() * 85 / 100));
    font.setBold(true);
    return font;
}

int ReasonChips::chipHeight(const QFont &font)
{
    return QFontMetrics(font).height() + 4;
}

QColor ReasonChips::background(const QPalette &palette, QStringView code, bool selected)
{
    if (code == reason::kCrisis) {
        // A filled red with white text: 5.5:1 on light themes; the dark variant is a touch
        // brighter so the chip still stands out from a dark base, and keeps 4.6:1 for its text.
        return QColor::fromString(theme::isDark(palette) ? "#d63a3a"_L1 : "#c53030"_L1);
    }
    if (selected)
        return theme::blend(palette.color(QPalette::Highlight), palette.color(QPalette::HighlightedText),
                            0.2);
    return theme::blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.1);
}

QColor ReasonChips::foreground(const QPalette &palette, QStringView code, bool selected)
{
    if (code == reason::kCrisis)
        return Qt::white;
    if (selected)
        return palette.color(QPalette::HighlightedText);
    return theme::blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.2);
}

int ReasonChips::chipsWidth(const QStringList &codes, const QFont &font, int maxChips, int maxWidth)
{
    return totalWidth(layoutChips(codes, font, maxChips, maxWidth));
}

int ReasonChips::paint(QPainter *painter, const QRect &area, const QRect &bounds, const QStringList &codes,
                       const QFont &font, const QPalette &palette, Qt::LayoutDirection direction,
                       int maxChips, bool alignTrailing, bool selected)
{
    if (codes.isEmpty() || area.width() <= 0)
        return 0;
    const QList<Chip> chips = layoutChips(codes, font, maxChips, area.width());
    const int used = totalWidth(chips);
    const int height = std::min(area.height(), chipHeight(font));
    const int top = area.top() + (area.height() - height) / 2;
    int x = alignTrailing ? area.right() - used + 1 : area.left();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    for (const Chip &chip : chips) {
        const QRect logical(x, top, chip.width, height);
        const QRectF rect =
            QRectF(QStyle::visualRect(direction, bounds, logical)).adjusted(0.5, 0.5, -0.5, -0.5);
        const QString code = chip.code;
        painter->setPen(Qt::NoPen);
        painter->setBrush(background(palette, code, selected));
        const qreal radius = rect.height() / 2.0;
        painter->drawRoundedRect(rect, radius, radius);
        if (selected && code == reason::kCrisis) {
            // On the selection colour the red needs an edge to keep its shape.
            painter->setPen(QPen(palette.color(QPalette::HighlightedText), 1.0));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(rect, radius, radius);
        }
        painter->setPen(foreground(palette, code, selected));
        painter->drawText(rect, Qt::AlignCenter, chip.text);
        x += chip.width + kSpacing;
    }
    painter->restore();
    return used;
}

QSize ReasonChips::sizeHint() const
{
    const QFont font = chipFont(this->font());
    return {totalWidth(layoutChips(m_codes, font, int(m_codes.size()), QWIDGETSIZE_MAX)), chipHeight(font)};
}

QSize ReasonChips::minimumSizeHint() const
{
    const QFont font = chipFont(this->font());
    const int first = m_codes.isEmpty() ? 0 : chipsWidth(m_codes.mid(0, 1), font, 1, QWIDGETSIZE_MAX);
    return {std::min(first, 160), chipHeight(font)};
}

void ReasonChips::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(&painter, rect(), rect(), m_codes, chipFont(font()), palette(), layoutDirection(),
          int(m_codes.size()));
}

void ReasonChips::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    } else if (event->type() == QEvent::PaletteChange) {
        update();
    }
}

} // namespace tandem::ui
