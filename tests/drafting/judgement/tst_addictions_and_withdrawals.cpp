// Round 33 (ADR 0033): harm that rarely says an emergency word, and conversations that move. An
// addiction the writer tells (gambling, alcohol, compulsive buying) and money controlled by a partner
// are vulnerable; danger the writer denies, violence as the field someone works in and a "scam" taken
// back as a joke are not literal; scams in progress (a relative on a new number, a partner never met)
// are fraud; a partner who took a child and threatens is a crisis. A newest message that takes back
// the earlier ones ("sorry for the tone, all sorted now") sets aside their complaint, frustration and
// fraud, never a risk to life.
#include "AssessText.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::test::assessText;
using tandem::test::textInput;

namespace {

//! The judgement on a thread: \a messages oldest first, as GroundedDraftEngine passes them.
server::judgement::CaseAssessment assessThread(const QStringList &messages, const QString &language)
{
    server::judgement::CaseInput in = textInput(messages.join(u"\n\n"_s), language);
    in.messages = messages;
    in.customerMessages = int(messages.size());
    in.intent = u"refund_status"_s;
    in.confidence = 0.8;
    return server::judgement::CaseAssessor().assess(in);
}

} // namespace

class AddictionsAndWithdrawalsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anAddictionIsVulnerable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("vulnerable");
        QTest::newRow("en betting") << u"I've had a problem with online betting for years and slipped again. "
                                       "Can you block gambling merchants on my card?"_s
                                    << u"en"_s << true;
        QTest::newRow("es ludópata") << u"Soy ludópata y estoy en tratamiento. Bloquead los pagos a casas de "
                                        "apuestas desde mi cuenta, por favor."_s
                                     << u"es"_s << true;
        QTest::newRow("nl alcohol") << u"Ik ben in behandeling voor mijn alcoholverslaving. Kunnen jullie "
                                       "de categorie alcohol voor mijn account blokkeren?"_s
                                    << u"nl"_s << true;
        QTest::newRow("fi peliongelma")
            << u"Mulla on peliongelma. Saako kortille rahapelaamisen eston?"_s << u"fi"_s << true;
        QTest::newRow("pt controlou") << u"Durante cinco anos o meu ex-companheiro controlou todo o meu "
                                         "dinheiro. Preciso de mudar a palavra-passe."_s
                                      << u"pt"_s << true;
        // The same switch asked about for the record is a question.
        QTest::newRow("en lottery") << u"We noticed the gambling block switch in the card settings. Does it "
                                       "stop National Lottery purchases too?"_s
                                    << u"en"_s << false;
    }
    void anAddictionIsVulnerable()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(bool, vulnerable);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(reason::kVulnerable) == vulnerable, qPrintable(a.reason()));
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void dangerDeniedOrAFieldOfWorkIsNoCrisis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("crisis");
        QTest::newRow("en not in danger")
            << u"My ex opened two pay-later plans in my name while we lived together. I'm not in any "
               "danger, he's moved away and we don't speak. What do I do about the letters?"_s
            << u"en"_s << false;
        QTest::newRow("pl nie boję się")
            << u"Były mąż wziął na moje dane zakupy na raty. Nie boję się go, nie mamy kontaktu, ale "
               "nie stać mnie na spłatę."_s
            << u"pl"_s << false;
        QTest::newRow("pt vítimas")
            << u"Trabalho numa associação de apoio a vítimas de violência doméstica. Têm descontos "
               "por quantidade para 20 telemóveis?"_s
            << u"pt"_s << false;
        QTest::newRow("sv suicidprevention")
            << u"Jag har beställt böcker inför en temadag om suicidprevention. Kan ni göra om kvittot "
               "till en faktura?"_s
            << u"sv"_s << false;
        // Fear said, not denied, is still read; so is the writer's own violence.
        QTest::newRow("en at the door") << u"My ex is at the door shouting that he'll kill me, I'm scared, "
                                           "please freeze the joint account"_s
                                        << u"en"_s << true;
        QTest::newRow("sv barnet")
            << u"Min exsambo har hämtat vår son från förskolan och har just skickat sms att jag aldrig "
               "ska få se honom igen och att han ska köra av vägen med oss båda."_s
            << u"sv"_s << true;
    }
    void dangerDeniedOrAFieldOfWorkIsNoCrisis()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(bool, crisis);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(reason::kCrisis) == crisis, qPrintable(a.reason()));
    }

    void scamsInProgressAreFraud_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("pl nowy numer")
            << u"Córka napisała do mnie na WhatsAppie z nowego numeru, że zepsuł jej się telefon i "
               "prosiła, żebym zapłaciła za nią pilną fakturę 1 850 zł."_s
            << u"pl"_s;
        QTest::newRow("de nie getroffen")
            << u"Mein Lebensgefährte braucht 4.600 Euro für den Zoll. Persönlich getroffen haben wir uns "
               "noch nicht, wir schreiben seit März jeden Tag. Bitte Limit erhöhen."_s
            << u"de"_s;
    }
    void scamsInProgressAreFraud()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(reason::kFraud), qPrintable(a.reason()));
    }

    void aJokeTakenBackIsNoComplaint()
    {
        const auto joke = assessText(u"Ma 12 euro di spedizione per un cavo da 5 euro è una truffa 😂 scherzo "
                                     "eh. C'è una soglia per la spedizione gratuita?"_s,
                                     u"it"_s);
        QVERIFY2(!joke.has(reason::kFraud), qPrintable(joke.reason()));
        const auto meant =
            assessText(u"12 euro di spedizione per un cavo da 5 euro: è una truffa."_s, u"it"_s);
        QVERIFY2(meant.has(reason::kComplaint) || meant.has(reason::kFraud), qPrintable(meant.reason()));
    }

    void theNewestMessageTakesBackTheEarlier_data()
    {
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QString>("language");
        QTest::newRow("es robo")
            << QStringList{u"Me habéis cobrado dos veces el pedido 53861. Esto es un robo."_s,
                           u"Olvidad lo del cobro doble, el segundo era solo una "
                           "preautorización. Perdón por lo de 'robo'."_s}
            << u"es"_s;
        QTest::newRow("fr inadmissible")
            << QStringList{u"C'est inadmissible, j'ai renvoyé le colis il y a un mois et toujours rien !!!"_s,
                           u"Je retire ce que j'ai dit, le remboursement était bien arrivé. Désolée pour le ton."_s}
            << u"fr"_s;
        QTest::newRow("pl zagadka")
            << QStringList{u"Nieznana płatność. Widzę płatność 149 zł w sklepie z grami, której nie ja zrobiłam."_s,
                           u"Ok, zagadka rozwiązana – to mój syn, zapamiętał dane karty."_s}
            << u"pl"_s;
    }
    void theNewestMessageTakesBackTheEarlier()
    {
        QFETCH(QStringList, messages);
        QFETCH(QString, language);
        const auto before = assessThread(messages.mid(0, 1), language);
        QVERIFY2(before.has(reason::kComplaint) || before.has(reason::kFraud), qPrintable(before.reason()));
        QVERIFY(!before.earlierWithdrawn);
        const auto after = assessThread(messages, language);
        QVERIFY(after.earlierWithdrawn);
        QVERIFY2(!after.has(reason::kComplaint) && !after.has(reason::kFraud) &&
                     !after.has(reason::kNegativeSentiment),
                 qPrintable(after.reason()));
    }

    void aRiskToLifeIsNeverTakenBack()
    {
        const auto a = assessThread({u"I can't pay, I'm tired of everything, tonight I'll end my life."_s,
                                     u"Please ignore my last message, sorry for the tone."_s},
                                    u"en"_s);
        QVERIFY(a.earlierWithdrawn);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void aPersonAskedForInOtherWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("nl medewerker spreken")
            << u"Kan ik alsjeblieft een medewerker spreken? Ik leg het liever uit aan een mens."_s << u"nl"_s;
        QTest::newRow("pt pessoa mesmo")
            << u"É possível falar com alguém da equipa, uma pessoa mesmo? É complicado de explicar."_s
            << u"pt"_s;
        QTest::newRow("en talk it through")
            << u"I'd honestly rather talk it through with a person on your team."_s << u"en"_s;
    }
    void aPersonAskedForInOtherWords()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(a.humanRequested && a.has(reason::kPolicy), qPrintable(a.reason()));
    }
};

QTEST_GUILESS_MAIN(AddictionsAndWithdrawalsTest)
#include "tst_addictions_and_withdrawals.moc"
