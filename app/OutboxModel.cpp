#include "OutboxModel.h"

#include "LocalStore.h"
#include "Outbox.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::app {

namespace {

QString stateText(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return OutboxModel::tr("Queued");
    case OutboxState::Sending:
        return OutboxModel::tr("Sending");
    case OutboxState::Conflict:
        return OutboxModel::tr("Ticket changed");
    case OutboxState::Failed:
        return OutboxModel::tr("Failed");
    }
    return {};
}

} // namespace

OutboxModel::OutboxModel(Outbox *outbox, LocalStore *store, QObject *parent)
    : QAbstractListModel(parent), m_outbox(outbox), m_store(store)
{
    connect(m_outbox, &Outbox::itemChanged, this, &OutboxModel::refreshItem);
}

OutboxModel::~OutboxModel() = default;

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const auto ticket = m_store->ticket(item.ticketId);
        const QString subject = ticket ? ticket->subject : tr("Ticket %1").arg(item.ticketId);
        return tr("%1 — %2").arg(subject, stateText(item.state));
    }
    case Qt::ToolTipRole:
        return item.error.isEmpty() ? stateText(item.state) : item.error;
    case OutboxIdRole:
        return item.id;
    case TicketIdRole:
        return item.ticketId;
    case SubjectRole: {
        const auto ticket = m_store->ticket(item.ticketId);
        return ticket ? ticket->subject : QString();
    }
    case BodyRole:
        return item.request.body;
    case StateRole:
        return toString(item.state);
    case StateValueRole:
        return int(item.state);
    case ErrorRole:
        return item.error;
    case CreatedAtRole:
        return item.createdAt;
    case AttemptsRole:
        return item.attempts;
    case CanRetryRole:
        return item.state != OutboxState::Sending;
    case CanDiscardRole:
        return item.state != OutboxState::Sending;
    default:
        return {};
    }
}

QHash<int, QByteArray> OutboxModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(OutboxIdRole, "outboxId");
    names.insert(TicketIdRole, "ticketId");
    names.insert(SubjectRole, "subject");
    names.insert(BodyRole, "body");
    names.insert(StateRole, "state");
    names.insert(StateValueRole, "stateValue");
    names.insert(ErrorRole, "error");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(AttemptsRole, "attempts");
    names.insert(CanRetryRole, "canRetry");
    names.insert(CanDiscardRole, "canDiscard");
    return names;
}

void OutboxModel::reload()
{
    beginResetModel();
    m_items = m_outbox->items();
    endResetModel();
}

int OutboxModel::rowOf(qint64 outboxId) const
{
    const auto it = std::lower_bound(m_items.cbegin(), m_items.cend(), outboxId,
                                     [](const OutboxItem &item, qint64 id) { return item.id < id; });
    return it != m_items.cend() && it->id == outboxId ? int(it - m_items.cbegin()) : -1;
}

void OutboxModel::refreshItem(qint64 outboxId)
{
    const auto item = m_store->outboxItem(outboxId);
    const int row = rowOf(outboxId);
    if (!item) {
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_items.removeAt(row);
        endRemoveRows();
        return;
    }
    if (row >= 0) {
        m_items[row] = *item;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    // Rows are ordered by id (the drain order); a new row is almost always the last.
    const auto it = std::lower_bound(m_items.cbegin(), m_items.cend(), outboxId,
                                     [](const OutboxItem &existing, qint64 id) { return existing.id < id; });
    const int at = int(it - m_items.cbegin());
    beginInsertRows({}, at, at);
    m_items.insert(at, *item);
    endInsertRows();
}

void OutboxModel::retry(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    const OutboxItem &item = m_items.at(row);
    switch (item.state) {
    case OutboxState::Conflict:
        m_outbox->resendIgnoringConflict(item.id);
        break;
    case OutboxState::Failed:
        m_outbox->retryFailed(item.id);
        break;
    case OutboxState::Queued:
        m_outbox->retryNow();
        break;
    case OutboxState::Sending:
        break;
    }
}

bool OutboxModel::discard(int row)
{
    if (row < 0 || row >= m_items.size())
        return false;
    return m_outbox->discard(m_items.at(row).id);
}

} // namespace tandem::app
