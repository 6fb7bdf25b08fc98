#pragma once

#include <QIcon>
#include <QStringView>

namespace tandem::ui {

//! The app's SVG icons (resources/icons/), tinted at paint time with the current palette's text
//! colour so they read well on light and dark themes. Names starting with "app-" keep their colours.
class Icons
{
public:
    //! The icon ":/icons/<name>.svg"; a null icon if there is no such file.
    static QIcon get(QStringView name);
};

} // namespace tandem::ui
