#pragma once

#include "core/Enums.h"

#include <QColor>
#include <QPalette>

//! Colours derived from the platform palette, so every widget follows light and dark themes.
//! Accents are mid-tone hues picked per theme; backgrounds are the palette's Base/Window blended
//! with an accent, never a hard-coded white.
namespace tandem::ui::theme {

//! True when the palette's window colour is dark.
bool isDark(const QPalette &palette);

//! \a a blended towards \a b by \a amount (0..1).
QColor blend(const QColor &a, const QColor &b, double amount);

//! The accent of a thread entry: customer, agent, AI, internal note.
QColor authorAccent(const QPalette &palette, AuthorKind kind, bool internal);
//! A card background for a thread entry: Base tinted by its accent.
QColor authorBackground(const QPalette &palette, AuthorKind kind, bool internal);

QColor priorityColor(const QPalette &palette, Priority priority);
//! Green for a confident draft, amber for a middling one, red for a weak one.
QColor confidenceColor(const QPalette &palette, double confidence);
//! Overdue SLA and errors.
QColor dangerColor(const QPalette &palette);
QColor warningColor(const QPalette &palette);
QColor successColor(const QPalette &palette);
//! Secondary text (timestamps, hints): between Text and Base.
QColor dimText(const QPalette &palette);

//! "#rrggbb" for use in generated (escaped) HTML.
QString cssColor(const QColor &color);

} // namespace tandem::ui::theme
