#pragma once

#include "app/StreamEvent.h"

#include <QColor>
#include <QPixmap>
#include <QRectF>

class QPainter;
class QPalette;

namespace tandem::ui {

//! The two presence glyphs, painted (no icon files): an eye for "viewing" and a speech bubble
//! with three dots for "typing". Shared by the inbox row and the ticket's presence bar.
class PresenceGlyph
{
public:
    //! Paints \a state into \a rect (square works best) in \a color.
    static void paint(QPainter *painter, const QRectF &rect, app::PresenceState state, const QColor &color);
    //! The glyph as a pixmap of \a size logical pixels at \a devicePixelRatio.
    static QPixmap pixmap(app::PresenceState state, const QColor &color, int size, qreal devicePixelRatio);
    //! Typing is amber (a reply may be on its way), viewing is the dim text colour.
    static QColor color(const QPalette &palette, app::PresenceState state);
};

} // namespace tandem::ui
