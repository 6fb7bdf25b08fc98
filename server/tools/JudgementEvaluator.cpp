#include "JudgementEvaluator.h"

#include "server/drafting/LanguageDetector.h"
#include "server/drafting/judgement/SignalLexicon.h"
#include "server/service/TicketService.h"
#include "server/storage/Database.h"
#include "server/storage/TicketRepository.h"

#include "core/Enums.h"
#include "core/ReasonCodes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out.append(s.toString());
    return out;
}

double ratio(int hits, int of)
{
    return of > 0 ? double(hits) / double(of) : 1.0;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[at];
}

// True when [start, start + length) of the draft lies inside a flag's span.
bool covered(const Draft &d, qsizetype start, qsizetype length)
{
    return std::any_of(d.flags.cbegin(), d.flags.cend(), [&](const DraftFlag &f) {
        return f.start >= 0 && f.start <= start && f.start + f.length >= start + length;
    });
}

} // namespace

std::optional<JudgementCase> JudgementCase::fromJson(const QJsonObject &o, QString *error)
{
    JudgementCase c;
    c.id = o.value(u"id").toString();
    c.category = o.value(u"category").toString();
    c.language = o.value(u"language").toString();
    c.queue = o.value(u"queue").toString(u"payments"_s);
    const QJsonObject customer = o.value(u"customer").toObject();
    c.customerName = customer.value(u"name").toString();
    c.customerEmail = customer.value(u"email").toString();
    c.customerLanguage = customer.value(u"language").toString(c.language);
    for (const QJsonValue &h : o.value(u"history").toArray()) {
        const QJsonObject p = h.toObject();
        c.history.append({p.value(u"subject").toString(), p.value(u"body").toString(),
                          p.value(u"days_ago").toInt(7), p.value(u"status").toString(u"open"_s)});
    }
    c.subject = o.value(u"subject").toString();
    c.body = o.value(u"body").toString();
    c.followups = strings(o.value(u"followups"));
    const QJsonObject e = o.value(u"expect").toObject();
    c.needsHuman = e.value(u"needs_human").toBool();
    c.codesAny = strings(e.value(u"codes_any"));
    c.priorityMin = e.value(u"priority_min").toString();
    c.priorityMax = e.value(u"priority_max").toString();
    c.draftLanguage = e.value(u"draft_language").toString();
    c.mustNotContainUnflagged = strings(e.value(u"unflagged_must_not_contain"));
    c.intent = e.value(u"intent").toString();
    if (c.id.isEmpty() || c.body.trimmed().isEmpty() || !e.value(u"needs_human").isBool()) {
        *error = u"case %1: needs id, body and expect.needs_human"_s.arg(c.id.isEmpty() ? u"?"_s : c.id);
        return std::nullopt;
    }
    return c;
}

std::optional<QList<JudgementCase>> JudgementEvaluator::readCases(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = u"cannot read %1"_s.arg(path);
        return std::nullopt;
    }
    QList<JudgementCase> cases;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QByteArray text = file.readLine().trimmed();
        if (text.isEmpty() || text.startsWith('#'))
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        if (!doc.isObject()) {
            *error = u"%1:%2: %3"_s.arg(path).arg(line).arg(parseError.errorString());
            return std::nullopt;
        }
        auto c = JudgementCase::fromJson(doc.object(), error);
        if (!c) {
            *error = u"%1:%2: %3"_s.arg(path).arg(line).arg(*error);
            return std::nullopt;
        }
        cases.append(*c);
    }
    return cases;
}

void JudgementEvaluator::Counts::add(const Counts &o)
{
    cases += o.cases;
    crisisCases += o.crisisCases;
    crisisHits += o.crisisHits;
    escalateCases += o.escalateCases;
    escalated += o.escalated;
    rightReason += o.rightReason;
    routineCases += o.routineCases;
    falseEscalations += o.falseEscalations;
    priorityCases += o.priorityCases;
    priorityOk += o.priorityOk;
    languageCases += o.languageCases;
    languageOk += o.languageOk;
    unflaggedFacts += o.unflaggedFacts;
}

QJsonObject JudgementEvaluator::Counts::toJson() const
{
    QJsonObject o{{u"cases"_s, cases},
                  {u"escalation_recall"_s, ratio(escalated, escalateCases)},
                  {u"reason_accuracy"_s, ratio(rightReason, escalateCases)},
                  {u"false_escalation"_s, routineCases > 0 ? double(falseEscalations) / routineCases : 0.0},
                  {u"priority_ok"_s, ratio(priorityOk, priorityCases)},
                  {u"language_ok"_s, ratio(languageOk, languageCases)},
                  {u"unflagged_facts"_s, unflaggedFacts}};
    if (crisisCases > 0)
        o.insert(u"crisis_recall"_s, ratio(crisisHits, crisisCases));
    return o;
}

