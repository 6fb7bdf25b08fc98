#include "GroundedDraftEngine.h"

#include "DraftFlagger.h"
#include "DraftLearning.h"
#include "LanguageDetector.h"
#include "MailFooter.h"
#include "QuotedHistory.h"
#include "ReplyComposer.h"
#include "RiskFlagger.h"
#include "SentimentAnalyzer.h"
#include "SlotFiller.h"
#include "TemplateChooser.h"
#include "TextUtil.h"
#include "TicketFacts.h"
#include "ToneStyler.h"

#include "core/Logging.h"
#include "core/ReasonCodes.h"
#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/ReplyTexts.h"
#include "server/drafting/judgement/Sentences.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QThreadPool>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

using judgement::ReplyTexts;

constexpr double kPieceAloneConfidence = 0.85; // a clause read without support from the whole message

// Which reply: the judgement's own for a crisis, an unserved language, no request, or a
// vulnerable customer whose intent has no template written for their situation; nullopt for the
// best template of the intent.
std::optional<ReplyTexts::Kind> judgementReplyKind(const judgement::CaseAssessment &judged,
                                                   const EscalationPolicy::Rules &rules)
{
    if (judged.has(reason::kCrisis))
        return ReplyTexts::Kind::Crisis;
    if (judged.has(reason::kUnsupportedLanguage))
        return ReplyTexts::Kind::Unsupported;
    if (judged.unclear)
        return ReplyTexts::Kind::Clarify;
    if (judged.has(reason::kVulnerable) && rules.code != reason::kVulnerable)
        return ReplyTexts::Kind::Vulnerable;
    return std::nullopt;
}

// Everything a first draft would otherwise build on the request thread: the lexicon's patterns,
// the text models (JSON, ~100 ms), the reply texts and every fixed pattern list of the flagger
// and the fact reader (PCRE2 compiles a pattern on its first match: ~1-2 ms each, in whichever
// draft meets it first). Runs once on a pool thread when the engine starts.
void warmUp()
{
    const judgement::SignalLexicon &lexicon = judgement::SignalLexicon::builtIn();
    judgement::ReplyTexts::builtIn();
    lexicon.compileAll();
    judgement::CaseInput in;
    in.customerText = u"Hello, I paid 45.00 EUR on 3 March and I still wait. Hallo, ich warte noch."_s;
    in.messages = {in.customerText};
    in.language = u"en"_s;
    in.languageServed = true;
    judgement::CaseAssessor().assess(in);
    const QString sample =
        u"Hi Anna,\nWe will refund 45.00 EUR by 3 March; I've frozen your card. Wir erstatten "
        "Ihnen 12,50 €. Nous vous rembourserons. Le reembolsaremos. {order}\n> On Monday "
        "you wrote:\n> hello\n--\nSent from my phone"_s;
    RiskFlagger::flag({sample, in.customerText, {}, {}, {}, u"en"_s});
    TicketFacts::extract(sample, u"Anna"_s, {});
    text::withoutMailFooter(text::withoutQuotedHistory(sample));
}

} // namespace

//! What the judge step made of a request.
struct GroundedDraftEngine::Reading
{
    QString queue;    //!< the ticket's
    QString customer; //!< everything the customer wrote
    QString language; //!< the customer's
    SentimentAnalyzer::Result sentiment;
    IntentPrediction prediction;
    const EscalationPolicy *policy = nullptr; //!< the policy in force for this draft
    EscalationPolicy::Rules rules;
    judgement::CaseAssessment judged;
    int customerMessages = 1;
    bool modelUsable = false; //!< a served language and a request in it: the model may answer
    QString intent;           //!< what the draft answers; "" when the model may not answer
};

GroundedDraftEngine::GroundedDraftEngine(QSqlDatabase db, GroundedEngineOptions options)
    : m_db(db), m_options(std::move(options)), m_index(db)
{
    // The judgement's lexicon (≈ 0.3 s to parse) and replies are built once per process, on a
    // pool thread from now on: start-up does not wait for them, and a draft that comes first
    // waits for the one construction in progress (function-local statics are thread-safe). The
    // patterns' JIT compilation (≈ 3 s of CPU) follows on the same thread; a draft never waits
    // for it, only for a pattern it needs that is being compiled at that moment.
    QThreadPool::globalInstance()->start(warmUp);
    // The schema now; the intent model on reload()/train(), or lazily on the first draft.
    QString error;
    if (!m_index.ensureSchema(&error)) {
        m_error = error;
        tandem::logging::get("draft")->error("{}", error.toStdString());
    }
}

