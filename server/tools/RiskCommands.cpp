#include "RiskCommands.h"

#include "JudgementEvaluator.h"

#include "server/drafting/ResolvedCsv.h"
#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/ReasonTextModels.h"
#include "server/drafting/judgement/RiskTextModel.h"
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
    std::fprintf(stderr, "usage: tandemd eval risk --cases A.jsonl,B.jsonl,... [--train T.jsonl,...] "
                         "[--negatives CORPUS.csv|scenarios.json,...] [--l2 X] [--miss-cost C] [--out FILE] "
                         "[--text-c C] [--text-weight W] [--text-threshold P] [--text-threshold-alone P] "
                         "[--text-balance B] [--text-l1] [--text-max-weights N] [--text-code CODE] "
                         "[--text-out FILE] [--dump FILE] [--no-held-out] "
                         "[--json]\n");
    return 2;
}

//! a / b, 0 when there is nothing to divide.
double rate(int a, int b)
{
    return b > 0 ? double(a) / b : 0.0;
}

//! One message and what both layers make of it.
struct Sample
{
    int group = 0;       //!< the suite it comes from; corpora rows: -1
    int corpusPart = -1; //!< for corpora rows: which fifth
    bool crisis = false;
    bool phraseSaysCrisis = false;
    bool target = false;           //!< labelled with the text model's code (--text-code; crisis by default)
    bool phraseSaysTarget = false; //!< the phrase layer gives that code
    bool trainOnly = false;        //!< from --train: teaches the text model, is not scored
    std::vector<bool> reading;
    std::vector<judgement::RiskTextModel::Feature> text;
    QString id;
    QString language;
    QString judged; //!< the text the layers read (for the common words of the text model's reasons)

    //! Whether the concept layer read any risk sign (the text model's gate).
    bool anySign() const
    {
        for (size_t i = 0; i < reading.size(); ++i) {
            if (reading[i] && !judgement::RiskModel::isContext(int(i)))
                return true;
        }
        return false;
    }
};

Sample sampleOf(const judgement::CaseAssessor &phrases, const QString &subject, const QStringList &messages,
                const QString &code)
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
    const judgement::CaseAssessment assessed = phrases.assess(input);
    s.phraseSaysCrisis = assessed.has(reason::kCrisis);
    s.phraseSaysTarget = assessed.has(code);
    const QString judged = phrases.judgedText(input.customerText);
    const judgement::PrefilterText prepared(judged);
    s.reading = judgement::RiskModel::read(judgement::SignalLexicon::builtIn(), prepared).present;
    s.text = judgement::RiskTextModel::features(judged);
    s.judged = judged;
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

//! Routine requests to learn "not a crisis" from: a resolved-tickets CSV, or the demo company's
//! scenarios (resources/demo/scenarios.json: every language's messages and follow-ups).
//! Each text with its language (the CSV corpora are English).
std::optional<QList<std::pair<QString, QString>>> readRoutineTexts(const QString &path, QString *error)
{
    QList<std::pair<QString, QString>> texts;
    if (!path.endsWith(u".json"_s)) {
        const auto rows = readResolvedCsv(path, error);
        if (!rows)
            return std::nullopt;
        for (const ResolvedRow &row : *rows)
            texts.append({row.text, u"en"_s});
        return texts;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1"_s.arg(path);
        return std::nullopt;
    }
    const QJsonArray scenarios =
        QJsonDocument::fromJson(file.readAll()).object().value(u"scenarios"_s).toArray();
    for (const QJsonValue &scenario : scenarios) {
        const QJsonObject languages = scenario.toObject().value(u"texts"_s).toObject();
        for (auto language = languages.constBegin(); language != languages.constEnd(); ++language) {
            for (const char *key : {"messages", "followups"}) {
                for (const QJsonValue &t :
                     language.value().toObject().value(QLatin1StringView(key)).toArray())
                    texts.append({t.toString(), language.key()});
            }
        }
    }
    if (texts.isEmpty()) {
        *error = u"%1 has no scenarios with messages"_s.arg(path);
        return std::nullopt;
    }
    return texts;
}

