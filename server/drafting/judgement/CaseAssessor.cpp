#include "CaseAssessor.h"

#include "AspectSigns.h"
#include "EarlierContacts.h"
#include "EmergencySigns.h"
#include "Figurative.h"
#include "OwnPhrase.h"
#include "RequestReading.h"
#include "Sentences.h"
#include "TextFolding.h"
#include "WriterContext.h"

#include "core/ReasonCodes.h"
#include "server/drafting/TextUtil.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {
namespace {

void add(CaseAssessment &a, QStringView code, const QString &evidence)
{
    const QString c = code.toString();
    if (!a.codes.contains(c))
        a.codes.append(c);
    if (!a.evidence.contains(c))
        a.evidence.insert(c, evidence);
}

} // namespace

QString CaseAssessment::reason() const
{
    QStringList parts;
    for (const QString &code : codes) {
        const QString e = evidence.value(code);
        parts.append(e.isEmpty() ? reason::label(code) : reason::label(code) + u": "_s + e);
    }
    return parts.join(u"; "_s);
}

CaseAssessment CaseAssessor::assess(const CaseInput &input) const
{
    CaseAssessment a;
    // judgedText(), keeping the text before not_literal blanked the writer's profession.
    const QString judgedRaw = input.customerText.right(kMaxJudgedChars);
    const QString unblanked = fold(judgedRaw);
    const QString folded = m_lexicon.blanked(u"not_literal", unblanked);
    const PrefilterText prepared(folded);
    std::optional<PrefilterText> serious;
    if (QString text = riskText(m_lexicon, judgedRaw, folded, unblanked, input.language); !text.isEmpty())
        serious.emplace(text);
    const PrefilterText &riskText = serious ? *serious : prepared;
    WriterContext writer(m_lexicon, prepared, unblanked,
                         input.now.isValid() ? input.now.date().year() : QDate::currentDate().year());

    // A past matter the writer calls settled, or a pet's death: background, not their matter now.
    // Read once, and only when some sign asks for it.
    std::optional<Spans> settledSpans;
    const LazySpans settled = [&]() -> const Spans & {
        if (!settledSpans)
            settledSpans = m_lexicon.spans(u"context_settled", prepared);
        return *settledSpans;
    };

    // Risk to life first: whatever else the message says, a person must see it now.
    // The text layers read the same features: computed once, when the first of them asks.
    std::optional<std::vector<RiskTextModel::Feature>> featureCache;
    const LazyFeatures features = [&]() -> const std::vector<RiskTextModel::Feature> & {
        if (!featureCache)
            featureCache = RiskTextModel::features(prepared.text());
        return *featureCache;
    };
    // The writer's own work in care or funerals, read before not_literal blanked those words.
    std::optional<bool> ownWorkRead;
    const std::function<bool()> ownWork = [&] {
        if (!ownWorkRead)
            ownWorkRead = !m_lexicon.find(u"context_profession", writer.unblanked()).isEmpty();
        return *ownWorkRead;
    };
    std::optional<std::vector<RiskTextModel::Feature>> seriousFeatures;
    const LazyFeatures riskFeatures = [&]() -> const std::vector<RiskTextModel::Feature> & {
        if (!serious)
            return features();
        if (!seriousFeatures)
            seriousFeatures = RiskTextModel::features(serious->text());
        return *seriousFeatures;
    };
    assessCrisis(riskText, input.language, input.languageServed || input.language.isEmpty(), a, settled,
                 riskFeatures, ownWork, writer);
    // "Please ignore my previous e-mail, the parcel was at the neighbours'": an earlier message
    // withdrawn is not a matter raised again.
    std::optional<Spans> withdrawn;
    const LazySpans settledOrWithdrawn = [&]() -> const Spans & {
        if (!withdrawn) {
            withdrawn = settled();
            withdrawn->append(m_lexicon.spans(u"context_retracted", prepared));
            withdrawn->append(writer.pastEpisodes());
        }
        return *withdrawn;
    };
    // "Sorry for the tone yesterday, one of the two charges was only a reservation, all fine now":
    // the newest message takes back what the earlier ones said. Their complaint, frustration,
    // fraud, legal and repeat words are set aside (a risk to life or a vulnerable situation told
    // earlier never is); what the newest message asks is still read.
    const Spans earlier = withdrawnEarlier(input, unblanked);
    a.earlierWithdrawn = !earlier.isEmpty();
    const auto withEarlier = [&earlier](const LazySpans &spans) {
        return [&earlier, spans, merged = std::optional<Spans>()]() mutable -> const Spans & {
            if (!merged) {
                merged = spans();
                merged->append(earlier);
            }
            return *merged;
        };
    };
    // Where the subject at the start of the judged text ends (0: it is not there). "question carte
    // volée" over "si un jour on me vole ma carte, comment ça se passe ?": a subject goes with the
    // body's fraud and legal words (ownPhrase).
    const qsizetype subjectEnd =
        judgedRaw.size() == input.customerText.size() && input.customerText.startsWith(input.subject)
            ? fold(input.subject).size()
            : 0;
    // Fraud and legal words in a question about what would happen if ("what happens if I report
    // fraud?") ask about the policy: set aside like the settled past.
    std::optional<Spans> asideSpans;
    const LazySpans settledOrAsked = [&]() -> const Spans & {
        if (!asideSpans) {
            asideSpans = settledOrWithdrawn();
            asideSpans->append(m_lexicon.spans(u"context_hypothetical", prepared));
            asideSpans->append(m_lexicon.spans(u"context_lawyer_known", prepared));
            // "Re: Your card has been blocked – suspected fraud" over our quoted mail.
            if (input.subjectQuoted && subjectEnd > 0)
                asideSpans->append({0, subjectEnd});
            // "A general question, nothing has happened": the whole message asks about the policy.
            if (!m_lexicon.find(u"context_general", prepared).isEmpty())
                asideSpans->append({0, prepared.text().size()});
        }
        return *asideSpans;
    };
    // Vulnerable words have the same background, and some of their own (vulnerablePhrase).
    const QString vulnerableWords = vulnerablePhrase(riskText, settledOrAsked, ownWork, writer);
    const QString strain = vulnerableWords.isEmpty() ? writer.carerStrain(riskText) : QString();
    if (!vulnerableWords.isEmpty())
        add(a, reason::kVulnerable, u"vulnerable circumstances: "_s + quotedPhrase(vulnerableWords));
    else if (!strain.isEmpty())
        add(a, reason::kVulnerable, u"a carer under strain: "_s + quotedPhrase(strain));
    else if (!m_lexicon.find(u"vulnerable", prepared).isEmpty())
        a.setAside.append(reason::kVulnerable.toString());
    const LazySpans asideOrWithdrawn = withEarlier(settledOrAsked);
    if (const QString p = ownPhrase(m_lexicon, u"fraud", prepared, asideOrWithdrawn, subjectEnd);
        !p.isEmpty())
        add(a, reason::kFraud, u"possible fraud: "_s + quotedPhrase(p));
    else if (!m_lexicon.find(u"fraud", prepared).isEmpty())
        a.setAside.append(reason::kFraud.toString());
    // "Jurist | Advokatfirman Lindqvist AB" under the closing: a title, not a threat.
    Spans legalAside;
    const LazySpans signedOrAsked = [&]() -> const Spans & {
        legalAside = asideOrWithdrawn();
        if (const qsizetype at = WriterContext::signatureAt(judgedRaw); at >= 0)
            legalAside.append({fold(judgedRaw.left(at)).size(), prepared.text().size()});
        return legalAside;
    };
    if (const QString p = ownPhrase(m_lexicon, u"legal", prepared, signedOrAsked, subjectEnd); !p.isEmpty())
        add(a, reason::kLegal, u"legal or regulatory threat: "_s + quotedPhrase(p));
    else if (!m_lexicon.find(u"legal", prepared).isEmpty() ||
             !m_lexicon.find(u"context_lawyer_known", prepared).isEmpty()) // "my wife is a lawyer"
        a.setAside.append(reason::kLegal.toString());
    // A promise or an instruction planted in a "quoted" earlier reply is read too.
    std::optional<PrefilterText> whole;
    if (!input.withHistory.isEmpty())
        whole.emplace(judgedText(input.withHistory));
    const PrefilterText &claims = whole ? *whole : prepared;
    if (const QString p = m_lexicon.find(u"manipulation", claims); !p.isEmpty())
        add(a, reason::kManipulation,
            u"tries to steer the reply or claims an approval: "_s + quotedPhrase(p));
    // A complaint the writer calls settled ("after my complaint in January everything was put
    // right, thank you") or takes back ("ignore my mail of yesterday, I was angry") is background,
    // like a settled fraud.
    // "This is not a complaint, just a question", a warranty claim for a kettle ("reklamacja"):
    // complaint words that make no complaint.
    Spans notComplaint = settledOrWithdrawn();
    notComplaint.append(earlier);
    const Spans saysNoComplaint = m_lexicon.spans(u"not_complaint", prepared);
    notComplaint.append(saysNoComplaint);
    if (!m_lexicon.find(u"context_general", prepared).isEmpty()) // "where could I complain, if ever?"
        notComplaint.append({0, prepared.text().size()});
    // "Je vais pas porter plainte hein 😄 mais ma nièce était déçue": a writer who says, in a
    // message that is not sour, that they are not complaining, is not, whatever else they say.
    else if (!saysNoComplaint.isEmpty() && input.sentimentScore > kSourTone)
        notComplaint.append({0, prepared.text().size()});
    const LazySpans complaintAside = [&notComplaint]() -> const Spans & {
        return notComplaint;
    };
    if (const QString p = ownPhrase(m_lexicon, u"complaint", prepared, complaintAside); !p.isEmpty()) {
        add(a, reason::kComplaint, u"complaint: "_s + quotedPhrase(p));
        a.sarcasm = input.sentimentScore > -0.2;
    }
    // "Jag blir tokig på nya appen ... var har ni gömt dem? 😅": frustration laughed off is a grumble.
    QList<SignalLexicon::Hit> frustration =
        m_lexicon.findAll(u"frustration", prepared, earlier.isEmpty() ? 1 : 0);
    if (!earlier.isEmpty())
        frustration.removeIf([&](const SignalLexicon::Hit &h) { return h.start < earlier.first().second; });
    if (const auto &hits = frustration; !hits.isEmpty() && !laughsAfter(prepared.text(), hits.first().end))
        add(a, reason::kNegativeSentiment, u"strong frustration: "_s + quotedPhrase(hits.first().phrase));
    if (const QString p = m_lexicon.find(u"human_request", prepared); !p.isEmpty()) {
        a.humanRequested = true;
        add(a, reason::kPolicy, u"the customer asked for a person: "_s + quotedPhrase(p));
    }
    if (const QString p = m_lexicon.find(u"off_topic", prepared); !p.isEmpty())
        add(a, reason::kOutOfScope, u"not a matter for us: "_s + quotedPhrase(p));
    if (const QString p = ownPhrase(m_lexicon, u"repeat_claim", prepared, withEarlier(settledOrWithdrawn));
        !p.isEmpty())
        add(a, reason::kRepeatContact, u"the customer says they wrote before: "_s + quotedPhrase(p));
    assessCodeText(prepared, claims, a, asideOrWithdrawn, features, input.sentimentScore);
    const auto saysDone = [this](const QString &text) {
        return !m_lexicon.find(u"matter_settled", PrefilterText(fold(text))).isEmpty();
    };
    if (EarlierContacts earlier = EarlierContacts::read(input, saysDone); !earlier.related.isEmpty()) {
        a.relatedTickets = earlier.related;
        if (!earlier.repeat.isEmpty())
            add(a, reason::kRepeatContact, earlier.repeat);
    }

    if (!input.languageServed && !input.language.isEmpty()) {
        add(a, reason::kUnsupportedLanguage,
            u"no knowledge base in this language (%1): a holding reply in it"_s.arg(input.language));
        // No tuned phrases here: a reason told by its aspects together (AspectSigns).
        for (const AspectReading &r : readAspects(m_lexicon, prepared))
            add(a, r.code, r.evidence);
    }

    // Nothing to act on ("hello", "??"): ask what they need, unless something serious showed.
    if (a.codes.isEmpty() && RequestReading(m_lexicon).isUnclear(input, folded)) {
        a.unclear = true;
        return a;
    }
    if (m_lexicon.find(u"context_general", prepared).isEmpty()) { // "just a general question": one matter
        if (const QString why = RequestReading(m_lexicon).multiIssue(input, prepared, &a.requestIntents);
            !why.isEmpty())
            add(a, reason::kMultiIssue, why);
    }
    a.recordCited = !m_lexicon.find(u"record_reference", prepared).isEmpty();
    // Nothing in it touches payments, orders, the card or the account, nothing else showed and
    // the model has no confident reading: not a matter for us (a person says so kindly).
    if (a.codes.isEmpty() &&
        (input.outOfScope || input.intent.isEmpty() || input.confidence < kConfidentInScope) &&
        m_lexicon.find(u"domain", prepared).isEmpty())
        add(a, reason::kOutOfScope, u"nothing in it about payments, orders, the card or the account"_s);
    a.codes = reason::normalized(a.codes);
    return a;
}

