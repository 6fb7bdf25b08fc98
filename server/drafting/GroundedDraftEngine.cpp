#include "GroundedDraftEngine.h"

#include "ClaimedActions.h"
#include "DraftLearning.h"
#include "LanguageDetector.h"
#include "RiskFlagger.h"
#include "SentimentAnalyzer.h"
#include "SlotFiller.h"
#include "TextUtil.h"
#include "TicketFacts.h"
#include "ToneStyler.h"

#include "core/Logging.h"
#include "core/ReasonCodes.h"
#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/Sentences.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

constexpr int kCandidates = 30;       // bm25 hits considered per draft
constexpr double kArticlePrior = 0.6; // past requests less similar than this lose to a reviewed template
constexpr int kExtraCitations = 2;
constexpr double kPieceAloneConfidence = 0.85; // a clause read without support from the whole message

// Sorted token hashes of a text, for fast multiset intersection.
std::vector<size_t> tokenIds(const QString &s)
{
    const QStringList words = text::words(s);
    std::vector<size_t> ids;
    ids.reserve(size_t(words.size()));
    for (const QString &w : words)
        ids.push_back(qHash(w));
    std::sort(ids.begin(), ids.end());
    return ids;
}

double tokenF1(const std::vector<size_t> &a, const std::vector<size_t> &b)
{
    if (a.empty() || b.empty())
        return 0.0;
    size_t i = 0;
    size_t j = 0;
    size_t common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            ++common;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * double(common) / double(a.size() + b.size());
}

// Mean token F1 of each reply to the other replies (0..1).
QList<double> typicality(const QList<GroundingSource> &sources)
{
    std::vector<std::vector<size_t>> ids;
    ids.reserve(size_t(sources.size()));
    for (const GroundingSource &s : sources)
        ids.push_back(tokenIds(s.reply));
    const size_t n = ids.size();
    std::vector<double> sum(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
            const double f = tokenF1(ids[i], ids[j]);
            sum[i] += f;
            sum[j] += f;
        }
    }
    QList<double> out;
    for (size_t i = 0; i < n; ++i)
        out.append(n > 1 ? sum[i] / double(n - 1) : 0.0);
    return out;
}

Citation citationOf(const GroundingSource &s)
{
    const QString snippet = (s.kind == GroundingSource::Kind::Article ? s.text : s.reply).simplified();
    return {s.citationId, s.title, snippet.size() <= 200 ? snippet : snippet.left(197) + u"..."_s};
}

} // namespace

std::optional<GroundedEngineOptions> GroundedEngineOptions::fromCompanyFile(const QString &path,
                                                                            QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1"_s.arg(path);
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject()) {
        *error = u"%1: not a JSON object"_s.arg(path);
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    GroundedEngineOptions options;
    const QList<QPair<QString, QString>> keys{{u"name"_s, u"company"_s},
                                              {u"website"_s, u"website"_s},
                                              {u"website_url"_s, u"website_url"_s},
                                              {u"support_phone"_s, u"support_phone"_s},
                                              {u"support_email"_s, u"support_email"_s},
                                              {u"support_hours"_s, u"support_hours"_s}};
    for (const auto &[json, key] : keys) {
        if (o.value(json).isString() && !o.value(json).toString().isEmpty())
            options.companyFacts.insert(key, o.value(json).toString());
    }
    const QJsonObject crisis = o.value(u"crisis_contacts").toObject();
    for (auto it = crisis.begin(); it != crisis.end(); ++it) {
        if (it.key() != u"comment" && it.value().isString() && !it.value().toString().trimmed().isEmpty())
            options.crisisContacts.insert(it.key(), it.value().toString().trimmed());
    }
    const QJsonArray merchants = o.value(u"merchants").toArray();
    for (const QJsonValue &m : merchants) {
        if (m.isString() && !m.toString().trimmed().isEmpty())
            options.merchants.append(m.toString().trimmed());
    }
    return options;
}

