// InboxModel: what the views read (data, headers, role names, drag data). Split from InboxModel.cpp,
// which keeps the rows, the counts and the incremental updates (their order: InboxModelOrder.cpp).
#include "InboxModel.h"
#include "ReasonText.h"
#include "TicketMime.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::app {

namespace {

QDateTime timeOf(qint64 ms)
{
    return ms == std::numeric_limits<qint64>::min() ? QDateTime()
                                                    : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

QHash<int, QByteArray> InboxModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(TicketIdRole, "ticketId");
    names.insert(NeedsHumanRole, "needsHuman");
    names.insert(AssigneeIdRole, "assigneeId");
    names.insert(SlaDueRole, "slaDue");
    names.insert(VersionRole, "version");
    names.insert(StatusRole, "status");
    names.insert(PriorityRole, "priority");
    names.insert(QueueIdRole, "queueId");
    names.insert(ConfidenceRole, "confidence");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(CustomerEmailRole, "customerEmail");
    names.insert(SortRole, "sortValue");
    names.insert(PresenceRole, "presence");
    names.insert(PresenceStateRole, "presenceState");
    names.insert(AssigneeNameRole, "assigneeName");
    names.insert(ReasonCodesRole, "reasonCodes");
    names.insert(CrisisRole, "crisis");
    return names;
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn:
        return tr("Subject");
    case CustomerColumn:
        return tr("Customer");
    case QueueColumn:
        return tr("Queue");
    case PriorityColumn:
        return tr("Priority");
    case StatusColumn:
        return tr("Status");
    case LanguageColumn:
        return tr("Language");
    case SlaDueColumn:
        return tr("SLA due");
    case ConfidenceColumn:
        return tr("AI confidence");
    default:
        return {};
    }
}

QVariant InboxModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case SubjectColumn:
        return row.subject;
    case CustomerColumn:
        return row.customerName.isEmpty() ? row.customerEmail : row.customerName;
    case QueueColumn:
        return queueDisplayName(m_queues.at(row.queue));
    case PriorityColumn:
        return priorityDisplayName(Priority(row.priority));
    case StatusColumn:
        return statusDisplayName(TicketStatus(row.status));
    case LanguageColumn:
        return m_languages.at(row.language);
    case SlaDueColumn: {
        if (row.slaDueMs == kNoTime)
            return QString();
        const qint64 minutes = (row.slaDueMs - QDateTime::currentMSecsSinceEpoch()) / 60000;
        const qint64 magnitude = std::abs(minutes);
        const QString amount = magnitude < 60
                                   ? tr("%n min", nullptr, int(magnitude))
                                   : (magnitude < 48 * 60 ? tr("%n h", nullptr, int(magnitude / 60))
                                                          : tr("%n d", nullptr, int(magnitude / 1440)));
        return minutes < 0 ? tr("overdue %1").arg(amount) : tr("in %1").arg(amount);
    }
    case ConfidenceColumn:
        return row.confidence < 0 ? QString() : tr("%1 %").arg(qRound(row.confidence * 100.0f));
    default:
        return {};
    }
}

