// `tandemd train-intents` and `tandemd eval intents`: train, persist and measure the intent model.
#include "server/tools/IntentCommands.h"

#include "server/drafting/intent/IntentClassifier.h"
#include "server/drafting/intent/IntentMetrics.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>
#include <cstdio>
#include <random>

using namespace Qt::StringLiterals;

namespace tandem::server {

using namespace intent;

namespace {

using Examples = QList<QPair<QString, QString>>;

constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;
const double Coverages[] = {0.5, 0.7, 0.8, 0.9};

void printOut(const QString &text)
{
    QTextStream(stdout) << text << Qt::endl;
}

void printErr(const QString &text)
{
    QTextStream(stderr) << u"tandemd: "_s << text << Qt::endl;
}

//! Options shared by both commands: the model's knobs (defaults from TrainOptions).
void addTrainingOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"C"_s, u"LIBLINEAR regularisation C."_s, u"c"_s},
        {u"solver"_s, u"LIBLINEAR solver (1 = L2-loss SVM dual, 7 = LR dual, 4 = Crammer-Singer)."_s, u"n"_s},
        {u"no-stem"_s, u"Do not stem word features."_s},
        {u"min-df"_s, u"Drop n-grams seen in fewer training messages."_s, u"n"_s},
        {u"char-min"_s, u"Shortest character n-gram."_s, u"n"_s},
        {u"char-max"_s, u"Longest character n-gram (0 disables character n-grams)."_s, u"n"_s},
        {u"word-weight"_s, u"Weight of word features relative to character features."_s, u"w"_s},
        {u"oos-quantile"_s, u"Share of held-out in-domain messages the out-of-scope test may reject."_s,
         u"q"_s},
        {u"coverage"_s, u"Default target coverage of the saved model."_s, u"x"_s},
        {u"seed"_s, u"Random seed for folds."_s, u"n"_s},
        {u"calibration-folds"_s, u"Held-out folds used for calibration."_s, u"k"_s},
        {u"near-copy"_s,
         u"Similarity from which a message counts as a training message and gets its held-out "
         "confidence (above 1: never)."_s,
         u"s"_s},
    });
}

bool readNumber(const QCommandLineParser &parser, const QString &name, double *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        *error = u"--%1 needs a number"_s.arg(name);
        return false;
    }
    *out = value;
    return true;
}

std::optional<TrainOptions> trainingOptions(const QCommandLineParser &parser, QString *error)
{
    TrainOptions o;
    double solver = o.solver;
    double minDf = o.minDf;
    double charMax = o.charMax;
    double charMin = o.charMin;
    double seed = o.seed;
    double calibrationFolds = o.calibrationFolds;
    if (!readNumber(parser, u"C"_s, &o.regularisation, error) ||
        !readNumber(parser, u"solver"_s, &solver, error) || !readNumber(parser, u"min-df"_s, &minDf, error) ||
        !readNumber(parser, u"char-max"_s, &charMax, error) ||
        !readNumber(parser, u"char-min"_s, &charMin, error) ||
        !readNumber(parser, u"word-weight"_s, &o.wordWeight, error) ||
        !readNumber(parser, u"oos-quantile"_s, &o.oosQuantile, error) ||
        !readNumber(parser, u"coverage"_s, &o.defaultCoverage, error) ||
        !readNumber(parser, u"seed"_s, &seed, error) ||
        !readNumber(parser, u"calibration-folds"_s, &calibrationFolds, error) ||
        !readNumber(parser, u"near-copy"_s, &o.nearCopySimilarity, error))
        return std::nullopt;
    if (o.regularisation <= 0) {
        *error = u"--C must be positive"_s;
        return std::nullopt;
    }
    o.solver = int(solver);
    o.minDf = int(minDf);
    o.charMax = int(charMax);
    o.charMin = int(charMin);
    if (o.charMax <= 0)
        o.charMin = 0;
    o.seed = unsigned(seed);
    o.calibrationFolds = int(calibrationFolds);
    o.stem = !parser.isSet(u"no-stem"_s);
    return o;
}

