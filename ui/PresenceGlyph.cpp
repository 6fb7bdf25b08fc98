#include "PresenceGlyph.h"

#include "Theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace tandem::ui {

void PresenceGlyph::paint(QPainter *painter, const QRectF &rect, app::PresenceState state,
                          const QColor &color)
{
    if (state == app::PresenceState::Left)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF box(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    const qreal pen = std::max(1.2, side / 11.0);
    if (state == app::PresenceState::Viewing) {
        // An eye: an almond outline and a filled pupil.
        const qreal cy = box.center().y();
        const QRectF eye = box.adjusted(pen / 2, side * 0.2, -pen / 2, -side * 0.2);
        QPainterPath outline;
        outline.moveTo(eye.left(), cy);
        outline.quadTo(eye.center().x(), eye.top() - side * 0.18, eye.right(), cy);
        outline.quadTo(eye.center().x(), eye.bottom() + side * 0.18, eye.left(), cy);
        painter->setPen(QPen(color, pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(outline);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(box.center(), side * 0.16, side * 0.16);
    } else {
        // A speech bubble with three dots: someone is writing.
        const QRectF bubble = box.adjusted(pen / 2, side * 0.14, -pen / 2, -side * 0.26);
        QPainterPath path;
        path.addRoundedRect(bubble, side * 0.18, side * 0.18);
        QPainterPath tail;
        tail.moveTo(bubble.left() + side * 0.2, bubble.bottom() - pen);
        tail.lineTo(bubble.left() + side * 0.16, box.bottom() - side * 0.08);
        tail.lineTo(bubble.left() + side * 0.42, bubble.bottom() - pen);
        tail.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPath(path.united(tail));
        painter->setBrush(QColor(255, 255, 255, 235));
        const qreal dot = side * 0.085;
        for (int i = -1; i <= 1; ++i)
            painter->drawEllipse(QPointF(bubble.center().x() + i * side * 0.22, bubble.center().y()), dot,
                                 dot);
    }
    painter->restore();
}

QPixmap PresenceGlyph::pixmap(app::PresenceState state, const QColor &color, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, QRectF(0, 0, size, size), state, color);
    return pixmap;
}

QColor PresenceGlyph::color(const QPalette &palette, app::PresenceState state)
{
    return state == app::PresenceState::Typing ? theme::warningColor(palette) : theme::dimText(palette);
}

} // namespace tandem::ui