QVariant InboxModel::sortData(const Row &row, int column) const
{
    switch (column) {
    case SubjectColumn:
        return row.subject;
    case CustomerColumn:
        return row.customerName;
    case QueueColumn:
        return m_queues.at(row.queue);
    case PriorityColumn:
        return int(row.priority);
    case StatusColumn:
        return int(row.status);
    case LanguageColumn:
        return m_languages.at(row.language);
    case SlaDueColumn:
        return row.slaDueMs == kNoTime ? QVariant() : QVariant(row.slaDueMs);
    case ConfidenceColumn:
        return row.confidence < 0 ? QVariant() : QVariant(double(row.confidence));
    default:
        return {};
    }
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[m_visible[size_t(index.row())]];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == CustomerColumn)
            return row.customerEmail;
        if (index.column() == SlaDueColumn && row.slaDueMs != kNoTime)
            return QLocale().toString(timeOf(row.slaDueMs).toLocalTime(), QLocale::ShortFormat);
        if (index.column() == SubjectColumn)
            return row.subject;
        return {};
    case Qt::AccessibleTextRole: {
        // A language is read as its name ("French"), not its code ("fr").
        if (index.column() == LanguageColumn) {
            const QString code = m_languages.at(row.language);
            const QLocale::Language language = QLocale(code).language();
            return code.isEmpty() || language == QLocale::C || language == QLocale::AnyLanguage
                       ? QVariant()
                       : QVariant(QLocale::languageToString(language));
        }
        // Screen readers hear what the row only shows: new (bold), and why a person is needed
        // (red bar and chips). A row with neither is read by its display text.
        if (index.column() != SubjectColumn)
            return {};
        const bool isNew = TicketStatus(row.status) == TicketStatus::New;
        if (!isNew && !row.needsHuman && row.reasons == 0)
            return {};
        QStringList parts;
        if (isNew)
            parts << tr("New");
        parts << row.subject;
        if (row.reasons != 0)
            parts << tr("Needs a human: %1").arg(ReasonText::joined(codesOf(row.reasons)));
        else if (row.needsHuman)
            parts << tr("Needs a human");
        return parts.join(u". "_s);
    }
    case Qt::TextAlignmentRole:
        if (index.column() == ConfidenceColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case TicketIdRole:
        return row.id;
    case NeedsHumanRole:
        return row.needsHuman;
    case AssigneeIdRole:
        return row.assigneeId == kNoAssignee ? QVariant() : QVariant(row.assigneeId);
    case SlaDueRole:
        return timeOf(row.slaDueMs);
    case VersionRole:
        return row.version;
    case StatusRole:
        return int(row.status);
    case PriorityRole:
        return int(row.priority);
    case QueueIdRole:
        return m_queues.at(row.queue);
    case ConfidenceRole:
        return row.confidence < 0 ? QVariant() : QVariant(double(row.confidence));
    case UpdatedAtRole:
        return timeOf(row.updatedMs);
    case CustomerEmailRole:
        return row.customerEmail;
    case SortRole:
        return sortData(row, index.column());
    case PresenceRole:
        return m_presence.value(row.id).first;
    case PresenceStateRole: {
        const auto it = m_presence.constFind(row.id);
        return it == m_presence.cend() ? -1 : it->second;
    }
    case AssigneeNameRole:
        if (row.assigneeId == kNoAssignee)
            return QString();
        return m_userNames.value(row.assigneeId, tr("Agent #%1").arg(row.assigneeId));
    case ReasonCodesRole:
        return codesOf(row.reasons);
    case CrisisRole:
        return isPinned(row);
    default:
        return {};
    }
}

void InboxModel::setPresence(qint64 ticketId, const QString &summary, int state)
{
    const bool had = m_presence.contains(ticketId);
    if (summary.isEmpty() || state < 0) {
        if (!had)
            return;
        m_presence.remove(ticketId);
    } else {
        const QPair<QString, int> value{summary, state};
        if (had && m_presence.value(ticketId) == value)
            return;
        m_presence.insert(ticketId, value);
    }
    const int row = rowOfTicket(ticketId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {PresenceRole, PresenceStateRole});
}

void InboxModel::setUserNames(const QHash<qint64, QString> &names)
{
    if (names == m_userNames)
        return;
    m_userNames = names;
    if (!m_visible.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {AssigneeNameRole});
}

Qt::ItemFlags InboxModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QStringList InboxModel::mimeTypes() const
{
    return ticketmime::types();
}

QMimeData *InboxModel::mimeData(const QModelIndexList &indexes) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : indexes) {
        const qint64 id = index.isValid() ? ticketIdAt(index.row()) : 0;
        if (id > 0 && !ids.contains(id))
            ids.append(id);
    }
    return ids.isEmpty() ? nullptr : ticketmime::create(ids);
}

} // namespace tandem::app