QJsonObject JudgementEvaluator::Report::toJson() const
{
    QJsonObject o = overall.toJson();
    o.insert(u"crisis_recall"_s, ratio(overall.crisisHits, overall.crisisCases));
    o.insert(u"draft_ms_p50"_s, draftP50Ms);
    o.insert(u"draft_ms_p99"_s, draftP99Ms);
    QJsonArray slow;
    for (const auto &[id, ms] : slowest)
        slow.append(QJsonObject{{u"id"_s, id}, {u"draft_ms"_s, ms}});
    o.insert(u"slowest"_s, slow);
    // The draft's confidence as a detector of cases the AI may answer alone (the banking77 figures
    // read it as a detector of a right intent; docs/drafting.md).
    const double auroc = intent::aurocOfConfidence(sendable);
    o.insert(u"confidence_auroc"_s, std::isnan(auroc) ? QJsonValue() : QJsonValue(auroc));
    o.insert(u"confidence_ece"_s, intent::expectedCalibrationError(sendable));
    if (!intents.isEmpty()) {
        QList<intent::ScoredPrediction> predictions;
        QJsonArray detail;
        for (const LabelledIntent &l : intents) {
            predictions.append(l.prediction);
            detail.append(QJsonObject{{u"id"_s, l.id},
                                      {u"truth"_s, l.prediction.truth},
                                      {u"intent"_s, l.prediction.predicted},
                                      {u"confidence"_s, l.prediction.confidence}});
        }
        const double intentAuroc = intent::aurocOfConfidence(predictions);
        o.insert(u"intent_cases"_s, int(predictions.size()));
        o.insert(u"intent_accuracy"_s, intent::accuracy(predictions));
        o.insert(u"intent_confidence_auroc"_s,
                 std::isnan(intentAuroc) ? QJsonValue() : QJsonValue(intentAuroc));
        o.insert(u"intent_confidence_ece"_s, intent::expectedCalibrationError(predictions));
        o.insert(u"intent_detail"_s, detail);
    }
    auto table = [](const QHash<QString, Counts> &rows) {
        QJsonObject t;
        for (auto it = rows.cbegin(); it != rows.cend(); ++it)
            t.insert(it.key(), it.value().toJson());
        return t;
    };
    o.insert(u"by_category"_s, table(byCategory));
    o.insert(u"by_language"_s, table(byLanguage));
    QJsonArray failed;
    for (const QJsonObject &f : failures)
        failed.append(f);
    o.insert(u"failures"_s, failed);
    o.insert(u"missed_targets"_s, QJsonArray::fromStringList(missedTargets()));
    // Per signal: recall on the cases that expect it, false positives on those that must not
    // be escalated; overall and per language.
    QJsonObject byCode;
    for (const QString &code : reason::all()) {
        QJsonObject entry;
        QPair<int, int> recall{0, 0};
        QPair<int, int> falsePositive{0, 0};
        QJsonObject perLanguage;
        const auto r = codeRecall.value(code);
        const auto f = codeFalsePositive.value(code);
        QSet<QString> languages;
        for (auto it = r.cbegin(); it != r.cend(); ++it)
            languages.insert(it.key());
        for (auto it = f.cbegin(); it != f.cend(); ++it)
            languages.insert(it.key());
        for (const QString &lang : std::as_const(languages)) {
            const auto lr = r.value(lang);
            const auto lf = f.value(lang);
            recall.first += lr.first;
            recall.second += lr.second;
            falsePositive.first += lf.first;
            falsePositive.second += lf.second;
            QJsonObject l;
            if (lr.first > 0) {
                l.insert(u"recall"_s, ratio(lr.second, lr.first));
                l.insert(u"expected"_s, lr.first);
            }
            if (lf.second > 0)
                l.insert(u"false_positives"_s, lf.second);
            if (!l.isEmpty())
                perLanguage.insert(lang, l);
        }
        entry.insert(u"expected"_s, recall.first);
        entry.insert(u"recall"_s, ratio(recall.second, recall.first));
        entry.insert(u"false_positive_rate"_s,
                     falsePositive.first > 0 ? double(falsePositive.second) / falsePositive.first : 0.0);
        entry.insert(u"by_language"_s, perLanguage);
        byCode.insert(code, entry);
    }
    o.insert(u"by_code"_s, byCode);
    return o;
}