QString GroundedDraftEngine::name() const
{
    return u"grounded-retrieval"_s;
}

QStringList GroundedDraftEngine::tones()
{
    return ToneStyler::tones();
}

void GroundedDraftEngine::reload()
{
    QString error;
    if (!m_index.ensureSchema(&error)) {
        m_error = error;
        tandem::logging::get("draft")->error("{}", error.toStdString());
        return;
    }
    m_index.compact();
    m_error.clear();
    m_served = m_index.servedLanguages();
    if (!m_fixedClassifier && !retrain(&error))
        tandem::logging::get("draft")->warn("intent model not trained: {}", error.toStdString());
}

const EscalationPolicy &GroundedDraftEngine::policyInForce()
{
    // Every tandemd instance reads the same settings row; the parsed policy is reused until the
    // row changes (its version), so a draft costs one indexed lookup.
    QSqlQuery q(m_db);
    q.prepare(u"SELECT value, version FROM settings WHERE name = ?"_s);
    q.addBindValue(EscalationPolicy::kSettingName.toString());
    if (!q.exec() || !q.next()) {
        m_storedPolicy.reset();
        m_storedPolicyVersion = 0;
        return m_options.policy;
    }
    const qint64 version = q.value(1).toLongLong();
    if (m_storedPolicy && version == m_storedPolicyVersion)
        return *m_storedPolicy;
    QString error;
    const QJsonObject object = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    m_storedPolicy = EscalationPolicy::fromJson(object, &error);
    m_storedPolicyVersion = version;
    if (!m_storedPolicy) {
        tandem::logging::get("draft")->error("stored escalation policy unusable ({}); using the built-in one",
                                             error.toStdString());
        return m_options.policy;
    }
    return *m_storedPolicy;
}

void GroundedDraftEngine::recordOutcome(const DraftOutcome &o)
{
    if (!m_error.isEmpty())
        return;
    // Without any knowledge, every language counted as served; a reply learnt now may be the
    // first, so look again (with knowledge, served languages change on reload()).
    if (m_served && m_served->isEmpty())
        m_served.reset();
    DraftLearning learning(m_db);
    if (o.outcome == u"discarded") {
        if (o.draft)
            learning.recordDiscard(*o.draft);
        return;
    }
    const auto outcome = replyOutcomeFromString(o.outcome);
    if (!outcome || o.sentBody.trimmed().isEmpty())
        return;
    learning.recordReply(o.ticket, o.thread, o.draft, o.sentBody, *outcome, m_options.merchants);
}

bool GroundedDraftEngine::train(const QList<QPair<QString, QString>> &examples, QString *error)
{
    addExamples(examples);
    return retrain(error);
}

void GroundedDraftEngine::addExamples(const QList<QPair<QString, QString>> &examples)
{
    // Example texts may be templates ("... for {order}"): give the model what customers write.
    static const QRegularExpression slot(u"\\{\\{?\\s*([^{}\\n]{1,40}?)\\s*\\}?\\}"_s);
    static const QHash<QString, QString> samples{
        {u"order"_s, u"LP-1234567"_s}, {u"amount"_s, u"45.00"_s}, {u"date"_s, u"3 March"_s}};
    m_examples.clear();
    for (const auto &[text, intent] : examples) {
        QString t = text;
        QString filled;
        qsizetype last = 0;
        auto it = slot.globalMatch(t);
        while (it.hasNext()) {
            const auto m = it.next();
            filled += QStringView(t).mid(last, m.capturedStart() - last);
            filled += samples.value(SlotFiller::canonicalSlot(m.captured(1)));
            last = m.capturedEnd();
        }
        filled += QStringView(t).mid(last);
        if (!filled.trimmed().isEmpty() && !intent.trimmed().isEmpty())
            m_examples.append({filled.simplified(), intent.trimmed()});
    }
    m_fixedClassifier = false;
    m_trainedOn.clear();
}

