// The desk's language (ui/UiLanguage): strings, layout direction and formats follow the language
// Tandem actually speaks, not the system locale alone (an Arabic system with no Arabic catalogue
// got English strings laid out right to left; a German one, German dates in an English UI).
#include "ui/UiLanguage.h"

#include <QApplication>
#include <QDate>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using tandem::ui::UiLanguage;

class UiLanguageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void untranslatedLanguagesGetEnglishInTheirTerritory()
    {
        const QLocale german = UiLanguage::choose(QLocale(QLocale::German, QLocale::Germany), false);
        QCOMPARE(german.language(), QLocale::English);
        QCOMPARE(german.textDirection(), Qt::LeftToRight);
        QVERIFY(!german.toString(QDate(2026, 12, 4), u"MMMM"_s).contains(u"Dezember"_s));
        const QLocale arabic = UiLanguage::choose(QLocale(QLocale::Arabic, QLocale::SaudiArabia), false);
        QCOMPARE(arabic.language(), QLocale::English);
        QCOMPARE(arabic.textDirection(), Qt::LeftToRight);
    }

    void translatedLanguagesAreKept()
    {
        const QLocale swedish(QLocale::Swedish, QLocale::Sweden);
        QCOMPARE(UiLanguage::choose(swedish, true), swedish);
        const QLocale arabic(QLocale::Arabic, QLocale::Egypt);
        QCOMPARE(UiLanguage::choose(arabic, true).textDirection(), Qt::RightToLeft);
        const QLocale british(QLocale::English, QLocale::UnitedKingdom);
        QCOMPARE(UiLanguage::choose(british, false), british);
    }

    void aCatalogueWithOnlyTheLayoutDirectionIsNotALanguage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto compile = [&dir](const QString &name, const QString &messages) {
            const QString ts = dir.filePath(name + u".ts"_s);
            QFile file(ts);
            if (!file.open(QIODevice::WriteOnly))
                return QString();
            file.write(
                (u"<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE TS><TS version=\"2.1\" language=\"ar\">"_s +
                 messages + u"</TS>"_s)
                    .toUtf8());
            file.close();
            const QString qm = dir.filePath(name + u".qm"_s);
            QProcess lrelease;
            lrelease.start(QString::fromUtf8(TANDEM_LRELEASE), {ts, u"-qm"_s, qm});
            return lrelease.waitForFinished(60000) && lrelease.exitCode() == 0 ? qm : QString();
        };
        const QString layoutOnly = compile(
            u"layout"_s, u"<context><name>QGuiApplication</name><message><source>QT_LAYOUT_DIRECTION</source>"
                         "<translation>RTL</translation></message></context>"_s);
        const QString desk =
            compile(u"desk"_s,
                    u"<context><name>tandem::ui::MainWindowActions</name><message><source>&amp;Send</source>"
                    "<translation>إرسال</translation></message></context>"_s);
        QVERIFY(!layoutOnly.isEmpty() && !desk.isEmpty());
        QTranslator onlyDirection;
        QVERIFY(onlyDirection.load(layoutOnly));
        QVERIFY(!onlyDirection.isEmpty());
        QVERIFY(!UiLanguage::speaksTheDesk(onlyDirection));
        QTranslator speaking;
        QVERIFY(speaking.load(desk));
        QVERIFY(UiLanguage::speaksTheDesk(speaking));
    }

    // This binary embeds no catalogues, as a language without a translation: the whole
    // application ends up English and left to right, dates included.
    void installingForAnArabicSystemWithoutACatalogue()
    {
        const QLocale chosen = UiLanguage::install(*qApp, QLocale(QLocale::Arabic, QLocale::SaudiArabia));
        QCOMPARE(chosen.language(), QLocale::English);
        QCOMPARE(QLocale().language(), QLocale::English);
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        QCOMPARE(QLocale().toString(QDate(2026, 12, 4), u"MMMM"_s), u"December"_s);
    }
};

QTEST_MAIN(UiLanguageTest)
#include "UiLanguageTest.moc"
