// The grounded engine's building blocks: slot filling and gaps, entity and promise spans,
// language, sentiment, escalation rules, tone, learning's templating, metrics and the CSV reader;
// and when the engine reads which languages its knowledge serves.
#include "server/drafting/DraftLearning.h"
#include "server/drafting/DraftMetrics.h"
#include "server/drafting/EntityScanner.h"
#include "server/drafting/EscalationPolicy.h"
#include "server/drafting/GroundedDraftEngine.h"
#include "server/drafting/LanguageDetector.h"
#include "server/drafting/ResolvedCsv.h"
#include "server/drafting/RiskFlagger.h"
#include "server/drafting/SentimentAnalyzer.h"
#include "server/drafting/SlotFiller.h"
#include "server/drafting/TicketFacts.h"
#include "server/drafting/ToneStyler.h"

#include "DraftFlagLookup.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

#include <array>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server;
using tandem::test::countKind;
using tandem::test::findFlag;

class TestDraftingGrounded : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsKnownSlotsAndFlagsGaps()
    {
        const QString customer =
            u"Hi, when is my next payment for order LP-4417902 due? It was £45.00 last time."_s;
        const TicketFacts facts = TicketFacts::extract(customer, u"Olivia Bennett"_s, {u"Marisol Moda"_s});
        QCOMPARE(facts.name, u"Olivia"_s);
        QCOMPARE(facts.order, u"LP-4417902"_s);
        QCOMPARE(facts.amount, u"£45.00"_s);
        QVERIFY(facts.merchant.isEmpty());

        const SlotFiller filler(facts, {{u"company"_s, u"Lumen Pay"_s}});
        const auto r =
            filler.fill(u"Hi {name},\n\nYour next instalment for order {order} with {merchant} is {amount}, "
                        "due on {date}.\n\n{company} Support"_s);
        // "It was £45.00 last time" is a past payment: never restated as the next instalment.
        QCOMPARE(
            r.body,
            u"Hi Olivia,\n\nYour next instalment for order LP-4417902 with [merchant] is [amount], due on "
            "[date].\n\nLumen Pay Support"_s);
        QCOMPARE(r.flags.size(), 3);
        for (const DraftFlag &f : r.flags) {
            QCOMPARE(f.kind, u"missing_slot"_s);
            QVERIFY(f.message.startsWith(u"missing: "_s));
        }
        QCOMPARE(r.body.mid(r.flags[0].start, r.flags[0].length), u"[merchant]"_s);
        QCOMPARE(r.flags[0].message.left(17), u"missing: merchant"_s);
        QCOMPARE(r.body.mid(r.flags[1].start, r.flags[1].length), u"[amount]"_s);
        QVERIFY(r.flags[1].message.contains(u"£45.00 as an amount already paid"_s));
        QCOMPARE(r.body.mid(r.flags[2].start, r.flags[2].length), u"[date]"_s);
        QVERIFY(!draftmetrics::leaksPlaceholder(r.body));
    }

    void unknownOrderBecomesOrderNumberGap()
    {
        const SlotFiller filler(TicketFacts::extract(u"where is my order?"_s, u"Erik Johansson"_s), {});
        const auto r = filler.fill(u"Hej {name}, order {order} är på väg."_s);
        QCOMPARE(r.body, u"Hej Erik, order [order number] är på väg."_s);
        QCOMPARE(r.flags.size(), 1);
        QCOMPARE(r.flags[0].message.left(21), u"missing: order number"_s);
        QCOMPARE(r.body.mid(r.flags[0].start, r.flags[0].length), u"[order number]"_s);
    }

    void bitextPlaceholdersNeverLeak()
    {
        const TicketFacts facts = TicketFacts::extract(u"how can I cancel purchase 113542617735902?"_s, {});
        QCOMPARE(facts.order, u"113542617735902"_s);
        const SlotFiller filler(facts, {{u"support_phone"_s, u"+46 8 555 010 20"_s}});
        const QString reply =
            u"Cancel order {{Purchase ID Anonymized}} on {{Website URL}}: press {{Cancel Order}}. "
            "Call {{Customer Support Phone Number}} or use {{Live Chat}}. Broken: {{Order Number} "
            "and {odd slot}."_s;
        const auto r = filler.fill(reply);
        QVERIFY2(!draftmetrics::leaksPlaceholder(r.body), qPrintable(r.body));
        QVERIFY(!r.body.contains(u'{') && !r.body.contains(u'}'));
        QVERIFY(r.body.startsWith(u"Cancel order 113542617735902 on [Website URL]: press [Cancel Order]. "
                                  "Call +46 8 555 010 20 or use [Live Chat]."_s));
        QVERIFY(r.body.contains(u"Broken: 113542617735902 and [odd slot]."_s));
        QCOMPARE(r.missing,
                 (QStringList{u"Website URL"_s, u"Cancel Order"_s, u"Live Chat"_s, u"odd slot"_s}));
        for (const DraftFlag &f : r.flags)
            QCOMPARE(r.body.mid(f.start, f.length), u'[' + r.missing.at(r.flags.indexOf(f)) + u']');
        QCOMPARE(SlotFiller::canonicalSlot(u"Order Number Anonymized"_s), u"order"_s);
        QCOMPARE(SlotFiller::canonicalSlot(u"Client First Name"_s), u"name"_s);
    }

    void scansEntitiesInFiveLanguages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("span");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("key");
        QTest::newRow("en amount") << u"You paid £1,299.50 yesterday."_s << u"£1,299.50"_s
                                   << int(Entity::Kind::Amount) << u"amount:129950"_s;
        QTest::newRow("sv amount") << u"Du betalade 1\u00A0299,50 kr igår."_s << u"1\u00A0299,50 kr"_s
                                   << int(Entity::Kind::Amount) << u"amount:129950"_s;
        QTest::newRow("de amount") << u"Sie haben 1.299,50 € bezahlt."_s << u"1.299,50 €"_s
                                   << int(Entity::Kind::Amount) << u"amount:129950"_s;
        QTest::newRow("en date") << u"It is due on 3 March 2026."_s << u"3 March 2026"_s
                                 << int(Entity::Kind::Date) << u"date:3.3"_s;
        QTest::newRow("sv date") << u"Den förfaller den 3 mars 2026."_s << u"3 mars 2026"_s
                                 << int(Entity::Kind::Date) << u"date:3.3"_s;
        QTest::newRow("de date") << u"Fällig am 3. März 2026."_s << u"3. März 2026"_s
                                 << int(Entity::Kind::Date) << u"date:3.3"_s;
        QTest::newRow("es date") << u"Vence el 3 de marzo de 2026."_s << u"3 de marzo de 2026"_s
                                 << int(Entity::Kind::Date) << u"date:3.3"_s;
        QTest::newRow("fr date") << u"Échéance le 3 mars 2026."_s << u"3 mars 2026"_s
                                 << int(Entity::Kind::Date) << u"date:3.3"_s;
        QTest::newRow("numeric date")
            << u"Paid on 2026-03-03."_s << u"2026-03-03"_s << int(Entity::Kind::Date) << u"date:3.3"_s;
        QTest::newRow("url") << u"See https://lumen.example/help/fees."_s
                             << u"https://lumen.example/help/fees"_s << int(Entity::Kind::Url)
                             << u"url:lumen.example/help/fees"_s;
        QTest::newRow("email") << u"Write to help@lumen.example."_s << u"help@lumen.example"_s
                               << int(Entity::Kind::Email) << u"email:help@lumen.example"_s;
        QTest::newRow("phone") << u"Call +46 8 555 010 20 today."_s << u"+46 8 555 010 20"_s
                               << int(Entity::Kind::Phone) << u"phone:55501020"_s;
        QTest::newRow("order") << u"Order LP-4417902 shipped."_s << u"LP-4417902"_s
                               << int(Entity::Kind::Reference) << u"ref:LP4417902"_s;
    }

    void scansEntitiesInFiveLanguages()
    {
        QFETCH(QString, text);
        QFETCH(QString, span);
        QFETCH(int, kind);
        QFETCH(QString, key);
        const QList<Entity> entities = EntityScanner::scan(text);
        QCOMPARE(entities.size(), 1);
        QCOMPARE(int(entities[0].kind), kind);
        QCOMPARE(text.mid(entities[0].start, entities[0].length), span);
        QCOMPARE(entities[0].key, key);
    }

    void flagsUnsupportedFactsWithExactSpans()
    {
        RiskFlagger::Input in;
        in.customerText = u"I was charged 45 GBP twice for order LP-4417902."_s;
        in.body = u"We see a charge of £45.00 on order LP-4417902 and another of £12.99 on 14 March. "
                  "Details: https://evil.example/x or call 020 7946 0958."_s;
        in.approvedSources = {u"Double charges are reversed within 3 bank days."_s};
        const QList<DraftFlag> flags = RiskFlagger::flag(in);
        QVERIFY(!findFlag(flags, u"unsupported_fact"_s, in.body, u"£45.00"_s)); // same amount as the ticket
        QVERIFY(!findFlag(flags, u"unsupported_fact"_s, in.body, u"LP-4417902"_s));
        QVERIFY(findFlag(flags, u"unsupported_fact"_s, in.body, u"£12.99"_s));
        QVERIFY(findFlag(flags, u"unsupported_fact"_s, in.body, u"14 March"_s));
        QVERIFY(findFlag(flags, u"unsupported_fact"_s, in.body, u"https://evil.example/x"_s));
        QVERIFY(findFlag(flags, u"unsupported_fact"_s, in.body, u"020 7946 0958"_s));
        QCOMPARE(countKind(flags, u"unsupported_fact"_s), 4);

        // A phone number from a cited past reply is the company's, not invented.
        in.contactSources = {u"Call us on 020 7946 0958."_s};
        QVERIFY(!findFlag(RiskFlagger::flag(in), u"unsupported_fact"_s, in.body, u"020 7946 0958"_s));
    }

    void flagsPromisesInFiveLanguages_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("span");
        QTest::addColumn<QString>("category");
        QTest::newRow("en refund") << u"Good news: we will refund the full amount today."_s
                                   << u"will refund"_s << u"refund"_s;
        QTest::newRow("en full refund")
            << u"You get a full refund, promised."_s << u"full refund"_s << u"refund"_s;
        QTest::newRow("en waiver") << u"I have waived the late fee for you."_s << u"waived the late fee"_s
                                   << u"fee waiver"_s;
        QTest::newRow("en deadline") << u"It will be fixed within 24 hours."_s << u"within 24 hours"_s
                                     << u"deadline"_s;
        QTest::newRow("en compensation")
            << u"As a goodwill gesture we add a voucher."_s << u"goodwill gesture"_s << u"compensation"_s;
        QTest::newRow("sv refund") << u"Vi kommer att återbetala hela beloppet."_s
                                   << u"Vi kommer att återbetala"_s << u"refund"_s;
        QTest::newRow("sv fee") << u"Jag tar bort förseningsavgiften."_s << u"tar bort förseningsavgiften"_s
                                << u"fee waiver"_s;
        QTest::newRow("sv deadline") << u"Du får svar inom 2 bankdagar."_s << u"inom 2 bankdagar"_s
                                     << u"deadline"_s;
        QTest::newRow("de refund") << u"Wir werden Ihnen den Betrag erstatten."_s
                                   << u"Wir werden Ihnen den Betrag erstatten"_s << u"refund"_s;
        QTest::newRow("de fee") << u"Die Mahngebühr wird erlassen."_s << u"Mahngebühr wird erlassen"_s
                                << u"fee waiver"_s;
        QTest::newRow("de compensation")
            << u"Sie erhalten eine Gutschrift."_s << u"Gutschrift"_s << u"compensation"_s;
        QTest::newRow("es refund") << u"Le reembolsaremos el importe."_s << u"Le reembolsaremos"_s
                                   << u"refund"_s;
        QTest::newRow("es deadline") << u"Lo resolveremos en un plazo de 3 días hábiles."_s
                                     << u"en un plazo de 3 días hábiles"_s << u"deadline"_s;
        QTest::newRow("fr refund") << u"Nous vous rembourserons dès demain."_s << u"Nous vous rembourserons"_s
                                   << u"refund"_s;
        QTest::newRow("fr fee") << u"Nous allons annuler les frais de retard."_s << u"annuler les frais"_s
                                << u"fee waiver"_s;
        QTest::newRow("fr compensation")
            << u"Un geste commercial vous sera proposé."_s << u"geste commercial"_s << u"compensation"_s;
        QTest::newRow("nl refund") << u"We zullen het bedrag terugbetalen."_s
                                   << u"We zullen het bedrag terugbetalen"_s << u"refund"_s;
        QTest::newRow("nl fee") << u"Ik heb de kosten laten vervallen."_s << u"kosten laten vervallen"_s
                                << u"fee waiver"_s;
        QTest::newRow("nl deadline") << u"U hoort binnen 5 werkdagen van ons."_s << u"binnen 5 werkdagen"_s
                                     << u"deadline"_s;
        QTest::newRow("fi refund") << u"Palautamme rahat tilillesi."_s << u"Palautamme"_s << u"refund"_s;
        QTest::newRow("fi deadline") << u"Saat vastauksen 5 arkipäivän kuluessa."_s
                                     << u"5 arkipäivän kuluessa"_s << u"deadline"_s;
        QTest::newRow("pl refund") << u"Zwrócimy pieniądze jeszcze dziś."_s << u"Zwrócimy"_s << u"refund"_s;
        QTest::newRow("pl deadline") << u"Odpowiemy w ciągu 5 dni roboczych."_s << u"w ciągu 5 dni"_s
                                     << u"deadline"_s;
        QTest::newRow("pl compensation")
            << u"Otrzymają Państwo rekompensatę."_s << u"rekompensatę"_s << u"compensation"_s;
        QTest::newRow("it refund") << u"Le rimborseremo l'intero importo."_s << u"rimborseremo"_s
                                   << u"refund"_s;
        QTest::newRow("it fee") << u"La commissione verrà annullata."_s << u"commissione verrà annullata"_s
                                << u"fee waiver"_s;
        QTest::newRow("it deadline") << u"Riceverà una risposta entro 5 giorni lavorativi."_s
                                     << u"entro 5 giorni lavorativi"_s << u"deadline"_s;
        QTest::newRow("pt refund") << u"Vamos reembolsar o valor total."_s << u"Vamos reembolsar"_s
                                   << u"refund"_s;
        QTest::newRow("pt deadline") << u"Responderemos no prazo de 5 dias úteis."_s
                                     << u"no prazo de 5 dias úteis"_s << u"deadline"_s;
        QTest::newRow("pt compensation")
            << u"Oferecemos um código de desconto."_s << u"código de desconto"_s << u"compensation"_s;
    }

    void flagsPromisesInFiveLanguages()
    {
        QFETCH(QString, body);
        QFETCH(QString, span);
        QFETCH(QString, category);
        RiskFlagger::Input in;
        in.body = body;
        const QList<DraftFlag> flags = RiskFlagger::flag(in);
        const DraftFlag *f = findFlag(flags, u"promise"_s, body, span);
        QVERIFY2(f, qPrintable(body));
        QVERIFY(f->message.startsWith(u"promise (%1)"_s.arg(category)));
    }

    void informationIsNotAPromise()
    {
        RiskFlagger::Input in;
        in.body = u"Your refund from the merchant reduces what you have left to pay. A late fee is only "
                  u"added after "
                  "7 days."_s;
        QCOMPARE(countKind(RiskFlagger::flag(in), u"promise"_s), 0);
    }

    void flagsLeftoverPlaceholdersAndWrongLanguage()
    {
        RiskFlagger::Input in;
        in.body =
            u"Hi there, your order {{Order Number}} has shipped and should arrive very soon, thanks for "
            "waiting so patiently for it."_s;
        in.expectedLanguage = u"de"_s;
        const QList<DraftFlag> flags = RiskFlagger::flag(in);
        QVERIFY(findFlag(flags, u"placeholder"_s, in.body, u"{{Order Number}}"_s));
        QCOMPARE(countKind(flags, u"language"_s), 1);
    }

    void detectsFiveLanguages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en")
            << u"Hello, my payment was declined again and I do not understand why. Can you help?"_s
            << u"en"_s;
        QTest::newRow("sv")
            << u"Hej, min betalning gick inte igenom igen och jag förstår inte varför. Kan ni hjälpa "
               "mig?"_s
            << u"sv"_s;
        QTest::newRow("de")
            << u"Hallo, meine Zahlung wurde schon wieder abgelehnt und ich verstehe nicht warum. "
               "Können Sie mir helfen?"_s
            << u"de"_s;
        QTest::newRow("es")
            << u"Hola, mi pago ha sido rechazado otra vez y no entiendo por qué. ¿Me pueden ayudar?"_s
            << u"es"_s;
        QTest::newRow("fr")
            << u"Bonjour, mon paiement a encore été refusé et je ne comprends pas pourquoi. Pouvez-vous "
               "m'aider ?"_s
            << u"fr"_s;
        QTest::newRow("nl")
            << u"Hallo, mijn betaling is opnieuw geweigerd en ik begrijp niet waarom. Kunt u mij helpen?"_s
            << u"nl"_s;
        QTest::newRow("fi") << u"Hei, maksuni hylättiin taas enkä ymmärrä miksi. Voitteko auttaa minua?"_s
                            << u"fi"_s;
        QTest::newRow("pl")
            << u"Dzień dobry, moja płatność znowu została odrzucona i nie rozumiem dlaczego. Czy mogą mi "
               "Państwo pomóc?"_s
            << u"pl"_s;
        QTest::newRow("it")
            << u"Buongiorno, il mio pagamento è stato rifiutato di nuovo e non capisco perché. Potete "
               "aiutarmi?"_s
            << u"it"_s;
        QTest::newRow("pt")
            << u"Olá, o meu pagamento foi recusado outra vez e não percebo porquê. Podem ajudar-me?"_s
            << u"pt"_s;
    }

    void detectsFiveLanguages()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto r = LanguageDetector::detect(text);
        QCOMPARE(r.language, language);
        QVERIFY(r.reliable);
        QCOMPARE(LanguageDetector::decide(text, u"en"_s), language);
    }

    void shortTextFallsBackToTheProfileLanguage()
    {
        QCOMPARE(LanguageDetector::decide(u"ok"_s, u"sv"_s), u"sv"_s);
        QCOMPARE(LanguageDetector::decide(u""_s, u""_s), u"en"_s);
    }

    // A short message in a close neighbour of the profile language is the customer's own: cld2
    // cannot tell short Swedish from Danish or Czech from Slovak, the profile can. A long text
    // and a language that is no neighbour still go by what cld2 reads.
    void neighbourOfTheProfileLanguageIsTheProfileLanguage()
    {
        const QString swedish = u"Hej, går det att betala med faktura hos er eller bara kort? Mvh Anders"_s;
        QCOMPARE(LanguageDetector::decide(swedish, u"sv"_s), u"sv"_s);
        const QString danish =
            u"Hej, kan jeg betale med faktura hos jer, eller kun med kort? Venlig hilsen Mette"_s;
        QCOMPARE(LanguageDetector::decide(danish, u"da"_s), u"da"_s);
        QVERIFY(LanguageDetector::areNeighbours(u"sv"_s, u"da"_s));
        QVERIFY(LanguageDetector::areNeighbours(u"cs"_s, u"sk"_s));
        QVERIFY(!LanguageDetector::areNeighbours(u"sv"_s, u"fi"_s));
        QVERIFY(!LanguageDetector::areNeighbours(u"de"_s, u"nl"_s));
        const QString german = u"Guten Tag, kann ich die nächste Rate mit einer anderen Karte bezahlen?"_s;
        QCOMPARE(LanguageDetector::decide(german, u"sv"_s), u"de"_s);
    }

    void sentimentHandlesNegationAndIntensifiers_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("plain");
        QTest::addColumn<QString>("negated");
        QTest::addColumn<QString>("intensified");
        QTest::newRow("en") << u"en"_s << u"I am happy with the service."_s
                            << u"I am not happy with the service."_s
                            << u"I am very happy with the service."_s;
        QTest::newRow("sv") << u"sv"_s << u"Jag är nöjd med tjänsten."_s
                            << u"Jag är inte nöjd med tjänsten."_s << u"Jag är väldigt nöjd med tjänsten."_s;
        QTest::newRow("de") << u"de"_s << u"Ich bin zufrieden mit dem Service."_s
                            << u"Ich bin nicht zufrieden mit dem Service."_s
                            << u"Ich bin sehr zufrieden mit dem Service."_s;
        QTest::newRow("es") << u"es"_s << u"Estoy contento con el servicio."_s
                            << u"No estoy contento con el servicio."_s
                            << u"Estoy muy contento con el servicio."_s;
        QTest::newRow("fr") << u"fr"_s << u"Je suis content du service."_s
                            << u"Je ne suis pas content du service."_s
                            << u"Je suis très content du service."_s;
        QTest::newRow("nl") << u"nl"_s << u"Ik ben tevreden over de service."_s
                            << u"Ik ben niet tevreden over de service."_s
                            << u"Ik ben heel tevreden over de service."_s;
        QTest::newRow("fi") << u"fi"_s << u"Olen tyytyväinen palveluun."_s
                            << u"En ole tyytyväinen palveluun."_s << u"Olen todella tyytyväinen palveluun."_s;
        QTest::newRow("pl") << u"pl"_s << u"Jestem zadowolony z obsługi."_s
                            << u"Nie jestem zadowolony z obsługi."_s
                            << u"Jestem bardzo zadowolony z obsługi."_s;
        QTest::newRow("it") << u"it"_s << u"Sono contento del servizio."_s
                            << u"Non sono contento del servizio."_s << u"Sono molto contento del servizio."_s;
        QTest::newRow("pt") << u"pt"_s << u"Estou contente com o serviço."_s
                            << u"Não estou contente com o serviço."_s
                            << u"Estou muito contente com o serviço."_s;
    }

    void sentimentHandlesNegationAndIntensifiers()
    {
        QFETCH(QString, language);
        QFETCH(QString, plain);
        QFETCH(QString, negated);
        QFETCH(QString, intensified);
        const auto p = SentimentAnalyzer::analyze(plain, language);
        const auto n = SentimentAnalyzer::analyze(negated, language);
        const auto i = SentimentAnalyzer::analyze(intensified, language);
        QCOMPARE(p.label, u"positive"_s);
        QCOMPARE(n.label, u"negative"_s);
        QVERIFY(n.score < 0);
        QVERIFY2(i.score > p.score, qPrintable(u"%1 vs %2"_s.arg(i.score).arg(p.score)));
    }

    void sentimentStrongNegativeAndContrast()
    {
        const auto angry = SentimentAnalyzer::analyze(
            u"This is absolutely UNACCEPTABLE. Third time I write and still no answer, you are useless!!"_s,
            u"en"_s);
        QCOMPARE(angry.label, u"negative"_s);
        QVERIFY(angry.score <= -0.8);
        const auto mild = SentimentAnalyzer::analyze(u"The app is a bit confusing."_s, u"en"_s);
        QVERIFY(mild.score > angry.score);
        const auto notBad = SentimentAnalyzer::analyze(u"Not bad at all."_s, u"en"_s);
        QVERIFY(notBad.score > 0);
        // "but": the clause after it dominates.
        const auto but =
            SentimentAnalyzer::analyze(u"Thanks for the quick reply, but this is terrible."_s, u"en"_s);
        QCOMPARE(but.label, u"negative"_s);
        const auto neutral = SentimentAnalyzer::analyze(u"When is my next instalment due?"_s, u"en"_s);
        QCOMPARE(neutral.label, u"neutral"_s);
        QCOMPARE(SentimentAnalyzer::analyze(u"Das funktioniert nicht, ich bin wütend!"_s, u"de"_s).label,
                 u"negative"_s);
        QCOMPARE(SentimentAnalyzer::analyze(u"Ça ne marche pas, c'est inadmissible."_s, u"fr"_s).label,
                 u"negative"_s);
        QCOMPARE(SentimentAnalyzer::analyze(u"Det fungerar inte, helt oacceptabelt."_s, u"sv"_s).label,
                 u"negative"_s);
        QCOMPARE(SentimentAnalyzer::analyze(u"¡Muchas gracias, excelente servicio!"_s, u"es"_s).label,
                 u"positive"_s);
        const QList<std::array<QString, 3>> more{
            {u"nl"_s, u"Het werkt niet, echt onacceptabel."_s, u"negative"_s},
            {u"nl"_s, u"Dat helpt niet."_s, u"negative"_s},
            {u"fi"_s, u"Ei toimi, tämä on törkeää!"_s, u"negative"_s},
            {u"pl"_s, u"Nie działa, to skandal!"_s, u"negative"_s},
            {u"pl"_s, u"Dzień dobry, kiedy jest termin płatności?"_s, u"neutral"_s},
            {u"it"_s, u"Non funziona, è inaccettabile."_s, u"negative"_s},
            {u"pt"_s, u"Muito obrigado, excelente serviço!"_s, u"positive"_s},
            {u"pt"_s, u"Bom dia, quando vence a próxima prestação?"_s, u"neutral"_s}};
        for (const auto &[language, text, label] : more)
            QVERIFY2(SentimentAnalyzer::analyze(text, language).label == label,
                     qPrintable(language + u' ' + text));
    }

    void servedLanguagesAreReadOnReload()
    {
        // Which languages the knowledge answers in is read once, not on every draft (not even
        // while there is no knowledge): articles written since count from the next reload().
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"served-test"_s);
            db.setDatabaseName(u":memory:"_s);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE kb_articles (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,"
                           " intent TEXT NOT NULL, language TEXT NOT NULL, title TEXT NOT NULL,"
                           " body TEXT NOT NULL, reply_template TEXT NOT NULL)"_s));
            GroundedDraftEngine engine(db);
            QVERIFY(engine.error().isEmpty());
            DraftRequest request;
            request.ticket.id = 1;
            request.ticket.queue = u"orders"_s;
            request.ticket.customer = {u"Anna Lindberg"_s, u"anna@example.net"_s, u"sv"_s};
            Message m;
            m.author.kind = AuthorKind::Customer;
            m.body = u"Hej, mitt paket har fortfarande inte kommit fram. Var är det någonstans?"_s;
            request.messages.append(m);
            const auto unsupported = [&] {
                return engine.draft(request).needsHumanCodes.contains(u"unsupported_language"_s);
            };
            QVERIFY(!unsupported()); // no knowledge at all: no language is singled out

            QVERIFY(q.exec(u"INSERT INTO kb_articles (slug, intent, language, title, body, reply_template)"
                           " VALUES ('where', 'order_status', 'en', 'Where is my order?', 'Tracking.',"
                           " 'Hi {name},\n\nYour order is on its way.')"_s));
            QVERIFY(!unsupported());
            engine.reload();
            QVERIFY(unsupported()); // English only now: Swedish is not served
        }
        QSqlDatabase::removeDatabase(u"served-test"_s);
    }

    void tonesRewriteOpeningAndClosing()
    {
        const QString en =
            u"Hi {name},\n\nThanks for getting in touch. Your refund for order {order} is on its way. "
            "If you have any other questions, just reply to this message.\n\nKind regards,\n"
            "Lumen Pay Support"_s;
        const QString empathetic = ToneStyler::apply(en, u"empathetic"_s, u"en"_s);
        QVERIFY(empathetic.startsWith(u"Hi {name},\n\nI'm really sorry for the trouble"_s));
        QVERIFY(empathetic.endsWith(u"Take care,\nLumen Pay Support"_s));
        const QString concise = ToneStyler::apply(en, u"concise"_s, u"en"_s);
        QCOMPARE(concise,
                 u"Hi {name},\n\nYour refund for order {order} is on its way.\n\nBest,\nLumen Pay Support"_s);
        const QString formal = ToneStyler::apply(en, u"formal"_s, u"en"_s);
        QVERIFY(formal.startsWith(u"Dear {name},"_s));
        QVERIFY(formal.endsWith(u"Yours sincerely,\nLumen Pay Support"_s));
        QCOMPARE(ToneStyler::apply(en, u""_s, u"en"_s), en);
        QCOMPARE(ToneStyler::apply(en, u"sarcastic"_s, u"en"_s), en);

        const QString de =
            u"Hallo {name},\n\nvielen Dank für Ihre Nachricht. Ihre Rate für {order} ist bezahlt.\n\n"
            "Viele Grüße\nLumen Pay Support"_s;
        QVERIFY(ToneStyler::apply(de, u"empathetic"_s, u"de"_s)
                    .startsWith(u"Hallo {name},\n\nes tut mir wirklich leid"_s));
        QVERIFY(ToneStyler::apply(de, u"empathetic"_s, u"de"_s).contains(u"Geduld. Vielen Dank"_s));
        QCOMPARE(ToneStyler::apply(de, u"concise"_s, u"de"_s),
                 u"Hallo {name},\n\nIhre Rate für {order} ist bezahlt.\n\nGrüße\nLumen Pay Support"_s);
        const QString deFormal = ToneStyler::apply(de, u"formal"_s, u"de"_s);
        QVERIFY(deFormal.startsWith(u"Guten Tag {name},"_s));
        QVERIFY(deFormal.endsWith(u"Mit freundlichen Grüßen\nLumen Pay Support"_s));
        for (const QString &lang : {u"sv"_s, u"es"_s, u"fr"_s, u"nl"_s, u"fi"_s, u"pl"_s, u"it"_s, u"pt"_s}) {
            const QString t = u"Hej {name},\n\nText om {order}.\n\nHälsningar,\nLumen Pay Support"_s;
            QVERIFY(ToneStyler::apply(t, u"empathetic"_s, lang) != t);
            QVERIFY(ToneStyler::apply(t, u"empathetic"_s, lang).contains(u"{order}"_s));
        }
        const QString nl =
            u"Beste {name},\n\nBedankt voor uw bericht. Uw termijn voor {order} is betaald.\n\n"
            "Met vriendelijke groet,\nLumen Pay Support"_s;
        QCOMPARE(ToneStyler::apply(nl, u"concise"_s, u"nl"_s),
                 u"Beste {name},\n\nUw termijn voor {order} is betaald.\n\nGroet,\nLumen Pay Support"_s);
        QVERIFY(ToneStyler::apply(nl, u"formal"_s, u"nl"_s).endsWith(u"Hoogachtend,\nLumen Pay Support"_s));
        const QString pt = u"Olá {name},\n\nAgradecemos a sua mensagem. A prestação da {order} está paga.\n\n"
                           "Com os melhores cumprimentos,\nLumen Pay Support"_s;
        QVERIFY(ToneStyler::apply(pt, u"empathetic"_s, u"pt"_s)
                    .startsWith(u"Olá {name},\n\nLamentamos sinceramente"_s));
    }

    void templatizeTurnsCustomerFactsIntoSlots()
    {
        const TicketFacts facts = TicketFacts::extract(
            u"Where is the refund for LP-5550123 from Pixelhaven?"_s, u"Camille Dubois"_s, {u"Pixelhaven"_s});
        const QString sent =
            u"Bonjour Camille,\n\nLe remboursement de 89,90 € pour la commande LP-5550123 chez "
            "Pixelhaven sera visible le 12 mars. Montant : [amount].\n\nCordialement"_s;
        QCOMPARE(
            DraftLearning::templatize(sent, facts),
            u"Bonjour {name},\n\nLe remboursement de {amount} pour la commande {order} chez {merchant} sera "
            "visible le {date}. Montant : {amount}.\n\nCordialement"_s);
    }

    void metrics()
    {
        QCOMPARE(draftmetrics::tokenF1(u"a b c"_s, u"a b c"_s), 1.0);
        QCOMPARE(draftmetrics::tokenF1(u"a b"_s, u"c d"_s), 0.0);
        QCOMPARE(draftmetrics::tokenF1(u"a b c d"_s, u"a b"_s), 2 * 0.5 * 1.0 / 1.5);
        QCOMPARE(draftmetrics::rougeL(u"a x b y c"_s, u"a b c"_s), 2 * 0.6 * 1.0 / 1.6);
        QCOMPARE(draftmetrics::tokenF1(u"see [Order Number]"_s, u"see {{Order Number}}"_s), 1.0);
        QVERIFY(draftmetrics::leaksPlaceholder(u"x {{Name}}"_s));
        QVERIFY(draftmetrics::leaksPlaceholder(u"x {name} y"_s));
        QVERIFY(!draftmetrics::leaksPlaceholder(u"x [name] y"_s));
    }

    void readsCorpusCsv()
    {
        QString error;
        const auto rows =
            parseResolvedCsv(u"text,intent,category,response\r\n\"multi\nline, \"\"quoted\"\"\",a_b,"
                             "X,\"Reply {{Order Number}}\"\nplain,c_d,Y,\n"_s,
                             u"mem"_s, &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).text, u"multi\nline, \"quoted\""_s);
        QCOMPARE(rows->at(0).intent, u"a_b"_s);
        QCOMPARE(rows->at(0).response, u"Reply {{Order Number}}"_s);
        QCOMPARE(rows->at(1).response, u""_s);
        QVERIFY(!parseResolvedCsv(u"text,category\nx,y,z\n"_s, u"mem"_s, &error));
        QCOMPARE(error, u"mem:2: 3 fields where the header has 2"_s);
        QVERIFY(!parseResolvedCsv(u"body,label\nx,y\n"_s, u"mem"_s, &error));
        QVERIFY(!parseResolvedCsv(u"text,intent\n\"open,y\n"_s, u"mem"_s, &error));
        QVERIFY(!readResolvedCsv(u"/nonexistent.csv"_s, &error));
    }
};

QTEST_GUILESS_MAIN(TestDraftingGrounded)
#include "tst_drafting_grounded.moc"
