#include "ReviewListModel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace tandem::app {

ReviewListModel::ReviewListModel(SupervisorClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{}

ReviewListModel::~ReviewListModel() = default;

void ReviewListModel::setFilter(const ReviewFilter &filter)
{
    ++m_generation;
    beginResetModel();
    m_filter = filter;
    m_items.clear();
    m_nextCursor.clear();
    endResetModel();
    setLoading(false);
    requestPage({});
}

void ReviewListModel::requestPage(const QString &cursor)
{
    if (!m_client)
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    m_client->reviews(m_filter, cursor, this, [this, generation](const ApiResult<ReviewPage> &result) {
        if (generation != m_generation)
            return; // the filter changed meanwhile
        setLoading(false);
        if (!result.ok()) {
            Q_EMIT loadFailed(result.error());
            return;
        }
        appendPage(result.value());
    });
}

void ReviewListModel::appendPage(const ReviewPage &page)
{
    QList<ReviewItem> fresh;
    for (const ReviewItem &item : page.items) {
        if (rowOf(item.id) < 0 &&
            std::none_of(fresh.cbegin(), fresh.cend(), [&](const ReviewItem &f) { return f.id == item.id; }))
            fresh.append(item);
    }
    // A page that adds nothing new cannot lead anywhere new either: stop paging.
    m_nextCursor = fresh.isEmpty() ? QString() : page.nextCursor;
    if (!fresh.isEmpty()) {
        const int first = int(m_items.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_items.append(fresh);
        endInsertRows();
    }
    Q_EMIT pageLoaded(int(fresh.size()));
}

bool ReviewListModel::updateItem(const ReviewItem &item)
{
    const int row = rowOf(item.id);
    if (row < 0)
        return false;
    m_items[row] = item;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

const ReviewItem *ReviewListModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int ReviewListModel::rowOf(qint64 reviewId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == reviewId)
            return row;
    }
    return -1;
}

void ReviewListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

int ReviewListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ReviewListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ReviewListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_client && !m_loading && !m_nextCursor.isEmpty();
}

void ReviewListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(m_nextCursor);
}

QString ReviewListModel::verdictText(const QString &verdict)
{
    if (verdict == u"good")
        return tr("Good");
    if (verdict == u"should_have_been_edited")
        return tr("Should have been edited");
    if (verdict == u"harmful")
        return tr("Harmful");
    if (verdict.isEmpty() || verdict == u"none")
        return tr("Not reviewed");
    return verdict;
}

QString ReviewListModel::outcomeText(const QString &outcome)
{
    if (outcome == u"as_is")
        return tr("Sent as is");
    if (outcome == u"edited")
        return tr("Edited");
    if (outcome == u"own")
        return tr("Own reply");
    if (outcome == u"discarded")
        return tr("Discarded");
    return outcome;
}

QVariant ReviewListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SentColumn:
            return QLocale().toString(item.sentAt.toLocalTime(), QLocale::ShortFormat);
        case SubjectColumn:
            return item.ticketSubject.left(300);
        case AgentColumn:
            return item.agentName;
        case IntentColumn:
            return item.intent;
        case LanguageColumn:
            return item.language;
        case OutcomeColumn:
            return outcomeText(item.outcome);
        case ConfidenceColumn:
            return QString(QString::number(item.confidence * 100.0, 'f', 0) + u" %"_s);
        case EditDistanceColumn:
            return item.editDistance;
        case ReopenedColumn:
            return item.reopened ? tr("Yes") : tr("No");
        case VerdictColumn:
            return verdictText(item.verdict);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == VerdictColumn && !item.reviewerName.isEmpty())
            return tr("%1 by %2").arg(verdictText(item.verdict), item.reviewerName);
        return {};
    case SortRole:
        switch (index.column()) {
        case SentColumn:
            return item.sentAt;
        case ConfidenceColumn:
            return item.confidence;
        case EditDistanceColumn:
            return item.editDistance;
        case ReopenedColumn:
            return item.reopened;
        default:
            return data(index, Qt::DisplayRole);
        }
    case ReviewIdRole:
        return item.id;
    case TicketIdRole:
        return item.ticketId;
    case VerdictRole:
        return item.verdict;
    case OutcomeRole:
        return item.outcome;
    default:
        return {};
    }
}

QVariant ReviewListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        switch (section) {
        case SentColumn:
            return tr("Sent");
        case SubjectColumn:
            return tr("Ticket");
        case AgentColumn:
            return tr("Agent");
        case IntentColumn:
            return tr("Intent");
        case LanguageColumn:
            return tr("Language");
        case OutcomeColumn:
            return tr("Agent's choice");
        case ConfidenceColumn:
            return tr("Confidence");
        case EditDistanceColumn:
            return tr("Edit distance");
        case ReopenedColumn:
            return tr("Reopened");
        case VerdictColumn:
            return tr("Verdict");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace tandem::app
