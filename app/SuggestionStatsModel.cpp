#include "SuggestionStatsModel.h"

#include "InboxView.h"
#include "IntentText.h"

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

QString percentText(double share)
{
    return QString::number(share * 100.0, 'f', 0) + u" %"_s;
}

QString optionalNumber(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 0) : QString();
}

} // namespace

SuggestionStatsModel::SuggestionStatsModel(QObject *parent) : QAbstractTableModel(parent) {}

SuggestionStatsModel::~SuggestionStatsModel() = default;

void SuggestionStatsModel::setReport(const SuggestionStatsReport &report)
{
    beginResetModel();
    m_report = report;
    m_findings.clear();
    for (const BiasFinding &finding : m_watch.evaluate(m_report))
        m_findings.insert(finding.key, finding);
    endResetModel();
}

void SuggestionStatsModel::clear()
{
    setReport({});
}

void SuggestionStatsModel::setBiasWatch(const AutomationBiasWatch &watch)
{
    m_watch = watch;
    setReport(m_report);
}

int SuggestionStatsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_report.rows.isEmpty())
        return 0;
    return int(m_report.rows.size()) + 1; // + "All"
}

int SuggestionStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const SuggestionStatsRow *SuggestionStatsModel::rowAt(int row) const
{
    if (row < 0 || row > m_report.rows.size() || m_report.rows.isEmpty())
        return nullptr;
    return row == m_report.rows.size() ? &m_report.total : &m_report.rows.at(row);
}

QVariant SuggestionStatsModel::displayValue(const SuggestionStatsRow &row, int column) const
{
    switch (column) {
    case GroupColumn:
        // Keys said as everywhere else in the app (the server's label is a plain spelling).
        if (&row != &m_report.total && m_report.groupBy == u"intent")
            return IntentText::label(row.key);
        if (&row != &m_report.total && m_report.groupBy == u"queue")
            return queueDisplayName(row.key);
        return row.label.isEmpty() ? row.key : row.label;
    case DraftsColumn:
        return row.drafts;
    case AsIsColumn:
        return row.sentAsIs;
    case EditedColumn:
        return row.edited;
    case OwnColumn:
        return row.ownReply;
    case DiscardedColumn:
        return row.discarded;
    case AcceptanceColumn:
        return percentText(row.acceptanceRate);
    case MedianEditColumn:
        return optionalNumber(row.medianEditDistance);
    case P90EditColumn:
        return optionalNumber(row.p90EditDistance);
    case NeedsHumanColumn:
        return percentText(row.needsHumanRate);
    case ConfidenceColumn:
        return percentText(row.averageConfidence);
    case ReopenedColumn:
        return row.reopened;
    case SpotCheckedColumn:
        return row.spotChecked;
    case GoodColumn:
        return row.verdictGood;
    case ShouldEditColumn:
        return row.verdictShouldEdit;
    case HarmfulColumn:
        return row.verdictHarmful;
    default:
        return {};
    }
}

QVariant SuggestionStatsModel::sortValue(const SuggestionStatsRow &row, int column) const
{
    switch (column) {
    case AcceptanceColumn:
        return row.acceptanceRate;
    case MedianEditColumn:
        return row.medianEditDistance ? *row.medianEditDistance : -1.0;
    case P90EditColumn:
        return row.p90EditDistance ? *row.p90EditDistance : -1.0;
    case NeedsHumanColumn:
        return row.needsHumanRate;
    case ConfidenceColumn:
        return row.averageConfidence;
    default:
        return displayValue(row, column);
    }
}

QVariant SuggestionStatsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const SuggestionStatsRow *row = rowAt(index.row());
    if (!row)
        return {};
    const bool total = index.row() == m_report.rows.size();
    const auto finding = total ? m_findings.constEnd() : m_findings.constFind(row->key);
    const bool flagged = finding != m_findings.constEnd();
    switch (role) {
    case Qt::DisplayRole:
        if (total && index.column() == GroupColumn)
            return tr("All");
        return displayValue(*row, index.column());
    case Qt::ToolTipRole:
        if (flagged)
            return tr("Automation-bias watch: %1").arg(finding->reasons.join(u' '));
        return {};
    case Qt::AccessibleTextRole:
        if (flagged && index.column() == GroupColumn)
            return tr("%1, flagged by the automation-bias watch: %2")
                .arg(displayValue(*row, GroupColumn).toString(), finding->reasons.join(u' '));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == GroupColumn ? QVariant(int(Qt::AlignLeading | Qt::AlignVCenter))
                                             : QVariant(int(Qt::AlignTrailing | Qt::AlignVCenter));
    case SortRole:
        return total && index.column() == GroupColumn ? QVariant(QString()) : sortValue(*row, index.column());
    case KeyRole:
        return total ? QString() : row->key;
    case BiasFlaggedRole:
        return flagged;
    case BiasReasonsRole:
        return flagged ? finding->reasons : QStringList();
    case TotalRowRole:
        return total;
    default:
        return {};
    }
}

QVariant SuggestionStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case GroupColumn:
            if (m_report.groupBy == u"intent")
                return tr("Intent");
            if (m_report.groupBy == u"language")
                return tr("Language");
            if (m_report.groupBy == u"queue")
                return tr("Queue");
            if (m_report.groupBy == u"agent")
                return tr("Agent");
            return tr("Group");
        case DraftsColumn:
            return tr("Drafts");
        case AsIsColumn:
            return tr("Sent as is");
        case EditedColumn:
            return tr("Edited");
        case OwnColumn:
            return tr("Own reply");
        case DiscardedColumn:
            return tr("Discarded");
        case AcceptanceColumn:
            return tr("Acceptance");
        case MedianEditColumn:
            return tr("Median edit");
        case P90EditColumn:
            return tr("P90 edit");
        case NeedsHumanColumn:
            return tr("Needs human");
        case ConfidenceColumn:
            return tr("Avg confidence");
        case ReopenedColumn:
            return tr("Reopened");
        case SpotCheckedColumn:
            return tr("Spot-checked");
        case GoodColumn:
            return tr("Good");
        case ShouldEditColumn:
            return tr("Should edit");
        case HarmfulColumn:
            return tr("Harmful");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AcceptanceColumn:
            return tr("(as is + edited) / all decided drafts");
        case MedianEditColumn:
        case P90EditColumn:
            return tr("Characters changed between draft and sent reply (as is and edited replies)");
        case NeedsHumanColumn:
            return tr("Drafts whose ticket was escalated to a person");
        case ReopenedColumn:
            return tr("AI-assisted replies after which the customer wrote again");
        case SpotCheckedColumn:
            return tr("Replies with a review verdict");
        default:
            return {};
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace tandem::app
