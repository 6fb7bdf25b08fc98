#include "EscalationPolicy.h"

#include "core/Logging.h"
#include "core/ReasonCodes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

const QStringList &knownKeys()
{
    static const QStringList keys{u"min_confidence"_s,
                                  u"use_model_abstention"_s,
                                  u"escalate_out_of_scope"_s,
                                  u"negative_sentiment_at_or_below"_s,
                                  u"repeat_contact_messages"_s,
                                  u"repeat_window_days"_s,
                                  u"sensitive"_s,
                                  u"always"_s,
                                  u"reason"_s,
                                  u"code"_s,
                                  u"needs_evidence"_s,
                                  u"evidence_unless_confidence"_s};
    return keys;
}

// Checks one rule object; returns "" or a description of the first problem.
QString validate(const QJsonObject &rule, const QString &where)
{
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        const QString &key = it.key();
        if (!knownKeys().contains(key))
            return u"%1: unknown setting \"%2\""_s.arg(where, key);
        const QJsonValue v = it.value();
        const bool isBool = key == u"use_model_abstention" || key == u"escalate_out_of_scope" ||
                            key == u"sensitive" || key == u"always" || key == u"needs_evidence";
        if (isBool && !v.isBool())
            return u"%1.%2: must be true or false"_s.arg(where, key);
        if (key == u"reason" && !v.isString())
            return u"%1.reason: must be a string"_s.arg(where);
        if (key == u"code" && !reason::isKnown(v.toString()))
            return u"%1.code: must be one of %2"_s.arg(where, reason::all().join(u", "_s));
        if ((key == u"min_confidence" || key == u"evidence_unless_confidence") &&
            (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1))
            return u"%1.%2: must be a number from 0 to 1"_s.arg(where, key);
        if (key == u"negative_sentiment_at_or_below" &&
            (!v.isDouble() || v.toDouble() < -1 || v.toDouble() > 1))
            return u"%1.negative_sentiment_at_or_below: must be a number from -1 to 1"_s.arg(where);
        if (key == u"repeat_window_days" && (!v.isDouble() || v.toInt(-1) < 0 || v.toInt() > 365))
            return u"%1.repeat_window_days: must be a whole number from 0 to 365"_s.arg(where);
        if (key == u"repeat_contact_messages" && (!v.isDouble() || v.toInt(-1) < 0))
            return u"%1.repeat_contact_messages: must be a whole number >= 0"_s.arg(where);
    }
    return {};
}

void apply(EscalationPolicy::Rules &r, const QJsonObject &o)
{
    r.minConfidence = o.value(u"min_confidence").toDouble(r.minConfidence);
    r.useModelAbstention = o.value(u"use_model_abstention").toBool(r.useModelAbstention);
    r.escalateOutOfScope = o.value(u"escalate_out_of_scope").toBool(r.escalateOutOfScope);
    r.negativeSentimentAtOrBelow =
        o.value(u"negative_sentiment_at_or_below").toDouble(r.negativeSentimentAtOrBelow);
    r.repeatContactMessages = o.value(u"repeat_contact_messages").toInt(r.repeatContactMessages);
    r.repeatWindowDays = o.value(u"repeat_window_days").toInt(r.repeatWindowDays);
    r.sensitive = o.value(u"sensitive").toBool(r.sensitive);
    r.always = o.value(u"always").toBool(r.always);
    r.reason = o.value(u"reason").toString(r.reason);
    r.code = o.value(u"code").toString(r.code);
    r.needsEvidence = o.value(u"needs_evidence").toBool(r.needsEvidence);
    r.evidenceUnlessConfidence = o.value(u"evidence_unless_confidence").toDouble(r.evidenceUnlessConfidence);
}

// The defaults when a policy document says nothing about a code.
EscalationPolicy::CodeRule defaultRule(const QString &code)
{
    using reason::kCrisis;
    if (code == kCrisis)
        return {true, Priority::Urgent};
    if (code == reason::kMultiIssue || code == reason::kUnsupportedLanguage || code == reason::kOutOfScope ||
        code == reason::kLowConfidence)
        return {true, Priority::Normal};
    return {true, Priority::High};
}

