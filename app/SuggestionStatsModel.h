#pragma once

#include "AutomationBiasWatch.h"

#include "core/Stats.h"

#include <QAbstractTableModel>
#include <QHash>

namespace tandem::app {

//! GET /stats/suggestions as a table: one row per group plus a final "All" row, one column per
//! figure. Rows the AutomationBiasWatch flags carry BiasFlaggedRole/BiasReasonsRole and a tool
//! tip (the UI adds an icon: the model stays free of QtGui).
class SuggestionStatsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        GroupColumn,
        DraftsColumn,
        AsIsColumn,
        EditedColumn,
        OwnColumn,
        DiscardedColumn,
        AcceptanceColumn,
        MedianEditColumn,
        P90EditColumn,
        NeedsHumanColumn,
        ConfidenceColumn,
        ReopenedColumn,
        SpotCheckedColumn,
        GoodColumn,
        ShouldEditColumn,
        HarmfulColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, //!< the raw number (or the label) the column sorts by
        KeyRole,                     //!< QString, the group's key
        BiasFlaggedRole,             //!< bool
        BiasReasonsRole,             //!< QStringList
        TotalRowRole,                //!< bool: the "All" row
    };
    Q_ENUM(Role)

    explicit SuggestionStatsModel(QObject *parent = nullptr);
    ~SuggestionStatsModel() override;

    //! Replaces the rows (one reset) and re-runs the automation-bias watch.
    void setReport(const SuggestionStatsReport &report);
    const SuggestionStatsReport &report() const { return m_report; }
    void clear();

    void setBiasWatch(const AutomationBiasWatch &watch);
    const AutomationBiasWatch &biasWatch() const { return m_watch; }
    //! The flagged rows of the current report.
    QList<BiasFinding> findings() const { return m_findings.values(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const SuggestionStatsRow *rowAt(int row) const;
    QVariant displayValue(const SuggestionStatsRow &row, int column) const;
    QVariant sortValue(const SuggestionStatsRow &row, int column) const;

    SuggestionStatsReport m_report;
    AutomationBiasWatch m_watch;
    QHash<QString, BiasFinding> m_findings; //!< by row key
};

} // namespace tandem::app
