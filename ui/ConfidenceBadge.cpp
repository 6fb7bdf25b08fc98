#include "ConfidenceBadge.h"

#include "Theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

int percentOf(double confidence)
{
    return static_cast<int>(std::lround(std::clamp(confidence, 0.0, 1.0) * 100));
}

} // namespace

ConfidenceBadge::ConfidenceBadge(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"confidenceBadge"_s);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setConfidence(-1.0);
}

void ConfidenceBadge::setConfidence(double confidence)
{
    setDraft(confidence, false);
}

bool ConfidenceBadge::isHoldingReply(double confidence, bool needsHuman)
{
    // The engine sets exactly 0 when it writes the reply itself; a model's estimate never is.
    return needsHuman && confidence >= 0.0 && qFuzzyIsNull(confidence);
}

void ConfidenceBadge::setDraft(double confidence, bool needsHuman, bool topicKnown)
{
    m_confidence = confidence;
    m_holding = isHoldingReply(confidence, needsHuman);
    m_noTopic = !topicKnown && !m_holding && confidence >= 0;
    m_personFirst = needsHuman && !m_holding && !m_noTopic && confidence >= 0;
    setAccessibleName(tr("AI confidence"));
    if (m_noTopic) {
        const QString why = tr("The AI recognised no request in this message: its draft asks what the "
                               "customer needs or holds the ticket for a person. Read the conversation "
                               "before sending.");
        setAccessibleDescription(text() + u". "_s + why);
        setToolTip(why);
    } else if (m_personFirst) {
        const QString why = tr("A person must handle this ticket first (the reasons are beside the draft). "
                               "The AI is %1 % sure it read the request right; that does not make the draft "
                               "safe to send.")
                                .arg(percentOf(confidence));
        setAccessibleDescription(text() + u". "_s + why);
        setToolTip(why);
    } else if (m_holding) {
        const QString why = tr("The AI did not answer this message itself: this is a safe holding reply "
                               "for a case a person must handle. Read the conversation before sending.");
        setAccessibleDescription(text() + u". "_s + why);
        setToolTip(why);
    } else {
        setAccessibleDescription(text());
        setToolTip(confidence < 0 ? QString() : tr("How sure the AI is about this draft: %1").arg(text()));
    }
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
    if (m_holding)
        return tr("Holding reply");
    if (m_noTopic)
        return tr("No topic");
    const int percent = percentOf(m_confidence);
    if (m_personFirst)
        return tr("%1 % · person first").arg(percent);
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
    const QColor accent = m_confidence < 0 || m_holding || m_personFirst || m_noTopic
                              ? theme::dimText(pal)
                              : theme::confidenceColor(pal, m_confidence);
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
