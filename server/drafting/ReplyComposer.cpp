#include "ReplyComposer.h"

#include "ClaimedActions.h"
#include "SlotFiller.h"
#include "ToneStyler.h"

#include "core/ReasonCodes.h"

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

using judgement::ReplyTexts;

Citation citationOf(const GroundingSource &s)
{
    const QString snippet = (s.kind == GroundingSource::Kind::Article ? s.text : s.reply).simplified();
    return {s.citationId, s.title, snippet.size() <= 200 ? snippet : snippet.left(197) + u"..."_s};
}

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

// A past reply is wording only: what its agent did for that customer was not done for this one.
QString wordingOf(const GroundingSource &s, const QString &language)
{
    return s.kind == GroundingSource::Kind::Resolved ? ClaimedActions::strip(s.reply, language).text
                                                     : s.reply;
}

} // namespace

QString ReplyComposer::judgementReply(ReplyTexts::Kind kind, const QString &language, QString *written) const
{
    const auto &texts = ReplyTexts::builtIn();
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

QString ReplyComposer::withOtherRequests(const QString &templateText, const QString &templateLanguage,
                                         const Request &r, const judgement::CaseAssessment &judged,
                                         QList<Citation> *citations, QStringList *approvedExtra) const
{
    QStringList parts{middleOf(templateText)};
    for (const QString &other : judged.requestIntents) {
        if (other == r.intent)
            continue;
        QList<GroundingSource> ignored;
        const TemplateChooser::Choice extra =
            m_chooser.choose(other, r.language, r.candidates.value(other), r.customerWords, &ignored);
        if (!extra.found || extra.source.language != templateLanguage)
            continue;
        parts.append(middleOf(wordingOf(extra.source, templateLanguage)));
        if (extra.source.kind != GroundingSource::Kind::Resolved)
            approvedExtra->append(extra.source.text + u'\n' + extra.source.reply);
        citations->append(citationOf(extra.source));
    }
    if (parts.size() < 2)
        return templateText;
    QString ignoredLanguage;
    const QString ack = judgementReply(ReplyTexts::Kind::MultiAck, templateLanguage, &ignoredLanguage);
    approvedExtra->append(ack);
    const qsizetype g = greetingLength(templateText);
    const qsizetype signOff = templateText.lastIndexOf(u"\n\n"_s);
    return templateText.left(g) + ack + u"\n\n"_s + parts.join(u"\n\n"_s) +
           (signOff > g ? templateText.mid(signOff) : QString());
}

ComposedReply ReplyComposer::compose(const Request &r, const judgement::CaseAssessment &judged) const
{
    ComposedReply reply;
    QStringList approvedExtra; // reviewed wording merged into the draft besides the chosen source
    QString text;
    QString language = r.language;
    if (r.own) {
        text = judgementReply(*r.own, r.language, &language);
    } else if (r.choice.found) {
        language = r.choice.source.language;
        text = wordingOf(r.choice.source, language);
        reply.citations.append(citationOf(r.choice.source));
        for (const GroundingSource &e : r.evidence)
            reply.citations.append(citationOf(e));
        // Several requests: answer each part the knowledge covers, one after the other.
        if (judged.has(reason::kMultiIssue))
            text = withOtherRequests(text, language, r, judged, &reply.citations, &approvedExtra);
    } else {
        text = judgementReply(ReplyTexts::Kind::Holding, r.language, &language);
    }
    // The customer has been here before: say so instead of starting over.
    if (judged.has(reason::kRepeatContact) && (!r.own || *r.own == ReplyTexts::Kind::Vulnerable)) {
        QString ackLanguage;
        const QString ack = judgementReply(ReplyTexts::Kind::RepeatAck, language, &ackLanguage);
        if (!ack.isEmpty() && ackLanguage == language) {
            approvedExtra.append(ack);
            const qsizetype g = greetingLength(text);
            text.insert(g, ack + (g > 0 ? u"\n\n"_s : u" "_s));
        }
    }
    reply.language = language;
    if (!r.own)
        text = ToneStyler::apply(text, r.tone, language);

    // Signposting is the company's, never invented: a visible gap when none is configured.
    if (text.contains(u"{crisis_contacts}")) {
        const QHash<QString, QString> &contacts = m_options.crisisContacts;
        const QString lines =
            contacts.value(r.language, contacts.value(language, contacts.value(u"default"_s)));
        text.replace(u"{crisis_contacts}"_s, lines.isEmpty() ? u"{crisis line}"_s : lines);
    }

    const SlotFiller::Result filled = SlotFiller(r.facts, m_options.companyFacts).fill(text);
    reply.body = filled.body;
    reply.flags = filled.flags;

    if (r.own)
        reply.approvedSources.append(reply.body); // our own reviewed wording
    else if (r.choice.found && r.choice.source.kind == GroundingSource::Kind::Article)
        reply.approvedSources.append(r.choice.source.text + u'\n' + r.choice.source.reply);
    else if (r.choice.found)
        reply.contactSources.append(r.choice.source.reply);
    for (const GroundingSource &e : r.evidence) {
        if (e.kind == GroundingSource::Kind::Article)
            reply.approvedSources.append(e.text + u'\n' + e.reply);
        else
            reply.contactSources.append(e.reply);
    }
    reply.approvedSources.append(approvedExtra);
    return reply;
}

} // namespace tandem::server
