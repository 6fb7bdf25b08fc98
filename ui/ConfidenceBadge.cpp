#include "ConfidenceBadge.h"

#include "Theme.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::ui {

ConfidenceBadge::ConfidenceBadge(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"confidenceBadge"_s);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setConfidence(-1.0);
}

void ConfidenceBadge::setConfidence(double confidence)
{
    m_confidence = confidence;
    setAccessibleName(tr("AI confidence"));
    setAccessibleDescription(text());
    setToolTip(confidence < 0 ? QString() : tr("How sure the AI is about this draft: %1").arg(text()));
    updateGeometry();
    update();
}

QString ConfidenceBadge::levelName(double confidence)
{
    if (confidence >= 0.8)
        return tr("High");
    if (confidence >= 0.5)
        return tr("Medium");
    return tr("Low");
}

QString ConfidenceBadge::text() const
{
    if (m_confidence < 0)
        return tr("No draft");
    const int percent = static_cast<int>(std::lround(std::clamp(m_confidence, 0.0, 1.0) * 100));
    return tr("%1 % · %2").arg(percent).arg(levelName(m_confidence));
}

QSize ConfidenceBadge::sizeHint() const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    return {metrics.horizontalAdvance(text()) + metrics.height() + 8, metrics.height() + 6};
}

void ConfidenceBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor accent = m_confidence < 0 ? theme::dimText(pal) : theme::confidenceColor(pal, m_confidence);
    const QRectF area = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = area.height() / 2;
    painter.setPen(QPen(accent, 1));
    painter.setBrush(theme::blend(pal.color(QPalette::Window), accent, theme::isDark(pal) ? 0.25 : 0.14));
    painter.drawRoundedRect(area, radius, radius);
    // A dot before the text: the badge reads at a glance even in a screenshot scaled down.
    const qreal dot = area.height() * 0.36;
    painter.setPen(Qt::NoPen);
    painter.setBrush(accent);
    painter.drawEllipse(QPointF(area.left() + radius, area.center().y()), dot / 2, dot / 2);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(theme::isDark(pal) ? accent.lighter(115) : accent.darker(115));
    painter.drawText(area.adjusted(radius + dot, 0, -radius / 2, 0), Qt::AlignCenter, text());
}

} // namespace tandem::ui
