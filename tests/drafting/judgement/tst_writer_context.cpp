// Round 13 of the judgement (issue 11, ADR 0013): what the shape of a message and the writer's own
// context say about its words of risk. A sentence the writer laughs at, the title of a book or a
// song, the writer's work or volunteering, a loss years back, "if I die" in an estate question:
// background, not the writer's situation. The same words as the writer's present situation still
// route to a person, with the right reason.
#include "AssessText.h"

#include "server/drafting/judgement/Figurative.h"
#include "server/drafting/judgement/TextFolding.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server::judgement;

namespace {

QStringList spanTexts(const QString &text, const TextSpans &spans)
{
    QStringList out;
    for (const auto &[start, end] : spans)
        out.append(text.mid(start, end - start).trimmed());
    return out;
}

} // namespace

class WriterContextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void laughterMarksTheSentence()
    {
        const QString text =
            fold(u"Hola. Casi me muero del susto jajaja cuando vi la factura. ¿Me la reenviáis?"_s);
        const QStringList sentences = spanTexts(text, laughingSentences(text));
        QCOMPARE(sentences.size(), 1);
        QVERIFY2(sentences.first().contains(u"jajaja"_s), qPrintable(sentences.join(u'|')));
        QVERIFY(!sentences.first().contains(u"reenviais"_s));
        // A laugh on its own after the sentence it laughs at.
        const QString after = fold(u"I'm literally dead. 😂 Anyway, where is my parcel?"_s);
        QVERIFY(spanTexts(after, laughingSentences(after)).join(u' ').contains(u"dead"_s));
        // Suicide or self-harm named outright is read even beside a laugh.
        const QString named = fold(u"honestly i want to kill myself lol. the app logged me out again"_s);
        QVERIFY(laughingSentences(named).isEmpty());
        // "ja" alone is Swedish and German for yes: no laugh.
        const QString yes = fold(u"Ja, ich möchte die Bestellung stornieren."_s);
        QVERIFY(laughingSentences(yes).isEmpty());
    }

    void titlesNeedAWorkNamed()
    {
        const QString book = u"Kann ich das Buch „Tod auf dem Nil“ noch umtauschen?"_s;
        QCOMPARE(spanTexts(book, titleSpans(book, fold(book), u"de")), QStringList{u"„Tod auf dem Nil“"_s});
        // A threat quoted from a text message is no title: nothing names a work.
        const QString threat = u"My ex texted me \"You're dead when I find you\" and he's outside."_s;
        QVERIFY(titleSpans(threat, fold(threat), u"en").isEmpty());
        // Outside German a capital in mid-sentence opens a name; the pronoun I does not.
        const QString song =
            u"Ordered the vinyl for my mum because Another Brick is her song, and I love it too."_s;
        const QStringList runs = spanTexts(song, titleSpans(song, fold(song), u"en"));
        QVERIFY2(runs.contains(u"Another Brick is her song"_s), qPrintable(runs.join(u'|')));
        QVERIFY(
            std::none_of(runs.cbegin(), runs.cend(), [](const QString &r) { return r.startsWith(u"I "); }));
    }

    void writerAndYears()
    {
        QVERIFY(speaksOfWriter(fold(u"mein Mann ist gestorben"_s)));
        QVERIFY(speaksOfWriter(fold(u"jag orkar inte"_s)));
        QVERIFY(!speaksOfWriter(fold(u"suicidio"_s)));
        QVERIFY(!speaksOfWriter(fold(u"personnes en fin de vie"_s)));
        const QString text = fold(u"Mijn moeder is in 2014 overleden. Sinds 2025 woon ik in Gent."_s);
        const QStringList years = spanTexts(text, pastYearSentences(text, 2026, 2));
        QCOMPARE(years.size(), 1);
        QVERIFY(years.first().contains(u"2014"_s));
    }

    void notTheWritersSituation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("es laughing at an idiom")
            << u"Me muero jajaja, he pedido dos veces la misma sudadera. ¿Puedo devolver una?"_s << u"es"_s;
        QTest::newRow("en gaming, laughing")
            << u"My daughter keeps getting killed by the final boss lol, can I buy her the expansion with "
               "my gift card balance?"_s
            << u"en"_s;
        QTest::newRow("pt trainer, laughing")
            << u"Meu treinador vai me matar kkkk, comprei halteres errados. Posso trocar pelo de 5 kg?"_s
            << u"pt"_s;
        QTest::newRow("en song title quoted")
            << u"The vinyl of 'Suicide Is Painless' arrived scratched, can I get a replacement copy?"_s
            << u"en"_s;
        QTest::newRow("it film title")
            << u"Il DVD di «Morte a Venezia» è arrivato con la custodia rotta: me lo sostituite?"_s
            << u"it"_s;
        QTest::newRow("en helpline volunteer")
            << u"I volunteer for a suicide helpline two evenings a week. Could you send me a receipt for "
               "the donation I made through your charity page?"_s
            << u"en"_s;
        QTest::newRow("de palliative carer")
            << u"Ich arbeite im Hospiz und begleite Sterbende in der Nachtschicht. Können Sie meine "
               "Pakete an die Packstation liefern?"_s
            << u"de"_s;
        QTest::newRow("pl debt adviser")
            << u"Pracuję jako doradca dłużników osób zadłużonych i pytam o opłatę za nieudane polecenie "
               "zapłaty na moim koncie."_s
            << u"pl"_s;
        QTest::newRow("fi loss years back")
            << u"Isäni kuoli 2012. Hänen nimensä näkyy yhä laskutusosoitteessa, miten sen voi vaihtaa?"_s
            << u"fi"_s;
        QTest::newRow("de long ago, manages")
            << u"Meine Frau ist vor neun Jahren gestorben. Ich komme alleine gut zurecht, möchte aber ihr "
               "altes Kartenprofil löschen."_s
            << u"de"_s;
        QTest::newRow("de hospital stay over, well again")
            << u"Ich lag im Oktober zwei Wochen im Krankenhaus (inzwischen geht es mir wieder gut) und "
               "habe die Abholfrist verpasst. Können Sie das Paket 41177 noch einmal schicken?"_s
            << u"de"_s;
        QTest::newRow("en card for emergencies, a question")
            << u"I'm giving my daughter a second card for emergencies. If someone ever used it without "
               "asking, would you refund it?"_s
            << u"en"_s;
        QTest::newRow("sv if I die, a general question")
            << u"Bara av nyfikenhet, inget har hänt: vad händer med saldot om jag dör? Skriver testamente "
               "nu."_s
            << u"sv"_s;
    }
    void notTheWritersSituation()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
        QVERIFY2(!a.has(reason::kVulnerable), qPrintable(a.reason()));
    }

    void stillTheWritersSituation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::newRow("en laughing elsewhere, risk named")
            << u"Sorry for the rambling haha. I have the pills ready and I am going to end my life tonight."_s
            << u"en"_s << reason::kCrisis.toString();
        QTest::newRow("en named outright beside a laugh")
            << u"i want to kill myself lol, cancel my subscription"_s << u"en"_s
            << reason::kCrisis.toString();
        QTest::newRow("en works at a bakery, bereaved")
            << u"I work at a bakery and since my husband died last month I cannot cope with the bills."_s
            << u"en"_s << reason::kVulnerable.toString();
        QTest::newRow("nl death last year, struggling")
            << u"Mijn vrouw is vorig jaar overleden en ik kom er financieel niet meer uit."_s << u"nl"_s
            << reason::kVulnerable.toString();
        QTest::newRow("de age, does not manage")
            << u"Ich bin 82 Jahre alt und komme mit dem Handy nicht gut zurecht. Können Sie mich anrufen?"_s
            << u"de"_s << reason::kVulnerable.toString();
        QTest::newRow("sv age, does not manage")
            << u"Jag är 88 och klarar mig inte bra med appen längre, kan någon ringa mig?"_s << u"sv"_s
            << reason::kVulnerable.toString();
        QTest::newRow("de hospital now, not well")
            << u"Ich liege seit Montag im Krankenhaus, es geht mir schlecht, und die Rate ist fällig. "
               "Können Sie mich anrufen?"_s
            << u"de"_s << reason::kVulnerable.toString();
        QTest::newRow("en husband died last month, all fine is no background")
            << u"My husband died last month. The app is fine now, but I cannot manage the payments on "
               "my own, could someone call me?"_s
            << u"en"_s << reason::kVulnerable.toString();
        QTest::newRow("en a song title, then a crisis")
            << u"Cancel the album 'Goodbye Yellow Brick Road'. I won't be here next week, I've said my "
               "goodbyes and given my cat away."_s
            << u"en"_s << reason::kCrisis.toString();
    }
    void stillTheWritersSituation()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(code), qPrintable(a.reason()));
    }
};

QTEST_GUILESS_MAIN(WriterContextTest)
#include "tst_writer_context.moc"