GroundedDraftEngine::GroundedDraftEngine(QSqlDatabase db, GroundedEngineOptions options)
    : m_db(db), m_options(std::move(options)), m_index(db)
{
    // The judgement's lexicon and replies are compiled once per process: now, not in a draft.
    judgement::SignalLexicon::builtIn();
    judgement::ReplyTexts::builtIn();
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

GroundedDraftEngine::Choice GroundedDraftEngine::chooseTemplate(const QString &intent,
                                                                const QString &language, const QString &query,
                                                                const QString &customerText,
                                                                QList<GroundingSource> *evidence) const
{
    const QSet<QString> words = text::contentWords(customerText);
    const QList<GroundingSource> hits = m_index.search(query, intent, kCandidates);
    const QList<GroundingSource> articles = m_index.articlesFor(intent);

    // Candidates in one language: the distinct past replies retrieved for this intent, and the
    // reviewed knowledge-base template. The template wins unless a past request was nearly the
    // same as this one (relevance x weight above the template's prior x weight): then a human
    // answered this very question before. Among several such replies (or all of them when there
    // is no template) the most typical one wins (highest mean token F1 to the others), so one
    // agent's idiosyncratic answer does not. Weights come from what humans did with drafts.
    auto bestIn = [&](const QString &lang, Choice *choice) {
        QList<GroundingSource> distinct;
        QList<double> relevance;
        QHash<QString, qsizetype> seen;
        for (const GroundingSource &h : hits) {
            if (h.kind != GroundingSource::Kind::Resolved || (!lang.isEmpty() && h.language != lang))
                continue;
            const double sim = text::setCosine(words, text::contentWords(h.text));
            const QString key = h.reply.simplified();
            if (const auto it = seen.constFind(key); it != seen.cend()) {
                if (sim > relevance[*it]) {
                    relevance[*it] = sim;
                    distinct[*it] = h;
                }
                continue;
            }
            seen.insert(key, distinct.size());
            distinct.append(h);
            relevance.append(sim);
        }
        const GroundingSource *article = nullptr;
        for (const GroundingSource &a : articles) {
            if ((lang.isEmpty() || a.language == lang) && !a.reply.trimmed().isEmpty() &&
                (!article || a.weight > article->weight))
                article = &a;
        }
        if (article) {
            const double bar = kArticlePrior * article->weight;
            QList<GroundingSource> near;
            for (qsizetype i = 0; i < distinct.size(); ++i) {
                if (relevance[i] * distinct[i].weight > bar)
                    near.append(distinct[i]);
            }
            distinct = near;
            if (distinct.isEmpty()) {
                choice->source = *article;
                choice->found = true;
                return true;
            }
            relevance.clear();
            for (const GroundingSource &d : std::as_const(distinct))
                relevance.append(text::setCosine(words, text::contentWords(d.text)));
        }
        if (distinct.isEmpty())
            return false;
        const QList<double> centrality = typicality(distinct);
        double best = -1.0;
        for (qsizetype i = 0; i < distinct.size(); ++i) {
            const double score = (distinct.size() < 3 ? relevance[i] : centrality[i]) * distinct[i].weight;
            if (score > best) {
                best = score;
                choice->source = distinct[i];
            }
        }
        choice->found = true;
        return true;
    };

    Choice choice;
    if (!bestIn(language, &choice)) {
        choice.otherLanguage = true;
        if (!bestIn(u"en"_s, &choice))
            bestIn({}, &choice);
    }
    // Evidence: the article of this intent in the draft's language, then the closest hits.
    const QString draftLanguage = choice.found ? choice.source.language : language;
    for (const GroundingSource &a : articles) {
        if (a.language == draftLanguage && a.citationId != choice.source.citationId)
            evidence->append(a);
    }
    for (const GroundingSource &h : hits) {
        if (evidence->size() >= kExtraCitations)
            break;
        if (h.citationId != choice.source.citationId && h.language == draftLanguage &&
            std::none_of(evidence->cbegin(), evidence->cend(),
                         [&](const GroundingSource &e) { return e.citationId == h.citationId; }))
            evidence->append(h);
    }
    if (evidence->size() > kExtraCitations)
        evidence->resize(kExtraCitations);
    return choice;
}

const QStringList &GroundedDraftEngine::servedLanguages()
{
    if (m_served.isEmpty() && m_error.isEmpty())
        m_served = m_index.servedLanguages();
    return m_served;
}

QString GroundedDraftEngine::judgementReply(judgement::ReplyTexts::Kind kind, const QString &language,
                                            QString *written) const
{
    const auto &texts = judgement::ReplyTexts::builtIn();
    QString text = texts.text(kind, language);
    *written = language;
    if (text.isEmpty()) {
        text = texts.text(kind, u"en"_s);
        *written = u"en"_s;
    }
    const QString company = m_options.companyFacts.value(u"company"_s);
    text.replace(u"{signature}"_s, company.isEmpty() ? u"Customer Support"_s : company + u" Support"_s);
    return text;
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
        const IntentPrediction piece = m_classifier->predict(part, m_options.coverage);
        if (piece.outOfScope || piece.abstain)
            continue;
        // A piece's own reading counts when the whole message also leans that way (its top
        // intents), or when the piece alone is unmistakable: a stray clause misread on its own
        // must not turn one request into several.
        const bool alsoWhole =
            std::any_of(whole.top.cbegin(), whole.top.cend(),
                        [&](const QPair<QString, double> &t) { return t.first == piece.intent; });
        if (!alsoWhole && piece.confidence < kPieceAloneConfidence)
            continue;
        p.intent = piece.intent;
        p.confidence = piece.confidence;
        p.asks = judgement::asksSomething(part);
        pieces.append(p);
    }
    return pieces;
}

