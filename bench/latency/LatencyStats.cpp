#include "LatencyStats.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace tandem::bench {

qint64 benchNowNs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

LatencySummary LatencySummary::of(std::vector<double> &samplesMs)
{
    LatencySummary s;
    s.count = qsizetype(samplesMs.size());
    if (samplesMs.empty())
        return s;
    std::sort(samplesMs.begin(), samplesMs.end());
    // Nearest rank: the smallest sample with at least p % of the samples at or below it.
    const auto rank = [&](double p) {
        const auto k = qsizetype(std::ceil(p / 100.0 * double(samplesMs.size())));
        return samplesMs[size_t(std::clamp<qsizetype>(k - 1, 0, s.count - 1))];
    };
    s.p50 = rank(50);
    s.p95 = rank(95);
    s.p99 = rank(99);
    s.max = samplesMs.back();
    s.mean = std::accumulate(samplesMs.begin(), samplesMs.end(), 0.0) / double(samplesMs.size());
    return s;
}

QString LatencySummary::toString() const
{
    return u"n=%1 p50=%2 p95=%3 p99=%4 max=%5 mean=%6 ms"_s.arg(count)
        .arg(p50, 0, 'f', 1)
        .arg(p95, 0, 'f', 1)
        .arg(p99, 0, 'f', 1)
        .arg(max, 0, 'f', 1)
        .arg(mean, 0, 'f', 1);
}

} // namespace tandem::bench
