// Round 28 (ADR 0028): long mail and short chat. What a customer writes below a quote they answer
// is theirs; a signature under "-- " or under their name is not, and neither is a footer that
// tells the reader how their data is processed; a greeting signed with a name asks nothing. In
// chat, a hand to the chest and no breath, someone lying in a hallway who does not respond, "I
// won't bother anyone any more" beside the last matter to settle; and the ordinary words that are
// none of it: dead pixels, a wallet found again, an illness treated and over, a lawyer colleague,
// an Italian "ancora niente" about a delivery. Short Zulu and Xhosa keep the customer's language.
#include "AssessText.h"

#include "server/drafting/LanguageDetector.h"
#include "server/drafting/MailFooter.h"
#include "server/drafting/MailSignature.h"
#include "server/drafting/QuotedHistory.h"
#include "server/drafting/TextUtil.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::server::LanguageDetector;
using tandem::server::judgement::CaseAssessor;
using tandem::test::assessText;
using tandem::test::textInput;

class LongMailAndShortChatTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatFollowsAnAnsweredQuoteIsTheirs()
    {
        const QString body =
            u"Hi,\n\nFollowing up on the return for order 61842.\n\n> On 9 April, Lumen Support wrote:\n"
            "> Refunds are usually processed within 5-7 working days.\n\nIt's been 9 working days now. "
            "After this weekend I won't be around to spend it.\n\nCallum"_s;
        const QString own = server::text::withoutQuotedHistory(body);
        QVERIFY2(own.contains(u"After this weekend I won't be around"_s), qPrintable(own));
        QVERIFY2(!own.contains(u"Refunds are usually processed"_s), qPrintable(own));
        QVERIFY2(!own.contains(u"Lumen Support wrote"_s), qPrintable(own));
        // A quote at the bottom is still cut from its header on.
        const QString topPosted = u"Thanks, that worked.\n\nOn 9 April, Lumen Support wrote:\n> Try again."_s;
        QCOMPARE(server::text::withoutQuotedHistory(topPosted), u"Thanks, that worked."_s);
        // An Outlook header block has no ">" marks: everything below it stays history.
        const QString outlook =
            u"See below.\n\nFrom: Lumen Support\nSent: 9 April\nSubject: Refund\n\nWe refunded you."_s;
        QCOMPARE(server::text::withoutQuotedHistory(outlook), u"See below."_s);
    }

    void aSignatureUnderDashesIsCut()
    {
        const QString body = u"??\n\n--\nHugo Perrin\nGérant - Atelier Perrin Menuiserie\n12 ZA des Grands "
                             "Champs, 49300 Cholet"_s;
        QCOMPARE(server::text::withoutSignature(body, QString()), u"??\n"_s);
        // Below the dashes the writer speaks of themselves: no signature, nothing cut.
        const QString speaks = u"Bonjour\n--\nJe n'en peux plus, je vais tout arrêter."_s;
        QCOMPARE(server::text::withoutSignature(speaks, QString()), speaks);
    }

    void noticesAboutTheReadersDataAreCut_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("own");
        QTest::newRow("sv data processing")
            << u"Hej?\n\nMed vänliga hälsningar\n\nLars Ekström\n\nNär du skickar e-post till Västerviks "
               "kommun behandlas dina personuppgifter enligt dataskyddsförordningen. E-post till kommunen "
               "kan komma att bli allmän handling."_s
            << u"Hej?\n\nMed vänliga hälsningar\n\nLars Ekström"_s;
        QTest::newRow("en named recipient")
            << u"hi is anyone there\n\nKaren Bell\n\nBrightwater Homes Ltd is a member of The Property "
               "Ombudsman. This message is confidential and intended for the named recipient only."_s
            << u"hi is anyone there\n\nKaren Bell"_s;
    }
    void noticesAboutTheReadersDataAreCut()
    {
        QFETCH(QString, body);
        QFETCH(QString, own);
        QCOMPARE(server::text::withoutMailFooter(body), own);
    }

    void theCustomersDataRequestStays()
    {
        // "My data", the customer's own request under the law, in a later paragraph: no notice.
        const QString body = u"Hej,\n\njag har en fråga.\n\nJag begär enligt dataskyddsförordningen att få "
                             "veta hur mina personuppgifter behandlas hos er."_s;
        QCOMPARE(server::text::withoutMailFooter(body), body);
        const QString officer = u"Hello,\n\nquestion below.\n\nPlease tell me whether your data protection "
                                "officer has processed my complaint under the GDPR yet."_s;
        QCOMPARE(server::text::withoutMailFooter(officer), officer);
    }

    void aSignatureIsSeenBeforeItsPhoneLinesGo()
    {
        Ticket ticket;
        ticket.customer.name = u"Fernanda Lima"_s;
        const QString body =
            u"olá\n\nAtenciosamente,\n\nFernanda Lima\nArquiteta e Urbanista\nLima Arquitetura "
            "& Interiores\n(31) 3287-4419 | (31) 99614-2207\n\nEsta mensagem pode conter "
            "informação confidencial, sendo seu sigilo protegido por lei. Se você não for o "
            "destinatário, não pode usar, copiar ou divulgar as informações."_s;
        QCOMPARE(server::text::ownWords(ticket, body), u"olá\n\nAtenciosamente,\n\nFernanda Lima"_s);
    }

    void aGreetingSignedWithANameAsksNothing_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("language");
        QTest::newRow("pt signed") << u"olá"_s << u"olá\n\nAtenciosamente,\n\nFernanda Lima"_s << u"pt"_s;
        QTest::newRow("sv signed") << u"Fråga"_s << u"Hej?\n\nMed vänliga hälsningar\n\nLars Ekström"_s
                                   << u"sv"_s;
        QTest::newRow("pl chat subject") << u"czat"_s << u"halo? jest tu ktos"_s << u"pl"_s;
    }
    void aGreetingSignedWithANameAsksNothing()
    {
        QFETCH(QString, subject);
        QFETCH(QString, body);
        QFETCH(QString, language);
        server::judgement::CaseInput in = textInput(subject + u'\n' + body, language);
        in.subject = subject;
        in.messages = {body};
        in.outOfScope = true;
        const auto a = CaseAssessor().assess(in);
        QVERIFY2(a.unclear, qPrintable(a.reason()));
        // A name under a request does not make the request unclear.
        in.messages = {u"Where is order 48213?\n\nKaren Bell"_s};
        in.customerText = subject + u'\n' + in.messages.first();
        QVERIFY(!CaseAssessor().assess(in).unclear);
    }

    void signsInAChatAreACrisis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("pl chest and breath")
            << u"kurier przyszedł ale upadł na klatce, trzyma się za serce i nie może złapać powietrza"_s
            << u"pl"_s;
        QTest::newRow("en chest and breath")
            << u"the driver is clutching his chest and gasping for air"_s << u"en"_s;
        QTest::newRow("de lying and not responding")
            << u"die alte frau von nebenan liegt im flur und reagiert nicht, tür stand offen"_s << u"de"_s;
        QTest::newRow("sv lying and not responding")
            << u"grannen ligger på golvet i hallen och svarar inte, reagerar inte alls"_s << u"sv"_s;
        QTest::newRow("pl nobody bothered any more")
            << u"prosze usunąć moje dane. nikomu juz nie bede przeszkadzał, to ostatnia sprawa do załatwienia"_s
            << u"pl"_s;
        QTest::newRow("es not staying here") << u"hola, como cambio el titular de la cuenta\nes para "
                                                u"dejarselo todo a mi hermano\nya no quiero "
                                                "seguir aqui la verdad"_s
                                             << u"es"_s;
    }
    void signsInAChatAreACrisis()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void ordinaryWordsAreNone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::newRow("dead pixels, no point shipping")
            << u"The TV has a line of dead pixels. Daniel agreed I keep it (no point shipping it back) and "
               "you refund it."_s
            << u"en"_s << reason::kCrisis.toString();
        QTest::newRow("a wallet found again")
            << u"hittade min \"stulna\" plånbok i soffan lol. kan ni låsa upp kortet igen?"_s << u"sv"_s
            << reason::kFraud.toString();
        QTest::newRow("a lawyer colleague")
            << u"un colega abogado me dijo q tengo 14 dias para devolver sin motivo, es asi no?"_s << u"es"_s
            << reason::kLegal.toString();
        QTest::newRow("an illness treated and over")
            << u"El año pasado me diagnosticaron un cáncer de mama. Ya terminé el tratamiento y la última "
               "revisión salió perfecta. ¿Cómo reactivo mi cuenta?"_s
            << u"es"_s << reason::kVulnerable.toString();
        QTest::newRow("still nothing of a delivery")
            << u"sto morendo dal caldo e il ventilatore ancora niente, ordine 59113"_s << u"it"_s
            << reason::kRepeatContact.toString();
    }
    void ordinaryWordsAreNone()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const auto a = assessText(text, language);
        QVERIFY2(!a.has(code), qPrintable(a.reason()));
    }

    void aThirdMessageAboutTheSameProblemIsARepeat()
    {
        const auto a = assessText(u"Troisième message pour le même problème. Je n'arrive toujours pas à "
                                  "remplacer ma carte."_s,
                                  u"fr"_s);
        QVERIFY2(a.has(reason::kRepeatContact), qPrintable(a.reason()));
    }

    void aBantuNeighbourKeepsTheCustomersLanguage()
    {
        // cld2 reads short Zulu and Xhosa as Chichewa, Luganda or Sesotho: the profile decides.
        QVERIFY(LanguageDetector::areNeighbours(u"zu"_s, u"ny"_s));
        QVERIFY(LanguageDetector::areNeighbours(u"xh"_s, u"ny"_s));
        QCOMPARE(LanguageDetector::decide(u"Molo\nmolo ukhona umntu?"_s, u"xh"_s), u"xh"_s);
        QCOMPARE(LanguageDetector::decide(
                     u"Ukushintsha ikhadi\nHeyi, ngithole ikhadi elisha lasebhange ngoba "
                     "elidala liphelelwe yisikhathi. Ngilishintsha kanjani ku-app? Ngiyabonga."_s,
                     u"zu"_s),
                 u"zu"_s);
    }
};

QTEST_GUILESS_MAIN(LongMailAndShortChatTest)
#include "tst_long_mail_and_short_chat.moc"
