#pragma once

#include "core/Stats.h"

#include <QAbstractTableModel>

namespace tandem::app {

//! The calibration table: per confidence bin, how often drafts were accepted (as is or edited).
//! A well-calibrated engine's 80-90 % bin is accepted about 85 % of the time.
class CalibrationModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        RangeColumn,
        DecidedColumn,
        AcceptedColumn,
        AcceptanceColumn,
        ConfidenceColumn,
        GapColumn, //!< acceptance - average confidence, in percentage points
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, //!< the raw number
    };

    explicit CalibrationModel(QObject *parent = nullptr);
    ~CalibrationModel() override;

    void setBins(const QList<CalibrationBin> &bins);
    const QList<CalibrationBin> &bins() const { return m_bins; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CalibrationBin> m_bins;
};

} // namespace tandem::app