std::optional<QStringList> readLines(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = path + u": "_s + file.errorString();
        return std::nullopt;
    }
    QStringList lines;
    const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : all) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

//! Accumulates the metrics of one or several (cross-validation) evaluations.
struct Evaluation
{
    QList<QJsonObject> folds;
    QList<ScoredPrediction> pooled; //!< every fold's test predictions
    std::vector<double> latenciesMs;
    QTextStream *predictions = nullptr; //!< --predictions: one TSV line per test message

    void evaluate(const IntentClassifier &model, const Examples &test, const QStringList &oos,
                  double trainSeconds)
    {
        QList<ScoredPrediction> scored;
        int inDomainOutOfScope = 0;
        QElapsedTimer timer;
        for (const auto &[text, truth] : test) {
            timer.start();
            const IntentPrediction p = model.predict(text, 0.8);
            latenciesMs.push_back(double(timer.nsecsElapsed()) / 1e6);
            scored.append({truth.trimmed(), p.intent, p.confidence});
            inDomainOutOfScope += p.outOfScope ? 1 : 0;
            writePrediction(truth.trimmed(), p, text);
        }
        pooled += scored;
        QJsonObject fold;
        fold[u"accuracy"_s] = accuracy(scored);
        fold[u"macro_f1"_s] = macroF1(scored);
        const double auroc = aurocOfConfidence(scored);
        fold[u"auroc"_s] = std::isnan(auroc) ? QJsonValue() : QJsonValue(auroc);
        fold[u"ece"_s] = expectedCalibrationError(scored);
        double confidenceSum = 0;
        for (const ScoredPrediction &p : std::as_const(scored))
            confidenceSum += p.confidence;
        fold[u"mean_confidence"_s] = scored.isEmpty() ? 0.0 : confidenceSum / double(scored.size());
        QJsonObject coverage;
        for (const double c : Coverages)
            coverage[QString::number(c)] = accuracyAtCoverage(scored, c);
        fold[u"coverage_accuracy"_s] = coverage;
        fold[u"threshold_80"_s] = model.thresholdForCoverage(0.8);
        // In-domain messages wrongly called out of scope (the price of the OOS detector).
        fold[u"test_out_of_scope"_s] =
            test.isEmpty() ? 0.0 : double(inDomainOutOfScope) / double(test.size());
        fold[u"train_seconds"_s] = trainSeconds;
        if (!oos.isEmpty()) {
            int escalated = 0;
            int outOfScope = 0;
            for (const QString &text : oos) {
                timer.start();
                const IntentPrediction p = model.predict(text, 0.8);
                latenciesMs.push_back(double(timer.nsecsElapsed()) / 1e6);
                escalated += p.needsHuman() ? 1 : 0;
                outOfScope += p.outOfScope ? 1 : 0;
                writePrediction(QString(), p, text);
            }
            fold[u"oos_escalated"_s] = double(escalated) / double(oos.size());
            fold[u"oos_out_of_scope"_s] = double(outOfScope) / double(oos.size());
        }
        folds.append(fold);
    }

    //! fold, truth ("" for --oos lines), predicted, confidence, abstain, out of scope, text.
    void writePrediction(const QString &truth, const IntentPrediction &p, const QString &text)
    {
        if (!predictions)
            return;
        QString flat = text;
        flat.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
        *predictions << folds.size() << u'\t' << truth << u'\t' << p.intent << u'\t'
                     << QString::number(p.confidence, 'f', 6) << u'\t' << int(p.abstain) << u'\t'
                     << int(p.outOfScope) << u'\t' << flat << u'\n';
    }

