#pragma once

#include "core/Stats.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QSet>

namespace tandem::app {

class PresenceModel;

//! The lead workspace's agent table: one row per person of GET /stats/agents. Rows update in
//! place while the set of people is unchanged. Live presence from the event stream (someone
//! viewing or typing on a ticket right now) upgrades the report's presence to "online" between
//! two reports. Dropping "application/x-tandem-ticket-ids" on a row asks for a reassignment
//! through ticketsDropped(); the model itself changes nothing.
class AgentStatsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        PresenceColumn,
        AssignedColumn,
        RepliesTodayColumn,
        MedianHandleColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        UserIdRole = Qt::UserRole + 1, //!< qint64
        PresenceRole,                  //!< QString "online" | "away" | "offline" (live presence merged)
        SortRole,                      //!< the column's raw value
        EmailRole,                     //!< QString
        AgentRoleRole,                 //!< QString agent|lead|supervisor|admin
    };
    Q_ENUM(Role)

    explicit AgentStatsModel(QObject *parent = nullptr);
    ~AgentStatsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    //! Takes a fresh report.
    void setReport(const AgentStatsReport &report);
    const AgentStatsReport &report() const { return m_report; }
    //! Follows \a presence (not owned; may be null) for live "online".
    void setLivePresence(PresenceModel *presence);

    //! The person shown at \a row; nullptr when out of range.
    const AgentStats *agentAt(int row) const;
    int rowOfUser(qint64 userId) const;
    //! The report's presence, upgraded to "online" when the event stream shows them active.
    QString presenceOf(const AgentStats &agent) const;
    //! "Online" / "Away" / "Offline" for people.
    static QString presenceText(const QString &presence);

Q_SIGNALS:
    //! Tickets were dropped on \a userId's row: the UI reassigns them.
    void ticketsDropped(const QList<qint64> &ticketIds, qint64 userId);

private:
    void refreshLivePresence();
    QVariant displayData(const AgentStats &agent, int column) const;
    int targetRow(int row, const QModelIndex &parent) const;

    AgentStatsReport m_report;
    QPointer<PresenceModel> m_presence;
    QSet<qint64> m_liveUsers; //!< users the event stream currently shows on some ticket
};

} // namespace tandem::app
