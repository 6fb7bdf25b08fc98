// Benchmark (not a test): how long `tandem --demo` takes from launch to a rendered, populated
// inbox (the --screenshot mode exits right after the first sync), against the baseline of
// launching the same binary for `--version` in the same run.
//
//   build/release/bench/startup/startup_bench [RUNS] [--fresh-cache]   (QT_QPA_PLATFORM=offscreen)
//
// --fresh-cache gives every run an empty XDG cache and data directory: the first start of a new
// install (the demo model then comes from the build's share/tandem, not from the user's cache).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
double runOnce(const QStringList &args, bool freshCache)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    QTemporaryDir home;
    if (freshCache) {
        env.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    }
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
    const QStringList args = app.arguments().mid(1);
    const bool freshCache = args.contains(u"--fresh-cache"_s);
    int runs = 5;
    for (const QString &arg : args) {
        if (arg.toInt() > 0)
            runs = arg.toInt();
    }
    QTemporaryDir dir;
    std::vector<double> baseline;
    std::vector<double> demo;
    for (int i = 0; i < runs; ++i) {
        baseline.push_back(runOnce({u"--version"_s}, freshCache));
        demo.push_back(runOnce({u"--demo"_s, u"--screenshot"_s, dir.filePath(u"shot.png"_s)}, freshCache));
    }
    if (std::count(demo.begin(), demo.end(), -1.0) > 0) {
        std::fprintf(stderr, "a demo run failed\n");
        return 1;
    }
    const double b = median(baseline);
    const double d = median(demo);
    std::printf("cache=%s ", freshCache ? "fresh" : "warm");
    std::printf("runs=%d baseline_version_ms=%.1f demo_inbox_ms=%.1f ratio=%.1f\n", runs, b, d, d / b);
    return 0;
}
