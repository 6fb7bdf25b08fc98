#include "ViewsModel.h"

#include "InboxModel.h"

using namespace Qt::StringLiterals;

namespace tandem::app {

ViewsModel::ViewsModel(InboxModel *inbox, QObject *parent) : QAbstractListModel(parent), m_inbox(inbox)
{
    m_views = {InboxView::mine(), InboxView::unassigned(), InboxView::needsHuman(), InboxView::all()};
    for (const QString &queue : inbox->queueIds())
        m_views.append(InboxView::forQueue(queue));
    for (const InboxView &view : std::as_const(m_views))
        m_counts.append(inbox->count(view));
    connect(inbox, &InboxModel::countsChanged, this, &ViewsModel::refresh);
    connect(inbox, &InboxModel::modelReset, this, &ViewsModel::refresh);
}

int ViewsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_views.size());
}

QHash<int, QByteArray> ViewsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(CountRole, "count");
    names.insert(ViewKeyRole, "viewKey");
    names.insert(IsQueueRole, "isQueue");
    names.insert(NameRole, "name");
    return names;
}

QVariant ViewsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InboxView &view = m_views.at(index.row());
    const int count = m_counts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(view.displayName()).arg(count);
    case Qt::AccessibleTextRole:
        return tr("%1, %n ticket(s)", nullptr, count).arg(view.displayName());
    case Qt::ToolTipRole:
    case NameRole:
        return view.displayName();
    case CountRole:
        return count;
    case ViewKeyRole:
        return view.key();
    case IsQueueRole:
        return view.kind == InboxView::Kind::Queue;
    default:
        return {};
    }
}

InboxView ViewsModel::viewAt(int row) const
{
    return (row < 0 || row >= m_views.size()) ? InboxView::all() : m_views.at(row);
}

int ViewsModel::rowOf(const InboxView &view) const
{
    return int(m_views.indexOf(view));
}

void ViewsModel::refresh()
{
    if (!m_inbox)
        return;
    // New queues are appended in sorted position among the queue rows (queues never vanish).
    const QStringList queues = m_inbox->queueIds();
    for (const QString &queue : queues) {
        const InboxView view = InboxView::forQueue(queue);
        if (m_views.contains(view))
            continue;
        qsizetype pos = 4; // after the fixed views
        while (pos < m_views.size() && m_views.at(pos).queue < queue)
            ++pos;
        beginInsertRows({}, int(pos), int(pos));
        m_views.insert(pos, view);
        m_counts.insert(pos, m_inbox->count(view));
        endInsertRows();
    }
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype row = 0; row < m_views.size(); ++row) {
        const int count = m_inbox->count(m_views.at(row));
        if (count == m_counts.at(row))
            continue;
        m_counts[row] = count;
        first = first < 0 ? row : first;
        last = row;
    }
    if (first >= 0) {
        Q_EMIT dataChanged(index(int(first)), index(int(last)),
                           {Qt::DisplayRole, Qt::AccessibleTextRole, CountRole});
    }
}

} // namespace tandem::app