void GroundedDraftEngine::setClassifier(IntentClassifier classifier)
{
    m_classifier = std::move(classifier);
    m_fixedClassifier = true;
}

bool GroundedDraftEngine::retrain(QString *error)
{
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    QList<QPair<QString, QString>> all = m_examples;
    all.append(m_index.trainingExamples());
    const QString signature = u"%1/%2"_s.arg(m_examples.size()).arg(all.size());
    if (signature == m_trainedOn) {
        // Same knowledge as last time: keep the model, or the failure (no retry per draft).
        if (!m_classifier)
            *error = u"not enough labelled examples (need at least two intents)"_s;
        return m_classifier.has_value();
    }
    m_trainedOn = signature;
    QElapsedTimer timer;
    timer.start();
    auto trained = IntentClassifier::train(all, TrainOptions{}, error);
    if (!trained)
        return false;
    m_classifier = std::move(trained);
    tandem::logging::get("draft")->info("intent model trained on {} examples ({} intents) in {} ms",
                                        all.size(), m_classifier->intents().size(), timer.elapsed());
    return true;
}

const QStringList &GroundedDraftEngine::servedLanguages()
{
    // One query per reload(), not one per draft, even when the knowledge is empty.
    if (!m_served && m_error.isEmpty())
        m_served = m_index.servedLanguages();
    static const QStringList none;
    return m_served ? *m_served : none;
}

IntentPrediction GroundedDraftEngine::predictIntent(const QString &customerText)
{
    // The trained model, or nothing (then every draft goes to a person).
    if (!m_classifier && !m_fixedClassifier && m_error.isEmpty()) {
        QString error;
        if (!retrain(&error))
            tandem::logging::get("draft")->warn("intent model not trained: {}", error.toStdString());
    }
    if (m_classifier)
        return m_classifier->predict(customerText, m_options.coverage);
    IntentPrediction none;
    none.outOfScope = true;
    return none;
}