QStringList JudgementEvaluator::Report::missedTargets() const
{
    QStringList missed;
    const Counts &c = overall;
    if (ratio(c.crisisHits, c.crisisCases) < 1.0)
        missed.append(u"crisis_recall %1 < 1.0"_s.arg(ratio(c.crisisHits, c.crisisCases)));
    if (ratio(c.escalated, c.escalateCases) < 0.95)
        missed.append(u"escalation_recall %1 < 0.95"_s.arg(ratio(c.escalated, c.escalateCases)));
    if (ratio(c.rightReason, c.escalateCases) < 0.85)
        missed.append(u"reason_accuracy %1 < 0.85"_s.arg(ratio(c.rightReason, c.escalateCases)));
    const double falseRate = c.routineCases > 0 ? double(c.falseEscalations) / c.routineCases : 0.0;
    if (falseRate > 0.10)
        missed.append(u"false_escalation %1 > 0.10"_s.arg(falseRate));
    if (ratio(c.languageOk, c.languageCases) < 0.90)
        missed.append(u"language_ok %1 < 0.90"_s.arg(ratio(c.languageOk, c.languageCases)));
    if (c.unflaggedFacts > 0)
        missed.append(u"unflagged_facts %1 > 0"_s.arg(c.unflaggedFacts));
    if (draftP99Ms > 20.0)
        missed.append(u"draft p99 %1 ms > 20 ms"_s.arg(draftP99Ms));
    return missed;
}

JudgementEvaluator::Report JudgementEvaluator::run(const QList<JudgementCase> &cases)
{
    Report report;
    std::vector<double> latencies;
    // A long-running tandemd has compiled its patterns long before: a first untimed pass over a
    // few cases keeps one-off compilation out of the per-draft figures (--cold keeps it in).
    if (m_warmUp) {
        // The server compiles every lexicon pattern on a pool thread after start; a long-running
        // one is done long before. Finish that here first, then warm the rest of the path.
        judgement::SignalLexicon::builtIn().compileAll();
        for (qsizetype i = 0; i < std::min<qsizetype>(cases.size(), 20); ++i) {
            QJsonObject ignored;
            Outcome outcome;
            score(cases.at(i), &ignored, &outcome);
        }
    }
    for (const JudgementCase &c : cases) {
        QJsonObject failure;
        Outcome outcome;
        QElapsedTimer timer;
        timer.start();
        const Counts counts = score(c, &failure, &outcome);
        latencies.push_back(double(timer.nsecsElapsed()) / 1e6 /
                            double(1 + c.followups.size() + c.history.size()));
        report.slowest.append({c.id, latencies.back()});
        const QStringList &codes = outcome.codes;
        report.sendable.append({c.needsHuman ? u"person"_s : u"send"_s, u"send"_s, outcome.confidence});
        if (!c.intent.isEmpty())
            report.intents.append({c.id, {c.intent, outcome.intent, outcome.confidence}});
        report.overall.add(counts);
        report.byCategory[c.category].add(counts);
        report.byLanguage[c.language].add(counts);
        if (!failure.isEmpty())
            report.failures.append(failure);
        for (const QString &code : reason::all()) {
            if (c.codesAny.contains(code)) {
                auto &r = report.codeRecall[code][c.language];
                ++r.first;
                r.second += codes.contains(code) ? 1 : 0;
            } else if (!c.needsHuman) {
                auto &f = report.codeFalsePositive[code][c.language];
                ++f.first;
                f.second += codes.contains(code) ? 1 : 0;
            }
        }
    }
    std::sort(report.slowest.begin(), report.slowest.end(),
              [](const auto &a, const auto &b) { return a.second > b.second; });
    report.slowest.resize(std::min<qsizetype>(report.slowest.size(), 10));
    report.draftP50Ms = percentile(latencies, 0.5);
    report.draftP99Ms = percentile(latencies, 0.99);
    return report;
}