//! What the text model adds, held out: at each threshold, the crises it catches that the phrase
//! and concept layers miss, and its false alarms (on the suites' other cases and the corpora),
//! with and without the gate (a risk sign read by the concept layer).
QJsonObject textLayerReport(const std::vector<Sample> &samples, const std::vector<double> &text,
                            const judgement::RiskModel &concepts,
                            const judgement::RiskTextModel::TrainOptions &options, bool crisisCode)
{
    // The rule the assessor applies: the lower threshold with a risk sign, the higher one alone.
    int crises = 0, caught = 0, missedBefore = 0, caughtNew = 0, routine = 0, routineAlarms = 0;
    int corpus = 0, corpusAlarms = 0;
    for (size_t i = 0; i < samples.size(); ++i) {
        const Sample &s = samples[i];
        const bool before = s.phraseSaysTarget || (crisisCode && concepts.saysCrisis(s.reading));
        const bool says = text[i] >= (s.anySign() ? options.threshold : options.aloneThreshold);
        if (s.group < 0) {
            ++corpus;
            corpusAlarms += says && !before;
        } else if (s.target) {
            ++crises;
            caught += says;
            missedBefore += !before;
            caughtNew += says && !before;
        } else {
            ++routine;
            routineAlarms += says && !before;
        }
    }
    const QJsonObject chosen{{u"threshold"_s, options.threshold},
                             {u"threshold_alone"_s, options.aloneThreshold},
                             {u"recall"_s, rate(caught, crises)},
                             {u"crises_missed_by_the_other_layers"_s, missedBefore},
                             {u"of_those_caught"_s, caughtNew},
                             {u"false_alarm"_s, rate(routineAlarms, routine)},
                             {u"corpus_false_alarm"_s, rate(corpusAlarms, corpus)}};

    QJsonArray rows;
    for (const double threshold : {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
        int crises = 0, missedBefore = 0, caught = 0, caughtGated = 0;
        int others = 0, alarms = 0, alarmsGated = 0, corpus = 0, corpusAlarms = 0, corpusAlarmsGated = 0;
        for (size_t i = 0; i < samples.size(); ++i) {
            const Sample &s = samples[i];
            const bool before = s.phraseSaysTarget || (crisisCode && concepts.saysCrisis(s.reading));
            const bool says = text[i] >= threshold;
            const bool gated = says && s.anySign();
            if (s.group < 0) {
                ++corpus;
                corpusAlarms += says && !before;
                corpusAlarmsGated += gated && !before;
            } else if (s.target) {
                ++crises;
                caught += says;
                caughtGated += gated;
                missedBefore += !before;
            } else {
                ++others;
                alarms += says && !before;
                alarmsGated += gated && !before;
            }
        }
        rows.append(QJsonObject{{u"threshold"_s, threshold},
                                {u"recall"_s, rate(caught, crises)},
                                {u"recall_gated"_s, rate(caughtGated, crises)},
                                {u"crises_missed_by_the_other_layers"_s, missedBefore},
                                {u"false_alarm"_s, rate(alarms, others)},
                                {u"false_alarm_gated"_s, rate(alarmsGated, others)},
                                {u"corpus_false_alarm"_s, rate(corpusAlarms, corpus)},
                                {u"corpus_false_alarm_gated"_s, rate(corpusAlarmsGated, corpus)}});
    }
    return QJsonObject{{u"by_threshold"_s, rows}, {u"chosen"_s, chosen}};
}

void printTextReport(const QJsonObject &report)
{
    std::printf(
        "\ntext model, each set left out in turn (false alarms: where the other layers said nothing)\n"
        "%-9s %8s %8s %10s %10s %10s %10s\n",
        "threshold", "recall", "gated", "false", "gated", "corpus", "gated");
    for (const QJsonValue &v : report.value(u"by_threshold"_s).toArray()) {
        const QJsonObject o = v.toObject();
        auto d = [&](const char *key) {
            return o.value(QLatin1StringView(key)).toDouble();
        };
        std::printf("%-9.2f %8.3f %8.3f %10.4f %10.4f %10.5f %10.5f\n", d("threshold"), d("recall"),
                    d("recall_gated"), d("false_alarm"), d("false_alarm_gated"), d("corpus_false_alarm"),
                    d("corpus_false_alarm_gated"));
    }
    const QJsonObject c = report.value(u"chosen"_s).toObject();
    std::printf(
        "with a sign at %.2f, alone at %.2f: recall %.3f; of %d cases of its code the other layers miss it "
        "catches %d; false alarms %.4f, corpus %.5f\n",
        c.value(u"threshold"_s).toDouble(), c.value(u"threshold_alone"_s).toDouble(),
        c.value(u"recall"_s).toDouble(), c.value(u"crises_missed_by_the_other_layers"_s).toInt(),
        c.value(u"of_those_caught"_s).toInt(), c.value(u"false_alarm"_s).toDouble(),
        c.value(u"corpus_false_alarm"_s).toDouble());
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
    const QCommandLineOption trainOption(
        u"train"_s, u"Labelled sets that teach the text model only (each also left out in turn)."_s,
        u"FILES"_s);
    const QCommandLineOption textCOption(u"text-c"_s, u"Inverse regularisation of the text model."_s, u"C"_s,
                                         u"16"_s);
    const QCommandLineOption textWeightOption(
        u"text-weight"_s, u"A crisis counts W times for the text model."_s, u"W"_s, u"3"_s);
    const QCommandLineOption textThresholdOption(
        u"text-threshold"_s, u"Probability at which the text model says crisis."_s, u"P"_s, u"0.2"_s);
    const QCommandLineOption textAloneOption(u"text-threshold-alone"_s,
                                             u"The same where the concept layer read no risk sign."_s, u"P"_s,
                                             u"0.6"_s);
    const QCommandLineOption textBalanceOption(
        u"text-balance"_s, u"Each language's ordinary messages weigh at least B times its crises (0: off)."_s,
        u"B"_s, u"10"_s);
    const QCommandLineOption textL1Option(u"text-l1"_s, u"L1 instead of L2 logistic regression."_s);
    const QCommandLineOption textMaxOption(u"text-max-weights"_s, u"Keep the N largest weights (0: all)."_s,
                                           u"N"_s, u"50000"_s);
    const QCommandLineOption textCodeOption(
        u"text-code"_s,
        u"Train and report the text model for this reason code instead of crisis (with --text-out: "
        u"server/drafting/judgement/text-model-CODE.json, read by the assessor after the code's phrases)."_s,
        u"CODE"_s, u"crisis"_s);
    const QCommandLineOption noHeldOutOption(
        u"no-held-out"_s,
        u"Train the models on everything and write them, without leaving each set out in turn first "
        "(minutes instead of an hour; the report then has no held-out figures)."_s);
    const QCommandLineOption textOutOption(u"text-out"_s,
                                           u"Write the text model trained on everything here."_s, u"FILE"_s);
    const QCommandLineOption dumpOption(u"dump"_s, u"Write each message's held-out scores (JSON lines)."_s,
                                        u"FILE"_s);
    parser.addOptions({casesOption, negativesOption, l2Option, missOption, outOption, jsonOption, trainOption,
                       textCOption, textWeightOption, textThresholdOption, textAloneOption, textBalanceOption,
                       textL1Option, textMaxOption, textCodeOption, textOutOption, dumpOption,
                       noHeldOutOption});
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
    judgement::RiskTextModel::TrainOptions textOptions;
    textOptions.C = parser.value(textCOption).toDouble(&ok);
    if (!ok || textOptions.C <= 0)
        return usage(u"--text-c takes a number > 0"_s);
    textOptions.crisisWeight = parser.value(textWeightOption).toDouble(&ok);
    if (!ok || textOptions.crisisWeight < 1)
        return usage(u"--text-weight takes a number >= 1"_s);
    textOptions.threshold = parser.value(textThresholdOption).toDouble(&ok);
    if (!ok || textOptions.threshold <= 0 || textOptions.threshold >= 1)
        return usage(u"--text-threshold takes a probability in (0, 1)"_s);
    textOptions.aloneThreshold = parser.value(textAloneOption).toDouble(&ok);
    if (!ok || textOptions.aloneThreshold < textOptions.threshold || textOptions.aloneThreshold > 1)
        return usage(u"--text-threshold-alone takes a probability in [--text-threshold, 1]"_s);
    textOptions.l1 = parser.isSet(textL1Option);
    const QString textCode = parser.value(textCodeOption);
    if (!reason::isKnown(textCode))
        return usage(u"--text-code takes a reason code (core/ReasonCodes.h)"_s);
    textOptions.maxWeights = parser.value(textMaxOption).toInt(&ok);
    if (!ok || textOptions.maxWeights < 0)
        return usage(u"--text-max-weights takes a number >= 0"_s);
    textOptions.languageBalance = parser.value(textBalanceOption).toDouble(&ok);
    if (!ok || textOptions.languageBalance < 0)
        return usage(u"--text-balance takes a number >= 0"_s);

    textOptions.code = textCode;
    const bool crisisCode = textCode == reason::kCrisis;

    // The phrase layer alone (no model): what the model is asked to add to.
    const judgement::RiskModel none;
    const judgement::ReasonTextModels noCodeText;
    const judgement::CaseAssessor phrases(judgement::SignalLexicon::builtIn(), none,
                                          judgement::RiskTextModel::builtIn(), noCodeText);
    std::vector<Sample> samples;
    const QStringList suites = parser.value(casesOption).split(u',', Qt::SkipEmptyParts);
    const QStringList trainSets = parser.value(trainOption).split(u',', Qt::SkipEmptyParts);
    const QStringList groups = suites + trainSets;
    QString error;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const auto cases = JudgementEvaluator::readCases(groups.at(g), &error);
        if (!cases)
            return usage(error);
        for (const JudgementCase &c : *cases) {
            Sample s = sampleOf(phrases, c.subject, QStringList{c.body} + c.followups, textCode);
            s.group = int(g);
            s.trainOnly = g >= suites.size();
            s.crisis = c.codesAny.contains(u"crisis"_s);
            s.target = c.codesAny.contains(textCode);
            s.id = c.id;
            s.language = c.language;
            samples.push_back(std::move(s));
        }
    }
    int corpusRow = 0;
    for (const QString &path : parser.value(negativesOption).split(u',', Qt::SkipEmptyParts)) {
        const auto rows = readRoutineTexts(path, &error);
        if (!rows)
            return usage(error);
        for (const auto &[row, language] : *rows) {
            Sample s = sampleOf(phrases, QString(), {row}, textCode);
            s.language = language;
            s.group = -1;
            s.corpusPart = corpusRow++ % 5;
            samples.push_back(std::move(s));
        }
    }

    // Each suite left out in turn (with a fifth of the corpora): the figure that says how the
    // models do on messages they were not trained on. The concept model learns from the suites
    // only; the text model from the suites and the training sets.
    QJsonObject folds;
    Score pooled;
    std::vector<double> heldOutText(samples.size(), 0.0);
    const auto trainText = [&](const std::function<bool(const Sample &)> &use) {
        std::vector<std::vector<judgement::RiskTextModel::Feature>> texts;
        std::vector<bool> crisis;
        QStringList languages;
        for (const Sample &s : samples) {
            // A routine corpus row the phrases read as the code (banking77's "my card was stolen"
            // for fraud) is no example of its absence: left out of that code's training.
            if (!use(s) || (!crisisCode && s.group < 0 && s.phraseSaysTarget))
                continue;
            texts.push_back(s.text);
            crisis.push_back(s.target);
            languages.append(s.language);
        }
        return judgement::RiskTextModel::train(texts, crisis, textOptions, languages);
    };
    const qsizetype heldOutGroups = parser.isSet(noHeldOutOption) ? 0 : groups.size();
    for (qsizetype g = 0; g < heldOutGroups; ++g) {
        const int part = int(g % 5);
        const auto heldOut = [&](const Sample &s) {
            return s.group < 0 ? s.corpusPart == part : s.group == g;
        };
        const judgement::RiskTextModel text = trainText([&](const Sample &s) { return !heldOut(s); });
        for (size_t i = 0; i < samples.size(); ++i) {
            if (heldOut(samples[i]))
                heldOutText[i] = text.probability(samples[i].text);
        }
        if (g >= suites.size())
            continue;
        const judgement::RiskModel model = trainOn(
            samples, [&](const Sample &s) { return !heldOut(s) && !s.trainOnly; }, l2, missCost);
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
        samples, [](const Sample &s) { return !s.trainOnly; }, l2, missCost);
    Score inSample;
    for (const Sample &s : samples) {
        if (!s.trainOnly)
            inSample.add(s, full.saysCrisis(s.reading));
    }
    const QJsonObject textReport = heldOutGroups > 0
                                       ? textLayerReport(samples, heldOutText, full, textOptions, crisisCode)
                                       : QJsonObject{{u"skipped"_s, u"--no-held-out"_s}};

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
        bySignal.insert(signalNames.at(k), QJsonObject{{u"in_crises"_s, rate(inCrises, crises)},
                                                       {u"in_other_cases"_s, rate(inOthers, others)},
                                                       {u"in_corpus"_s, rate(inCorpus, corpus)}});
    }
    const QJsonObject report{{u"held_out"_s, folds},
                             {u"signals"_s, bySignal},
                             {u"held_out_pooled"_s, pooled.toJson()},
                             {u"text_held_out"_s, textReport},
                             {u"trained_on_all"_s, inSample.toJson()},
                             {u"threshold"_s, full.threshold()}};
    if (parser.isSet(outOption)) {
        QFile out(parser.value(outOption));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(full.toJson()) < 0) {
            std::fprintf(stderr, "tandemd eval risk: cannot write %s\n", qPrintable(parser.value(outOption)));
            return 1;
        }
    }
    if (parser.isSet(textOutOption)) {
        judgement::RiskTextModel text = trainText([](const Sample &) { return true; });
        // Words in 3 % or more of a language's ordinary messages (not of the code) are never shown
        // as the reason: filler, not what a crisis or a complaint is made of.
        QStringList judgedTexts, languages;
        for (const Sample &s : samples) {
            if (s.target)
                continue;
            judgedTexts.append(s.judged);
            languages.append(s.language);
        }
        text.setCommonWords(judgement::RiskTextModel::commonWords(judgedTexts, languages));
        QFile out(parser.value(textOutOption));
        if (!text.isValid() || !out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            out.write(text.toJson()) < 0) {
            std::fprintf(stderr, "tandemd eval risk: cannot write %s\n",
                         qPrintable(parser.value(textOutOption)));
            return 1;
        }
        std::fprintf(stderr, "text model: %lld n-grams, %lld common words\n",
                     static_cast<long long>(text.size()), static_cast<long long>(text.commonWordCount()));
    }
    if (parser.isSet(dumpOption)) {
        QFile out(parser.value(dumpOption));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "tandemd eval risk: cannot write %s\n",
                         qPrintable(parser.value(dumpOption)));
            return 1;
        }
        for (size_t i = 0; i < samples.size(); ++i) {
            const Sample &s = samples[i];
            QJsonArray read; // the signals the concept layer read
            for (size_t k = 0; k < s.reading.size(); ++k)
                if (s.reading[k])
                    read.append(judgement::RiskModel::signalNames().value(qsizetype(k)));
            const QJsonObject line{
                {u"signals"_s, read},
                {u"id"_s, s.id},
                {u"group"_s, s.group < 0 ? u"corpus"_s : QFileInfo(groups.at(s.group)).baseName()},
                {u"crisis"_s, s.crisis},
                {u"phrases"_s, s.phraseSaysCrisis},
                {u"concepts_all"_s, full.saysCrisis(s.reading)},
                {u"any_sign"_s, s.anySign()},
                {u"text"_s, heldOutText[i]},
                {u"target"_s, s.target},
                {u"phrases_target"_s, s.phraseSaysTarget},
                {u"language"_s, s.language},
            };
            out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
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
    printTextReport(textReport);
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
