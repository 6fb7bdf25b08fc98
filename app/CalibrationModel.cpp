#include "CalibrationModel.h"

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

double acceptance(const CalibrationBin &bin)
{
    return bin.decided > 0 ? double(bin.accepted) / double(bin.decided) : 0.0;
}

} // namespace

CalibrationModel::CalibrationModel(QObject *parent) : QAbstractTableModel(parent) {}

CalibrationModel::~CalibrationModel() = default;

void CalibrationModel::setBins(const QList<CalibrationBin> &bins)
{
    beginResetModel();
    m_bins = bins;
    endResetModel();
}

int CalibrationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bins.size());
}

int CalibrationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CalibrationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const CalibrationBin &bin = m_bins.at(index.row());
    const bool empty = bin.decided == 0;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RangeColumn:
            return tr("%1–%2 %").arg(qRound(bin.from * 100)).arg(qRound(bin.to * 100));
        case DecidedColumn:
            return bin.decided;
        case AcceptedColumn:
            return bin.accepted;
        case AcceptanceColumn:
            return empty ? QString() : QString::number(acceptance(bin) * 100.0, 'f', 0) + u" %"_s;
        case ConfidenceColumn:
            return empty ? QString() : QString::number(bin.averageConfidence * 100.0, 'f', 0) + u" %"_s;
        case GapColumn: {
            if (empty)
                return QString();
            const int gap = qRound((acceptance(bin) - bin.averageConfidence) * 100.0);
            return gap > 0 ? u"+%1"_s.arg(gap) : QString::number(gap);
        }
        }
        return {};
    }
    if (role == SortRole) {
        switch (index.column()) {
        case RangeColumn:
            return bin.from;
        case DecidedColumn:
            return bin.decided;
        case AcceptedColumn:
            return bin.accepted;
        case AcceptanceColumn:
            return acceptance(bin);
        case ConfidenceColumn:
            return bin.averageConfidence;
        case GapColumn:
            return acceptance(bin) - bin.averageConfidence;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == RangeColumn ? int(Qt::AlignLeading | Qt::AlignVCenter)
                                             : int(Qt::AlignTrailing | Qt::AlignVCenter);
    return {};
}

QVariant CalibrationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        switch (section) {
        case RangeColumn:
            return tr("Confidence");
        case DecidedColumn:
            return tr("Decided");
        case AcceptedColumn:
            return tr("Accepted");
        case AcceptanceColumn:
            return tr("Acceptance");
        case ConfidenceColumn:
            return tr("Avg confidence");
        case GapColumn:
            return tr("Gap (points)");
        }
    }
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == GapColumn)
        return tr("Acceptance minus average confidence: negative means the engine is over-confident");
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace tandem::app
