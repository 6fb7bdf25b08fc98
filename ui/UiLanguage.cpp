#include "UiLanguage.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <algorithm>
#include <iterator>
#include <utility>

using namespace Qt::StringLiterals;

namespace tandem::ui {

bool UiLanguage::speaksTheDesk(const QTranslator &catalogue)
{
    if (catalogue.isEmpty())
        return false;
    static const std::pair<const char *, const char *> probes[] = {
        {"tandem::ui::MainWindowActions", "&Send"},
        {"tandem::ui::MainWindowActions", "&Next ticket"},
        {"tandem::ui::DraftEditor", "AI draft"},
    };
    return std::any_of(std::begin(probes), std::end(probes), [&catalogue](const auto &probe) {
        return !catalogue.translate(probe.first, probe.second).isEmpty();
    });
}

QLocale UiLanguage::choose(const QLocale &system, bool translated)
{
    if (translated || system.language() == QLocale::English)
        return system;
    return QLocale(QLocale::English, system.territory());
}

QLocale UiLanguage::install(QCoreApplication &app, const QLocale &system)
{
    // English plural forms first: a translator installed later is asked first, so the UI
    // language wins where it has the string, and "%n draft(s)" still reads "1 draft" where not.
    auto *plurals = new QTranslator(&app);
    if (plurals->load(u"tandem_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(plurals);
    // qt_add_translations embeds the catalogues under :/i18n. One that holds nothing (a
    // language not translated yet) must not switch the desk to that language.
    auto *own = new QTranslator(&app);
    const bool translated = own->load(system, u"tandem"_s, u"_"_s, u":/i18n"_s) && speaksTheDesk(*own);
    const QLocale ui = choose(system, translated);
    if (translated) {
        QCoreApplication::installTranslator(own);
        auto *qt = new QTranslator(&app);
        if (qt->load(ui, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
    } else {
        delete own;
    }
    QLocale::setDefault(ui);
    if (qobject_cast<QGuiApplication *>(&app))
        QGuiApplication::setLayoutDirection(ui.textDirection());
    return ui;
}

} // namespace tandem::ui
