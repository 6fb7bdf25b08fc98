#pragma once

#include "core/Stats.h"

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace tandem::ui {

//! Arrivals vs solved tickets per hour over the last 24 hours (Qt Charts): two line series on a
//! time axis, coloured from the palette (light and dark themes), with an accessible description
//! that says the totals in words.
class ArrivalsChart : public QChartView
{
    Q_OBJECT

public:
    explicit ArrivalsChart(QWidget *parent = nullptr);
    ~ArrivalsChart() override;

    //! Shows \a buckets (oldest first) for \a scope ("All queues", "Cards").
    void setBuckets(const QList<tandem::HourBucket> &buckets, const QString &scope);

    QLineSeries *arrivalsSeries() const { return m_arrivals; }
    QLineSeries *solvedSeries() const { return m_solved; }
    QString scope() const { return m_scope; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QLineSeries *m_arrivals = nullptr;
    QLineSeries *m_solved = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    QString m_scope;
};

} // namespace tandem::ui
