#pragma once

#include <QString>

#include <vector>

namespace tandem::bench {

//! Nanoseconds on one monotonic clock shared by everything in the benchmark process.
qint64 benchNowNs();

//! Order statistics of a set of durations in milliseconds (nearest-rank percentiles).
struct LatencySummary
{
    qsizetype count = 0;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
    double mean = 0;

    //! Summarises \a samplesMs (sorted in place).
    static LatencySummary of(std::vector<double> &samplesMs);
    //! "n=40000 p50=12.3 p95=20.1 p99=25.0 max=31.2 mean=13.0 ms".
    QString toString() const;
};

} // namespace tandem::bench