void CaseAssessor::assessCodeText(const PrefilterText &prepared, const PrefilterText &claims,
                                  CaseAssessment &a, const LazySpans &aside, const LazyFeatures &features,
                                  double tone) const
{
    // The message without the parts set aside (a lawyer friend's opinion, a question about what
    // would happen if, a settled past): read only when a model found the whole message worded
    // like its code, and then it must find the writer's own words worded so too.
    std::optional<QString> own;
    std::optional<std::vector<RiskTextModel::Feature>> ownFeatures;
    for (const RiskTextModel &model : m_codeText.models()) {
        if (a.has(model.code()))
            continue;
        // Quoted history at its own bar (ADR 0019: planted promises 0.89/0.95, confirmations 0.16/0.24).
        if (model.code() == reason::kManipulation && &claims != &prepared &&
            model.probability(claims.text()) >= kQuotedClaimThreshold) {
            add(a, model.code(),
                u"worded like the labelled manipulation cases: "_s +
                    model.strongestWords(claims.text(), 4).join(u", "_s));
            continue;
        }
        if (!model.says(features(), false))
            continue;
        // A warm message worded only a little like a complaint is none ("rough stretch at work,
        // slept through the courier, could you leave it with the neighbour? Thanks!", 0.18).
        // Sarcasm sounds warm too, and reads as a complaint surely ("Wow. Truly amazing service.
        // Third delivery window missed", 0.97).
        if (model.code() == reason::kComplaint && tone >= kWarmTone &&
            model.probability(features()) < kWarmComplaintBar)
            continue;
        if (!own) {
            own = prepared.text();
            const Spans &spans = aside();
            for (const auto &[start, end] : spans)
                own->replace(start, end - start, QString(end - start, u' '));
            if (!spans.isEmpty())
                ownFeatures = RiskTextModel::features(*own);
        }
        if (ownFeatures && !model.says(*ownFeatures, false))
            continue;
        QStringList words;
        for (const QString &w : model.strongestWords(*own, 4))
            words.append(quotedPhrase(w));
        add(a, model.code(),
            u"worded like the labelled %1 cases: "_s.arg(reason::label(model.code()).toLower()) +
                words.join(u", "_s));
    }
}

