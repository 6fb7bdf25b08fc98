#pragma once

#include "core/Stats.h"

#include <QAbstractTableModel>
#include <QList>

namespace tandem::app {

//! The lead workspace's queue table: one row per queue of GET /stats/queues, plus the open crisis
//! tickets per queue from the local inbox (CrisisRole; CrisisFirstProxy lists those queues
//! first). A new report with the
//! same queues in the same order updates the rows in place (one dataChanged over the rows that
//! changed, explicit roles); only a different set of queues resets the model.
class QueueStatsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        QueueColumn,
        OpenColumn,
        NewLastHourColumn,
        WaitingLongestColumn,
        SlaDueSoonColumn, //!< SLA due within the next hour
        BreachedColumn,
        NeedsHumanColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        QueueIdRole = Qt::UserRole + 1, //!< QString, e.g. "cards"
        SortRole,                       //!< the column's raw value (number or name)
        SeverityRole,                   //!< int: 0 fine, 1 warning (SLA due soon), 2 danger (breached)
        CrisisRole, //!< int: unsolved crisis tickets in the queue (from setCrisisCounts())
    };
    Q_ENUM(Role)

    explicit QueueStatsModel(QObject *parent = nullptr);
    ~QueueStatsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Takes a fresh report (see the class comment for how rows change).
    void setReport(const QueueStatsReport &report);
    const QueueStatsReport &report() const { return m_report; }
    //! Unsolved crisis tickets by queue id, as the desktop's inbox knows them (the server's report
    //! has no such figure). One dataChanged over the rows whose count changed.
    void setCrisisCounts(const QHash<QString, int> &byQueue);
    int crisisCount(const QString &queueId) const { return m_crisis.value(queueId); }

    //! The queue shown at \a row; nullptr when out of range.
    const QueueStats *queueAt(int row) const;
    //! The row of queue \a queueId, -1 if absent.
    int rowOfQueue(const QString &queueId) const;
    //! The hourly buckets of \a queueId, or of all queues together when it is empty.
    QList<HourBucket> hourly(const QString &queueId = {}) const;

    //! "2 h 5 min", "45 min", "< 1 min": durations for people.
    static QString formatDuration(qint64 seconds);

private:
    QVariant displayData(const QueueStats &queue, int column) const;
    QVariant sortData(const QueueStats &queue, int column) const;

    QueueStatsReport m_report;
    QHash<QString, int> m_crisis; //!< by queue id, only queues with one
};

} // namespace tandem::app
