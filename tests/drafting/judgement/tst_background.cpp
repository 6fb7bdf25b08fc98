// Round 12 of the judgement (issue 11, ADR 0012): vulnerable words that are background, not the
// writer's need now, in the served languages: an illness or a loss years back beside "I'm well
// now", the hospital or the funeral home that is the writer's own workplace, an age beside "I do
// all my shopping online", an estate-planning question. The same circumstances as the writer's
// present matter still route to a person. And crisis signs of this round: speech gone wrong in
// either word order beside a drooping face, being worth more dead than alive.
// Round 20 (ADR 0020): a husband, a mother or a sister named beside a hospital, medicine, a power
// of attorney or a death is the patient, the carer or the one who died, not someone who may harm;
// named with violence or fear they still make a crisis.
// Round 21 (ADR 0021): caring for someone ill, worn out and doing it alone, is a vulnerable
// circumstance, not a sign of risk; so is an age beside living alone. A carer who says goodbye and
// wants to leave no trace is still a crisis.
#include "AssessText.h"

#include "server/drafting/judgement/CaseAssessor.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server::judgement;

class BackgroundTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backgroundIsNotVulnerable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en recovered years ago")
            << u"Two years ago I went through chemotherapy; I'm fully recovered now. Could you update my "
               "phone number on the account?"_s
            << u"en"_s;
        QTest::newRow("de recovered")
            << u"Vor drei Jahren hatte ich Krebs, inzwischen bin ich wieder gesund. Wie ändere ich meine "
               "E-Mail-Adresse?"_s
            << u"de"_s;
        QTest::newRow("pt recovered")
            << u"Há quatro anos estive internada com uma depressão. Hoje estou bem. Queria mudar a morada "
               "de entrega."_s
            << u"pt"_s;
        QTest::newRow("fr nurse at work")
            << u"Je suis infirmière en soins palliatifs et je travaille de nuit : pouvez-vous livrer mon "
               "colis à l'hôpital ?"_s
            << u"fr"_s;
        QTest::newRow("de undertaker")
            << u"Ich bin Bestatter. Können Sie die Rechnung für die Kondolenzbücher auf meine Firma "
               "ausstellen?"_s
            << u"de"_s;
        QTest::newRow("es age and manages")
            << u"Tengo 84 años y hago todas mis compras por internet sin ayuda. ¿Puedo cambiar la fecha de "
               "cobro?"_s
            << u"es"_s;
        QTest::newRow("sv age and manages")
            << u"Jag är 86 år och klarar mig utmärkt med appen. Hur lägger jag till ett nytt kort?"_s
            << u"sv"_s;
        QTest::newRow("en estate planning")
            << u"Purely for information, nothing dramatic: what happens to the balance when an account "
               "holder dies? Do the heirs need probate?"_s
            << u"en"_s;
        QTest::newRow("de will, as a precaution")
            << u"Ich setze gerade mit meinem Notar mein Testament auf, rein vorsorglich. Was passiert im "
               "Todesfall mit dem Guthaben? Welche Unterlagen brauchen die Erben?"_s
            << u"de"_s;
        QTest::newRow("en nurse on nights")
            << u"I'm a night nurse on a cardiac ward, so I sleep until 3pm. Can you deliver order 44120 "
               "after 4, or leave it in the locker?"_s
            << u"en"_s;
        QTest::newRow("pl estate planning")
            << u"Pytam czysto informacyjnie: co się dzieje ze środkami na koncie po śmierci właściciela? "
               "Czy spadkobiercy muszą coś przesłać?"_s
            << u"pl"_s;
        // Round 15: an age or retirement said as a fact, someone else's illness behind a gift.
        QTest::newRow("en retired, ordinary request")
            << u"I'm retired and shop with you a lot. Can I get the invoice for order 55120 as a PDF?"_s
            << u"en"_s;
        QTest::newRow("it pension day")
            << u"Sono in pensione e la pensione arriva il 16: posso spostare l'addebito al 17?"_s << u"it"_s;
        QTest::newRow("de pensioner, new phone")
            << u"Ich bin Rentnerin und habe ein neues Handy. Wie melde ich mich dort in der App an?"_s
            << u"de"_s;
        QTest::newRow("fi retired, card")
            << u"Olen eläkkeellä ja haluaisin vaihtaa kortin, jolla tilaukset maksetaan. Miten?"_s << u"fi"_s;
        QTest::newRow("en gift for a sick friend")
            << u"My friend is in hospital after her surgery, so I'm sending her a gift: can you add a gift "
               "message to order 30417?"_s
            << u"en"_s;
        QTest::newRow("fr gift for grandmother with dementia")
            << u"Ma grand-mère a la maladie d'Alzheimer et vit en maison de retraite ; je voudrais lui "
               "envoyer un cadeau pour son anniversaire. Pouvez-vous ajouter une carte cadeau ?"_s
            << u"fr"_s;
    }
    void backgroundIsNotVulnerable()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(!a.has(reason::kVulnerable), qPrintable(a.reason()));
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void presentCircumstancesStillCount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en illness now")
            << u"I was diagnosed with cancer last month and I'm struggling to keep up with the payments."_s
            << u"en"_s;
        QTest::newRow("de loss now")
            << u"Mein Mann ist letzte Woche gestorben und ich weiß nicht, wie ich die Raten zahlen soll."_s
            << u"de"_s;
        QTest::newRow("es age, no help")
            << u"Tengo 84 años y no entiendo la aplicación, ¿me pueden llamar por teléfono?"_s << u"es"_s;
        QTest::newRow("fr nurse, ill herself")
            << u"Je suis infirmière mais je suis moi-même en chimiothérapie depuis mars et je ne peux "
               "plus payer les mensualités."_s
            << u"fr"_s;
        QTest::newRow("en years back, not well now")
            << u"My wife died two years ago and since then I can't cope with the paperwork at all."_s
            << u"en"_s;
        QTest::newRow("de age and eyes, asks for a call")
            << u"Ich bin 88 Jahre alt, meine Augen sind schlecht und die Schrift in der App ist zu klein. "
               "Kann mir jemand helfen?"_s
            << u"de"_s;
        QTest::newRow("pt retired and cannot pay")
            << u"Sou reformado, a reforma é pequena e este mês não consigo pagar a prestação."_s << u"pt"_s;
        QTest::newRow("pl pensioner, grandchild writes")
            << u"Jestem emerytką, nie umiem obsługiwać tej aplikacji, wnuczka mi pomaga. Chcę zmienić kartę."_s
            << u"pl"_s;
        QTest::newRow("en gift, but the writer cannot pay")
            << u"I bought a present for my mum who has cancer, but I lost my job and can't pay the instalment."_s
            << u"en"_s;
    }
    void presentCircumstancesStillCount()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(reason::kVulnerable) || a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void roundTwelveCrisisSigns_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("nl stroke, speech after the face")
            << u"Mijn vader zit naast me, zijn mond hangt scheef en zijn woorden klinken ineens heel raar."_s
            << u"nl"_s;
        QTest::newRow("en stroke, speech first")
            << u"Her words are all jumbled and one side of her face has dropped. Can you cancel the order?"_s
            << u"en"_s;
        QTest::newRow("fr stroke, typed without apostrophes")
            << u"pardon je tape mal, mon bras droit ne repond plus et ma bouche tombe dun cote"_s << u"fr"_s;
        QTest::newRow("de threat to staff, means at hand")
            << u"Morgen fahre ich zu eurem Lager und dem ersten Mitarbeiter schlag ich den Schädel ein. "
               "Die Eisenstange liegt schon im Kofferraum."_s
            << u"de"_s;
        QTest::newRow("es worth more dead")
            << u"El seguro de vida les dará a mis hijos más que yo vivo. Ya lo tengo decidido, cancelad "
               "la suscripción."_s
            << u"es"_s;
    }
    void roundTwelveCrisisSigns()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void carersAndPatientsAreNoDanger_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en wife in hospital")
            << u"My wife has been in hospital since Tuesday after her operation and I look after the bills "
               "now. Could the direct debit move to my account?"_s
            << u"en"_s;
        QTest::newRow("en father's medicine")
            << u"My father's heart medicine costs more than I expected this month, so could I pay the "
               "instalment two weeks late?"_s
            << u"en"_s;
        QTest::newRow("de Mutter mit Demenz, Vollmacht")
            << u"Meine Mutter hat Demenz und ich habe eine Vorsorgevollmacht. Sie hat drei Bestellungen "
               "aufgegeben, an die sie sich nicht erinnert. Können Sie die stornieren?"_s
            << u"de"_s;
        QTest::newRow("fi puoliso sairaalassa")
            << u"Mieheni on ollut sairaalassa kaksi viikkoa ja hoidan nyt hänen asioitaan. Voiko laskun "
               "eräpäivää siirtää?"_s
            << u"fi"_s;
        QTest::newRow("it moglie e medicine")
            << u"Mia moglie è malata e le sue medicine costano tanto, questo mese non riesco a pagare tutta "
               "la rata. Possiamo dividerla?"_s
            << u"it"_s;
    }
    void carersAndPatientsAreNoDanger()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void namedWithViolenceOrFearIsStillCrisis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en husband hits, afraid")
            << u"My husband hit me again last night and I'm scared to go home. Please change the address "
               "on my account so he can't see it."_s
            << u"en"_s;
        QTest::newRow("de Ex bedroht")
            << u"Mein Ex-Mann hat gedroht, mich umzubringen, und ich habe Angst. Bitte sperren Sie sein "
               "Zugriffsrecht auf unser Konto."_s
            << u"de"_s;
        QTest::newRow("es pareja violenta")
            << u"Mi pareja me ha pegado y tengo miedo de que vuelva esta noche. Necesito bloquear la tarjeta "
               "que compartimos."_s
            << u"es"_s;
    }
    void namedWithViolenceOrFearIsStillCrisis()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void caringUnderStrainIsVulnerableNotCrisis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en mum with dementia")
            << u"I look after my mum on my own since her dementia got worse and honestly I'm completely "
               "exhausted. She signed up for a magazine she doesn't remember, can you cancel it?"_s
            << u"en"_s;
        QTest::newRow("de Vater nach Schlaganfall")
            << u"Ich pflege meinen Vater seit seinem Schlaganfall allein und bin völlig erschöpft. Können "
               "Sie die doppelte Abbuchung für Bestellung 50211 zurückbuchen?"_s
            << u"de"_s;
        QTest::newRow("fr aidante épuisée")
            << u"Je m'occupe seule de ma mère malade et je suis épuisée. Pouvez-vous décaler le prélèvement "
               "de ce mois de quelques jours ?"_s
            << u"fr"_s;
        QTest::newRow("sv tar hand om pappa")
            << u"Jag tar hand om min pappa som har cancer och jag är helt slut. Kan ni flytta "
               "förfallodagen på fakturan en vecka?"_s
            << u"sv"_s;
        QTest::newRow("nl 88 en alleen")
            << u"Ik ben 88 en woon alleen. Ik begrijp de app niet meer, kunt u mij alstublieft bellen over "
               "mijn bestelling?"_s
            << u"nl"_s;
    }
    void caringUnderStrainIsVulnerableNotCrisis()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
        QVERIFY2(a.has(reason::kVulnerable), qPrintable(a.reason()));
    }

    void carerWhoSaysGoodbyeIsStillCrisis()
    {
        const CaseAssessment a = test::assessText(
            u"I look after my dad on my own and I'm exhausted. I've already said goodbye to the people who "
            "matter and I don't want to leave any trace behind once I'm gone. Please close my account."_s,
            u"en"_s);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }
};

QTEST_GUILESS_MAIN(BackgroundTest)
#include "tst_background.moc"