    //! The mean over folds of every number (and of each coverage_accuracy entry).
    QJsonObject summary() const
    {
        QJsonObject result;
        const auto mean = [&](const QString &key, const QString &sub = {}) {
            double sum = 0;
            int count = 0;
            for (const QJsonObject &f : folds) {
                const QJsonValue v = sub.isEmpty() ? f.value(key) : f.value(key).toObject().value(sub);
                if (v.isDouble()) {
                    sum += v.toDouble();
                    ++count;
                }
            }
            return count ? QJsonValue(sum / count) : QJsonValue();
        };
        for (const QString &key : folds.first().keys()) {
            if (key == u"coverage_accuracy"_s) {
                QJsonObject coverage;
                for (const double c : Coverages)
                    coverage[QString::number(c)] = mean(key, QString::number(c));
                result[key] = coverage;
            } else {
                result[key] = mean(key);
            }
        }
        result[u"ece_bins"_s] = CalibrationBins;
        // Small test folds leave few messages per bin, which inflates the mean of per-fold ECE.
        if (folds.size() > 1)
            result[u"ece_pooled"_s] = expectedCalibrationError(pooled);
        result[u"predict_p99_ms"_s] = percentile(latenciesMs, 99);
        result[u"predict_p50_ms"_s] = percentile(latenciesMs, 50);
        return result;
    }
};

std::optional<IntentClassifier> timedTrain(const Examples &data, const TrainOptions &options, double *seconds,
                                           QString *error)
{
    QElapsedTimer timer;
    timer.start();
    auto model = IntentClassifier::train(data, options, error);
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    return model;
}