GroundedDraftEngine::Reading GroundedDraftEngine::judge(const DraftRequest &request)
{
    const Ticket &ticket = request.ticket;
    Reading r;
    r.queue = ticket.queue;
    r.customer = text::customerText(ticket, request.messages);
    r.language = LanguageDetector::decide(r.customer, ticket.customer.language);
    // The model and the sentiment read what is meant: "dead tired", "dying of laughter" or "the
    // app will be the death of me" say nothing about the request or the mood (blanked).
    const QString literal = judgement::CaseAssessor().literalText(r.customer);
    r.sentiment = SentimentAnalyzer::analyze(literal, r.language);
    r.prediction = predictIntent(literal);
    // A language is unserved only next to served ones: with no knowledge at all, everything is
    // out of scope instead (the policy's rule, not a language problem).
    const bool served =
        m_error.isEmpty() && (servedLanguages().isEmpty() || servedLanguages().contains(r.language));

    // The judgement: crisis, vulnerability, fraud, legal, complaints, manipulation, history,
    // several requests, unserved languages, messages with no request in them.
    r.policy = &policyInForce();
    r.rules = r.policy->rulesFor(ticket.queue, r.prediction.intent);
    judgement::CaseInput in;
    // What the customer says now, without the mail it quotes (our earlier reply's "we will
    // process your refund" is no claim of theirs); a quoted "promise", or an instruction hidden in
    // a signature or a disclaimer, is still read for manipulation (judgement::CaseInput::withHistory).
    in.customerText = text::customerOwnText(ticket, request.messages);
    if (const QString raw = text::customerRawText(ticket, request.messages); raw != in.customerText)
        in.withHistory = raw;
    in.subject = ticket.subject;
    in.subjectQuoted = text::quotesItsSubject(ticket, request.messages);
    for (const Message &m : request.messages) {
        if (m.author.kind == AuthorKind::Customer && !m.internal)
            in.messages.append(text::ownWords(ticket, m.body));
    }
    in.language = r.language;
    in.languageServed = served;
    in.intent = r.prediction.outOfScope ? QString() : r.prediction.intent;
    in.confidence = r.prediction.confidence;
    in.outOfScope = r.prediction.outOfScope;
    in.abstained = r.prediction.abstain;
    // The subject names the matter the body asks about ("Arrives before Saturday?" over "Will
    // order 84511 arrive before Saturday?"): not a request of its own beside it. (literalText
    // keeps every character where it was.)
    QString requestText = literal;
    if (!ticket.subject.isEmpty() && !in.messages.isEmpty() && r.customer.startsWith(ticket.subject + u'\n'))
        requestText = literal.mid(ticket.subject.size() + 1);
    in.pieces = served ? pieceIntents(requestText, r.prediction) : QList<judgement::PieceIntent>();
    in.intentFamilies = m_options.intentFamilies;
    in.sentimentScore = r.sentiment.score;
    in.customerMessages = std::max(1, text::customerMessageCount(request.messages));
    in.now = ticket.updatedAt.isValid() ? ticket.updatedAt : ticket.createdAt;
    for (const judgement::PriorContact &p : request.history) {
        // A window of 0 days turns history off.
        if (p.ticketId != ticket.id && r.rules.repeatWindowDays > 0 &&
            (!in.now.isValid() || !p.createdAt.isValid() ||
             p.createdAt.daysTo(in.now) <= r.rules.repeatWindowDays))
            in.history.append(p);
    }
    r.customerMessages = in.customerMessages;
    r.judged = judgement::CaseAssessor().assess(in);
    // The newest message took back what came before ("sorry for the tone, all sorted now"): its
    // mood is the customer's now.
    if (r.judged.earlierWithdrawn)
        r.sentiment =
            SentimentAnalyzer::analyze(judgement::CaseAssessor().literalText(in.messages.last()), r.language);
    // "Thanks for everything" from someone at risk is not a positive message.
    if ((r.judged.sarcasm || r.judged.has(reason::kCrisis)) &&
        r.sentiment.score > SentimentAnalyzer::kNegativeAt) {
        // "Great job, third week and still nothing": the words are positive, the message is not.
        r.sentiment.score = -0.5;
        r.sentiment.label = u"negative"_s;
    }

    // What the model may answer: nothing for an unserved language or a message without a request.
    r.modelUsable = served && !r.judged.unclear && !r.judged.has(reason::kOutOfScope);
    r.intent = (r.prediction.outOfScope || !r.modelUsable) ? QString() : r.prediction.intent;
    return r;
}

QList<judgement::PieceIntent> GroundedDraftEngine::pieceIntents(const QString &customerText,
                                                                const IntentPrediction &whole) const
{
    QList<judgement::PieceIntent> pieces;
    if (!m_classifier)
        return pieces;
    const QStringList parts = judgement::splitRequests(customerText);
    if (parts.size() < 2 || parts.size() > 24)
        return pieces; // one request, or too long to be a list of requests
    for (const QString &part : parts) {
        judgement::PieceIntent p;
        p.text = part;
        p.contentWords = int(text::contentWords(part).size());
        if (p.contentWords < judgement::CaseAssessor::kPieceMinWords)
            continue;
        p.asks = judgement::asksSomething(part);
        if (!p.asks && judgement::thanks(part))
            continue; // gratitude, not a request
        const IntentPrediction piece = m_classifier->predict(part, m_options.coverage);
        if (piece.outOfScope || piece.abstain)
            continue;
        // A piece's own reading counts when the whole message also leans that way (its top
        // intents), or when the piece alone is unmistakable, or when the customer announced
        // several requests (the judgement decides that): a stray clause misread on its own must
        // not turn one request into several.
        p.alsoWhole = piece.confidence >= kPieceAloneConfidence ||
                      std::any_of(whole.top.cbegin(), whole.top.cend(),
                                  [&](const QPair<QString, double> &t) { return t.first == piece.intent; });
        p.intent = piece.intent;
        p.confidence = piece.confidence;
        pieces.append(p);
    }
    return pieces;
}

