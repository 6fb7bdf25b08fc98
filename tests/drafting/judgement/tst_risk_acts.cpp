// Round 8 of the judgement (issue 11): risk said as an act or a plan, not as a feeling, is a
// crisis in the served languages (lexicon-risk-acts.json); and a matter the writer calls settled
// and past, or a pet's death, is background to a plain request (lexicon-context-settled.json),
// while the same words about the present still count.
#include "AssessText.h"

#include "server/drafting/judgement/CaseAssessor.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server::judgement;

class RiskActsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actsAndPlansAreACrisis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        // Self-harm as a present act: a reflexive verb with a body part, "again" or a tool.
        QTest::newRow("fr self-harm")
            << u"Je me coupe de nouveau les bras depuis deux semaines."_s << u"fr"_s;
        QTest::newRow("es self-harm") << u"He vuelto a cortarme, no sé cómo parar."_s << u"es"_s;
        QTest::newRow("pt self-harm") << u"Voltei a me cortar esta semana."_s << u"pt"_s;
        QTest::newRow("nl self-harm") << u"Ik kras mezelf weer, dat is het enige wat helpt."_s << u"nl"_s;
        QTest::newRow("pl self-harm") << u"Od tygodnia znowu się tnę."_s << u"pl"_s;
        QTest::newRow("it self-harm") << u"Ho ricominciato a tagliarmi e non lo sa nessuno."_s << u"it"_s;
        QTest::newRow("de self-harm") << u"Ich verletze mich wieder mit Rasierklingen."_s << u"de"_s;
        // Someone with a child, drunk or threatening; a threat of never seeing the child again.
        QTest::newRow("en child taken")
            << u"My husband snatched our daughter at the park, he's drunk and won't tell me where they are."_s
            << u"en"_s;
        QTest::newRow("sv child threat")
            << u"Han skrev att jag aldrig kommer att få se barnen igen."_s << u"sv"_s;
        // The writer's own plan to hurt someone.
        QTest::newRow("en weapon plan")
            << u"I'm going to be waiting for the courier tomorrow with a crowbar."_s << u"en"_s;
        QTest::newRow("es weapon plan")
            << u"Mañana voy a su casa con un cuchillo, a ver si así me devuelve el dinero."_s << u"es"_s;
        // Rejoining the dead once the affairs are done.
        QTest::newRow("it rejoin")
            << u"Quando tutto sarà sistemato, la raggiungerò. Chiudete pure il conto."_s << u"it"_s;
        // A medical emergency now.
        QTest::newRow("nl chest")
            << u"Ik heb al een uur druk op de borst en mijn arm is gevoelloos, sorry voor de vraag."_s
            << u"nl"_s;
        QTest::newRow("pl child pills")
            << u"Syn połknął kilka moich tabletek i teraz nie reaguje."_s << u"pl"_s;
        // Signs of a stroke, anaphylaxis, a collapse, bleeding that will not stop, a fire.
        QTest::newRow("de stroke")
            << u"Der Mundwinkel meiner Mutter hängt plötzlich, sie lallt und kann den rechten Arm nicht heben."_s
            << u"de"_s;
        QTest::newRow("es anaphylaxis")
            << u"A mi hija se le han puesto los labios muy hinchados y le cuesta respirar después de comer."_s
            << u"es"_s;
        QTest::newRow("sv collapse") << u"Pappa har segnat ihop i hallen och svarar inte när jag ropar."_s
                                     << u"sv"_s;
        QTest::newRow("en fire") << u"There's a burning smell and sparks from the socket behind the fridge."_s
                                 << u"en"_s;
        // An emergency told by two of its signs, in any order (lexicon-emergency-signs.json).
        QTest::newRow("de stroke signs")
            << u"Mein Vater redet plötzlich verwaschen und sein Mundwinkel hängt."_s << u"de"_s;
        QTest::newRow("fi cardiac signs")
            << u"Miehelläni on kova puristus rinnassa ja kipu säteilee vasempaan käteen."_s << u"fi"_s;
        QTest::newRow("pt unresponsive")
            << u"O meu irmão bebeu muito, não acorda e respira muito devagar."_s << u"pt"_s;
        QTest::newRow("en cold")
            << u"Our car has broken down on the pass, it's minus 12 and my phone is at 4%."_s << u"en"_s;
        QTest::newRow("it gas") << u"C'è odore di gas in cucina e mia moglie ha mal di testa e vertigini."_s
                                << u"it"_s;
        QTest::newRow("sv hot car") << u"Ett barn sitter ensamt i en bil på parkeringen och rör sig inte."_s
                                    << u"sv"_s;
        QTest::newRow("de v2 threat")
            << u"Er hat gesagt, wenn ich ihn verlasse, bringt er mich um."_s << u"de"_s;
        // A missing child, someone watching the writer's door now, a car or water as the means.
        QTest::newRow("fr missing child") << u"Ma fille de quatre ans a disparu au supermarché."_s << u"fr"_s;
        QTest::newRow("pl stalker")
            << u"Mój były mąż znowu stoi pod moim domem i mnie obserwuje, mimo zakazu zbliżania."_s
            << u"pl"_s;
        QTest::newRow("nl car") << u"Ik denk erover om vanavond tegen een boom aan te rijden."_s << u"nl"_s;
        QTest::newRow("pt water") << u"Hoje vou entrar no mar e não volto, cancelem tudo."_s << u"pt"_s;
        QTest::newRow("it garage")
            << u"Stasera chiudo il garage e lascio il motore acceso, sospendete pure l'abbonamento."_s
            << u"it"_s;
    }
    void actsAndPlansAreACrisis()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(u"no crisis: "_s + a.reason()));
    }

    // The accident of a kitchen knife, a haircut and a battery that dies are not acts of harm.
    void ordinaryCutsAndDeathsOfThingsAreNot_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("fr haircut") << u"Je me coupe les cheveux moi-même, le rasoir est arrivé cassé."_s
                                    << u"fr"_s;
        QTest::newRow("nl paper cut")
            << u"Ik snijd me aan het karton van jullie doos, kan de verpakking anders?"_s << u"nl"_s;
        QTest::newRow("en battery") << u"The headphones I bought keep dying after an hour, can I swap them?"_s
                                    << u"en"_s;
        QTest::newRow("en skydive")
            << u"Did my first skydive from 4000 metres last week, the camera strap you sold me snapped."_s
            << u"en"_s;
        QTest::newRow("fr waiting") << u"Cette attente me tue, la commande est bloquée depuis une semaine."_s
                                    << u"fr"_s;
        QTest::newRow("en son missing a card")
            << u"My son is missing his card, can you send a new one?"_s << u"en"_s;
        QTest::newRow("en dog missing")
            << u"Our dog has gone missing and I want to pause the food subscription."_s << u"en"_s;
        QTest::newRow("en courier at the door")
            << u"He's standing outside my door with the parcel but the app says delivered."_s << u"en"_s;
        QTest::newRow("en near miss")
            << u"I nearly drove into a tree when your app beeped at me."_s << u"en"_s;
        // One sign is not an emergency, and one sign in two languages' words is still one.
        QTest::newRow("en smoke alarm")
            << u"I bought a smoke alarm for the 3rd floor flat, it keeps beeping."_s << u"en"_s;
        QTest::newRow("de headache") << u"Ich habe Kopfschmerzen vom Warten auf die Rückerstattung."_s
                                     << u"de"_s;
        QTest::newRow("en snowsuit") << u"A snowsuit for my baby, it's minus 10 here this week."_s << u"en"_s;
        QTest::newRow("en parcel fell")
            << u"The parcel fell on the floor and the box is broken."_s << u"en"_s;
        QTest::newRow("en nut allergy")
            << u"I have a nut allergy, does the granola contain peanuts?"_s << u"en"_s;
        QTest::newRow("en app not responding")
            << u"My app is not responding and I've been charged too much."_s << u"en"_s;
        QTest::newRow("pt album title")
            << u"O álbum \u00ABSuicide Season\u00BB chegou riscado, quero trocar."_s << u"pt"_s;
        QTest::newRow("en knife set")
            << u"One knife from the chef's knife set I ordered has a chipped blade."_s << u"en"_s;
        QTest::newRow("nl joke") << u"Mijn dochter vermoordt me als de jurk niet op tijd komt 😂"_s << u"nl"_s;
    }
    void ordinaryCutsAndDeathsOfThingsAreNot()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void settledPastIsBackground_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en estate settled")
            << u"My father passed away in 2019 and the estate was settled long ago; please remove his name from my contacts."_s
            << u"en"_s;
        QTest::newRow("it fraud resolved")
            << u"L'anno scorso ho subito una frode sulla carta, ma è stato tutto risolto. Come attivo le notifiche?"_s
            << u"it"_s;
        QTest::newRow("nl behind me")
            << u"Vorig jaar had ik een burn-out en vroeg ik om een lagere limiet. Dat ligt gelukkig achter me, mag de limiet weer omhoog?"_s
            << u"nl"_s;
        QTest::newRow("de pet") << u"Unser Hund ist im Sommer gestorben, wie kündige ich das Futter-Abo?"_s
                                << u"de"_s;
        QTest::newRow("fr recovered")
            << u"L'an dernier j'ai fait une dépression et vous avez suspendu mes paiements. Je vais beaucoup mieux maintenant, je voudrais tout rembourser."_s
            << u"fr"_s;
        QTest::newRow("es pet")
            << u"Nuestro gato murió el mes pasado; ¿puedo devolver el rascador sin abrir?"_s << u"es"_s;
    }
    void settledPastIsBackground()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        for (const QStringView code : {reason::kCrisis, reason::kVulnerable, reason::kFraud})
            QVERIFY2(!a.has(code), qPrintable(a.reason()));
        QVERIFY2(a.riskSigns.isEmpty(), qPrintable(a.riskSigns.join(u", "_s)));
    }

    // The same words about the present, or with no word of settling, still count.
    void theSameWordsNowStillCount()
    {
        QVERIFY(test::assessText(u"My father passed away last week and I don't know how to pay this month."_s)
                    .has(reason::kVulnerable));
        QVERIFY(test::assessText(u"Meine Mutter ist gestern gestorben, ich weiß nicht weiter."_s, u"de"_s)
                    .has(reason::kVulnerable));
        // Without the laugh, "he'll kill me if" is a threat.
        QVERIFY(test::assessText(u"Mijn man vermoordt me als hij dit ziet."_s, u"nl"_s).has(reason::kCrisis));
        QVERIFY(test::assessText(u"He'll kill me if he sees this statement."_s).has(reason::kCrisis));
        QVERIFY(test::assessText(u"Mein Mann bringt mich um, wenn er das sieht."_s, u"de"_s)
                    .has(reason::kCrisis));
        // A settled matter in one sentence does not excuse a new one in the next.
        const CaseAssessment a = test::assessText(
            u"The fraud last year was resolved. Now there are new payments I never made, someone is using my card."_s);
        QVERIFY2(a.has(reason::kFraud), qPrintable(a.reason()));
    }
    // Round 9, from blind-n's misses: a person asked for in the words people use (in the flesh, on
    // the phone, no chatbot), a payment made through a link in a text message in the company's
    // name, and "I have written twice", in the ten served languages.
    void personsPaymentLinksAndRepeats_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        const QString policy = reason::kPolicy.toString();
        const QString fraud = reason::kFraud.toString();
        const QString repeat = reason::kRepeatContact.toString();
        QTest::newRow("en person") << u"Could a person on the phone help me? Not a chatbot."_s << u"en"_s
                                   << policy;
        QTest::newRow("de person") << u"Bitte keinen Chatbot, ich möchte jemanden am Telefon."_s << u"de"_s
                                   << policy;
        QTest::newRow("fr person") << u"Je veux quelqu'un au téléphone, pas un chatbot."_s << u"fr"_s
                                   << policy;
        QTest::newRow("es person") << u"¿Puedo hablar con una persona de verdad sobre mi factura?"_s
                                   << u"es"_s << policy;
        QTest::newRow("it person") << u"Vorrei un operatore in carne e ossa, per favore."_s << u"it"_s
                                   << policy;
        QTest::newRow("pt person") << u"Quero falar com uma pessoa de verdade sobre o reembolso."_s << u"pt"_s
                                   << policy;
        QTest::newRow("nl person") << u"Ik wil iemand aan de telefoon, geen chatbot."_s << u"nl"_s << policy;
        QTest::newRow("sv person") << u"Jag vill prata med någon i telefon, ingen chatbot."_s << u"sv"_s
                                   << policy;
        QTest::newRow("fi person") << u"Haluan puhua jonkun kanssa puhelimessa."_s << u"fi"_s << policy;
        QTest::newRow("pl person") << u"Chcę porozmawiać z kimś na żywo, nie z chatbotem."_s << u"pl"_s
                                   << policy;
        QTest::newRow("en sms link") << u"I got a text message in your name and paid via the link."_s
                                     << u"en"_s << fraud;
        QTest::newRow("de sms link") << u"Ich habe über den Link bezahlt, der per SMS kam."_s << u"de"_s
                                     << fraud;
        QTest::newRow("fr sms link") << u"Un SMS m'a demandé des frais, j'ai payé via le lien."_s << u"fr"_s
                                     << fraud;
        QTest::newRow("es sms link") << u"Me llegó un SMS a su nombre con una tasa de envío."_s << u"es"_s
                                     << fraud;
        QTest::newRow("it sms link") << u"Ho pagato tramite link di un SMS sulla spedizione."_s << u"it"_s
                                     << fraud;
        QTest::newRow("pt sms link") << u"Recebi um SMS em vosso nome sobre a encomenda."_s << u"pt"_s
                                     << fraud;
        QTest::newRow("nl sms link") << u"Ik heb betaald via de link in een sms over mijn pakket."_s
                                     << u"nl"_s << fraud;
        QTest::newRow("sv sms link") << u"Jag fick ett sms i ert namn om en avgift."_s << u"sv"_s << fraud;
        QTest::newRow("fi sms link") << u"Maksoin linkin kautta, joka tuli tekstiviestissä."_s << u"fi"_s
                                     << fraud;
        QTest::newRow("pl sms link") << u"Zapłaciłam przez link z SMS-a o dopłacie."_s << u"pl"_s << fraud;
        QTest::newRow("en twice") << u"I have written twice about this parcel."_s << u"en"_s << repeat;
        QTest::newRow("de twice") << u"Ich habe schon zweimal geschrieben."_s << u"de"_s << repeat;
        QTest::newRow("fr twice") << u"J'ai écrit deux fois à ce sujet."_s << u"fr"_s << repeat;
        QTest::newRow("es twice") << u"Ya he escrito dos veces por esto."_s << u"es"_s << repeat;
        QTest::newRow("it twice") << u"Ho già scritto due volte per questo ordine."_s << u"it"_s << repeat;
        QTest::newRow("pt twice") << u"Já escrevi duas vezes sobre isto."_s << u"pt"_s << repeat;
        QTest::newRow("nl twice") << u"Ik heb al twee keer gemaild over deze bestelling."_s << u"nl"_s
                                  << repeat;
        QTest::newRow("sv twice") << u"Jag har skrivit två gånger om detta."_s << u"sv"_s << repeat;
        QTest::newRow("fi twice") << u"Olen kirjoittanut jo kahdesti tästä."_s << u"fi"_s << repeat;
        QTest::newRow("pl twice") << u"Pisałem dwa razy w tej sprawie."_s << u"pl"_s << repeat;
    }
    void personsPaymentLinksAndRepeats()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(code), qPrintable(a.reason()));
    }
    void aPaymentLinkOfOursIsNotFraud()
    {
        // A link in the company's own e-mail, no text message: an ordinary payment.
        QVERIFY(!test::assessText(u"I paid via the link in your email, is the invoice settled?"_s)
                     .has(reason::kFraud));
        QVERIFY(!test::assessText(u"Ich habe über den Link in Ihrer E-Mail bezahlt."_s, u"de"_s)
                     .has(reason::kFraud));
    }
};

QTEST_GUILESS_MAIN(RiskActsTest)
#include "tst_risk_acts.moc"
