#include "ArrivalsChart.h"

#include "Theme.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::ui {

ArrivalsChart::ArrivalsChart(QWidget *parent) : QChartView(parent)
{
    setObjectName(u"arrivalsChart"_s);
    setAccessibleName(tr("Arrivals and solved per hour"));
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::TabFocus);
    setMinimumHeight(180);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    m_arrivals = new QLineSeries(chart);
    m_arrivals->setName(tr("Arrivals"));
    m_arrivals->setPointsVisible(true);
    m_solved = new QLineSeries(chart);
    m_solved->setName(tr("Solved"));
    m_solved->setPointsVisible(true);
    chart->addSeries(m_arrivals);
    chart->addSeries(m_solved);

    m_timeAxis = new QDateTimeAxis(chart);
    m_timeAxis->setFormat(u"HH:mm"_s);
    m_timeAxis->setTickCount(7);
    m_timeAxis->setTitleText(tr("Hour"));
    m_countAxis = new QValueAxis(chart);
    m_countAxis->setLabelFormat(u"%d"_s);
    m_countAxis->setTitleText(tr("Tickets"));
    m_countAxis->setRange(0, 1);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (QLineSeries *series : {m_arrivals, m_solved}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_countAxis);
    }
    setChart(chart); // the view owns the chart
    applyPalette();
    setBuckets({}, tr("All queues"));
}

ArrivalsChart::~ArrivalsChart() = default;

void ArrivalsChart::setBuckets(const QList<HourBucket> &buckets, const QString &scope)
{
    m_scope = scope;
    QList<QPointF> arrivals;
    QList<QPointF> solved;
    arrivals.reserve(buckets.size());
    solved.reserve(buckets.size());
    int top = 0;
    int totalArrivals = 0;
    int totalSolved = 0;
    for (const HourBucket &bucket : buckets) {
        // The time axis works in local time: the hour labels read as the lead's clock.
        const auto x = qreal(bucket.hourStart.toMSecsSinceEpoch());
        arrivals.append({x, qreal(bucket.arrivals)});
        solved.append({x, qreal(bucket.solved)});
        top = std::max({top, bucket.arrivals, bucket.solved});
        totalArrivals += bucket.arrivals;
        totalSolved += bucket.solved;
    }
    m_arrivals->replace(arrivals);
    m_solved->replace(solved);
    if (!buckets.isEmpty()) {
        m_timeAxis->setRange(buckets.first().hourStart.toLocalTime(), buckets.last().hourStart.toLocalTime());
    }
    // Whole-number ticks: a top rounded up to an even count keeps the labels integral.
    const int roundedTop = std::max(2, top + (top % 2));
    m_countAxis->setRange(0, roundedTop);
    m_countAxis->setTickCount(std::min(roundedTop, 6) + 1);
    if (roundedTop > 6)
        m_countAxis->applyNiceNumbers();
    chart()->setTitle(tr("Arrivals and solved per hour, last 24 h: %1").arg(scope));
    setAccessibleDescription(
        tr("%1: %2 tickets arrived and %3 were solved in the last %n hour(s)", nullptr, int(buckets.size()))
            .arg(scope)
            .arg(totalArrivals)
            .arg(totalSolved));
}

void ArrivalsChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ArrivalsChart::applyPalette()
{
    const QPalette pal = palette();
    QChart *c = chart();
    c->setTheme(theme::isDark(pal) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The theme resets colours: follow the application palette on top of it.
    c->setBackgroundBrush(pal.brush(QPalette::Base));
    c->setBackgroundRoundness(0);
    c->setTitleBrush(pal.brush(QPalette::Text));
    c->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_countAxis)}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.brush(QPalette::Text));
        axis->setGridLineColor(theme::blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.15));
    }
    QPen arrivals(pal.color(QPalette::Highlight));
    arrivals.setWidth(2);
    m_arrivals->setPen(arrivals);
    QPen solved(theme::successColor(pal));
    solved.setWidth(2);
    m_solved->setPen(solved);
    setBackgroundBrush(pal.brush(QPalette::Base));
}

} // namespace tandem::ui
