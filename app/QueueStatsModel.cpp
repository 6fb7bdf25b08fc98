#include "QueueStatsModel.h"

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

const QList<int> kChangedRoles = {Qt::DisplayRole,
                                  Qt::ToolTipRole,
                                  QueueStatsModel::SortRole,
                                  QueueStatsModel::SeverityRole,
                                  QueueStatsModel::CrisisRole,
                                  Qt::AccessibleTextRole};

bool sameQueues(const QList<QueueStats> &a, const QList<QueueStats> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).queue != b.at(i).queue)
            return false;
    }
    return true;
}

// Only what the table shows: the hourly buckets change every hour and do not affect a row.
bool sameRow(const QueueStats &a, const QueueStats &b)
{
    return a.name == b.name && a.open == b.open && a.newLastHour == b.newLastHour &&
           a.oldestWaitingSeconds == b.oldestWaitingSeconds && a.slaDueWithinHour == b.slaDueWithinHour &&
           a.breached == b.breached && a.needsHuman == b.needsHuman;
}

} // namespace

QueueStatsModel::QueueStatsModel(QObject *parent) : QAbstractTableModel(parent) {}

QueueStatsModel::~QueueStatsModel() = default;

int QueueStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.queues.size());
}

int QueueStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString QueueStatsModel::formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return tr("< 1 min");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QVariant QueueStatsModel::displayData(const QueueStats &queue, int column) const
{
    switch (column) {
    case QueueColumn:
        return queue.name.isEmpty() ? queue.queue : queue.name;
    case OpenColumn:
        return queue.open;
    case NewLastHourColumn:
        return queue.newLastHour;
    case WaitingLongestColumn:
        return queue.oldestWaitingSeconds > 0 ? formatDuration(queue.oldestWaitingSeconds) : QString();
    case SlaDueSoonColumn:
        return queue.slaDueWithinHour;
    case BreachedColumn:
        return queue.breached;
    case NeedsHumanColumn:
        return queue.needsHuman;
    default:
        return {};
    }
}

QVariant QueueStatsModel::sortData(const QueueStats &queue, int column) const
{
    // The waiting time sorts by seconds, not by its text; the rest by what is shown.
    return column == WaitingLongestColumn ? QVariant(queue.oldestWaitingSeconds) : displayData(queue, column);
}

QVariant QueueStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueStats &queue = m_report.queues.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(queue, index.column());
    case Qt::ToolTipRole:
        if (index.column() == QueueColumn && m_crisis.value(queue.queue) > 0)
            return tr("%n crisis ticket(s): a person must read them now", nullptr,
                      m_crisis.value(queue.queue));
        if (index.column() == WaitingLongestColumn && queue.oldestWaitingTicketId)
            return tr("Ticket #%1 has waited longest").arg(*queue.oldestWaitingTicketId);
        if (index.column() == BreachedColumn && queue.breached > 0)
            return tr("%n open ticket(s) past their SLA", nullptr, queue.breached);
        return {};
    case Qt::AccessibleTextRole:
        // The crisis chip is only painted: say it.
        if (index.column() == QueueColumn && m_crisis.value(queue.queue) > 0)
            return tr("%1, %n crisis ticket(s)", nullptr, m_crisis.value(queue.queue))
                .arg(displayData(queue, QueueColumn).toString());
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == QueueColumn ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                             : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case QueueIdRole:
        return queue.queue;
    case SortRole:
        return sortData(queue, index.column());
    case CrisisRole:
        return m_crisis.value(queue.queue);
    case SeverityRole:
        if (index.column() == BreachedColumn && queue.breached > 0)
            return 2;
        if (index.column() == SlaDueSoonColumn && queue.slaDueWithinHour > 0)
            return 1;
        return 0;
    default:
        return {};
    }
}

QVariant QueueStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case QueueColumn:
            return tr("Queue");
        case OpenColumn:
            return tr("Open");
        case NewLastHourColumn:
            return tr("New (1 h)");
        case WaitingLongestColumn:
            return tr("Waiting longest");
        case SlaDueSoonColumn:
            return tr("SLA due < 1 h");
        case BreachedColumn:
            return tr("Breached");
        case NeedsHumanColumn:
            return tr("Needs human");
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case OpenColumn:
            return tr("Tickets that are new, open or pending");
        case NewLastHourColumn:
            return tr("Tickets created in the last 60 minutes");
        case WaitingLongestColumn:
            return tr("Age of the oldest unsolved ticket");
        case SlaDueSoonColumn:
            return tr("Unsolved tickets whose SLA ends within the next hour");
        case BreachedColumn:
            return tr("Unsolved tickets past their SLA");
        case NeedsHumanColumn:
            return tr("Unsolved tickets the AI handed to a person");
        default:
            break;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> QueueStatsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(QueueIdRole, "queueId");
    names.insert(SortRole, "sortValue");
    names.insert(SeverityRole, "severity");
    names.insert(CrisisRole, "crisis");
    return names;
}

void QueueStatsModel::setReport(const QueueStatsReport &report)
{
    if (!sameQueues(m_report.queues, report.queues)) {
        beginResetModel();
        m_report = report;
        endResetModel();
        return;
    }
    int first = -1;
    int last = -1;
    for (int row = 0; row < report.queues.size(); ++row) {
        if (sameRow(m_report.queues.at(row), report.queues.at(row)))
            continue;
        if (first < 0)
            first = row;
        last = row;
    }
    m_report = report;
    // One coalesced signal per report, over the changed rows only.
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1), kChangedRoles);
}

void QueueStatsModel::setCrisisCounts(const QHash<QString, int> &byQueue)
{
    QHash<QString, int> counts;
    for (auto it = byQueue.cbegin(); it != byQueue.cend(); ++it) {
        if (it.value() > 0)
            counts.insert(it.key(), it.value());
    }
    if (counts == m_crisis)
        return;
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_report.queues.size(); ++row) {
        const QString &queue = m_report.queues.at(row).queue;
        if (counts.value(queue) == m_crisis.value(queue))
            continue;
        if (first < 0)
            first = row;
        last = row;
    }
    m_crisis = counts;
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1), kChangedRoles);
}

const QueueStats *QueueStatsModel::queueAt(int row) const
{
    return row >= 0 && row < m_report.queues.size() ? &m_report.queues.at(row) : nullptr;
}

int QueueStatsModel::rowOfQueue(const QString &queueId) const
{
    for (int row = 0; row < m_report.queues.size(); ++row) {
        if (m_report.queues.at(row).queue == queueId)
            return row;
    }
    return -1;
}

QList<HourBucket> QueueStatsModel::hourly(const QString &queueId) const
{
    if (queueId.isEmpty())
        return m_report.hourly;
    const int row = rowOfQueue(queueId);
    return row >= 0 ? m_report.queues.at(row).hourly : QList<HourBucket>{};
}

} // namespace tandem::app
