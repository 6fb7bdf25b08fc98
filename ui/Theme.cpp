#include "Theme.h"

using namespace Qt::StringLiterals;

namespace tandem::ui::theme {
namespace {

// Each accent has a light-theme and a dark-theme variant with enough contrast on Base.
QColor pick(const QPalette &palette, const char *light, const char *dark)
{
    return QColor::fromString(QLatin1StringView(isDark(palette) ? dark : light));
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor blend(const QColor &a, const QColor &b, double amount)
{
    const double t = std::clamp(amount, 0.0, 1.0);
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QColor authorAccent(const QPalette &palette, AuthorKind kind, bool internal)
{
    if (internal)
        return pick(palette, "#b7791f", "#e0b252");
    switch (kind) {
    case AuthorKind::Customer:
        return pick(palette, "#2b6cb0", "#63a4ec");
    case AuthorKind::Agent:
        return pick(palette, "#2f855a", "#5fc48d");
    case AuthorKind::Ai:
        return pick(palette, "#6b46c1", "#a78bfa");
    case AuthorKind::System:
        break;
    }
    return dimText(palette);
}

QColor authorBackground(const QPalette &palette, AuthorKind kind, bool internal)
{
    const QColor base = palette.color(QPalette::Base);
    return blend(base, authorAccent(palette, kind, internal), isDark(palette) ? 0.16 : 0.08);
}

QColor priorityColor(const QPalette &palette, Priority priority)
{
    switch (priority) {
    case Priority::Urgent:
        return dangerColor(palette);
    case Priority::High:
        return pick(palette, "#c05621", "#f6a35c");
    case Priority::Normal:
        return pick(palette, "#2b6cb0", "#63a4ec");
    case Priority::Low:
        break;
    }
    return dimText(palette);
}

QColor confidenceColor(const QPalette &palette, double confidence)
{
    if (confidence >= 0.8)
        return successColor(palette);
    if (confidence >= 0.5)
        return warningColor(palette);
    return dangerColor(palette);
}

QColor dangerColor(const QPalette &palette)
{
    return pick(palette, "#c53030", "#fc8181");
}
QColor warningColor(const QPalette &palette)
{
    return pick(palette, "#b7791f", "#e0b252");
}
QColor successColor(const QPalette &palette)
{
    return pick(palette, "#2f855a", "#5fc48d");
}

QColor dimText(const QPalette &palette)
{
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
}

QString cssColor(const QColor &color)
{
    return color.name(QColor::HexRgb);
}

} // namespace tandem::ui::theme
