#pragma once

#include "core/Stats.h"

#include <QAbstractTableModel>
#include <QList>

namespace tandem::app {

//! `escalations_by_code` of GET /stats/suggestions as a table: one row per reason code that sent
//! at least one ticket to a person in the range, most serious first (core/ReasonCodes.h). A ticket
//! can carry several codes, so the share is of all the reasons given (the shares add up to 100 %),
//! not of tickets. The view sorts through CrisisFirstProxy with CrisisRole: crisis stays on top.
class EscalationsByCodeModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ReasonColumn,   //!< the code's words (app::ReasonText)
        TicketsColumn,  //!< tickets created in the range whose latest judgement carries the code
        ShareColumn,    //!< tickets / all reasons given, as "34 %"
        UnsolvedColumn, //!< of those tickets, not solved yet
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, //!< the raw number (or the label) the column sorts by
        CodeRole,                    //!< QString, the reason code
        CrisisRole,                  //!< bool: the crisis row (kept first by CrisisFirstProxy)
        ShareRole,                   //!< double 0..1, for the share bar
    };
    Q_ENUM(Role)

    explicit EscalationsByCodeModel(QObject *parent = nullptr);
    ~EscalationsByCodeModel() override;

    //! Replaces the rows (one reset); codes without tickets are left out.
    void setEscalations(const QList<EscalationCodeCount> &escalations);
    const QList<EscalationCodeCount> &escalations() const { return m_rows; }
    //! Every reason given over the rows: the share's denominator.
    int totalReasons() const { return m_total; }
    //! The table in one sentence for screen readers and the caption ("Crisis: 2 tickets (4 %), ...").
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! "34 %"; "<1 %" for a share above zero that rounds to nothing.
    static QString percentText(double share);

private:
    double shareOf(const EscalationCodeCount &row) const;

    QList<EscalationCodeCount> m_rows;
    int m_total = 0;
};

} // namespace tandem::app