CaseAssessor::Spans CaseAssessor::withdrawnEarlier(const CaseInput &input, const QString &folded) const
{
    if (input.messages.size() < 2)
        return {};
    const QString last = fold(input.messages.last()).trimmed();
    if (last.isEmpty())
        return {};
    const PrefilterText newest(last);
    if (m_lexicon.find(u"earlier_withdrawn", newest).isEmpty() &&
        m_lexicon.find(u"context_retracted", newest).isEmpty())
        return {};
    const qsizetype at = folded.lastIndexOf(last);
    return at > 0 ? Spans{{0, at}} : Spans{};
}

QString CaseAssessor::judgedText(const QString &customerText) const
{
    // The newest part of a very long thread: what a person must see now is in what came last.
    return m_lexicon.blanked(u"not_literal", fold(customerText.right(kMaxJudgedChars)));
}

QString CaseAssessor::literalText(const QString &text) const
{
    QList<qsizetype> origins;
    const QString folded = fold(text, &origins);
    const auto spans = m_lexicon.spans(u"not_literal", folded);
    if (spans.isEmpty())
        return text;
    QString out = text;
    for (const auto &[start, end] : spans) {
        const qsizetype from = origins.at(start);
        qsizetype to = origins.at(end - 1) + 1;
        if (to < out.size() && out.at(to - 1).isHighSurrogate())
            ++to; // both halves of a character outside the BMP
        while (to < out.size() && out.at(to).category() == QChar::Mark_NonSpacing)
            ++to; // and the accents written after the last letter
        out.replace(from, to - from, QString(to - from, u' '));
    }
    return out;
}