QString parseCodes(const QJsonObject &codes, QHash<QString, EscalationPolicy::CodeRule> *out)
{
    for (auto it = codes.begin(); it != codes.end(); ++it) {
        const QString where = u"codes."_s + it.key();
        if (!reason::isKnown(it.key()))
            return u"%1: unknown reason code (known: %2)"_s.arg(where, reason::all().join(u", "_s));
        if (!it.value().isObject())
            return u"%1: must be an object"_s.arg(where);
        const QJsonObject o = it.value().toObject();
        EscalationPolicy::CodeRule rule = defaultRule(it.key());
        for (auto k = o.begin(); k != o.end(); ++k) {
            if (k.key() == u"escalate") {
                if (!k.value().isBool())
                    return u"%1.escalate: must be true or false"_s.arg(where);
                rule.escalate = k.value().toBool();
            } else if (k.key() == u"priority") {
                const auto p = priorityFromString(k.value().toString());
                if (!p)
                    return u"%1.priority: must be low, normal, high or urgent"_s.arg(where);
                rule.priority = *p;
            } else {
                return u"%1: unknown setting \"%2\""_s.arg(where, k.key());
            }
        }
        // Safety is not configurable: a person sees every crisis, first.
        if (it.key() == reason::kCrisis && (!rule.escalate || rule.priority != Priority::Urgent))
            return u"%1: a crisis always goes to a person at urgent priority"_s.arg(where);
        out->insert(it.key(), rule);
    }
    return {};
}

} // namespace

QJsonObject EscalationPolicy::builtInJson()
{
    QFile file(u":/drafting/escalation-policy.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject EscalationPolicy::Signals::toJson() const
{
    QJsonObject evidence;
    for (auto it = judgedEvidence.cbegin(); it != judgedEvidence.cend(); ++it)
        evidence.insert(it.key(), it.value());
    return {{u"queue"_s, queue},
            {u"intent"_s, intent},
            {u"confidence"_s, confidence},
            {u"model_abstained"_s, modelAbstained},
            {u"out_of_scope"_s, outOfScope},
            {u"sentiment_score"_s, sentimentScore},
            {u"customer_messages"_s, customerMessages},
            {u"no_knowledge"_s, noKnowledge},
            {u"judged"_s, QJsonArray::fromStringList(judged)},
            {u"judged_evidence"_s, evidence},
            {u"unclear"_s, unclear},
            {u"risk_signs"_s, QJsonArray::fromStringList(riskSigns)},
            {u"set_aside"_s, QJsonArray::fromStringList(setAside)}};
}

std::optional<EscalationPolicy::Signals> EscalationPolicy::Signals::fromJson(const QJsonObject &o)
{
    if (!o.value(u"queue").isString() || !o.value(u"confidence").isDouble() ||
        !o.value(u"sentiment_score").isDouble() || !o.value(u"customer_messages").isDouble())
        return std::nullopt;
    Signals s;
    s.queue = o.value(u"queue").toString();
    s.intent = o.value(u"intent").toString();
    s.confidence = o.value(u"confidence").toDouble();
    s.modelAbstained = o.value(u"model_abstained").toBool();
    s.outOfScope = o.value(u"out_of_scope").toBool();
    s.sentimentScore = o.value(u"sentiment_score").toDouble();
    s.customerMessages = o.value(u"customer_messages").toInt(1);
    s.noKnowledge = o.value(u"no_knowledge").toBool();
    // Signals stored before the judgement existed have none of these.
    for (const QJsonValue &c : o.value(u"judged").toArray()) {
        if (reason::isKnown(c.toString()))
            s.judged.append(c.toString());
    }
    const QJsonObject evidence = o.value(u"judged_evidence").toObject();
    for (auto it = evidence.begin(); it != evidence.end(); ++it)
        s.judgedEvidence.insert(it.key(), it.value().toString());
    s.unclear = o.value(u"unclear").toBool();
    for (const QJsonValue &v : o.value(u"risk_signs").toArray())
        s.riskSigns.append(v.toString());
    for (const QJsonValue &v : o.value(u"set_aside").toArray()) {
        if (reason::isKnown(v.toString()))
            s.setAside.append(v.toString());
    }
    return s;
}

EscalationPolicy EscalationPolicy::builtIn()
{
    QString error;
    if (auto p = fromFile(u":/drafting/escalation-policy.json"_s, &error))
        return *p;
    // The resource is compiled in, so this is a build problem; escalate everything rather than nothing.
    tandem::logging::get("draft")->error("built-in escalation policy unusable: {}", error.toStdString());
    EscalationPolicy strict;
    strict.m_defaults.insert(u"always"_s, true);
    strict.m_defaults.insert(u"reason"_s, u"escalation policy unavailable: every ticket goes to a person"_s);
    return strict;
}

std::optional<EscalationPolicy> EscalationPolicy::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read escalation policy %1"_s.arg(path);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = u"%1: not a JSON object (%2)"_s.arg(path, parseError.errorString());
        return std::nullopt;
    }
    auto policy = fromJson(doc.object(), error);
    if (!policy)
        *error = path + u": "_s + *error;
    return policy;
}

