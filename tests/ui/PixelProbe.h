#pragma once

#include <QColor>
#include <QImage>
#include <QRect>
#include <QString>
#include <QTest>
#include <QWidget>

#include <algorithm>
#include <cstdlib>

namespace tandem::test {

//! Pixels of \a image inside \a rect (clipped to the image) within 12 of \a colour per channel:
//! how the UI tests check that a colour is, or is not, drawn.
inline int pixelsLike(const QImage &image, const QRect &rect, const QColor &colour)
{
    int count = 0;
    for (int y = std::max(0, rect.top()); y <= std::min(image.height() - 1, rect.bottom()); ++y) {
        for (int x = std::max(0, rect.left()); x <= std::min(image.width() - 1, rect.right()); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) < 12 && std::abs(c.green() - colour.green()) < 12 &&
                std::abs(c.blue() - colour.blue()) < 12)
                ++count;
        }
    }
    return count;
}

//! With TANDEM_UI_SCREENSHOT_DIR set, saves \a widget there as \a name (for reviewing the look).
inline void keepScreenshot(QWidget *widget, const QString &name)
{
    if (const QString dir = qEnvironmentVariable("TANDEM_UI_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(widget->grab().save(dir + u'/' + name));
}

} // namespace tandem::test
