#include "server/drafting/EscalationPolicy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server;

//! The escalation policy's threshold and sensitive-intent rules, and policy files.
class TestEscalationPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escalationRules()
    {
        const EscalationPolicy policy = EscalationPolicy::builtIn();
        EscalationPolicy::Signals s;
        s.queue = u"payments"_s;
        s.intent = u"payment_due_date"_s;
        s.confidence = 0.9;
        QVERIFY(!policy.decide(s).needsHuman);

        // A sensitive intent needs the judgement's own code (needs_evidence): the model sure of a
        // fraud is not evidence of one.
        auto sensitive = s;
        sensitive.intent = u"suspected_fraud"_s;
        QVERIFY(!policy.decide(sensitive).needsHuman);
        sensitive.judged = {u"fraud"_s};
        auto d = policy.decide(sensitive);
        QVERIFY(d.needsHuman);
        QVERIFY(d.reason.contains(u"suspected fraud"_s));
        sensitive.judged.clear();
        // Hardship needs evidence in the text besides the model's reading (needs_evidence), unless
        // the model is sure of it (evidence_unless_confidence 0.9 in the built-in policy).
        sensitive.intent = u"financial_hardship"_s;
        sensitive.confidence = 0.85;
        QVERIFY(!policy.decide(sensitive).needsHuman);
        sensitive.confidence = 0.92;
        QVERIFY(policy.decide(sensitive).needsHuman);
        sensitive.confidence = 0.85;
        sensitive.judged = {u"vulnerable"_s};
        d = policy.decide(sensitive);
        QVERIFY(d.needsHuman);
        QVERIFY(d.reason.contains(u"financial hardship"_s));

        auto oos = s;
        oos.outOfScope = true;
        d = policy.decide(oos);
        QVERIFY(d.needsHuman);
        QVERIFY(d.reason.startsWith(u"out of scope"_s));

        // The model's doubt alone routes nothing by default (every draft is read by a person and
        // shows its confidence); a supervisor can make it, and a queue's minimum, route to a person.
        auto abstained = s;
        abstained.modelAbstained = true;
        abstained.confidence = 0.31;
        QVERIFY(!policy.decide(abstained).needsHuman);
        QString error;
        const auto strict =
            EscalationPolicy::fromJson(QJsonDocument::fromJson(R"({"defaults": {"use_model_abstention": true},
                                        "queues": {"refunds": {"min_confidence": 0.5}}})")
                                           .object(),
                                       &error);
        QVERIFY2(strict, qPrintable(error));
        QVERIFY(strict->decide(abstained).reason.startsWith(u"low confidence"_s));
        QCOMPARE(strict->decide(abstained).codes, QStringList{u"low_confidence"_s});

        // The refunds queue asks for more confidence than the default.
        auto refunds = s;
        refunds.queue = u"refunds"_s;
        refunds.intent = u"refund_status"_s;
        refunds.confidence = 0.45;
        QVERIFY(!policy.decide(refunds).needsHuman);
        QVERIFY(
            strict->decide(refunds).reason.startsWith(u"low confidence: 45% is below this queue's 50%"_s));
        refunds.confidence = 0.55;
        QVERIFY(!strict->decide(refunds).needsHuman);

        auto angry = s;
        angry.sentimentScore = -0.85;
        QVERIFY(policy.decide(angry).reason.startsWith(u"strong negative sentiment"_s));

        auto repeat = s;
        repeat.customerMessages = 3;
        d = policy.decide(repeat);
        QCOMPARE(d.reason, u"repeat contact: the customer has written 3 times"_s);
        repeat.customerMessages = 2;
        QVERIFY(!policy.decide(repeat).needsHuman);

        auto several = sensitive;
        several.intent = u"suspected_fraud"_s;
        several.judged = {u"fraud"_s};
        several.judgedEvidence = {{u"fraud"_s, u"“stolen”"_s}};
        several.customerMessages = 4;
        // The judgement's evidence, the intent's own reason and the repeat contact.
        QCOMPARE(policy.decide(several).reasons.size(), 3);
        QCOMPARE(policy.decide(several).codes, (QStringList{u"fraud"_s, u"repeat_contact"_s}));
    }

    void escalationPolicyFromFile()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(R"({"version": 1, "defaults": {"repeat_contact_messages": 5},
                       "queues": {"orders": {"min_confidence": 0.9}},
                       "intents": {"order_status": {"always": true, "reason": "pilot: every order question"}},
                       "queue_intents": {"orders/card_arrival": {"min_confidence": 0.2}}})");
        file.close();
        QString error;
        const auto policy = EscalationPolicy::fromFile(file.fileName(), &error);
        QVERIFY2(policy, qPrintable(error));
        QCOMPARE(policy->rulesFor(u"payments"_s, u"late_fee"_s).repeatContactMessages, 5);
        QCOMPARE(policy->rulesFor(u"orders"_s, u"delivery_address"_s).minConfidence, 0.9);
        QCOMPARE(policy->rulesFor(u"orders"_s, u"card_arrival"_s).minConfidence, 0.2);
        EscalationPolicy::Signals s;
        s.queue = u"orders"_s;
        s.intent = u"order_status"_s;
        s.confidence = 0.99;
        QCOMPARE(policy->decide(s).reason, u"pilot: every order question"_s);
        // The built-in sensitive intents are not in this file.
        s.intent = u"legal_threat"_s;
        QVERIFY(!policy->decide(s).needsHuman);

        const auto bad = EscalationPolicy::fromJson(
            QJsonDocument::fromJson(R"({"intents": {"x": {"min_confidence": 3}}})").object(), &error);
        QVERIFY(!bad);
        QCOMPARE(error, u"intents.x.min_confidence: must be a number from 0 to 1"_s);
        QVERIFY(!EscalationPolicy::fromJson(QJsonDocument::fromJson(R"({"defaults": {"typo": 1}})").object(),
                                            &error));
        QVERIFY(error.contains(u"unknown setting \"typo\""_s));
        QVERIFY(!EscalationPolicy::fromFile(u"/nonexistent/policy.json"_s, &error));
    }
};

QTEST_GUILESS_MAIN(TestEscalationPolicy)
#include "tst_escalation_policy.moc"
