// English plural forms (translations/tandem_en.ts): every tr("... %n ...") of ui/ and app/ has
// its two finished forms there (lupdate -pluralonly over today's sources, compared), and the
// compiled catalogue really turns "%n draft(s)" into "1 draft" / "2 drafts" through QTranslator.
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    QString context;
    QString source;
    QStringList forms;
    bool finished = true;
};

//! The numerus messages of a .ts file, keyed "context\nsource".
QHash<QString, Entry> numerusEntries(const QString &path, QString *error)
{
    QHash<QString, Entry> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name")
                context = xml.readElementText();
            else if (xml.name() == u"message") {
                numerus = xml.attributes().value(u"numerus"_s) == u"yes";
                entry = Entry{context, {}, {}, true};
            } else if (xml.name() == u"source")
                entry.source = xml.readElementText();
            else if (xml.name() == u"translation")
                entry.finished = xml.attributes().value(u"type"_s).isEmpty();
            else if (xml.name() == u"numerusform")
                entry.forms << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == u"message" && numerus) {
            out.insert(entry.context + u'\n' + entry.source, entry);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

} // namespace

class PluralFormsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyPluralHasItsEnglishForms()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(u"fresh.ts"_s);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QString::fromUtf8(TANDEM_SOURCE_DIR));
        lupdate.start(QString::fromUtf8(TANDEM_LUPDATE),
                      {u"-pluralonly"_s, u"-locations"_s, u"none"_s, u"-target-language"_s, u"en"_s, u"ui"_s,
                       u"app"_s, u"-ts"_s, fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QString error;
        const QHash<QString, Entry> wanted = numerusEntries(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(wanted.size() >= 20);
        const QHash<QString, Entry> have =
            numerusEntries(QString::fromUtf8(TANDEM_SOURCE_DIR) + u"/translations/tandem_en.ts"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing;
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            const Entry entry = have.value(it.key());
            const bool ok = entry.finished && entry.forms.size() == 2 &&
                            std::none_of(entry.forms.cbegin(), entry.forms.cend(), [](const QString &form) {
                                return form.isEmpty() || form.contains(u"(s)"_s) || !form.contains(u"%n"_s);
                            });
            if (!ok)
                missing << it.value().source;
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(u"run tools/update-plural-forms.sh and give these their forms: "_s +
                            missing.join(u" | "_s)));
    }

    void theCatalogueSaysOneAndMany()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString qm = dir.filePath(u"tandem_en.qm"_s);
        QProcess lrelease;
        lrelease.start(
            QString::fromUtf8(TANDEM_LRELEASE),
            {QString::fromUtf8(TANDEM_SOURCE_DIR) + u"/translations/tandem_en.ts"_s, u"-qm"_s, qm});
        QVERIFY(lrelease.waitForFinished(60000));
        QCOMPARE(lrelease.exitCode(), 0);
        QTranslator translator;
        QVERIFY(translator.load(qm));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const char *context = "tandem::ui::SupervisorPerformanceTab";
        QCOMPARE(QCoreApplication::translate(context, "%n draft(s) in this period.", nullptr, 1),
                 u"1 draft in this period."_s);
        QCOMPARE(QCoreApplication::translate(context, "%n draft(s) in this period.", nullptr, 384),
                 u"384 drafts in this period."_s);
        QCOMPARE(
            QCoreApplication::translate("tandem::ui::ThreadView", "Show %n earlier message(s)", nullptr, 1),
            u"Show 1 earlier message"_s);
        QCOMPARE(QCoreApplication::translate("tandem::app::ViewsModel", "%1, %n ticket(s)", nullptr, 2),
                 u"%1, 2 tickets"_s);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_GUILESS_MAIN(PluralFormsTest)
#include "PluralFormsTest.moc"
