#include "RiskCommands.h"

#include "JudgementEvaluator.h"

#include "server/drafting/ResolvedCsv.h"
#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/TextFolding.h"

#include "core/ReasonCodes.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

int usage(const QString &message)
{
    std::fprintf(stderr, "tandemd eval risk: %s\n", qPrintable(message));
    std::fprintf(stderr, "usage: tandemd eval risk --cases A.jsonl,B.jsonl,... [--negatives CORPUS.csv,...] "
                         "[--l2 X] [--miss-cost C] [--out FILE] [--json]\n");
    return 2;
}

//! One message and what both layers make of it.
struct Sample
{
    int group = 0;       //!< the suite it comes from; corpora rows: -1
    int corpusPart = -1; //!< for corpora rows: which fifth
    bool crisis = false;
    bool phraseSaysCrisis = false;
    std::vector<bool> reading;
    QString id;
};

Sample sampleOf(const judgement::CaseAssessor &phrases, const QString &subject, const QStringList &messages)
{
    Sample s;
    judgement::CaseInput input;
    input.subject = subject;
    input.messages = messages;
    input.customerText = subject;
    for (const QString &m : messages)
        input.customerText += (input.customerText.isEmpty() ? u""_s : u"\n"_s) + m;
    // A confident in-scope reading in a served language: only the wording can raise crisis.
    input.intent = u"corpus"_s;
    input.confidence = 1.0;
    s.phraseSaysCrisis = phrases.assess(input).has(reason::kCrisis);
    const judgement::PrefilterText prepared(phrases.judgedText(input.customerText));
    s.reading = judgement::RiskModel::read(judgement::SignalLexicon::builtIn(), prepared).present;
    return s;
}

struct Score
{
    int crises = 0, phraseCaught = 0, modelCaught = 0, caught = 0;
    int others = 0, phraseAlarms = 0, modelAlarms = 0, alarms = 0;
    int corpus = 0, corpusPhraseAlarms = 0, corpusModelAlarms = 0, corpusAlarms = 0;
    QStringList missed;
    QStringList falseAlarms;

    void add(const Sample &s, bool modelSays)
    {
        const bool says = s.phraseSaysCrisis || modelSays;
        if (s.group < 0) {
            ++corpus;
            corpusPhraseAlarms += s.phraseSaysCrisis;
            corpusModelAlarms += modelSays;
            corpusAlarms += says;
        } else if (s.crisis) {
            ++crises;
            phraseCaught += s.phraseSaysCrisis;
            modelCaught += modelSays;
            caught += says;
            if (!says)
                missed.append(s.id);
        } else {
            ++others;
            phraseAlarms += s.phraseSaysCrisis;
            modelAlarms += modelSays;
            alarms += says;
            if (says && !s.phraseSaysCrisis)
                falseAlarms.append(s.id);
        }
    }
    QJsonObject toJson() const
    {
        auto rate = [](int a, int b) {
            return b > 0 ? double(a) / b : 0.0;
        };
        return QJsonObject{
            {u"crises"_s, crises},
            {u"recall_phrases"_s, rate(phraseCaught, crises)},
            {u"recall_model"_s, rate(modelCaught, crises)},
            {u"recall"_s, rate(caught, crises)},
            {u"other_cases"_s, others},
            {u"false_alarm_phrases"_s, rate(phraseAlarms, others)},
            {u"false_alarm_model"_s, rate(modelAlarms, others)},
            {u"false_alarm"_s, rate(alarms, others)},
            {u"corpus_rows"_s, corpus},
            {u"corpus_false_alarm_phrases"_s, rate(corpusPhraseAlarms, corpus)},
            {u"corpus_false_alarm_model"_s, rate(corpusModelAlarms, corpus)},
            {u"corpus_false_alarm"_s, rate(corpusAlarms, corpus)},
            {u"missed"_s, QJsonArray::fromStringList(missed)},
            {u"model_false_alarms"_s, QJsonArray::fromStringList(falseAlarms)},
        };
    }
};

