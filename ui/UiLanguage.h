#pragma once

#include <QLocale>

class QCoreApplication;
class QTranslator;

namespace tandem::ui {

//! The language the desk speaks, and everything that must follow it: Qt's own strings, the
//! layout direction and the formats of dates and numbers. It is the system's language when
//! Tandem has a translation for it (a catalogue that is not empty), otherwise English in the
//! system's territory ("en_DE": English words, day before month, 24-hour clock). So an Arabic or
//! German system with no Arabic or German catalogue gets an English, left-to-right desk with no
//! German month names in it, instead of English strings laid out right to left.
class UiLanguage
{
public:
    //! A catalogue speaks the desk when it translates its main commands. One that only carries
    //! the layout direction (the Arabic catalogue before its strings are translated) does not:
    //! loading it turned the desk right to left around English words.
    static bool speaksTheDesk(const QTranslator &catalogue);
    //! The UI locale for \a system, given whether Tandem has a non-empty translation for it.
    static QLocale choose(const QLocale &system, bool translated);
    //! Installs the translators (English plural forms, Tandem's catalogue for \a system when it
    //! has one, then Qt's own for the same language), makes the chosen locale the default and,
    //! in a GUI application, sets the layout direction from it. Returns the chosen locale.
    static QLocale install(QCoreApplication &app, const QLocale &system = QLocale::system());
};

} // namespace tandem::ui
