// Round 10 of the judgement (issue 11): words of fraud or the law in a question about what would
// happen if ("what happens if I report fraud?"), fraud words said not to apply ("nothing was
// hacked"), an age said with what the writer manages, and help the company gave in the past, are
// not the writer's matter now, in the ten served languages; the topic is then set aside, so that
// the intent model's reading alone does not escalate it. The same words as the writer's own
// matter still count.
#include "AssessText.h"

#include "server/drafting/judgement/CaseAssessor.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server::judgement;

class SetAsideTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void questionsAreSetAside_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        const QString fraud = reason::kFraud.toString();
        const QString legal = reason::kLegal.toString();
        const QString vulnerable = reason::kVulnerable.toString();
        QTest::newRow("en asked")
            << u"Before I sign up: what happens if I report fraud on a payment? Is the money frozen?"_s
            << u"en"_s << fraud;
        QTest::newRow("de asked")
            << u"Was passiert eigentlich, wenn meine Karte gestohlen wird? Nur aus Neugier."_s << u"de"_s
            << fraud;
        QTest::newRow("fr asked") << u"Que se passe-t-il si ma carte est volée pendant les vacances ?"_s
                                  << u"fr"_s << fraud;
        QTest::newRow("es asked")
            << u"¿Qué pasa si denuncio un cargo como fraude y luego resulta que fue mi hijo?"_s << u"es"_s
            << fraud;
        QTest::newRow("it asked") << u"Cosa succede se la mia carta viene rubata in vacanza?"_s << u"it"_s
                                  << fraud;
        QTest::newRow("pt asked") << u"O que acontece se o meu cartão for roubado no estrangeiro?"_s
                                  << u"pt"_s << fraud;
        QTest::newRow("nl asked") << u"Wat gebeurt er als mijn account gehackt wordt, ben ik dan verzekerd?"_s
                                  << u"nl"_s << fraud;
        QTest::newRow("sv asked") << u"Vad händer om mitt kort blir stulet utomlands?"_s << u"sv"_s << fraud;
        QTest::newRow("fi asked") << u"Mitä tapahtuu, jos korttini on varastettu ulkomailla?"_s << u"fi"_s
                                  << fraud;
        QTest::newRow("pl asked") << u"Co się dzieje, jeśli karta zostanie skradziona za granicą?"_s
                                  << u"pl"_s << fraud;
        QTest::newRow("it lawyer wife")
            << u"Mia moglie fa l'avvocato e legge tutti i contratti: il tasso della carta è fisso o variabile?"_s
            << u"it"_s << legal;
        QTest::newRow("nl lawyer friend")
            << u"Een vriendin van me is advocaat en zei dat de factuur op mijn eenmanszaak kan. Kan dat nog?"_s
            << u"nl"_s << legal;
        QTest::newRow("pt lawyer friend")
            << u"Minha amiga que é advogada disse que o prazo é de 7 dias. Como devolvo a cadeira?"_s
            << u"pt"_s << legal;
        QTest::newRow("en legal asked")
            << u"Out of curiosity, what happens if a customer goes to the ombudsman about a late refund?"_s
            << u"en"_s << legal;
    }
    void questionsAreSetAside()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(!a.has(code), qPrintable(a.reason()));
        QVERIFY2(a.setAside.contains(code), qPrintable(a.setAside.join(u", "_s)));
    }

    // Said not to apply: blanked before any signal reads it (lexicon signal not_literal).
    void deniedWordsRaiseNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        const QString fraud = reason::kFraud.toString();
        QTest::newRow("nl denied") << u"Ik ben mijn wachtwoord kwijt, niks gehackt of zo, gewoon vergeten."_s
                                   << u"nl"_s << fraud;
        QTest::newRow("de denied") << u"Es wurde nichts gestohlen, ich habe die Karte nur verlegt."_s
                                   << u"de"_s << fraud;
        QTest::newRow("sv denied") << u"Kortet är inte stulet, jag har bara tappat bort det hemma."_s
                                   << u"sv"_s << fraud;
    }
    void deniedWordsRaiseNothing()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(!a.has(code), qPrintable(a.reason()));
    }

    // Settled: the help came then; what is asked now is ordinary.
    void settledAndManagedAreSetAside_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        const QString fraud = reason::kFraud.toString();
        const QString vulnerable = reason::kVulnerable.toString();
        QTest::newRow("de settled by you")
            << u"Letztes Jahr wurde mir die Karte geklaut, das habt ihr damals echt schnell geregelt. Jetzt ist die Ersatzkarte abgelaufen."_s
            << u"de"_s << fraud;
        QTest::newRow("en settled by you")
            << u"My card was stolen in March and you sorted it within a day, thanks. Now I need a new PIN."_s
            << u"en"_s << fraud;
        QTest::newRow("fr settled in brackets")
            << u"Suite à la fraude de novembre (réglée, merci encore à votre équipe), j'ai reçu ma nouvelle carte. Dois-je la renseigner moi-même ?"_s
            << u"fr"_s << fraud;
        QTest::newRow("it settled in brackets")
            << u"Dopo la truffa dell'anno scorso (risolta, grazie!) ho attivato le notifiche. È normale ricevere avvisi da 0 €?"_s
            << u"it"_s << fraud;
        QTest::newRow("pl age managed")
            << u"Mam 78 lat i wnuczka założyła mi konto, świetnie sobie radzę, tylko nie wiem, jak zmienić numer telefonu."_s
            << u"pl"_s << vulnerable;
    }
    void settledAndManagedAreSetAside()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(!a.has(code), qPrintable(a.reason()));
    }

    void theWritersOwnMatterStillCounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        const QString fraud = reason::kFraud.toString();
        const QString legal = reason::kLegal.toString();
        QTest::newRow("en stolen") << u"My card was stolen last night and there are payments I never made."_s
                                   << u"en"_s << fraud;
        QTest::newRow("es stolen") << u"Me han robado la tarjeta esta mañana, bloquéenla por favor."_s
                                   << u"es"_s << fraud;
        QTest::newRow("de hacked") << u"Mein Konto wurde gehackt, jemand hat meine E-Mail geändert."_s
                                   << u"de"_s << fraud;
        // "I don't know whether" is doubt, not denial.
        QTest::newRow("sv unsure")
            << u"Jag vet inte om kortet blivit stulet, men det finns köp jag inte gjort."_s << u"sv"_s
            << fraud;
        QTest::newRow("en asked then own")
            << u"What happens if I report fraud? Because someone has just taken 400 pounds from my account."_s
            << u"en"_s << fraud;
        QTest::newRow("en lawyer brother sues")
            << u"My brother is a lawyer and he will take you to court over this."_s << u"en"_s << legal;
        QTest::newRow("fr lawyer now")
            << u"Mon avocat vous contactera si je n'ai pas de réponse sous huit jours."_s << u"fr"_s << legal;
    }
    void theWritersOwnMatterStillCounts()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(code), qPrintable(a.reason()));
        QVERIFY(!a.setAside.contains(code));
    }

    // Round 11: what the writer withdraws, settles, says in jest or asks about in a subject line.
    void withdrawnSettledAndJokingRaiseNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        const QString repeat = reason::kRepeatContact.toString();
        const QString complaint = reason::kComplaint.toString();
        const QString crisis = reason::kCrisis.toString();
        const QString fraud = reason::kFraud.toString();
        QTest::newRow("nl withdrawn")
            << u"Negeer mijn vorige mail maar, het pakket lag gewoon bij de buren. Sorry voor de moeite!"_s
            << u"nl"_s << repeat;
        QTest::newRow("pt withdrawn")
            << u"Por favor ignorem o meu e-mail anterior sobre a encomenda desaparecida, afinal estava na receção."_s
            << u"pt"_s << repeat;
        QTest::newRow("en app again")
            << u"The app logged me out for the fifth time today. Is there a known issue with iOS?"_s
            << u"en"_s << repeat;
        QTest::newRow("fr settled complaint")
            << u"Suite à ma réclamation de janvier, tout a été réglé rapidement, merci. Comment activer la double authentification ?"_s
            << u"fr"_s << complaint;
        QTest::newRow("es no complaint")
            << u"Sin queja ninguna, todo perfecto. Si pago el aspirador en tres plazos, ¿hay recargo?"_s
            << u"es"_s << complaint;
        QTest::newRow("en kill brother laughing")
            << u"I'm going to kill my brother 😂 he ordered stuff to his flat on my account again. Can you remove his address?"_s
            << u"en"_s << crisis;
        QTest::newRow("fr husband laughing")
            << u"Mon mari va me tuer s'il voit encore un carton arriver 😂 Vous pouvez regrouper les deux commandes ?"_s
            << u"fr"_s << crisis;
        QTest::newRow("sv sorry for the bother")
            << u"Strunta i det jag skrev i morse, paketet låg hos ombudet. Förlåt för besväret!"_s << u"sv"_s
            << crisis;
        QTest::newRow("en murder mystery")
            << u"Is the murder mystery dinner party kit back in stock? It's for my dad's 60th."_s << u"en"_s
            << crisis;
        QTest::newRow("es fraud protection")
            << u"He leído lo de la protección frente al fraude en compras online. ¿Está incluida en la cuenta gratuita?"_s
            << u"es"_s << fraud;
        QTest::newRow("pt in case of fraud")
            << u"Antes de abrir conta: em caso de fraude com o cartão, qual é o prazo para comunicar?"_s
            << u"pt"_s << fraud;
        QTest::newRow("it wife laughing")
            << u"Se non arriva in tempo mia moglie mi ammazza 😂 Scherzi a parte, la consegna è giovedì?"_s
            << u"it"_s << crisis;
        QTest::newRow("en whoever designed")
            << u"I'm going to murder whoever designed this password form. How many characters does it need?"_s
            << u"en"_s << crisis;
        QTest::newRow("fi no problem now")
            << u"Mitä tapahtuu, jos joskus ilmoitan petoksesta? Minulla ei ole nyt mitään ongelmaa, luin vain uutisista huijauksista."_s
            << u"fi"_s << fraud;
        QTest::newRow("nl complaint then joking")
            << u"Hoi, ik heb een klacht! Nee grapje, alles was prima 😄 Hoe lang heb ik om de lamp te retourneren?"_s
            << u"nl"_s << complaint;
        QTest::newRow("es robbery laughing")
            << u"7,95€ de envío para un cargador de 12€ es un robo eh 😅 ¿Si llego a 40€ el envío es gratis?"_s
            << u"es"_s << complaint;
        QTest::newRow("en card disabled")
            << u"I entered the wrong PIN three times and now the card shows as disabled. How do I unblock it?"_s
            << u"en"_s << reason::kVulnerable.toString();
        QTest::newRow("nl subject asks")
            << u"vraag over oplichting\nMijn moeder vroeg wat jullie doen als iemand via een nepwebshop betaalt. Zij heeft niks gekocht."_s
            << u"nl"_s << fraud;
    }
    void withdrawnSettledAndJokingRaiseNothing()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(!a.has(code), qPrintable(a.reason()));
    }

    // The same constructions leave the writer's own matter, said in earnest, as it was.
    void earnestWordsBesideThemStillCount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::newRow("en withdrawn then stolen")
            << u"Please ignore my previous email. Worse now: my card was stolen last night and there are payments I never made."_s
            << u"en"_s << reason::kFraud.toString();
        QTest::newRow("en wrote three times")
            << u"I have emailed you three times about this refund and still nothing."_s << u"en"_s
            << reason::kRepeatContact.toString();
        QTest::newRow("en husband threat")
            << u"My husband says he is going to kill me when he gets home, I'm scared."_s << u"en"_s
            << reason::kCrisis.toString();
        QTest::newRow("en own death joke kept")
            << u"honestly I want to end it all 😂 can you move my payment date"_s << u"en"_s
            << reason::kCrisis.toString();
        QTest::newRow("nl small claims court")
            << u"Als de €310 voor vrijdag niet op mijn rekening staat, dien ik een vordering in bij de kantonrechter."_s
            << u"nl"_s << reason::kLegal.toString();
        QTest::newRow("pl consumer ombudsman")
            << u"Sprawa została zgłoszona do Miejskiego Rzecznika Konsumentów w Krakowie."_s << u"pl"_s
            << reason::kLegal.toString();
        QTest::newRow("it threat without laughter")
            << u"Mio marito mi ammazza se scopre che ho scritto, ho paura."_s << u"it"_s
            << reason::kCrisis.toString();
        QTest::newRow("en disabled person")
            << u"I am disabled and cannot get to the post office to return the parcel."_s << u"en"_s
            << reason::kVulnerable.toString();
        QTest::newRow("es complaint") << u"Quiero poner una queja formal por el trato recibido."_s << u"es"_s
                                      << reason::kComplaint.toString();
    }
    void earnestWordsBesideThemStillCount()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(code), qPrintable(a.reason()));
    }
};

QTEST_GUILESS_MAIN(SetAsideTest)
#include "tst_set_aside.moc"
