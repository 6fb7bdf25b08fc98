// Round 26 (ADR 0026): a past episode the writer closes with thanks or "nothing happened"; a
// subject that names what the body only asks about; a vulnerable circumstance that explains how a
// message sounds; emergencies told by what the writer sees in languages the desk does not serve;
// someone out of reach who said goodbye; openers that only announce a question; a list numbered
// on one line.
#include "AssessText.h"

#include "server/drafting/judgement/Sentences.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::server::judgement::CaseAssessor;
using tandem::server::judgement::CaseInput;
using tandem::test::assessText;
using tandem::test::assessUnserved;
using tandem::test::textInput;

class EpisodesAndCircumstancesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPastEpisodeClosedIsBackground_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en thanks in the same sentence")
            << u"Two years ago someone cloned my card and you refunded every penny (thanks again, you were "
               u"great). Now I'd like to add my new card to the app, it keeps saying invalid."_s
            << u"en"_s;
        QTest::newRow("de nothing happened")
            << u"Letztes Jahr wäre meine Mutter fast auf einen Betrüger am Telefon hereingefallen, die Bank "
               u"hat es rechtzeitig gestoppt. Ruft Lumen eigentlich jemals Kunden an und fragt nach Codes?"_s
            << u"de"_s;
        QTest::newRow("nl a complaint last month, thanked in the next sentence")
            << u"Vorige maand had ik een klacht over een kapotte waterkoker en jullie collega heeft het "
               u"meteen opgelost. Heel erg bedankt daarvoor! Nu wil ik graag weten hoe ik mijn adres wijzig."_s
            << u"nl"_s;
    }
    void aPastEpisodeClosedIsBackground()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(!a.has(reason::kFraud) && !a.has(reason::kComplaint), qPrintable(a.reason()));
    }

    void anEpisodeStillGoingOnIsNot_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en still not refunded")
            << u"Last year my card was stolen and I still haven't got the money back. Thanks."_s << u"en"_s;
        QTest::newRow("en since last year")
            << u"Since last year someone has been using my card details online. Thank you."_s << u"en"_s;
        QTest::newRow("en thanks in advance")
            << u"Two months ago my card was stolen and the thief spent 400 euros. Thanks in advance for "
               u"looking into it."_s
            << u"en"_s;
        QTest::newRow("es happened again")
            << u"El año pasado me robaron la tarjeta y hoy ha vuelto a pasar otra vez, hay cargos que no son "
               u"míos. Gracias."_s
            << u"es"_s;
    }
    void anEpisodeStillGoingOnIsNot()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(reason::kFraud), qPrintable(a.reason()));
    }

    void theSubjectGoesWithTheBodysQuestion()
    {
        // The subject names the theft the body only asks about: a question about the policy.
        CaseInput in = textInput({}, u"fr"_s);
        in.intent = u"payment_due_date"_s;
        in.confidence = 0.8;
        in.subject = u"carte volée ?"_s;
        in.customerText = in.subject +
                          u"\n\nBonjour, simple question : si un jour quelqu'un utilise ma carte "
                          u"de façon frauduleuse, est-ce que je suis remboursée ?"_s;
        const auto asked = CaseAssessor().assess(in);
        QVERIFY2(!asked.has(reason::kFraud), qPrintable(asked.reason()));
        // A subject that names the theft over a body that only asks what to do is the matter itself.
        in.customerText = in.subject + u"\n\nBonjour, que dois-je faire maintenant ?"_s;
        const auto named = CaseAssessor().assess(in);
        QVERIFY2(named.has(reason::kFraud), qPrintable(named.reason()));
    }

    void aVulnerableCircumstanceExplainsHowItSounds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("it illness, alone, asks for a call")
            << u"Buongiorno, ho il Parkinson e vivo da sola al quarto piano. Devo rendere la lavatrice "
               u"dell'ordine 51822 ma non posso spostarla. Potete chiamarmi? Scrivere mi stanca molto."_s
            << u"it"_s;
        QTest::newRow("nl a stroke in the past, writing for a father")
            << u"Goedemiddag, ik schrijf namens mijn moeder (79). Ze heeft vorig jaar een beroerte gehad en "
               u"kan de brieven over haar abonnement niet meer lezen. Kunnen jullie haar rustig bellen?"_s
            << u"nl"_s;
    }
    void aVulnerableCircumstanceExplainsHowItSounds()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
        QVERIFY2(a.has(reason::kVulnerable), qPrintable(a.reason()));
    }

    void aVulnerableCircumstanceBesideDespairIsStillACrisis()
    {
        const auto a = assessText(u"Since my husband died I can't pay the rent, I'm a burden to everyone and "
                                  u"I don't want to go on living."_s);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void anEmergencySeenInAnUnservedLanguage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("he smoke, the curtain caught fire")
            << u"הסוללה מעלה עשן והווילון נדלק, מה לעשות?"_s << u"he"_s;
        QTest::newRow("cs smoke filling the room")
            << u"Z nabíječky jde kouř a místnost je plná kouře, co mám dělat?"_s << u"cs"_s;
        QTest::newRow("da gas smell, everyone dizzy")
            << u"Det lugter af gas i lejligheden og vi er alle svimle, hvad gør vi?"_s << u"da"_s;
    }
    void anEmergencySeenInAnUnservedLanguage()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessUnserved(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void someoneOutOfReachWhoSaidGoodbye_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("es a voice note saying goodbye")
            << u"Perdonad, olvidad lo del pedido: mi hijo me ha mandado un audio despidiéndose y ya no coge "
               u"el móvil."_s
            << u"es"_s;
        QTest::newRow("en sorry for everything")
            << u"Ignore the refund question. My sister texted me that she's sorry for everything and now "
               u"she isn't picking up."_s
            << u"en"_s;
    }
    void someoneOutOfReachWhoSaidGoodbye()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void anOpenerOnlyAnnouncesAQuestion_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << u"Guten Tag,\nich hätte da mal eine Frage."_s << u"de"_s;
        QTest::newRow("fi") << u"moi, voinko kysyä yhtä asiaa"_s << u"fi"_s;
        QTest::newRow("sv") << u"hej\ne de nån där?"_s << u"sv"_s;
        QTest::newRow("en") << u"hello? is this thing working"_s << u"en"_s;
    }
    void anOpenerOnlyAnnouncesAQuestion()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        CaseInput in = textInput(text, language);
        in.messages = {text};
        const auto a = CaseAssessor().assess(in);
        QVERIFY2(a.unclear, qPrintable(a.reason()));
        QVERIFY2(a.codes.isEmpty(), qPrintable(a.reason()));
    }

    void aListNumberedOnOneLineIsSplit()
    {
        const QStringList pieces = server::judgement::splitRequests(
            u"hej! 1. var är återbetalningen för 33902? 2. kan jag ändra leveransadress på 33987 3. glömt "
            u"lösenordet"_s);
        QVERIFY2(pieces.size() == 4, qPrintable(pieces.join(u" | "_s)));
        QVERIFY2(pieces.at(1).startsWith(u"1. var"_s), qPrintable(pieces.join(u" | "_s)));
        QVERIFY2(pieces.last().startsWith(u"3. glömt"_s), qPrintable(pieces.join(u" | "_s)));
        // A date is no list: "am 1. Mai" stays in its sentence.
        const QStringList date = server::judgement::splitRequests(u"Ich habe am 1. Mai bestellt."_s);
        QCOMPARE(date.size(), 1);
    }
};

QTEST_GUILESS_MAIN(EpisodesAndCircumstancesTest)
#include "tst_episodes_and_circumstances.moc"
