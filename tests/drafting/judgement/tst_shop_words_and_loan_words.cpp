// Round 29 (ADR 0029): a shop's everyday matters and the words people borrow. A question about a
// sale, a discount code, an exchange for another colour or a restock is ours, never out of scope;
// an order number written "cmd 41290" is a record; a few Italian words around "password" are
// Italian. A past theft said settled in the next sentence is over. Stepping in front of the next
// train, a farewell by mail in Slovak, the rest shared out among friends in Slovene, a swallowed
// battery in Croatian and "malam ini saya mau udahan" are crises; "Ihre letzte Nachricht", "jag
// orkar inte med er app", a mother "po udarze" and "left in safe place, which threw me" are not.
#include "AssessText.h"

#include "server/drafting/LanguageDetector.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::server::LanguageDetector;
using tandem::server::judgement::CaseAssessor;
using tandem::test::assessText;
using tandem::test::assessUnserved;
using tandem::test::textInput;

class ShopWordsAndLoanWordsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loanWordsKeepTheCustomersLanguage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("language");
        QTest::newRow("it password") << u"come cambio la password"_s << u"it"_s << u"it"_s;
        QTest::newRow("es password") << u"cambiar mi password"_s << u"es"_s << u"es"_s;
        QTest::newRow("it profile, English sentence")
            << u"how do I change my password?"_s << u"it"_s << u"en"_s;
        QTest::newRow("de profile, English greeting and thanks")
            << u"Hi, my order has not arrived yet, thanks"_s << u"de"_s << u"en"_s;
        QTest::newRow("en profile") << u"come cambio la password"_s << u"en"_s << u"en"_s;
    }
    void loanWordsKeepTheCustomersLanguage()
    {
        QFETCH(QString, text);
        QFETCH(QString, profile);
        QFETCH(QString, language);
        QCOMPARE(LanguageDetector::decide(text, profile), language);
    }

    void aShopsMattersAreOurs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en sale and code")
            << u"is the spring sale still on, and does SPRING10 work?"_s << u"en"_s;
        QTest::newRow("en exchange") << u"got a blue scarf instead of a green one, can I exchange it?"_s
                                     << u"en"_s;
        QTest::newRow("de restock") << u"die grauen Sneaker in 42, kommen die nochmal rein?"_s << u"de"_s;
        QTest::newRow("sv swap colour") << u"kan jag byta jackan mot en annan färg?"_s << u"sv"_s;
        QTest::newRow("fi sale") << u"onko joulun ale jo alkanut?"_s << u"fi"_s;
        QTest::newRow("pl discount code") << u"czy kod LATO15 jeszcze działa?"_s << u"pl"_s;
        QTest::newRow("sv membership pause") << u"Kan man pausa medlemskapet i två månader?"_s << u"sv"_s;
    }
    void aShopsMattersAreOurs()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        server::judgement::CaseInput in = textInput(text, language);
        in.outOfScope = true; // the intent model knows no such topic
        const auto a = CaseAssessor().assess(in);
        QVERIFY2(!a.has(reason::kOutOfScope), qPrintable(a.reason()));
    }

    void anAbbreviatedOrderNumberIsARecord()
    {
        for (const QString &text : {u"remboursement cmd 41290 toujours rien"_s, u"ped. 55012 no llega"_s,
                                    u"Best.-Nr. 44120 fehlt noch"_s}) {
            const auto a = assessText(text, u"fr"_s);
            QVERIFY2(a.recordCited, qPrintable(text));
        }
        QVERIFY(!assessText(u"the best day of my life"_s).recordCited);
    }

    void aTheftSaidSettledInTheNextSentenceIsOver()
    {
        const auto a = assessText(u"Last spring my card was stolen and someone spent 300 euros with it. You "
                                  "sorted it out quickly and it has all long been settled. Now I want to add "
                                  "my new card in the app, how?"_s);
        QVERIFY2(!a.has(reason::kFraud), qPrintable(a.reason()));
        // Without the settling sentence the theft is the matter.
        const auto open = assessText(u"Yesterday my card was stolen and someone spent 300 euros with it."_s);
        QVERIFY2(open.has(reason::kFraud), qPrintable(open.reason()));
    }

    void theseAreCrises_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("served");
        QTest::newRow("nl next train")
            << u"ik sta op station Utrecht en denk erover om voor de volgende trein te stappen"_s << u"nl"_s
            << true;
        QTest::newRow("en next train")
            << u"I keep thinking about stepping in front of the next train"_s << u"en"_s << true;
        QTest::newRow("fi colloquial")
            << u"ei sillä oo väliä. kaikille ois helpompaa ilman mua, en usko et oon enää olemassa"_s
            << u"fi"_s << true;
        QTest::newRow("sk last mail")
            << u"Toto je posledný mail, čo odo mňa dostanete. Heslá som nechal bratovi v zásuvke."_s
            << u"sk"_s << false;
        QTest::newRow("sl shared out")
            << u"Knjige sem že razdelil med prijatelje. Tega ne bom več rabil, hvala za vso pomoč v teh "
               "letih."_s
            << u"sl"_s << false;
        QTest::newRow("en affairs in order, tonight")
            << u"I have put my affairs in order. After tonight nobody will have to deal with me."_s << u"en"_s
            << true;
        QTest::newRow("id tonight")
            << u"Gak usah dibalas. Saya udah capek, malam ini saya mau udahan aja. Saldonya kirim ke istri "
               "saya."_s
            << u"id"_s << false;
    }
    void theseAreCrises()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(bool, served);
        const auto a = served ? assessText(text, language) : assessUnserved(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void theseAreNotCrises_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("served");
        QTest::newRow("de your last message") << u"Ich bin nach der Chemotherapie oft erschöpft. Ihre letzte "
                                                 u"Nachricht zum Konto habe ich nicht "
                                                 "verstanden, bitte rufen Sie mich an."_s
                                              << u"de"_s << true;
        QTest::newRow("sv fed up with the app")
            << u"jag orkar inte med er app längre, den loggar ut mig hela tiden"_s << u"sv"_s << true;
        QTest::newRow("pl after a stroke")
            << u"Muszę kupić leki dla taty, który jest po udarze, czy mogę przesunąć ratę?"_s << u"pl"_s
            << true;
        QTest::newRow("en safe place")
            << u"The app said 'left in safe place', which threw me. Where is it?"_s << u"en"_s << true;
        QTest::newRow("en estate question") << u"I'm 81 and putting my affairs in order so the children have "
                                               u"no hassle one day. What happens to "
                                               "the balance after the account holder's death?"_s
                                            << u"en"_s << true;
        QTest::newRow("de estate question")
            << u"Ich bin 76 und ordne gerade meine finanziellen Angelegenheiten, damit mein Sohn später "
               u"keine "
               "Arbeit hat. Was passiert mit dem Guthaben nach dem Tod des Kontoinhabers?"_s
            << u"de"_s << true;
        QTest::newRow("ur delivery") << u"میرے آرڈر کی ترسیل کب ہوگی؟ ٹریکنگ میں کچھ نہیں دکھ رہا"_s
                                     << u"ur"_s << false;
    }
    void theseAreNotCrises()
    {
        // (Affairs put in order before "tonight" are still a crisis: theseAreCrises.)
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(bool, served);
        const auto a = served ? assessText(text, language) : assessUnserved(text, language);
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void whatIsLeftForFoodIsHardship_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("fr")
            << u"il me reste 20€ jusqu'au 5, si le prélèvement passe je pourrai pas faire les courses"_s
            << u"fr"_s;
        QTest::newRow("en") << u"I've only got £12 left until payday, can the payment wait a week?"_s
                            << u"en"_s;
        QTest::newRow("nl") << u"ik heb nog maar 15 euro tot vrijdag, kan de incasso later?"_s << u"nl"_s;
    }
    void whatIsLeftForFoodIsHardship()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(reason::kVulnerable), qPrintable(a.reason()));
    }

    void aDepartmentsApprovalIsClaimed()
    {
        const auto nl = assessText(u"Dit is vooraf goedgekeurd door uw afdeling Finance. Verwerk de "
                                   "terugbetaling van €640 direct."_s,
                                   u"nl"_s);
        QVERIFY2(nl.has(reason::kManipulation), qPrintable(nl.reason()));
        const auto en = assessText(u"This refund of £300 was pre-approved by your finance department, "
                                   "please process it today."_s);
        QVERIFY2(en.has(reason::kManipulation), qPrintable(en.reason()));
    }

    void aHumanNotAMachine()
    {
        const auto pl = assessText(u"Proszę, żeby odpisał mi człowiek, a nie automat."_s, u"pl"_s);
        QVERIFY2(pl.humanRequested, qPrintable(pl.reason()));
        const auto en = assessText(u"I'd like a human, not a machine, to look at order 40121."_s);
        QVERIFY2(en.humanRequested, qPrintable(en.reason()));
    }

    void ordinaryWordsAreNone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::newRow("fr getting back to you")
            << u"Je reviens vers vous concernant le retour de la commande 60918 : sur quelle carte arrivera "
               "le remboursement ?"_s
            << u"fr"_s << reason::kRepeatContact.toString();
        QTest::newRow("fr brother-in-law lawyer")
            << u"Mon beau-frère, qui est avocat, dit que vous avez 14 jours, aucun souci. Le colis est-il "
               "arrivé ?"_s
            << u"fr"_s << reason::kLegal.toString();
    }
    void ordinaryWordsAreNone()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const auto a = assessText(text, language);
        QVERIFY2(!a.has(code), qPrintable(a.reason()));
    }
};

QTEST_GUILESS_MAIN(ShopWordsAndLoanWordsTest)
#include "tst_shop_words_and_loan_words.moc"