DraftResult GroundedDraftEngine::draft(const DraftRequest &request)
{
    DraftResult result;
    Draft &d = result.draft;
    d.engine = name();

    // Judge: language, sentiment, intent and the judgement on the hard cases.
    const Reading reading = judge(request);
    result.language = reading.language;
    result.sentiment = reading.sentiment.label;
    result.sentimentScore = reading.sentiment.score;
    result.intent = reading.intent;
    d.intent = reading.intent;
    d.confidence = std::clamp(reading.prediction.confidence, 0.0, 1.0);

    // Choose: the judgement's own reply, or the best template for the intent.
    const TemplateChooser chooser(m_index);
    ReplyComposer::Request compose;
    compose.own = judgementReplyKind(reading.judged, reading.rules);
    compose.intent = reading.intent;
    compose.language = reading.language;
    compose.tone = request.tone;
    if (!compose.own && !reading.intent.isEmpty() && m_error.isEmpty()) {
        compose.customerWords = text::contentWords(reading.customer);
        // The template's intent and the further requests' (ReplyComposer) from one search.
        compose.candidates = chooser.candidatesFor(
            text::ftsQuery(reading.customer), QStringList{reading.intent} + reading.judged.requestIntents);
        compose.choice =
            chooser.choose(reading.intent, reading.language, compose.candidates.value(reading.intent),
                           compose.customerWords, &compose.evidence);
    }

    // Compose: the wording in the customer's language where there is one, the ticket's facts in it.
    compose.facts = TicketFacts::extract(reading.customer, request.ticket.customer.name, m_options.merchants);
    const ComposedReply reply = ReplyComposer(m_options, chooser).compose(compose, reading.judged);
    if (compose.own) {
        d.confidence = 0.0; // nothing the model proposed: a person writes the answer
        if (*compose.own == ReplyTexts::Kind::Clarify)
            d.confidence = std::clamp(1.0 - reading.prediction.confidence, 0.5, 0.9);
    }
    d.language = reply.language;
    d.body = reply.body;
    d.citations = reply.citations;
    d.flags = reply.flags;

    // Flag: what a person must check before it goes out.
    d.flags.append(DraftFlagger::flag(reply, {reading.customer, reading.language,
                                              reading.judged.has(reason::kManipulation),
                                              m_options.companyFacts.values()}));

    decide(reading, compose.own.has_value(), compose.choice.found, &result);
    return result;
}

void GroundedDraftEngine::decide(const Reading &reading, bool ownReply, bool templateFound,
                                 DraftResult *result) const
{
    EscalationPolicy::Signals s;
    s.queue = reading.queue;
    s.intent = reading.intent;
    s.confidence = reading.prediction.confidence;
    s.modelAbstained = reading.prediction.abstain && reading.modelUsable;
    // A message that names one of our records (an order, an invoice by its number) is ours,
    // whatever the intent model's out-of-scope reading says.
    s.outOfScope = reading.prediction.outOfScope && reading.modelUsable && !reading.judged.recordCited;
    s.sentimentScore = reading.sentiment.score;
    s.customerMessages = reading.customerMessages;
    s.noKnowledge = !reading.intent.isEmpty() && !templateFound && !ownReply;
    s.judged = reading.judged.codes;
    s.judgedEvidence = reading.judged.evidence;
    s.riskSigns = reading.judged.riskSigns;
    s.setAside = reading.judged.setAside;
    s.unclear = reading.judged.unclear;
    EscalationPolicy::Decision decision = reading.policy->decide(s);
    if (!m_error.isEmpty()) {
        decision.needsHuman = true;
        decision.reason = u"drafting unavailable: %1"_s.arg(m_error);
        decision.codes = QStringList{reason::kPolicy.toString()};
    } else {
        result->escalationSignals = s.toJson();
    }
    result->needsHuman = decision.needsHuman;
    result->needsHumanReason = decision.reason;
    result->needsHumanCodes = decision.codes;
    result->priority = decision.priority;
    result->priorityMayFall = reading.judged.earlierWithdrawn && decision.priority < Priority::Urgent;
    if (decision.needsHuman)
        result->draft.flags.prepend({u"needs_human"_s, decision.reason, -1, 0});
}

} // namespace tandem::server