std::optional<EscalationPolicy> EscalationPolicy::fromJson(const QJsonObject &object, QString *error)
{
    EscalationPolicy p;
    const QJsonValue version = object.value(u"version");
    if (!version.isUndefined() && version.toInt() != 1) {
        *error = u"version: only version 1 is understood"_s;
        return std::nullopt;
    }
    p.m_defaults = object.value(u"defaults").toObject();
    if (const QString problem = validate(p.m_defaults, u"defaults"_s); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    const QList<std::pair<QString, QHash<QString, QJsonObject> *>> sections{
        {u"queues"_s, &p.m_queues}, {u"intents"_s, &p.m_intents}, {u"queue_intents"_s, &p.m_queueIntents}};
    for (const auto &[name, target] : sections) {
        const QJsonValue section = object.value(name);
        if (!section.isUndefined() && !section.isObject()) {
            *error = u"%1: must be an object"_s.arg(name);
            return std::nullopt;
        }
        const QJsonObject entries = section.toObject();
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            if (!it.value().isObject()) {
                *error = u"%1.%2: must be an object"_s.arg(name, it.key());
                return std::nullopt;
            }
            const QString where = name + u'.' + it.key();
            if (const QString problem = validate(it.value().toObject(), where); !problem.isEmpty()) {
                *error = problem;
                return std::nullopt;
            }
            target->insert(it.key(), it.value().toObject());
        }
    }
    const QJsonValue codes = object.value(u"codes");
    if (!codes.isUndefined() && !codes.isObject()) {
        *error = u"codes: must be an object"_s;
        return std::nullopt;
    }
    if (const QString problem = parseCodes(codes.toObject(), &p.m_codes); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return p;
}

EscalationPolicy::Rules EscalationPolicy::rulesFor(const QString &queue, const QString &intent) const
{
    Rules r;
    apply(r, m_defaults);
    apply(r, m_queues.value(queue));
    apply(r, m_intents.value(intent));
    apply(r, m_queueIntents.value(queue + u'/' + intent));
    return r;
}

EscalationPolicy::CodeRule EscalationPolicy::ruleFor(const QString &code) const
{
    return m_codes.value(code, defaultRule(code));
}

EscalationPolicy::Decision EscalationPolicy::decide(const Signals &s) const
{
    const Rules r = rulesFor(s.queue, s.intent);
    Decision d;
    auto fire = [this, &d](const QString &code, const QString &reason) {
        if (!ruleFor(code).escalate)
            return;
        if (!d.codes.contains(code))
            d.codes.append(code);
        d.reasons.append(reason);
    };
    // What the judgement found comes first: it carries the evidence.
    for (const QString &code : s.judged)
        fire(code, reason::label(code).toLower() + u": "_s + s.judgedEvidence.value(code));
    // A message in a language the knowledge base does not cover says nothing to the intent
    // model; a message with no request in it gets a question back, not a person.
    // A crisis is about the person, not the topic: model doubt would only be noise beside it.
    const bool modelBlind =
        s.judged.contains(reason::kUnsupportedLanguage) || s.unclear || s.judged.contains(reason::kCrisis);
    if (modelBlind) {
        // nothing: out of scope and low confidence would only repeat the same fact
    } else if (s.outOfScope && r.escalateOutOfScope) {
        fire(u"out_of_scope"_s,
             u"out of scope: this message matches none of the topics the assistant knows"_s);
    } else {
        // A sensitive topic the model only guesses at is not evidence of it: the model's doubt
        // is the reason then (the judgement's own signals above carry the topic when present).
        const QString sensitiveCode = r.code.isEmpty() ? reason::kPolicy.toString() : r.code;
        // Evidence: the judgement read the topic's code in the text or, for a vulnerable topic,
        // some sign of risk that did not make a crisis (a person then sees a case the word lists
        // half-read).
        // Against it: the topic's own words were all explained away (asked about, settled, planned).
        const bool evidenced = !r.needsEvidence || s.judged.contains(sensitiveCode) ||
                               (!s.setAside.contains(sensitiveCode) &&
                                (s.confidence >= r.evidenceUnlessConfidence ||
                                 (sensitiveCode == reason::kVulnerable && !s.riskSigns.isEmpty())));
        if ((r.sensitive && !s.modelAbstained && evidenced) || r.always)
            fire(sensitiveCode, r.reason.isEmpty()
                                    ? u"sensitive topic (%1): a person should handle this"_s.arg(s.intent)
                                    : r.reason);
        if (s.modelAbstained && r.useModelAbstention)
            fire(u"low_confidence"_s,
                 u"low confidence: the intent model is unsure (%1%)"_s.arg(qRound(s.confidence * 100)));
        else if (s.confidence < r.minConfidence)
            fire(u"low_confidence"_s,
                 u"low confidence: %1% is below this queue's %2%"_s.arg(qRound(s.confidence * 100))
                     .arg(qRound(r.minConfidence * 100)));
    }
    // Strong words beside a topic the writer set aside ("what do you do if someone is scammed?",
    // a fraud long settled) are about that topic, not the writer's mood now.
    const bool wordsOfAnAsideTopic = !s.setAside.isEmpty() && s.judged.isEmpty();
    if (s.sentimentScore <= r.negativeSentimentAtOrBelow && !s.unclear &&
        !s.judged.contains(reason::kCrisis) && !wordsOfAnAsideTopic)
        fire(u"negative_sentiment"_s, u"strong negative sentiment (%1)"_s.arg(s.sentimentScore, 0, 'f', 2));
    if (r.repeatContactMessages > 0 && s.customerMessages >= r.repeatContactMessages)
        fire(u"repeat_contact"_s,
             u"repeat contact: the customer has written %1 times"_s.arg(s.customerMessages));
    // Without knowledge the draft is a holding reply: a person must write the answer.
    if (d.reasons.isEmpty() && s.noKnowledge && !s.intent.isEmpty() && !modelBlind)
        fire(reason::kPolicy.toString(),
             u"no knowledge: nothing in the knowledge base or past replies covers %1"_s.arg(s.intent));
    d.codes = reason::normalized(d.codes);
    d.needsHuman = !d.reasons.isEmpty();
    d.reason = d.reasons.join(u"; "_s);
    for (const QString &code : std::as_const(d.codes))
        d.priority = std::max(d.priority, ruleFor(code).priority);
    return d;
}

} // namespace tandem::server