int evalIntents(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Evaluates the intent model."_s);
    parser.addOptions({
        {u"train"_s, u"Labelled CSV (text + intent|category) to train on."_s, u"csv"_s},
        {u"test"_s, u"Labelled CSV to evaluate on."_s, u"csv"_s},
        {u"model"_s, u"Evaluate a saved model instead of training one."_s, u"path"_s},
        {u"cv"_s, u"K-fold cross-validation on --train instead of --test."_s, u"k"_s},
        {u"oos"_s, u"Out-of-scope messages, one per line."_s, u"txt"_s},
        {u"json"_s, u"Print one JSON object."_s},
        {u"predictions"_s,
         u"Write every test and --oos message's prediction to a TSV file (fold, truth, predicted, "
         "confidence, abstain, out of scope, text)."_s,
         u"tsv"_s},
    });
    addTrainingOptions(parser);
    if (!parser.parse(QStringList{u"tandemd eval intents"_s} + args)) {
        printErr(parser.errorText());
        return ExitUsage;
    }
    QString error;
    const auto options = trainingOptions(parser, &error);
    if (!options) {
        printErr(error);
        return ExitUsage;
    }
    const bool cv = parser.isSet(u"cv"_s);
    const int folds = parser.value(u"cv"_s).toInt();
    if (cv && (folds < 2 || folds > 20 || !parser.isSet(u"train"_s))) {
        printErr(u"--cv needs a fold count between 2 and 20 and --train"_s);
        return ExitUsage;
    }
    if (!cv && (!parser.isSet(u"test"_s) || parser.isSet(u"train"_s) == parser.isSet(u"model"_s))) {
        printErr(u"usage: eval intents (--train A.csv | --model M) --test B.csv [--oos C.txt] [--json], "
                 "or eval intents --train A.csv --cv 5"_s);
        return ExitUsage;
    }
    QStringList oos;
    if (parser.isSet(u"oos"_s)) {
        const auto lines = readLines(parser.value(u"oos"_s), &error);
        if (!lines) {
            printErr(error);
            return ExitFailure;
        }
        oos = *lines;
    }

    Evaluation evaluation;
    QFile predictionsFile;
    QTextStream predictions;
    if (parser.isSet(u"predictions"_s)) {
        predictionsFile.setFileName(parser.value(u"predictions"_s));
        if (!predictionsFile.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
            printErr(predictionsFile.fileName() + u": "_s + predictionsFile.errorString());
            return ExitFailure;
        }
        predictions.setDevice(&predictionsFile);
        predictions << u"fold\ttruth\tpredicted\tconfidence\tabstain\tout_of_scope\ttext\n"_s;
        evaluation.predictions = &predictions;
    }
    Examples train;
    if (parser.isSet(u"train"_s)) {
        const auto rows = readLabelledCsv(parser.value(u"train"_s), &error);
        if (!rows) {
            printErr(error);
            return ExitFailure;
        }
        train = *rows;
    }
    if (cv) {
        // Stratification is not needed for the outer split: a seeded shuffle keeps it reproducible.
        QList<int> order(train.size());
        std::iota(order.begin(), order.end(), 0);
        std::mt19937 rng(options->seed + 1);
        std::shuffle(order.begin(), order.end(), rng);
        for (int k = 0; k < folds; ++k) {
            Examples trainPart;
            Examples testPart;
            for (qsizetype i = 0; i < order.size(); ++i)
                (i % folds == k ? testPart : trainPart).append(train[order[i]]);
            double seconds = 0;
            const auto model = timedTrain(trainPart, *options, &seconds, &error);
            if (!model) {
                printErr(error);
                return ExitFailure;
            }
            evaluation.evaluate(*model, testPart, oos, seconds);
        }
    } else {
        const auto test = readLabelledCsv(parser.value(u"test"_s), &error);
        if (!test) {
            printErr(error);
            return ExitFailure;
        }
        double seconds = 0;
        const auto model = parser.isSet(u"model"_s) ? IntentClassifier::load(parser.value(u"model"_s), &error)
                                                    : timedTrain(train, *options, &seconds, &error);
        if (!model) {
            printErr(error);
            return ExitFailure;
        }
        evaluation.evaluate(*model, *test, oos, seconds);
    }
    QJsonObject summary = evaluation.summary();
    if (cv)
        summary[u"folds"_s] = folds;
    if (parser.isSet(u"json"_s)) {
        printOut(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    } else {
        for (auto it = summary.constBegin(); it != summary.constEnd(); ++it) {
            const QString value =
                it->isObject()
                    ? QString::fromUtf8(QJsonDocument(it->toObject()).toJson(QJsonDocument::Compact))
                    : QString::number(it->toDouble(), 'g', 6);
            printOut(it.key() + u": "_s + value);
        }
    }
    return ExitOk;
}

int trainIntents(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Trains the intent model and saves it."_s);
    parser.addOptions({
        {u"data"_s, u"Labelled CSV (text + intent|category)."_s, u"csv"_s},
        {u"out"_s, u"Where to write the model."_s, u"path"_s},
    });
    addTrainingOptions(parser);
    if (!parser.parse(QStringList{u"tandemd train-intents"_s} + args)) {
        printErr(parser.errorText());
        return ExitUsage;
    }
    if (!parser.isSet(u"data"_s) || !parser.isSet(u"out"_s)) {
        printErr(u"usage: train-intents --data X.csv --out MODEL"_s);
        return ExitUsage;
    }
    QString error;
    const auto options = trainingOptions(parser, &error);
    if (!options) {
        printErr(error);
        return ExitUsage;
    }
    const auto data = readLabelledCsv(parser.value(u"data"_s), &error);
    if (!data) {
        printErr(error);
        return ExitFailure;
    }
    double seconds = 0;
    const auto model = timedTrain(*data, *options, &seconds, &error);
    if (!model || !model->save(parser.value(u"out"_s), &error)) {
        printErr(error);
        return ExitFailure;
    }
    printOut(u"trained %1 intents from %2 examples in %3 s; threshold at 80% coverage %4; saved to %5"_s
                 .arg(model->intents().size())
                 .arg(model->exampleCount())
                 .arg(seconds, 0, 'f', 2)
                 .arg(model->thresholdForCoverage(0.8), 0, 'f', 4)
                 .arg(parser.value(u"out"_s)));
    return ExitOk;
}

} // namespace

int runIntentCommand(const QStringList &args)
{
    if (!args.isEmpty() && args.first() == u"train-intents"_s)
        return trainIntents(args.mid(1));
    if (args.size() >= 2 && args[0] == u"eval"_s && args[1] == u"intents"_s)
        return evalIntents(args.mid(2));
    printErr(u"unknown intent command; use `train-intents` or `eval intents`"_s);
    return ExitUsage;
}

} // namespace tandem::server
