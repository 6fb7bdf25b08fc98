// intent_bench: training time, model size, load time and prediction latency of the intent model.
//   intent_bench DATA.csv [ROWS]
#include "server/drafting/intent/IntentClassifier.h"
#include "server/drafting/intent/IntentMetrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tandem::server;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    if (args.size() < 2) {
        out << "usage: intent_bench DATA.csv [ROWS]" << Qt::endl;
        return 2;
    }
    QString error;
    auto data = readLabelledCsv(args[1], &error);
    if (!data) {
        out << error << Qt::endl;
        return 1;
    }
    if (args.size() > 2)
        *data = data->first(std::min<qsizetype>(data->size(), args[2].toLongLong()));

    QElapsedTimer timer;
    timer.start();
    const auto model = IntentClassifier::train(*data, TrainOptions{}, &error);
    const double trainSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!model) {
        out << error << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(u"model.tim"_s);
    timer.start();
    if (!model->save(path, &error)) {
        out << error << Qt::endl;
        return 1;
    }
    const double saveMs = double(timer.nsecsElapsed()) / 1e6;
    timer.start();
    const auto loaded = IntentClassifier::load(path, &error);
    const double loadMs = double(timer.nsecsElapsed()) / 1e6;
    if (!loaded) {
        out << error << Qt::endl;
        return 1;
    }
    std::vector<double> latencies;
    for (int round = 0; round < 3; ++round) {
        for (const auto &[text, intent] : *data) {
            timer.start();
            const IntentPrediction p = loaded->predict(text);
            latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
            Q_UNUSED(p);
        }
    }
    out << "examples " << data->size() << ", intents " << loaded->intents().size() << Qt::endl
        << "train_seconds " << trainSeconds << Qt::endl
        << "model_bytes " << QFileInfo(path).size() << ", save_ms " << saveMs << ", load_ms " << loadMs
        << Qt::endl
        << "predict_ms p50 " << intent::percentile(latencies, 50) << ", p99 "
        << intent::percentile(latencies, 99) << ", max "
        << *std::max_element(latencies.begin(), latencies.end()) << Qt::endl;
    return 0;
}
