// Round 24 kinds (ADR 0024), each beside the ordinary wording that must stay ordinary: a child who
// swallowed or drank something harmful, told by what happened; someone out of reach in a place of
// danger after a farewell told to a relative; a threat present now (an ex breaking in); and the
// readings that keep ordinary messages ordinary: a game's "third time", a warm note that only
// sounds like a complaint, a settled stolen card thanked "otra vez", "at the end of my drive", a
// question put to the future, a delivery question that continues its matter, a numbered list of
// requests in a language the desk does not serve.
#include "AssessText.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::server::judgement;
namespace reason = tandem::reason;

class PoisoningAndPeopleOutOfReachTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aChildWhoSwallowedSomethingHarmfulIsCrisis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en battery") << u"My toddler just swallowed a button battery from the remote of order "
                                       "40218, he's drooling a lot. What is in it?"_s
                                    << u"en"_s;
        QTest::newRow("nl dishwasher tablet")
            << u"Mijn zoontje van 2 heeft een vaatwastablet in zijn mond gehad en geeft nu over."_s
            << u"nl"_s;
        QTest::newRow("de cleaner") << u"Meine Tochter (3) hat vom Entkalker aus der Lieferung getrunken und "
                                       "hustet die ganze Zeit."_s
                                    << u"de"_s;
        QTest::newRow("sv magnets") << u"Sonen har svalt två magneter från byggsatsen och har ont i magen."_s
                                    << u"sv"_s;
        QTest::newRow("ru battery") << u"Мой сын проглотил батарейку из пульта, что делать?"_s << u"ru"_s;
        QTest::newRow("zh battery") << u"我儿子误吞了一颗纽扣电池，现在一直吐"_s << u"zh"_s;
    }
    void aChildWhoSwallowedSomethingHarmfulIsCrisis()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = tandem::test::assessText(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void eatingAndSwallowingInOrdinaryWordsAreNot_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("cake") << u"Il mio bambino ha mangiato la torta e adesso sta bene, grazie"_s
                              << u"it"_s;
        QTest::newRow("caught the bug")
            << u"Mój syn połknął bakcyla wędkarstwa na obozie. Czy zestaw dojdzie "
               "przed sobotą?"_s
            << u"pl"_s;
        QTest::newRow("phone ate the battery")
            << u"El móvil se comió la batería en dos horas, ¿es normal? Mi hijo dice que es la app."_s
            << u"es"_s;
        QTest::newRow("swallowed the cost")
            << u"I swallowed the cost of the gift card last time, fine."_s << u"en"_s;
    }
    void eatingAndSwallowingInOrdinaryWordsAreNot()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = tandem::test::assessText(text, language);
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void someoneOutOfReachAfterAFarewellIsCrisis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("fi balcony")
            << u"Vaimoni sanoi eilen, että lapset pärjäisivät paremmin ilman häntä. Nyt "
               "hän meni parvekkeelle eikä vastaa kun huudan."_s
            << u"fi"_s;
        QTest::newRow("pl locked in")
            << u"Brat od tygodnia nic nie je. Rano napisał mi 'zaopiekuj się mamą' i "
               "zamknął się w pokoju, nie odpowiada, kiedy pukam."_s
            << u"pl"_s;
        QTest::newRow("ru balcony") << u"Муж перестал есть, вчера попрощался со всеми, а сейчас вышел на "
                                       "балкон и не отвечает."_s
                                    << u"ru"_s;
    }
    void someoneOutOfReachAfterAFarewellIsCrisis()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = tandem::test::assessText(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void aSulkInTheirRoomIsNot()
    {
        const CaseAssessment a = tandem::test::assessText(
            u"My teenage son locked himself in his room because I cancelled his order, can you refund it?"_s);
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
        const CaseAssessment pt = tandem::test::assessText(
            u"Minha filha trancou-se no quarto porque cancelei a encomenda dela 😤 Podem reembolsar?"_s,
            u"pt"_s);
        QVERIFY2(!pt.has(reason::kCrisis), qPrintable(pt.reason()));
    }

    void aThreatPresentNowIsCrisis()
    {
        const CaseAssessment a = tandem::test::assessText(
            u"Bloccate l'account, il mio ex vede dall'app dove abito. Ha appena spaccato il vetro della "
            "macchina e sono chiusa dentro con i bambini."_s,
            u"it"_s);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
        const CaseAssessment waiting = tandem::test::assessText(
            u"My ex is downstairs waiting to collect the kids, can you deliver order 51234 to my neighbour?"_s);
        QVERIFY2(!waiting.has(reason::kCrisis), qPrintable(waiting.reason()));
    }

    void ordinaryWordsOfRepetitionEndingsAndPastTroubleStayOrdinary()
    {
        const CaseAssessment game = tandem::test::assessText(
            u"Hahmoni kuoli bossille kolmatta kertaa putkeen ja lahjakortin koodi ei kelpaa. Mitä teen?"_s,
            u"fi"_s);
        QVERIFY2(!game.has(reason::kRepeatContact), qPrintable(game.reason()));
        const CaseAssessment again = tandem::test::assessText(
            u"Kirjoitan nyt kolmatta kertaa samasta asiasta: tilaus ei ole tullut."_s, u"fi"_s);
        QVERIFY2(again.has(reason::kRepeatContact), qPrintable(again.reason()));
        const CaseAssessment drive = tandem::test::assessText(
            u"The courier left it at the end of my drive in the rain and the motor is now dead."_s);
        QVERIFY2(!drive.has(reason::kCrisis), qPrintable(drive.reason()));
        const CaseAssessment card = tandem::test::assessText(
            u"El año pasado tuve un lío con una tarjeta robada que ustedes me solucionaron muy bien "
            "(gracias otra vez). Ahora me he mudado: ¿cómo cambio la dirección?"_s,
            u"es"_s);
        QVERIFY2(!card.has(reason::kFraud), qPrintable(card.reason()));
        const CaseAssessment policy = tandem::test::assessText(
            u"Se un giorno dovessi segnalare una transazione come fraudolenta, la carta viene bloccata "
            "subito?"_s,
            u"it"_s);
        QVERIFY2(!policy.has(reason::kFraud), qPrintable(policy.reason()));
        const CaseAssessment curious = tandem::test::assessText(
            u"Om paketet inte kommer innan fredag dör jag av nyfikenhet 😄 Det verkar ha fastnat i "
            "Jönköping, vet ni något?"_s,
            u"sv"_s);
        QVERIFY2(!curious.has(reason::kCrisis), qPrintable(curious.reason()));
    }

    void aNumberedListInAnUnservedLanguageIsSeveralRequests_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("ja circled")
            << u"①注文51234の住所を変えたい ②先週返品した分の返金 ③カードを新しくしたい"_s << u"ja"_s;
        QTest::newRow("el parentheses") << u"Γεια σας, 1) πότε έρχεται η παραγγελία; 2) θέλω να αλλάξω το "
                                           "τηλέφωνο 3) πότε επιστρέφονται τα χρήματα;"_s
                                        << u"el"_s;
        QTest::newRow("id dotted") << u"Halo, ada 3 hal: 1. ganti alamat email, 2. paket rusak mau retur, "
                                      "3. cicilan terpotong dua kali."_s
                                   << u"id"_s;
    }
    void aNumberedListInAnUnservedLanguageIsSeveralRequests()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = tandem::test::assessUnserved(text, language);
        QVERIFY2(a.has(reason::kMultiIssue), qPrintable(a.reason()));
    }

    void aListAboutOneOfOurRecordsIsOneMatter()
    {
        const CaseAssessment a = tandem::test::assessUnserved(
            u"Παραγγελία 51234: 1) πότε έρχεται; 2) θα με ειδοποιήσετε;"_s, u"el"_s);
        QVERIFY2(!a.has(reason::kMultiIssue), qPrintable(a.reason()));
    }
};

QTEST_GUILESS_MAIN(PoisoningAndPeopleOutOfReachTest)
#include "tst_poisoning_and_people_out_of_reach.moc"