judgement::RiskModel trainOn(const std::vector<Sample> &samples,
                             const std::function<bool(const Sample &)> &use, double l2, double missCost)
{
    std::vector<std::vector<bool>> rows;
    std::vector<bool> crisis;
    for (const Sample &s : samples) {
        if (!use(s))
            continue;
        rows.push_back(s.reading);
        crisis.push_back(s.crisis);
    }
    return judgement::RiskModel::train(rows, crisis, l2, missCost);
}

void printScore(const QString &name, const QJsonObject &o)
{
    auto v = [&](const char *key) {
        return o.value(QString::fromLatin1(key)).toDouble();
    };
    std::printf("%-28s crises %3d  recall %.2f (phrases %.2f, model %.2f)  false alarm %.3f (phrases %.3f, "
                "model %.3f)  corpus %.4f (phrases %.4f, model %.4f)\n",
                qPrintable(name), o.value(u"crises").toInt(), v("recall"), v("recall_phrases"),
                v("recall_model"), v("false_alarm"), v("false_alarm_phrases"), v("false_alarm_model"),
                v("corpus_false_alarm"), v("corpus_false_alarm_phrases"), v("corpus_false_alarm_model"));
}

} // namespace

int runRiskCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption casesOption(u"cases"_s, u"Labelled judgement suites, comma-separated."_s,
                                         u"FILES"_s);
    const QCommandLineOption negativesOption(
        u"negatives"_s, u"Corpora of routine requests (CSV), comma-separated."_s, u"FILES"_s);
    const QCommandLineOption l2Option(u"l2"_s, u"L2 penalty of the weights."_s, u"X"_s, u"0.3"_s);
    const QCommandLineOption missOption(u"miss-cost"_s, u"A missed crisis costs C false alarms."_s, u"C"_s,
                                        u"5"_s);
    const QCommandLineOption outOption(u"out"_s, u"Write the model trained on everything here."_s, u"FILE"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object."_s);
    parser.addOptions({casesOption, negativesOption, l2Option, missOption, outOption, jsonOption});
    if (!parser.parse(QStringList{u"tandemd eval risk"_s} + args.mid(2)))
        return usage(parser.errorText());
    if (!parser.isSet(casesOption))
        return usage(u"--cases is required"_s);
    bool ok = false;
    const double l2 = parser.value(l2Option).toDouble(&ok);
    if (!ok || l2 < 0)
        return usage(u"--l2 takes a number >= 0"_s);
    const double missCost = parser.value(missOption).toDouble(&ok);
    if (!ok || missCost <= 0)
        return usage(u"--miss-cost takes a number > 0"_s);

    // The phrase layer alone (no model): what the model is asked to add to.
    const judgement::RiskModel none;
    const judgement::CaseAssessor phrases(judgement::SignalLexicon::builtIn(), none);
    std::vector<Sample> samples;
    const QStringList suites = parser.value(casesOption).split(u',', Qt::SkipEmptyParts);
    QString error;
    for (qsizetype g = 0; g < suites.size(); ++g) {
        const auto cases = JudgementEvaluator::readCases(suites.at(g), &error);
        if (!cases)
            return usage(error);
        for (const JudgementCase &c : *cases) {
            Sample s = sampleOf(phrases, c.subject, QStringList{c.body} + c.followups);
            s.group = int(g);
            s.crisis = c.codesAny.contains(u"crisis"_s);
            s.id = c.id;
            samples.push_back(std::move(s));
        }
    }
    int corpusRow = 0;
    for (const QString &path : parser.value(negativesOption).split(u',', Qt::SkipEmptyParts)) {
        const auto rows = readResolvedCsv(path, &error);
        if (!rows)
            return usage(error);
        for (const ResolvedRow &row : *rows) {
            Sample s = sampleOf(phrases, QString(), {row.text});
            s.group = -1;
            s.corpusPart = corpusRow++ % 5;
            samples.push_back(std::move(s));
        }
    }

    // Each suite left out in turn (with a fifth of the corpora): the figure that says how the
    // model does on messages it was not trained on.
    QJsonObject folds;
    Score pooled;
    for (qsizetype g = 0; g < suites.size(); ++g) {
        const int part = int(g % 5);
        const auto heldOut = [&](const Sample &s) {
            return s.group < 0 ? s.corpusPart == part : s.group == g;
        };
        const judgement::RiskModel model = trainOn(
            samples, [&](const Sample &s) { return !heldOut(s); }, l2, missCost);
        Score score;
        for (const Sample &s : samples) {
            if (!heldOut(s))
                continue;
            const bool says = model.saysCrisis(s.reading);
            score.add(s, says);
            if (s.group >= 0)
                pooled.add(s, says);
        }
        folds.insert(QFileInfo(suites.at(g)).fileName(), score.toJson());
    }
    const judgement::RiskModel full = trainOn(
        samples, [](const Sample &) { return true; }, l2, missCost);
    Score inSample;
    for (const Sample &s : samples)
        inSample.add(s, full.saysCrisis(s.reading));

    // How often each signal shows in crises, in the other cases and in routine requests: a concept's
    // recall and its false-positive rate, the figures docs/drafting.md gives.
    QJsonObject bySignal;
    const QStringList &signalNames = judgement::RiskModel::signalNames();
    for (qsizetype k = 0; k < signalNames.size(); ++k) {
        int inCrises = 0, crises = 0, inOthers = 0, others = 0, inCorpus = 0, corpus = 0;
        for (const Sample &s : samples) {
            const bool on = s.reading[size_t(k)];
            if (s.group < 0) {
                ++corpus;
                inCorpus += on;
            } else if (s.crisis) {
                ++crises;
                inCrises += on;
            } else {
                ++others;
                inOthers += on;
            }
        }
        auto rate = [](int a, int b) {
            return b > 0 ? double(a) / b : 0.0;
        };
        bySignal.insert(signalNames.at(k), QJsonObject{{u"in_crises"_s, rate(inCrises, crises)},
                                                       {u"in_other_cases"_s, rate(inOthers, others)},
                                                       {u"in_corpus"_s, rate(inCorpus, corpus)}});
    }
    const QJsonObject report{{u"held_out"_s, folds},
                             {u"signals"_s, bySignal},
                             {u"held_out_pooled"_s, pooled.toJson()},
                             {u"trained_on_all"_s, inSample.toJson()},
                             {u"threshold"_s, full.threshold()}};
    if (parser.isSet(outOption)) {
        QFile out(parser.value(outOption));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(full.toJson()) < 0) {
            std::fprintf(stderr, "tandemd eval risk: cannot write %s\n", qPrintable(parser.value(outOption)));
            return 1;
        }
    }
    if (parser.isSet(jsonOption)) {
        std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    for (auto it = folds.constBegin(); it != folds.constEnd(); ++it)
        printScore(u"held out: "_s + it.key(), it.value().toObject());
    printScore(u"held out, pooled"_s, pooled.toJson());
    printScore(u"trained on all (in sample)"_s, inSample.toJson());
    std::printf("threshold %.4f\n\n%-22s %9s %9s %9s\n", full.threshold(), "signal", "crises", "others",
                "corpus");
    for (const QString &name : signalNames) {
        const QJsonObject o = bySignal.value(name).toObject();
        std::printf("%-22s %9.3f %9.3f %9.4f\n", qPrintable(name), o.value(u"in_crises"_s).toDouble(),
                    o.value(u"in_other_cases"_s).toDouble(), o.value(u"in_corpus"_s).toDouble());
    }
    return 0;
}

} // namespace tandem::server
