#pragma once

#include "core/ApiTypes.h"
#include "core/Enums.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QLabel;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace tandem::app {
class AgentStatsModel;
class BreachDetector;
class QueueStatsClient;
class QueueStatsModel;
class Session;
} // namespace tandem::app

namespace tandem::ui {

class AlertNotifier;
class ArrivalsChart;

//! The team lead's workspace: live queue health (open, new, waiting longest, SLA due soon,
//! breached, needs human), arrivals vs solved per hour for all queues or the selected one, and
//! the agents' load. Reassign by dragging inbox tickets onto an agent or through a menu, change
//! the selected ticket's priority, export either table as CSV. Figures refresh after ticket
//! events (debounced) and every minute; a rise in breached tickets raises a desktop alert.
//! Queues holding an open crisis ticket (as the local inbox knows them) are listed first and
//! marked, whatever the sort column.
//! Leads and above only (availableFor()); the server enforces the same.
class LeadWorkspace : public QWidget
{
    Q_OBJECT

public:
    //! Asks the user where to save a CSV file; returns an empty path to cancel.
    using SaveFileNameProvider = std::function<QString(QWidget *parent, const QString &suggestedName)>;

    //! \a session (not owned) must outlive the workspace. Figures are fetched at once and kept
    //! fresh while the workspace exists, shown or not, so breach alerts are never missed.
    explicit LeadWorkspace(app::Session *session, QWidget *parent = nullptr);
    ~LeadWorkspace() override;

    //! True for lead, supervisor and admin.
    static bool availableFor(Role role);

    //! Test seam: replaces the save-file dialog of "Export CSV…".
    void setSaveFileNameProvider(SaveFileNameProvider provider) { m_saveFileName = std::move(provider); }
    //! Writes \a model as CSV to a file the user picks (the name suggested is \a suggestedName).
    void exportCsv(const QAbstractItemModel *model, const QString &suggestedName);

    //! PATCH assignee_id of \a ticketIds to \a userId (If-Match: the cached version).
    void reassign(const QList<qint64> &ticketIds, qint64 userId);
    //! PATCH the priority of \a ticketId.
    void changePriority(qint64 ticketId, tandem::Priority priority);

    qint64 selectedTicketId() const { return m_ticketId; }
    //! The queue the chart shows; empty for all queues.
    QString selectedQueueId() const;

    app::QueueStatsClient *client() const { return m_client; }
    app::QueueStatsModel *queueModel() const { return m_queues; }
    app::AgentStatsModel *agentModel() const { return m_agents; }
    app::BreachDetector *breachDetector() const { return m_detector; }
    QTableView *queueTable() const { return m_queueTable; }
    QTableView *agentTable() const { return m_agentTable; }
    ArrivalsChart *chart() const { return m_chart; }
    //! Where the SLA breach alerts go.
    AlertNotifier *notifier() const { return m_notifier; }
    QToolButton *reassignButton() const { return m_reassign; }
    QToolButton *priorityButton() const { return m_priority; }
    QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    //! The ticket selected in the inbox (0: none): what the reassign and priority menus act on.
    void setSelectedTicket(qint64 ticketId);
    //! Fetches the figures now.
    void refresh();

Q_SIGNALS:
    //! A short message for the status bar (also shown inside the workspace).
    void statusMessage(const QString &text);

private:
    QWidget *buildQueueSection();
    QWidget *buildAgentSection();
    void connectEngine();
    void updateChart();
    void updateActions();
    void fillReassignMenu(QMenu *menu);
    void fillPriorityMenu(QMenu *menu);
    void showAgentMenu(const QPoint &pos);
    void onBreachesRose(const QString &queueId, const QString &queueName, int previous, int current);
    void onTicketBreached(qint64 ticketId, const QString &subject, const QString &queueId);
    void say(const QString &text);
    QString ticketLabel(qint64 ticketId) const;
    QString agentName(qint64 userId) const;

    QPointer<app::Session> m_session;
    app::QueueStatsClient *m_client = nullptr;
    app::QueueStatsModel *m_queues = nullptr;
    app::AgentStatsModel *m_agents = nullptr;
    app::BreachDetector *m_detector = nullptr;
    QSortFilterProxyModel *m_queueSort = nullptr;
    QSortFilterProxyModel *m_agentSort = nullptr;
    AlertNotifier *m_notifier = nullptr;
    QLabel *m_updated = nullptr;
    QPushButton *m_refresh = nullptr;
    QTableView *m_queueTable = nullptr;
    QPushButton *m_allQueues = nullptr;
    QPushButton *m_exportQueues = nullptr;
    ArrivalsChart *m_chart = nullptr;
    QTableView *m_agentTable = nullptr;
    QToolButton *m_reassign = nullptr;
    QToolButton *m_priority = nullptr;
    QPushButton *m_exportAgents = nullptr;
    QLabel *m_status = nullptr;
    SaveFileNameProvider m_saveFileName;
    qint64 m_ticketId = 0;
    bool m_showingStatsError = false; //!< the status line shows a failed refresh
    //! Tickets this workspace is changing (TicketActions is shared), with the message for success.
    QHash<qint64, QString> m_pending;
};

} // namespace tandem::ui
