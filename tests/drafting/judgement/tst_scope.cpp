// What is ours and what is said in earnest (round 16, ADR 0016): a message of three words that
// names nothing we deal in gets a question back, not "out of scope"; a shop's own topics and a
// cited order are never out of scope; a complaint word the writer says is none makes no
// complaint; swearing at the app is frustration, the same letters in another language are not.
#include "AssessText.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::server::judgement::CaseAssessment;
using tandem::server::judgement::CaseAssessor;
using tandem::server::judgement::CaseInput;

namespace {

CaseAssessment assessMessage(const QString &body, const QString &language, const QString &intent,
                             double confidence, bool outOfScope = false)
{
    CaseInput in;
    in.subject = u"(no subject)"_s;
    in.messages = {body};
    in.customerText = in.subject + u'\n' + body;
    in.language = language;
    in.intent = intent;
    in.confidence = confidence;
    in.outOfScope = outOfScope;
    in.now = QDateTime::currentDateTimeUtc();
    return CaseAssessor().assess(in);
}

} // namespace

class ScopeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortMessagesAskBack_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("language");
        // The intent model is confident on such text (it read "hola?? alguien" as fraud at 0.95).
        QTest::newRow("en") << u"hello?? anyone"_s << u"en"_s;
        QTest::newRow("es") << u"hola?? alguien"_s << u"es"_s;
        QTest::newRow("de") << u"Hallo? Jemand da?"_s << u"de"_s;
        QTest::newRow("pt") << u"olá? alguém?"_s << u"pt"_s;
        QTest::newRow("pl") << u"halo? ktoś?"_s << u"pl"_s;
        QTest::newRow("sv") << u"hej? någon där?"_s << u"sv"_s;
    }
    void shortMessagesAskBack()
    {
        QFETCH(QString, body);
        QFETCH(QString, language);
        const CaseAssessment a = assessMessage(body, language, u"suspected_fraud"_s, 0.95);
        QVERIFY2(a.unclear, qPrintable(a.reason()));
        QVERIFY2(a.codes.isEmpty(), qPrintable(a.reason()));
    }

    void shortRequestsAreRequests_data()
    {
        QTest::addColumn<QString>("body");
        QTest::newRow("refund") << u"refund please??"_s;
        QTest::newRow("card") << u"card blocked"_s;
        QTest::newRow("order number") << u"where is 40388"_s;
    }
    void shortRequestsAreRequests()
    {
        QFETCH(QString, body);
        const CaseAssessment a = assessMessage(body, u"en"_s, u"card_blocked"_s, 0.9);
        QVERIFY2(!a.unclear, qPrintable(body));
    }

    void shopTopicsAreInScope_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("language");
        QTest::newRow("en newsletter") << u"How do I unsubscribe from your newsletter? Thanks"_s << u"en"_s;
        QTest::newRow("es newsletter")
            << u"Buenas, quiero darme de baja de la newsletter pero no encuentro el enlace"_s << u"es"_s;
        QTest::newRow("sv stock")
            << u"Kommer ni få in Hitman till PS5 igen snart? Den har varit slut länge."_s << u"sv"_s;
        QTest::newRow("nl spare part")
            << u"Verkopen jullie nog onderdelen voor een oude naaimachine?"_s << u"nl"_s;
        QTest::newRow("de sms") << u"Schickt ihr Links per SMS? Meine Eltern haben eine bekommen."_s
                                << u"de"_s;
    }
    void shopTopicsAreInScope()
    {
        QFETCH(QString, body);
        QFETCH(QString, language);
        const CaseAssessment a = assessMessage(body, language, QString(), 0.2, true);
        QVERIFY2(!a.has(reason::kOutOfScope), qPrintable(a.reason()));
    }

    void aCitedOrderIsOurs()
    {
        QVERIFY(assessMessage(u"The steelbook from order 40388 arrived with the case cracked."_s, u"en"_s,
                              QString(), 0.3, true)
                    .recordCited);
        QVERIFY(assessMessage(u"Zamówienie nr 58277 utknęło w paczkomacie."_s, u"pl"_s, QString(), 0.3, true)
                    .recordCited);
        QVERIFY(!assessMessage(u"I would like to apply for the job advertised on your site."_s, u"en"_s,
                               QString(), 0.3, true)
                     .recordCited);
        QVERIFY(!assessMessage(u"I was born in 1984 and have 2 children."_s, u"en"_s, QString(), 0.3, true)
                     .recordCited);
    }

    void notAComplaint_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("complaint");
        QTest::newRow("fi says it is none")
            << u"Ei tämä ole valitus, kunhan kysyn: miksi palautusten käsittely kestää 14 päivää?"_s
            << u"fi"_s << false;
        QTest::newRow("pl warranty claim")
            << u"Chciałabym złożyć reklamację czajnika z zamówienia 31208, nie wyłącza się sam."_s << u"pl"_s
            << false;
        QTest::newRow("fi formal complaint")
            << u"Haluan tehdä virallisen valituksen tavasta, jolla toimitus hoidettiin."_s << u"fi"_s << true;
        QTest::newRow("pl formal complaint")
            << u"Chcę złożyć skargę na obsługę klienta, nikt nie odpowiada od miesiąca."_s << u"pl"_s << true;
    }
    void notAComplaint()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(bool, complaint);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(reason::kComplaint) == complaint, qPrintable(a.reason()));
    }

    void frustration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("frustrated");
        QTest::newRow("sv swearing")
            << u"Appen loggar ut mig var femte sekund. Det här är så jävla irriterande."_s << u"sv"_s << true;
        QTest::newRow("fi at the till")
            << u"Seison kaupan kassalla, maksu ei mene läpi. Nolottaa ja suututtaa ihan hirveästi."_s
            << u"fi"_s << true;
        QTest::newRow("sv 'fick' is 'got'")
            << u"Jag fick ett mejl om min beställning igår."_s << u"sv"_s << false;
        QTest::newRow("fi 'kukaan' is 'nobody'")
            << u"Ovikellokamera näyttää, ettei kukaan käynyt ovella."_s << u"fi"_s << false;
        QTest::newRow("fi joke")
            << u"Hermot meni ihan totaalisesti kun yritin koota hyllyä, kunnes tajusin että ohjeesta puuttuu "
               u"sivu 4 😂 Saisiko ohjeen pdf:nä?"_s
            << u"fi"_s << false;
    }
    void frustration()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(bool, frustrated);
        const CaseAssessment a = test::assessText(text, language);
        QVERIFY2(a.has(reason::kNegativeSentiment) == frustrated, qPrintable(a.reason()));
    }
};

QTEST_GUILESS_MAIN(ScopeTest)
#include "tst_scope.moc"