QString CaseAssessor::vulnerablePhrase(const PrefilterText &prepared, const LazySpans &aside,
                                       const std::function<bool()> &ownWork, WriterContext &writer) const
{
    // A planned operation explains its stay in hospital ("in hospital for five days after my knee
    // op"): those words are set aside, every other vulnerable sign (a stroke, cancer, a death)
    // still counts, wherever it is in the message.
    Spans explained;
    // Where the vulnerable phrases are: read once, when the first rule below asks.
    std::optional<Spans> vulnerableSpans;
    const auto vulnerable = [&]() -> const Spans & {
        if (!vulnerableSpans)
            vulnerableSpans = m_lexicon.spans(u"vulnerable", prepared);
        return *vulnerableSpans;
    };
    return ownPhrase(m_lexicon, u"vulnerable", prepared, [&]() -> const Spans & {
        // What sets any topic aside (the settled past, a question about what would happen, a
        // planning question, a message taken back), then what is background for these words only.
        explained = aside();
        if (!m_lexicon.find(u"care_planned", prepared).isEmpty())
            explained.append(m_lexicon.spans(u"care_stay", prepared));
        // "Five years ago I had a severe depression; today I'm well", "my father died in 2016":
        // the sentence that names the illness or the loss lies years back (WriterContext::past).
        explained.append(writer.past());
        // "I'm a hospice nurse on nights": the hospital, the hospice, the funeral hall are
        // their workplace.
        // Their work explains the words of it that do not speak of them, anywhere in the message
        // ("I work at a funeral home ... how does an estate close an account?").
        if (ownWork()) {
            explained.append(m_lexicon.spans(u"care_workplace", prepared));
        }
        // (Only where they say they work there: "the funeral home" alone is also where the
        // bereaved pay.)
        if (ownWork() && !writer.work().isEmpty()) {
            for (const auto &[start, end] : vulnerable()) {
                if (!writer.aboutWriter(start, end))
                    explained.append({start, end});
            }
        }
        // "I'm 83 and do all my shopping online": an age beside managing alone asks for no help,
        // nor does the grandson who set them up, in the sentence that says they manage.
        if (const Spans &manages = writer.manages(); !manages.isEmpty()) {
            explained.append(manages);
            static const QRegularExpression age(u"\\b(?:[6-9]\\d|1[01]\\d)\\b"_s);
            for (const auto &[start, end] : vulnerable()) {
                if (age.match(prepared.text().mid(start, end - start)).hasMatch())
                    explained.append({start, end});
            }
        }
        // "My mum passed away in February; the estate is all sorted now": a settled loss.
        for (const auto &[start, end] : vulnerable()) {
            if (WriterContext::overlaps(writer.settledLoss(), start, end))
                explained.append({start, end});
        }
        // "Soy jubilado", "I'm 78": an age or retirement said as a fact needs no person; beside a
        // support need ("not good with computers", "my eyesight") it does, and any other
        // vulnerable sign counts by itself.
        if (m_lexicon.find(u"support_need", prepared).isEmpty())
            explained.append(m_lexicon.spans(u"age_status", prepared));
        // "A care package for my mum, who started chemo last week": a relative's illness or loss
        // named to explain a gift is no circumstance of the writer's.
        if (!m_lexicon.find(u"context_gift", prepared).isEmpty()) {
            for (const auto &[start, end] : vulnerable()) {
                if (WriterContext::namesRelativeBefore(prepared.text(), start))
                    explained.append({start, end});
            }
        }
        // "Funeral flowers for my colleague's father": a loss outside the family, named as theirs.
        const TextSpans remote = m_lexicon.spans(u"remote_loss", prepared);
        for (const auto &[start, end] : vulnerable()) {
            if (WriterContext::inside(remote, start, end))
                explained.append({start, end});
        }
        // "I volunteer at a suicide helpline", "je travaille en soins palliatifs, j'accompagne des
        // personnes en fin de vie": words that describe the writer's work, not the writer.
        if (!writer.work().isEmpty()) {
            for (const auto &[start, end] : vulnerable()) {
                if (writer.describesWork(start, end))
                    explained.append({start, end});
            }
        }
        return explained;
    });
}

