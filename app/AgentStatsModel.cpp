#include "AgentStatsModel.h"

#include "PresenceModel.h"
#include "QueueStatsModel.h"
#include "TicketMime.h"

#include <QMimeData>

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

const QList<int> kChangedRoles = {Qt::DisplayRole,
                                  Qt::ToolTipRole,
                                  AgentStatsModel::SortRole,
                                  AgentStatsModel::PresenceRole,
                                  AgentStatsModel::EmailRole,
                                  AgentStatsModel::AgentRoleRole};

bool samePeople(const QList<AgentStats> &a, const QList<AgentStats> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).userId != b.at(i).userId)
            return false;
    }
    return true;
}

} // namespace

AgentStatsModel::AgentStatsModel(QObject *parent) : QAbstractTableModel(parent) {}

AgentStatsModel::~AgentStatsModel() = default;

int AgentStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.agents.size());
}

int AgentStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AgentStatsModel::presenceText(const QString &presence)
{
    if (presence == u"online")
        return tr("Online");
    if (presence == u"away")
        return tr("Away");
    return tr("Offline");
}

QString AgentStatsModel::presenceOf(const AgentStats &agent) const
{
    return m_liveUsers.contains(agent.userId) ? u"online"_s : agent.presence;
}

QVariant AgentStatsModel::displayData(const AgentStats &agent, int column) const
{
    switch (column) {
    case NameColumn:
        return agent.name.isEmpty() ? agent.email : agent.name;
    case PresenceColumn:
        return presenceText(presenceOf(agent));
    case AssignedColumn:
        return agent.assignedOpen;
    case RepliesTodayColumn:
        return agent.repliesToday;
    case MedianHandleColumn:
        return agent.medianHandleSeconds ? QueueStatsModel::formatDuration(*agent.medianHandleSeconds)
                                         : QString();
    default:
        return {};
    }
}

QVariant AgentStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgentStats &agent = m_report.agents.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(agent, index.column());
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return agent.email;
        if (index.column() == MedianHandleColumn && !agent.medianHandleSeconds)
            return tr("No replies in the last 7 days");
        return {};
    case Qt::TextAlignmentRole:
        return index.column() <= PresenceColumn ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                                : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case UserIdRole:
        return agent.userId;
    case PresenceRole:
        return presenceOf(agent);
    case EmailRole:
        return agent.email;
    case AgentRoleRole:
        return agent.role;
    case SortRole:
        if (index.column() == MedianHandleColumn)
            return agent.medianHandleSeconds ? QVariant(*agent.medianHandleSeconds) : QVariant();
        return displayData(agent, index.column());
    default:
        return {};
    }
}

QVariant AgentStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Agent");
        case PresenceColumn:
            return tr("Presence");
        case AssignedColumn:
            return tr("Assigned");
        case RepliesTodayColumn:
            return tr("Replies today");
        case MedianHandleColumn:
            return tr("Median handle time");
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AssignedColumn:
            return tr("Unsolved tickets assigned to them");
        case RepliesTodayColumn:
            return tr("Public replies since midnight (UTC)");
        case MedianHandleColumn:
            return tr("From the customer's message to their reply, last 7 days");
        default:
            break;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> AgentStatsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(UserIdRole, "userId");
    names.insert(PresenceRole, "presence");
    names.insert(SortRole, "sortValue");
    names.insert(EmailRole, "email");
    names.insert(AgentRoleRole, "role");
    return names;
}

Qt::ItemFlags AgentStatsModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDropEnabled : base;
}

QStringList AgentStatsModel::mimeTypes() const
{
    return ticketmime::types();
}

Qt::DropActions AgentStatsModel::supportedDropActions() const
{
    // Copy only: a "move" would ask the inbox to remove the dragged row.
    return Qt::CopyAction;
}

int AgentStatsModel::targetRow(int row, const QModelIndex &parent) const
{
    // Dropped onto a cell: the parent is that cell. Between rows (row >= 0): not a person.
    if (parent.isValid() && parent.model() == this && !parent.parent().isValid() && row < 0)
        return parent.row() < rowCount() ? parent.row() : -1;
    return -1;
}

bool AgentStatsModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                      const QModelIndex &parent) const
{
    Q_UNUSED(column)
    if (!(action & supportedDropActions()))
        return false;
    return targetRow(row, parent) >= 0 && ticketmime::fromMimeData(data).has_value();
}

bool AgentStatsModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const auto ids = ticketmime::fromMimeData(data);
    Q_EMIT ticketsDropped(*ids, m_report.agents.at(targetRow(row, parent)).userId);
    // Accepted as a copy: the inbox keeps its row (the ticket only changes hands).
    return true;
}

void AgentStatsModel::setReport(const AgentStatsReport &report)
{
    if (!samePeople(m_report.agents, report.agents)) {
        beginResetModel();
        m_report = report;
        endResetModel();
        return;
    }
    int first = -1;
    int last = -1;
    for (int row = 0; row < report.agents.size(); ++row) {
        if (m_report.agents.at(row) == report.agents.at(row))
            continue;
        if (first < 0)
            first = row;
        last = row;
    }
    m_report = report;
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1), kChangedRoles);
}

void AgentStatsModel::setLivePresence(PresenceModel *presence)
{
    if (m_presence)
        disconnect(m_presence, nullptr, this, nullptr);
    m_presence = presence;
    if (presence) {
        connect(presence, &QAbstractItemModel::rowsInserted, this, &AgentStatsModel::refreshLivePresence);
        connect(presence, &QAbstractItemModel::rowsRemoved, this, &AgentStatsModel::refreshLivePresence);
        connect(presence, &QAbstractItemModel::modelReset, this, &AgentStatsModel::refreshLivePresence);
    }
    refreshLivePresence();
}

void AgentStatsModel::refreshLivePresence()
{
    QSet<qint64> live;
    if (m_presence) {
        for (int row = 0; row < m_presence->rowCount(); ++row)
            live.insert(m_presence->data(m_presence->index(row), PresenceModel::UserIdRole).toLongLong());
    }
    if (live == m_liveUsers)
        return;
    const QSet<qint64> changed = (live - m_liveUsers) + (m_liveUsers - live);
    m_liveUsers = live;
    for (qint64 userId : changed) {
        const int row = rowOfUser(userId);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, PresenceColumn), index(row, PresenceColumn),
                               {Qt::DisplayRole, PresenceRole});
    }
}

const AgentStats *AgentStatsModel::agentAt(int row) const
{
    return row >= 0 && row < m_report.agents.size() ? &m_report.agents.at(row) : nullptr;
}

int AgentStatsModel::rowOfUser(qint64 userId) const
{
    for (int row = 0; row < m_report.agents.size(); ++row) {
        if (m_report.agents.at(row).userId == userId)
            return row;
    }
    return -1;
}

} // namespace tandem::app
