#include "LlmDraftEngine.h"

#include "KnowledgeIndex.h"
#include "LlmPrompt.h"
#include "RiskFlagger.h"
#include "TextUtil.h"

#include "core/Logging.h"

#include <QElapsedTimer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tandem::server {

namespace {

QString errorName(LlmReply::Error error)
{
    switch (error) {
    case LlmReply::Error::None:
        return u"ok"_s;
    case LlmReply::Error::Timeout:
        return u"timeout"_s;
    case LlmReply::Error::Network:
        return u"network error"_s;
    case LlmReply::Error::Http:
        return u"HTTP error"_s;
    case LlmReply::Error::Malformed:
        return u"malformed response"_s;
    case LlmReply::Error::TooLarge:
        return u"response too large"_s;
    }
    return u"error"_s;
}

//! Why the model's text cannot be a draft, or "" when it can.
QString rejectAnswer(const QString &text, int maxChars)
{
    if (text.isEmpty())
        return u"empty answer"_s;
    if (text.size() > maxChars)
        return u"answer longer than %1 characters"_s.arg(maxChars);
    for (const QString &tag : LlmPrompt::tagNames()) {
        if (text.contains(u'<' + tag, Qt::CaseInsensitive) ||
            text.contains(u"</"_s + tag, Qt::CaseInsensitive))
            return u"answer echoes the prompt's markup"_s;
    }
    return {};
}

//! Gaps the model left for the agent ("[order number]"): flagged like the grounded engine's.
QList<DraftFlag> gapFlags(const QString &body)
{
    static const QRegularExpression gap(u"\\[([^\\[\\]\\n]{2,40})\\]"_s);
    QList<DraftFlag> flags;
    for (auto it = gap.globalMatch(body); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        flags.append({u"missing_slot"_s, u"missing: %1 (fill it in before sending)"_s.arg(m.captured(1)),
                      int(m.capturedStart()), int(m.capturedLength())});
    }
    return flags;
}

} // namespace

LlmDraftEngine::LlmDraftEngine(std::unique_ptr<GroundedDraftEngine> grounded, QSqlDatabase db,
                               LlmEngineOptions options)
    : m_grounded(std::move(grounded)), m_db(std::move(db)), m_options(std::move(options)),
      m_client(m_options.client)
{}

LlmDraftEngine::~LlmDraftEngine() = default;

QString LlmDraftEngine::name() const
{
    return u"llm:"_s + m_options.client.model;
}

QString LlmDraftEngine::fallbackName()
{
    return u"grounded-retrieval+llm-fallback"_s;
}

void LlmDraftEngine::reload()
{
    m_grounded->reload();
}

void LlmDraftEngine::recordOutcome(const DraftOutcome &outcome)
{
    m_grounded->recordOutcome(outcome);
}

DraftResult LlmDraftEngine::fallback(DraftResult grounded, const QString &why) const
{
    Draft &d = grounded.draft;
    d.engine = fallbackName();
    const DraftFlag flag{
        u"llm_fallback"_s,
        u"The language model was not used (%1): this is the retrieval engine's draft."_s.arg(why), -1, 0};
    // needs_human stays first when present.
    const bool escalated = !d.flags.isEmpty() && d.flags.first().kind == u"needs_human"_s;
    d.flags.insert(escalated ? 1 : 0, flag);
    return grounded;
}

DraftResult LlmDraftEngine::draft(const DraftRequest &request)
{
    DraftResult grounded = m_grounded->draft(request);
    // Nothing to ground on (out of scope, no knowledge): the grounded holding reply stands.
    if (grounded.draft.citations.isEmpty())
        return grounded;

    const QString customer = text::customerText(request.ticket, request.messages);
    LlmPromptInput input;
    input.company = m_options.companyFacts.value(u"company"_s);
    input.customerName = text::cleanName(request.ticket.customer.name);
    input.customerText = customer;
    input.language = grounded.language;
    input.intent = grounded.intent;
    input.tone = request.tone;
    input.referenceDraft = grounded.draft.body;

    // The cited sources: the prompt's evidence, and what the answer's facts are checked against
    // (articles support any fact, past replies only contact details, as for grounded drafts).
    RiskFlagger::Input risk;
    risk.customerText = customer;
    risk.companyFacts = m_options.companyFacts.values();
    risk.expectedLanguage = grounded.language;
    const KnowledgeIndex index(m_db);
    for (const Citation &c : std::as_const(grounded.draft.citations)) {
        const std::optional<GroundingSource> s = index.source(c.sourceId);
        if (!s)
            continue;
        if (s->kind == GroundingSource::Kind::Article) {
            input.sources.append({s->citationId, s->title, s->text + u"\n\nReply template:\n"_s + s->reply});
            risk.approvedSources.append(s->text + u'\n' + s->reply);
        } else {
            input.sources.append({s->citationId, s->title,
                                  u"Request:\n"_s + s->text + u"\n\nReply that was sent:\n"_s + s->reply});
            risk.contactSources.append(s->reply);
        }
    }

    QElapsedTimer timer;
    timer.start();
    const LlmReply reply = m_client.complete(LlmPrompt::build(input));
    auto log = tandem::logging::get("draft");
    if (!reply.ok()) {
        // The detail names the failure (status, timeout), never the key or any message text.
        log->warn("llm draft for ticket {} failed after {} ms ({}: {}); using the grounded draft",
                  request.ticket.id, timer.elapsed(), errorName(reply.error).toStdString(),
                  reply.detail.toStdString());
        return fallback(std::move(grounded), errorName(reply.error) + u": "_s + reply.detail);
    }
    const QString body = reply.content.trimmed();
    if (const QString why = rejectAnswer(body, m_options.maxDraftChars); !why.isEmpty()) {
        log->warn("llm draft for ticket {} rejected ({}); using the grounded draft", request.ticket.id,
                  why.toStdString());
        return fallback(std::move(grounded), why);
    }
    log->debug("llm draft for ticket {} in {} ms", request.ticket.id, timer.elapsed());

    DraftResult result = grounded;
    Draft &d = result.draft;
    d.body = body;
    d.engine = name();
    d.language = grounded.language;
    risk.body = body;
    d.flags.clear();
    if (grounded.needsHuman)
        d.flags.append({u"needs_human"_s, grounded.needsHumanReason, -1, 0});
    d.flags.append(gapFlags(body));
    d.flags.append(RiskFlagger::flag(risk));
    return result;
}

} // namespace tandem::server