void CaseAssessor::assessCrisis(const PrefilterText &prepared, const QString &language, bool served,
                                CaseAssessment &a, const LazySpans &settled, const LazyFeatures &features,
                                const std::function<bool()> &ownWork, WriterContext &writer) const
{
    if (QString p = m_lexicon.find(u"crisis", prepared); !p.isEmpty()) {
        // "Soy voluntaria en el Teléfono de la Esperanza (llamadas de personas que piensan en el
        // suicidio)": a word that describes the writer's work, not the writer, is no risk.
        if (!writer.work().isEmpty()) {
            p.clear();
            for (const auto &[start, end] : m_lexicon.spans(u"crisis", prepared)) {
                if (!writer.describesWork(start, end)) {
                    p = prepared.text().mid(start, end - start).trimmed();
                    break;
                }
            }
        }
        if (!p.isEmpty()) {
            add(a, reason::kCrisis, u"the customer may be at risk: "_s + quotedPhrase(p));
            return;
        }
    }
    // Violence, abuse or a threat to someone's safety: a person now, whatever else is asked.
    if (const QString p = m_lexicon.find(u"danger", prepared); !p.isEmpty()) {
        add(a, reason::kCrisis, u"someone's safety is at risk: "_s + quotedPhrase(p));
        return;
    }
    // An emergency told by its signs, not named (EmergencySigns.h); one sign alone is a sign of
    // risk for the text layer below, like a risk concept.
    const EmergencyReading emergency = readEmergency(m_lexicon, prepared);
    if (!emergency.crisis.isEmpty()) {
        add(a, reason::kCrisis, emergency.crisis);
        return;
    }
    const QString &emergencySign = emergency.oneSign;
    // Indirect wording: each cue alone is ordinary ("I won't need the card", "I've sorted my
    // papers", "I'm done with everything", "thanks for everything"); two kinds together are how
    // people say goodbye. Despair said twice in different words is enough on its own.
    static const std::array<QStringView, 5> cues{u"crisis_finality", u"crisis_preparation", u"crisis_means",
                                                 u"crisis_hopeless", u"crisis_farewell"};
    QStringList found;
    int kinds = 0;
    int despair = 0;
    for (QStringView cue : cues) {
        // One phrase says a kind is there; despair needs two different ones.
        const bool hopeless = cue == u"crisis_hopeless";
        QList<SignalLexicon::Hit> hits = m_lexicon.findAll(cue, prepared, hopeless ? 2 : 1);
        // "I can't face the paperwork": despair bounded by a task is a support need, not despair.
        if (hopeless && !hits.isEmpty() && !writer.limitedCapacity().isEmpty()) {
            // (Each pattern's first place only: a pattern found again outside the task is missed.)
            hits = m_lexicon.findAll(cue, prepared);
            hits.removeIf([&](const SignalLexicon::Hit &h) { return writer.boundedByTask(h.start, h.end); });
            hits = hits.mid(0, 2);
        }
        if (hits.isEmpty())
            continue;
        ++kinds;
        if (cue == u"crisis_hopeless")
            despair = int(hits.size());
        for (const SignalLexicon::Hit &h : hits)
            found.append(quotedPhrase(h.phrase));
    }
    // Moving abroad or a long trip explains "I won't need it, I've sorted everything, thanks for
    // everything": then it takes a third kind of cue (explicit risk and danger are never excused).
    // Only read when exactly two kinds showed: nothing else depends on it.
    const bool excused = kinds == 2 && despair < 2 && !m_lexicon.find(u"life_change", prepared).isEmpty();
    if ((kinds >= 2 && !excused) || despair >= 2) {
        add(a, reason::kCrisis, u"the customer may be at risk: "_s + found.mid(0, 4).join(u" + "_s));
        return;
    }
    // No phrase said it: the risk concepts read together (dying, soon, a burden, means, violence,
    // fear...), weighed by the model trained on the labelled suites.
    if (!m_risk.isValid())
        return;
    RiskModel::Reading r = RiskModel::read(m_lexicon, prepared, language);
    // "I'm a nurse on an A&E ward": not_literal blanked the words of their work, the context
    // they gave is still known (someone else's risk, at work).
    static const int atWork = int(RiskModel::signalNames().indexOf(u"context_reported"_s));
    if (atWork >= 0 && size_t(atWork) < r.present.size() && !r.present[size_t(atWork)] &&
        std::any_of(r.present.cbegin(), r.present.cend(), [](bool p) { return p; }) && ownWork())
        r.present[size_t(atWork)] = true;
    // Signs in what the writer has put behind them, describing their work, despair bounded by a
    // task or said of us, or someone else's death, are no signs now (WriterContext::clearBackground).
    writer.clearBackground(r, prepared);
    QStringList signs;
    for (size_t i = 0; i < r.present.size(); ++i) {
        if (r.present[i] && !RiskModel::isContext(int(i)))
            signs.append(RiskModel::conceptLabel(int(i)) + u' ' + quotedPhrase(r.phrases.at(qsizetype(i))));
    }
    // "I'm drawing up my will with my notary, purely as a precaution: what happens to the balance
    // in case of death?": a plan stated as such, with no sign beyond death and a will, is an
    // estate question. (The bare "what happens to my balance if I die?" still reads as a crisis.)
    // "If I die" is the estate question's own condition, not a lost future.
    static const int finality = int(RiskModel::signalNames().indexOf(u"crisis_finality"_s));
    std::vector<bool> estate = r.present;
    if (finality >= 0 && size_t(finality) < estate.size() && estate[size_t(finality)] &&
        m_lexicon.has(u"death_conditional", r.phrases.at(finality)))
        estate[size_t(finality)] = false;
    if (!signs.isEmpty() && RiskModel::onlyEstateSigns(estate) &&
        !m_lexicon.find(u"context_general", prepared).isEmpty())
        return;
    if (m_risk.saysCrisis(r.present)) {
        add(a, reason::kCrisis, u"signs of risk together: "_s + signs.mid(0, 4).join(u" + "_s));
        return;
    }
    // The whole message read as the crises it resembles (words and their pieces, in any
    // language the training sets had): surer where a risk sign was read too, unless a context
    // explains the signs (someone else's death and its estate, a move, their work or fiction).
    bool explainedSigns = false;
    for (size_t i = 0; i < r.present.size(); ++i)
        explainedSigns = explainedSigns || (r.present[i] && RiskModel::isContext(int(i)));
    // In a language the desk does not serve the text layer says crisis on less: the person who
    // picks the ticket up cannot weigh the wording either, and a crisis must not wait in the
    // normal queue behind it (ADR 0011).
    // A person who may harm ("my ex", "my brother") is a sign only beside another one: alone it
    // lowers the bar for the text layer only as far as one sign of an emergency does.
    bool signAlone = false;
    for (size_t i = 0; i < r.present.size(); ++i)
        signAlone = signAlone || (r.present[i] && RiskModel::isSignAlone(int(i)));
    const bool withSign = signAlone && !explainedSigns;
    // One sign of an emergency and no risk concept: surer than the text alone, less sure than
    // beside a concept ("a snowsuit for my baby, minus 10 here" is one sign of the cold).
    const bool emergencyOnly = !withSign && !explainedSigns && (!emergencySign.isEmpty() || !signs.isEmpty());
    // The writer's care or emergency work explains how their message sounds ("an ICU nurse on
    // nights, leave it in the locker"): the text layer alone does not say crisis then. (Caring for
    // someone does not: a carer is who writes "he fell, he doesn't answer me, his lips are blue".)
    // So do a stay in hospital (the one who sounds at risk is cared for: "he has been in hospital
    // since Monday, I'm writing for him") and a message that takes back the one before ("please
    // ignore my last message, the neighbour had it: all sorted"). (Not any settled wording: "thank
    // you for everything, you were always kind" reads as settled and is a farewell.)
    if (!withSign && !emergencyOnly && served &&
        (ownWork() || !m_lexicon.find(u"care_stay", prepared).isEmpty() ||
         !m_lexicon.find(u"context_retracted", prepared).isEmpty()))
        return;
    if (!emergencySign.isEmpty())
        signs.append(emergencySign);
    double needed = served ? (withSign        ? m_text.threshold()
                              : emergencyOnly ? std::max(m_text.threshold(), kEmergencySignThreshold)
                                              : m_text.aloneThreshold())
                           : (withSign ? std::min(m_text.threshold(), kUnservedSignThreshold)
                                       : std::min(m_text.aloneThreshold(), kUnservedAloneThreshold));
    // "Ho la sclerosi multipla, da sola non posso portarlo giù, se preferite chiamarmi": a
    // vulnerable circumstance named (an illness, an age, a call asked for, a bill that cannot be
    // paid) explains how the message sounds to the text layer, where the only signs beside it are
    // circumstances too (living alone, an illness named like an emergency, fear of a bill, a
    // relative): the text must then say crisis at the bar of a message with no sign. (In a
    // language the desk does not serve that bar stays low: "Kredit borcumu ödəyə bilmirəm ...
    // sabah səhər tezdən körpüyə gedəcəm" names a debt too; ADR 0026.)
    if (emergencySign.isEmpty() && RiskModel::onlyCircumstances(r.present) &&
        !m_lexicon.find(u"vulnerable", prepared).isEmpty())
        needed = std::max(needed, served ? m_text.aloneThreshold()
                                         : std::min(m_text.aloneThreshold(), kUnservedAloneThreshold));
    if (m_text.isValid() && m_text.probability(features()) >= needed) {
        QStringList words;
        for (const QString &w : m_text.strongestWords(prepared.text(), 4))
            words.append(quotedPhrase(w));
        QString why = u"reads like a crisis: "_s + words.join(u", "_s);
        if (!signs.isEmpty())
            why += u"; "_s + signs.first();
        add(a, reason::kCrisis, why);
        return;
    }
    // Signs short of a crisis are evidence of a vulnerable topic, unless each is in a matter the
    // writer calls settled or a pet's death ("our cat died in spring, how do I stop the
    // subscription?").
    // (settled() is read only when a sign asks: its patterns are among the costliest.)
    auto inBackground = [&settled](std::pair<qsizetype, qsizetype> span) {
        const Spans &background = settled();
        return std::any_of(background.cbegin(), background.cend(), [span](const auto &c) {
            return c.first <= span.first && span.second <= c.second;
        });
    };
    if (explainedSigns) {
        // Signs a context explains are no evidence; but someone else's death, not settled, is
        // itself evidence of a bereavement topic ("mio marito è mancato a febbraio"), unless
        // funerals are the writer's work.
        static const int death = int(RiskModel::signalNames().indexOf(u"context_bereavement"_s));
        if (death >= 0 && size_t(death) < r.present.size() && r.present[size_t(death)] &&
            !inBackground(r.spans.at(death)) && !ownWork()) {
            a.riskSigns.append(RiskModel::conceptLabel(death) + u' ' + quotedPhrase(r.phrases.at(death)));
            // In a language the desk does not serve no intent model weighs the sign beside a
            // topic, and the person who picks the ticket up may not read the language: the
            // bereavement itself is the reason ("Минулого місяця помер мій чоловік ... наступний
            // платіж не потягну").
            // (Only beside a person, "мій чоловік": "my phone has died" is no bereavement, and
            // the not-literal lists do not know every language's devices.)
            // (The person is read again: beside a death it is no longer a sign, clearBackground.)
            if (!served && !m_lexicon.find(u"concept_aggressor", prepared).isEmpty())
                add(a, reason::kVulnerable, u"a bereavement: "_s + quotedPhrase(r.phrases.at(death)));
        }
        return;
    }
    qsizetype sign = 0;
    for (size_t i = 0; i < r.present.size(); ++i) {
        if (!r.present[i] || RiskModel::isContext(int(i)))
            continue;
        if (!RiskModel::isSignAlone(int(i))) {
            ++sign;
            continue;
        }
        if (!inBackground(r.spans.at(qsizetype(i))))
            a.riskSigns.append(signs.at(sign));
        ++sign;
    }
}

} // namespace tandem::server::judgement