namespace {

// "Hi Anna,\n\n" -> the length of that greeting paragraph; 0 when the text does not open with one.
qsizetype greetingLength(const QString &body)
{
    const qsizetype end = body.indexOf(u"\n\n"_s);
    if (end <= 0 || end > 60)
        return 0;
    const QString first = body.left(end).trimmed();
    return (first.endsWith(u',') || first.endsWith(u':') || first.endsWith(u'!') || !first.contains(u'.'))
               ? end + 2
               : 0;
}

// The body of a template without its greeting and its sign-off paragraph.
QString middleOf(const QString &body)
{
    QString middle = body.mid(greetingLength(body));
    const qsizetype signOff = middle.lastIndexOf(u"\n\n"_s);
    if (signOff > 0 && middle.size() - signOff < 80)
        middle = middle.left(signOff);
    return middle.trimmed();
}

// Amounts and other figures: what a draft must not repeat from a manipulative message unchecked.
const QRegularExpression &figures()
{
    static const QRegularExpression re(
        u"(?:[£$€]\\s?)?\\d[\\d.,\\s]*\\d(?:\\s?(?:[£$€]|kr|sek|eur|usd|gbp|zł|pln))?|"
        "[£$€]\\s?\\d"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

DraftResult GroundedDraftEngine::draft(const DraftRequest &request)
{
    using judgement::ReplyTexts;
    DraftResult result;
    Draft &d = result.draft;
    d.engine = name();

    const Ticket &ticket = request.ticket;
    const QString customer = text::customerText(ticket, request.messages);
    const QString hint = ticket.customer.language;
    const QString language = LanguageDetector::decide(customer, hint);
    auto sentiment = SentimentAnalyzer::analyze(customer, language);
    result.language = language;

    // Intent: the trained model, or nothing (then every draft goes to a person).
    IntentPrediction prediction;
    if (!m_classifier && !m_fixedClassifier && m_error.isEmpty()) {
        QString error;
        if (!retrain(&error))
            tandem::logging::get("draft")->warn("intent model not trained: {}", error.toStdString());
    }
    if (m_classifier) {
        prediction = m_classifier->predict(customer, m_options.coverage);
    } else {
        prediction.outOfScope = true;
    }
    // A language is unserved only next to served ones: with no knowledge at all, everything is
    // out of scope instead (the policy's rule, not a language problem).
    const bool served =
        m_error.isEmpty() && (servedLanguages().isEmpty() || servedLanguages().contains(language));

    // The judgement: crisis, vulnerability, fraud, legal, complaints, manipulation, history,
    // several requests, unserved languages, messages with no request in them.
    const EscalationPolicy &policy = policyInForce();
    const EscalationPolicy::Rules rules = policy.rulesFor(ticket.queue, prediction.intent);
    judgement::CaseInput in;
    in.customerText = customer;
    in.subject = ticket.subject;
    for (const Message &m : request.messages) {
        if (m.author.kind == AuthorKind::Customer && !m.internal)
            in.messages.append(m.body);
    }
    in.language = language;
    in.languageServed = served;
    in.intent = prediction.outOfScope ? QString() : prediction.intent;
    in.confidence = prediction.confidence;
    in.outOfScope = prediction.outOfScope;
    in.abstained = prediction.abstain;
    in.pieces = served ? pieceIntents(customer, prediction) : QList<judgement::PieceIntent>();
    in.intentFamilies = m_options.intentFamilies;
    in.sentimentScore = sentiment.score;
    in.customerMessages = std::max(1, text::customerMessageCount(request.messages));
    in.now = ticket.updatedAt.isValid() ? ticket.updatedAt : ticket.createdAt;
    for (const judgement::PriorContact &p : request.history) {
        // A window of 0 days turns history off.
        if (p.ticketId != ticket.id && rules.repeatWindowDays > 0 &&
            (!in.now.isValid() || !p.createdAt.isValid() ||
             p.createdAt.daysTo(in.now) <= rules.repeatWindowDays))
            in.history.append(p);
    }
    const judgement::CaseAssessment judged = judgement::CaseAssessor().assess(in);
    // "Thanks for everything" from someone at risk is not a positive message.
    if ((judged.sarcasm || judged.has(reason::kCrisis)) && sentiment.score > SentimentAnalyzer::kNegativeAt) {
        // "Great job, third week and still nothing": the words are positive, the message is not.
        sentiment.score = -0.5;
        sentiment.label = u"negative"_s;
    }
    result.sentiment = sentiment.label;
    result.sentimentScore = sentiment.score;

    // What the model may answer: nothing for an unserved language or a message without a request.
    const bool modelUsable = served && !judged.unclear && !judged.has(reason::kOutOfScope);
    const QString intent = (prediction.outOfScope || !modelUsable) ? QString() : prediction.intent;
    result.intent = intent;
    d.intent = intent;
    d.confidence = std::clamp(prediction.confidence, 0.0, 1.0);

    const TicketFacts facts = TicketFacts::extract(customer, ticket.customer.name, m_options.merchants);
    const QString query = text::ftsQuery(customer);
    QList<GroundingSource> evidence;
    Choice choice;
    // Which reply: the judgement's own for a crisis, an unserved language, no request, or a
    // vulnerable customer whose intent has no template written for their situation; else the
    // best template for the intent.
    std::optional<ReplyTexts::Kind> own;
    if (judged.has(reason::kCrisis))
        own = ReplyTexts::Kind::Crisis;
    else if (judged.has(reason::kUnsupportedLanguage))
        own = ReplyTexts::Kind::Unsupported;
    else if (judged.unclear)
        own = ReplyTexts::Kind::Clarify;
    else if (judged.has(reason::kVulnerable) && rules.code != reason::kVulnerable)
        own = ReplyTexts::Kind::Vulnerable;
    if (!own && !intent.isEmpty() && m_error.isEmpty())
        choice = chooseTemplate(intent, language, query, customer, &evidence);

    QString templateText;
    QString templateLanguage = language;
    QStringList approvedExtra; // reviewed wording merged into the draft besides the chosen source
    if (own) {
        templateText = judgementReply(*own, language, &templateLanguage);
        d.confidence = 0.0; // nothing the model proposed: a person writes the answer
        if (*own == ReplyTexts::Kind::Clarify)
            d.confidence = std::clamp(1.0 - prediction.confidence, 0.5, 0.9);
    } else if (choice.found) {
        templateText = choice.source.reply;
        templateLanguage = choice.source.language;
        // A past reply is wording only: what its agent did for that customer was not done for this one.
        if (choice.source.kind == GroundingSource::Kind::Resolved)
            templateText = ClaimedActions::strip(templateText, templateLanguage).text;
        d.citations.append(citationOf(choice.source));
        for (const GroundingSource &e : std::as_const(evidence))
            d.citations.append(citationOf(e));
        // Several requests: answer each part the knowledge covers, one after the other.
        if (judged.has(reason::kMultiIssue)) {
            QStringList parts{middleOf(templateText)};
            for (const QString &other : judged.requestIntents) {
                if (other == intent)
                    continue;
                QList<GroundingSource> ignored;
                const Choice extra =
                    chooseTemplate(other, language, text::ftsQuery(customer), customer, &ignored);
                if (extra.found && extra.source.language == templateLanguage) {
                    const bool past = extra.source.kind == GroundingSource::Kind::Resolved;
                    parts.append(
                        middleOf(past ? ClaimedActions::strip(extra.source.reply, templateLanguage).text
                                      : extra.source.reply));
                    if (!past)
                        approvedExtra.append(extra.source.text + u'\n' + extra.source.reply);
                    d.citations.append(citationOf(extra.source));
                }
            }
            if (parts.size() > 1) {
                QString ignoredLanguage;
                const QString ack =
                    judgementReply(ReplyTexts::Kind::MultiAck, templateLanguage, &ignoredLanguage);
                approvedExtra.append(ack);
                const qsizetype g = greetingLength(templateText);
                const qsizetype signOff = templateText.lastIndexOf(u"\n\n"_s);
                templateText = templateText.left(g) + ack + u"\n\n"_s + parts.join(u"\n\n"_s) +
                               (signOff > g ? templateText.mid(signOff) : QString());
            }
        }
    } else {
        templateText = judgementReply(ReplyTexts::Kind::Holding, language, &templateLanguage);
    }
    // The customer has been here before: say so instead of starting over.
    if (judged.has(reason::kRepeatContact) && (!own || *own == ReplyTexts::Kind::Vulnerable)) {
        QString ackLanguage;
        const QString ack = judgementReply(ReplyTexts::Kind::RepeatAck, templateLanguage, &ackLanguage);
        if (!ack.isEmpty() && ackLanguage == templateLanguage) {
            approvedExtra.append(ack);
            const qsizetype g = greetingLength(templateText);
            templateText.insert(g, ack + (g > 0 ? u"\n\n"_s : u" "_s));
        }
    }
    d.language = templateLanguage;
    if (!own)
        templateText = ToneStyler::apply(templateText, request.tone, templateLanguage);

    // Signposting is the company's, never invented: a visible gap when none is configured.
    if (templateText.contains(u"{crisis_contacts}")) {
        const QString contacts = m_options.crisisContacts.value(
            language,
            m_options.crisisContacts.value(templateLanguage, m_options.crisisContacts.value(u"default"_s)));
        templateText.replace(u"{crisis_contacts}"_s, contacts.isEmpty() ? u"{crisis line}"_s : contacts);
    }

    const SlotFiller filler(facts, m_options.companyFacts);
    const SlotFiller::Result filled = filler.fill(templateText);
    d.body = filled.body;
    d.flags = filled.flags;

    RiskFlagger::Input risk;
    risk.body = d.body;
    risk.customerText = customer;
    if (own)
        risk.approvedSources.append(d.body); // our own reviewed wording
    else if (choice.found && choice.source.kind == GroundingSource::Kind::Article)
        risk.approvedSources.append(choice.source.text + u'\n' + choice.source.reply);
    else if (choice.found)
        risk.contactSources.append(choice.source.reply);
    for (const GroundingSource &e : std::as_const(evidence)) {
        if (e.kind == GroundingSource::Kind::Article)
            risk.approvedSources.append(e.text + u'\n' + e.reply);
        else
            risk.contactSources.append(e.reply);
    }
    risk.approvedSources.append(approvedExtra);
    risk.companyFacts = m_options.companyFacts.values();
    // The language check only when the draft claims the customer's language.
    risk.expectedLanguage = templateLanguage == language ? language : QString();
    d.flags.append(RiskFlagger::flag(risk));
    if (templateLanguage != language)
        d.flags.append({u"language"_s,
                        u"no reply in the customer's language (%1): this draft is in %2; translate before "
                        "sending"_s.arg(language, templateLanguage),
                        -1, 0});
    // A manipulative message: any figure of the customer's that the draft repeats is flagged.
    if (judged.has(reason::kManipulation)) {
        auto it = figures().globalMatch(d.body);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString figure = m.captured(0).trimmed();
            QString digitsOnly = figure;
            digitsOnly.remove(QRegularExpression(u"\\D"_s));
            if (digitsOnly.size() >= 2 && customer.contains(figure))
                d.flags.append(
                    {u"manipulation"_s,
                     u"this figure comes from a message that tries to steer the reply; check it against "
                     "the records before sending"_s,
                     int(m.capturedStart()), int(m.capturedLength())});
        }
    }

    EscalationPolicy::Signals s;
    s.queue = ticket.queue;
    s.intent = intent;
    s.confidence = prediction.confidence;
    s.modelAbstained = prediction.abstain && modelUsable;
    s.outOfScope = prediction.outOfScope && modelUsable;
    s.sentimentScore = sentiment.score;
    s.customerMessages = in.customerMessages;
    s.noKnowledge = !intent.isEmpty() && !choice.found && !own;
    s.judged = judged.codes;
    s.judgedEvidence = judged.evidence;
    s.unclear = judged.unclear;
    EscalationPolicy::Decision decision = policy.decide(s);
    if (!m_error.isEmpty()) {
        decision.needsHuman = true;
        decision.reason = u"drafting unavailable: %1"_s.arg(m_error);
        decision.codes = QStringList{reason::kPolicy.toString()};
    } else {
        result.escalationSignals = s.toJson();
    }
    result.needsHuman = decision.needsHuman;
    result.needsHumanReason = decision.reason;
    result.needsHumanCodes = decision.codes;
    result.priority = decision.priority;
    if (decision.needsHuman)
        d.flags.prepend({u"needs_human"_s, decision.reason, -1, 0});
    return result;
}

} // namespace tandem::server
