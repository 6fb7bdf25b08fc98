// Benchmark (not a test): how long `tandem --demo` takes from launch to a rendered, populated
// inbox (the --screenshot mode exits right after the first sync), against the baseline of
// launching the same binary for `--version` in the same run.
//
//   build/release/bench/startup/startup_bench [RUNS]     (QT_QPA_PLATFORM=offscreen is set)
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
double runOnce(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(TANDEM_PATH), args);
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return -1.0;
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    QTemporaryDir dir;
    std::vector<double> baseline;
    std::vector<double> demo;
    for (int i = 0; i < runs; ++i) {
        baseline.push_back(runOnce({u"--version"_s}));
        demo.push_back(runOnce({u"--demo"_s, u"--screenshot"_s, dir.filePath(u"shot.png"_s)}));
    }
    if (std::count(demo.begin(), demo.end(), -1.0) > 0) {
        std::fprintf(stderr, "a demo run failed\n");
        return 1;
    }
    const double b = median(baseline);
    const double d = median(demo);
    std::printf("runs=%d baseline_version_ms=%.1f demo_inbox_ms=%.1f ratio=%.1f\n", runs, b, d, d / b);
    return 0;
}