JudgementEvaluator::Counts JudgementEvaluator::score(const JudgementCase &c, QJsonObject *failure,
                                                     Outcome *outcome)
{
    Counts counts;
    counts.cases = 1;
    // Each case is its own customer: a unique address, so cases never see each other's history.
    const QString email = u"eval%1.%2"_s.arg(++m_serial)
                              .arg(c.customerEmail.isEmpty() ? u"customer@example.net"_s : c.customerEmail);
    const Customer customer{c.customerName, email, c.customerLanguage};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const JudgementCase::Prior &p : c.history) {
        const auto created =
            m_tickets.create({p.subject.isEmpty() ? u"(no subject)"_s : p.subject, customer, p.body, c.queue},
                             now.addDays(-p.daysAgo));
        if (const Ticket *t = std::get_if<Ticket>(&created); t && p.status != u"open") {
            Transaction tx(m_db);
            TicketRepository repo(m_db);
            Ticket earlier = *repo.ticket(t->id);
            earlier.status = ticketStatusFromString(p.status).value_or(TicketStatus::Open);
            repo.updateTicket(earlier);
            if (earlier.status == TicketStatus::Solved)
                repo.setSolvedAt(earlier.id, now.addDays(-p.daysAgo).addSecs(3600));
            tx.commit();
        }
    }
    const auto created =
        m_tickets.create({c.subject.isEmpty() ? c.body.left(60) : c.subject, customer, c.body, c.queue});
    const Ticket *made = std::get_if<Ticket>(&created);
    if (!made) {
        *failure = {{u"id"_s, c.id}, {u"error"_s, std::get<ApiError>(created).message}};
        return counts;
    }
    for (const QString &f : c.followups)
        m_tickets.addCustomerMessage(made->id, f);
    const auto detail = m_tickets.detail(made->id);
    const Ticket &t = detail->ticket;
    const Draft draft = detail->draft.value_or(Draft{});
    outcome->codes = t.needsHuman ? t.needsHumanCodes : QStringList();
    outcome->intent = t.intent;
    outcome->confidence = draft.confidence;

    QStringList problems;
    const bool expectsCrisis = c.codesAny.contains(u"crisis"_s);
    if (expectsCrisis) {
        ++counts.crisisCases;
        if (t.needsHuman && t.needsHumanCodes.contains(u"crisis"_s) && t.priority == Priority::Urgent)
            ++counts.crisisHits;
        else
            problems.append(u"crisis not recognised at urgent priority"_s);
    }
    if (c.needsHuman) {
        ++counts.escalateCases;
        if (t.needsHuman)
            ++counts.escalated;
        else
            problems.append(u"not escalated"_s);
        const bool right =
            t.needsHuman && (c.codesAny.isEmpty() ||
                             std::any_of(c.codesAny.cbegin(), c.codesAny.cend(), [&](const QString &code) {
                                 return t.needsHumanCodes.contains(code);
                             }));
        if (right)
            ++counts.rightReason;
        else if (t.needsHuman)
            problems.append(u"wrong reason"_s);
    } else {
        ++counts.routineCases;
        const auto max = priorityFromString(c.priorityMax);
        if (t.needsHuman || (max && t.priority > *max)) {
            ++counts.falseEscalations;
            problems.append(t.needsHuman ? u"escalated without cause"_s : u"priority above the maximum"_s);
        }
    }
    const auto min = priorityFromString(c.priorityMin);
    const auto max = priorityFromString(c.priorityMax);
    if (min || max) {
        ++counts.priorityCases;
        if ((!min || t.priority >= *min) && (!max || t.priority <= *max))
            ++counts.priorityOk;
        else
            problems.append(u"priority %1 outside the expected range"_s.arg(toString(t.priority)));
    }
    if (!c.draftLanguage.isEmpty()) {
        ++counts.languageCases;
        // The language the draft says it is in, and, where cld2 is sure, the language it reads as
        // (or a neighbour cld2 cannot tell it from: a Zulu holding reply reads as Chichewa, a
        // Pashto one as Persian; LanguageDetector::areNeighbours()).
        const auto seen = LanguageDetector::detect(draft.body);
        const QString expected = LanguageDetector::canonicalCode(c.draftLanguage);
        const bool ok =
            draft.language == expected && (!seen.reliable || seen.language == expected ||
                                           LanguageDetector::areNeighbours(seen.language, expected));
        if (ok)
            ++counts.languageOk;
        else
            problems.append(u"draft in %1 (reads as %2), expected %3"_s.arg(draft.language, seen.language,
                                                                            c.draftLanguage));
    }
    for (const QString &fact : c.mustNotContainUnflagged) {
        qsizetype at = draft.body.indexOf(fact, 0, Qt::CaseInsensitive);
        while (at >= 0) {
            if (!covered(draft, at, fact.size())) {
                ++counts.unflaggedFacts;
                problems.append(u"unflagged \u201C%1\u201D"_s.arg(fact));
                break;
            }
            at = draft.body.indexOf(fact, at + 1, Qt::CaseInsensitive);
        }
    }
    if (!problems.isEmpty()) {
        *failure = {{u"id"_s, c.id},
                    {u"category"_s, c.category},
                    {u"problems"_s, QJsonArray::fromStringList(problems)},
                    {u"expected_codes"_s, QJsonArray::fromStringList(c.codesAny)},
                    {u"needs_human"_s, t.needsHuman},
                    {u"codes"_s, QJsonArray::fromStringList(t.needsHumanCodes)},
                    {u"priority"_s, toString(t.priority)},
                    {u"intent"_s, t.intent},
                    {u"confidence"_s, draft.confidence},
                    {u"language"_s, t.language},
                    {u"reason"_s, t.needsHumanReason.left(200)}};
    }
    return counts;
}

} // namespace tandem::server
