#include "LeadWorkspace.h"

#include "AlertNotifier.h"
#include "ArrivalsChart.h"
#include "Icons.h"
#include "ReasonChips.h"
#include "TableColumns.h"
#include "Theme.h"

#include "app/AgentStatsModel.h"
#include "app/BreachDetector.h"
#include "app/CrisisFirstProxy.h"
#include "app/CsvExport.h"
#include "app/InboxModel.h"
#include "app/InboxView.h"
#include "app/LocalStore.h"
#include "app/QueueStatsClient.h"
#include "app/QueueStatsModel.h"
#include "app/Session.h"
#include "app/SyncEngine.h"
#include "app/TicketActions.h"

#include "core/Permissions.h"
#include "core/ReasonCodes.h"

#include <QApplication>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <optional>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::AgentStatsModel;
using app::QueueStatsModel;

namespace {

//! Colours the text of the cells that need the lead's eye (breaches, presence) from the palette,
//! and paints reason chips (a queue's crisis) at the end of a cell.
class AccentDelegate : public QStyledItemDelegate
{
public:
    using Accent = std::function<std::optional<QColor>(const QModelIndex &, const QPalette &)>;
    using Chips = std::function<QStringList(const QModelIndex &)>;
    AccentDelegate(Accent accent, QObject *parent, Chips chips = {})
        : QStyledItemDelegate(parent), m_accent(std::move(accent)), m_chips(std::move(chips))
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QStringList codes = m_chips ? m_chips(index) : QStringList();
        if (codes.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QFont chipFont = ReasonChips::chipFont(opt.font);
        const QRect area = opt.rect.adjusted(4, 0, -4, 0);
        const int chipsWidth = ReasonChips::chipsWidth(codes, chipFont, 1, area.width() / 2);
        opt.text = opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, area.width() - chipsWidth - 12);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        ReasonChips::paint(painter, area, opt.rect, codes, chipFont, opt.palette, opt.direction, 1, true,
                           opt.state & QStyle::State_Selected);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (const auto colour = m_accent(index, option->palette)) {
            option->palette.setColor(QPalette::Text, *colour);
            option->palette.setColor(QPalette::HighlightedText, *colour);
            option->font.setBold(true);
        }
    }

private:
    Accent m_accent;
    Chips m_chips;
};

QTableView *makeTable(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setHighlightSections(false);
    // The name column takes the spare width; the figures keep their natural width.
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the server's order first
    table->setSortingEnabled(true);
    return table;
}

//! \a source sorted by the header; with a \a crisisRole, the rows that have it set always first.
QSortFilterProxyModel *sorted(QAbstractItemModel *source, int sortRole, QObject *parent, int crisisRole = -1)
{
    auto *proxy =
        crisisRole >= 0 ? new app::CrisisFirstProxy(crisisRole, parent) : new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(sortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    return proxy;
}

QLabel *sectionTitle(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setBuddy(buddy);
    return label;
}

QPushButton *exportButton(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *button = new QPushButton(LeadWorkspace::tr("Export CSV…"), parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setToolTip(LeadWorkspace::tr("Save the table as it is shown as a CSV file"));
    return button;
}

} // namespace

LeadWorkspace::LeadWorkspace(app::Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(u"leadWorkspace"_s);
    setAccessibleName(tr("Team lead workspace"));
    m_client = new app::QueueStatsClient(session->api(), this);
    m_queues = new QueueStatsModel(this);
    m_agents = new AgentStatsModel(this);
    m_detector = new app::BreachDetector(this);
    m_agents->setLivePresence(session->presence());
    m_queueSort = sorted(m_queues, QueueStatsModel::SortRole, this, QueueStatsModel::CrisisRole);
    m_agentSort = sorted(m_agents, AgentStatsModel::SortRole, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *top = new QHBoxLayout;
    m_updated = new QLabel(tr("Loading the figures…"), this);
    m_updated->setObjectName(u"leadUpdatedLabel"_s);
    m_updated->setTextFormat(Qt::PlainText);
    top->addWidget(m_updated, 1);
    m_refresh = new QPushButton(Icons::get(u"refresh"), tr("&Refresh"), this);
    m_refresh->setObjectName(u"leadRefreshButton"_s);
    m_refresh->setAccessibleName(tr("Refresh the figures"));
    m_refresh->setToolTip(tr("Figures refresh by themselves after every change and each minute"));
    top->addWidget(m_refresh);
    layout->addLayout(top);

    m_notifier = new AlertNotifier(this);
    m_notifier->setObjectName(u"breachBanner"_s);
    m_notifier->setAccessibleName(tr("SLA breach alert"));
    layout->addWidget(m_notifier);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"leadSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildQueueSection());
    m_chart = new ArrivalsChart(splitter);
    splitter->addWidget(m_chart);
    splitter->addWidget(buildAgentSection());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    layout->addWidget(splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(u"leadStatusLabel"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    // The breach alert sits under the title bar: its buttons come right after Refresh, as seen.
    setTabOrder(m_refresh, m_notifier->openButton());
    setTabOrder(m_notifier->openButton(), m_notifier->dismissButton());
    setTabOrder(m_notifier->dismissButton(), m_queueTable);
    setTabOrder(m_queueTable, m_allQueues);
    setTabOrder(m_allQueues, m_exportQueues);
    setTabOrder(m_exportQueues, m_chart);
    setTabOrder(m_chart, m_agentTable);
    setTabOrder(m_agentTable, m_reassign);
    setTabOrder(m_reassign, m_priority);
    setTabOrder(m_priority, m_exportAgents);

    m_saveFileName = [](QWidget *parentWidget, const QString &suggestedName) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        return QFileDialog::getSaveFileName(parentWidget, tr("Export CSV"), QDir(dir).filePath(suggestedName),
                                            tr("CSV files (*.csv)"));
    };

    connectEngine();
    updateActions();
    m_client->followEvents(session->events());
    m_client->start();
}

LeadWorkspace::~LeadWorkspace() = default;

bool LeadWorkspace::availableFor(Role role)
{
    return allowed(role, Permission::ViewQueueStats);
}

QWidget *LeadWorkspace::buildQueueSection()
{
    auto *section = new QWidget(this);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    m_queueTable = makeTable(u"queueStatsTable"_s, tr("Queues"), section);
    m_queueTable->setModel(m_queueSort);
    m_queueTable->horizontalHeader()->setAccessibleName(tr("Queue columns"));
    fitColumnsToContents(m_queueTable);
    m_queueTable->setAccessibleDescription(
        tr("Per queue: open, new in the last hour, waiting longest, SLA due within an hour, breached, "
           "needs human. Queues with a crisis ticket come first. Selecting a queue shows its hourly chart."));
    m_queueTable->setItemDelegate(new AccentDelegate(
        [](const QModelIndex &index, const QPalette &palette) -> std::optional<QColor> {
            const int severity = index.data(QueueStatsModel::SeverityRole).toInt();
            if (severity >= 2)
                return theme::dangerColor(palette);
            if (severity == 1)
                return theme::warningColor(palette);
            return std::nullopt;
        },
        m_queueTable,
        [](const QModelIndex &index) {
            // The queue's name cell says it holds a crisis; its tool tip says how many.
            const bool crisis = index.column() == QueueStatsModel::QueueColumn &&
                                index.data(QueueStatsModel::CrisisRole).toInt() > 0;
            return crisis ? QStringList{reason::kCrisis.toString()} : QStringList();
        }));

    auto *header = new QHBoxLayout;
    header->addWidget(sectionTitle(tr("&Queues"), m_queueTable, section));
    header->addStretch(1);
    m_allQueues = new QPushButton(tr("&All queues"), section);
    m_allQueues->setObjectName(u"allQueuesButton"_s);
    m_allQueues->setAccessibleName(tr("Chart all queues"));
    m_allQueues->setToolTip(tr("Show the chart for all queues together"));
    header->addWidget(m_allQueues);
    m_exportQueues = exportButton(u"exportQueuesButton"_s, tr("Export the queue table as CSV"), section);
    header->addWidget(m_exportQueues);
    layout->addLayout(header);
    layout->addWidget(m_queueTable, 1);

    connect(m_queueTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LeadWorkspace::updateChart);
    connect(m_allQueues, &QPushButton::clicked, this, [this] {
        m_queueTable->clearSelection();
        updateChart();
    });
    connect(m_exportQueues, &QPushButton::clicked, this, [this] {
        exportCsv(m_queueSort, tr("queues-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    });
    return section;
}

QWidget *LeadWorkspace::buildAgentSection()
{
    auto *section = new QWidget(this);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    m_agentTable = makeTable(u"agentStatsTable"_s, tr("Agents"), section);
    m_agentTable->setModel(m_agentSort);
    m_agentTable->horizontalHeader()->setAccessibleName(tr("Agent columns"));
    fitColumnsToContents(m_agentTable);
    m_agentTable->setAccessibleDescription(
        tr("Per agent: presence, tickets assigned, replies today, median handle time. Drop inbox "
           "tickets on an agent to reassign them."));
    // Drops only, onto a row (never between rows): the model turns them into ticketsDropped().
    m_agentTable->setAcceptDrops(true);
    m_agentTable->setDragDropMode(QAbstractItemView::DropOnly);
    m_agentTable->setDragDropOverwriteMode(true);
    m_agentTable->setDropIndicatorShown(true);
    m_agentTable->setDefaultDropAction(Qt::CopyAction);
    m_agentTable->setContextMenuPolicy(Qt::CustomContextMenu);
    m_agentTable->setItemDelegate(new AccentDelegate(
        [](const QModelIndex &index, const QPalette &palette) -> std::optional<QColor> {
            if (index.column() != AgentStatsModel::PresenceColumn)
                return std::nullopt;
            const QString presence = index.data(AgentStatsModel::PresenceRole).toString();
            if (presence == u"online")
                return theme::successColor(palette);
            if (presence == u"away")
                return theme::warningColor(palette);
            return std::nullopt;
        },
        m_agentTable));

    auto *header = new QHBoxLayout;
    header->addWidget(sectionTitle(tr("A&gents"), m_agentTable, section));
    header->addStretch(1);
    m_reassign = new QToolButton(section);
    m_reassign->setObjectName(u"reassignButton"_s);
    m_reassign->setText(tr("Reassign selected ticket to…"));
    m_reassign->setAccessibleName(tr("Reassign the selected ticket"));
    m_reassign->setIcon(Icons::get(u"assign"));
    m_reassign->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reassign->setPopupMode(QToolButton::InstantPopup);
    m_reassign->setFocusPolicy(Qt::StrongFocus);
    auto *reassignMenu = new QMenu(m_reassign);
    reassignMenu->setObjectName(u"reassignMenu"_s);
    connect(reassignMenu, &QMenu::aboutToShow, this,
            [this, reassignMenu] { fillReassignMenu(reassignMenu); });
    m_reassign->setMenu(reassignMenu);
    header->addWidget(m_reassign);

    m_priority = new QToolButton(section);
    m_priority->setObjectName(u"priorityButton"_s);
    m_priority->setText(tr("Change priority…"));
    m_priority->setAccessibleName(tr("Change the selected ticket's priority"));
    m_priority->setPopupMode(QToolButton::InstantPopup);
    m_priority->setFocusPolicy(Qt::StrongFocus);
    auto *priorityMenu = new QMenu(m_priority);
    priorityMenu->setObjectName(u"priorityMenu"_s);
    connect(priorityMenu, &QMenu::aboutToShow, this,
            [this, priorityMenu] { fillPriorityMenu(priorityMenu); });
    m_priority->setMenu(priorityMenu);
    header->addWidget(m_priority);

    m_exportAgents = exportButton(u"exportAgentsButton"_s, tr("Export the agent table as CSV"), section);
    header->addWidget(m_exportAgents);
    layout->addLayout(header);
    layout->addWidget(m_agentTable, 1);
    auto *hint = new QLabel(tr("Drag tickets from the inbox onto an agent to reassign them."), section);
    hint->setObjectName(u"agentDropHint"_s);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText); // dim, and follows theme changes
    layout->addWidget(hint);

    connect(m_agentTable, &QWidget::customContextMenuRequested, this, &LeadWorkspace::showAgentMenu);
    connect(m_exportAgents, &QPushButton::clicked, this, [this] {
        exportCsv(m_agentSort, tr("agents-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    });
    return section;
}

void LeadWorkspace::connectEngine()
{
    connect(m_refresh, &QPushButton::clicked, this, &LeadWorkspace::refresh);
    connect(m_client, &app::QueueStatsClient::queueStatsReceived, this,
            [this](const QueueStatsReport &report) {
                m_queues->setReport(report);
                m_detector->setQueueReport(report);
                updateChart();
                const QDateTime at =
                    report.generatedAt.isValid() ? report.generatedAt : QDateTime::currentDateTimeUtc();
                m_updated->setText(
                    tr("Updated %1").arg(QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat)));
                if (std::exchange(m_showingStatsError, false))
                    say({}); // the figures are fresh again
            });
    connect(m_client, &app::QueueStatsClient::agentStatsReceived, this,
            [this](const AgentStatsReport &report) {
                m_agents->setReport(report);
                updateActions();
            });
    connect(m_client, &app::QueueStatsClient::failed, this, [this](const ApiError &error) {
        if (error.status == 403)
            say(tr("Queue statistics are for team leads and above."));
        else
            say(tr("Could not refresh the figures: %1").arg(error.message));
        m_showingStatsError = true;
    });
    connect(m_detector, &app::BreachDetector::breachesRose, this, &LeadWorkspace::onBreachesRose);
    connect(m_detector, &app::BreachDetector::ticketBreached, this, &LeadWorkspace::onTicketBreached);
    // Every unsolved ticket's deadline is watched, so a breach is announced the minute it happens.
    if (m_session->store() && m_session->store()->isOpen())
        m_detector->trackTickets(m_session->store()->tickets());
    connect(m_session->sync(), &app::SyncEngine::ticketsUpdated, m_detector,
            &app::BreachDetector::trackTickets);
    connect(m_agents, &AgentStatsModel::ticketsDropped, this, &LeadWorkspace::reassign);
    // Crisis tickets per queue come from the local inbox: it knows each ticket's reason codes.
    app::InboxModel *inbox = m_session->inbox();
    m_queues->setCrisisCounts(inbox->crisisCountsByQueue());
    connect(inbox, &app::InboxModel::countsChanged, m_queues,
            [this, inbox] { m_queues->setCrisisCounts(inbox->crisisCountsByQueue()); });

    app::TicketActions *actions = m_session->actions();
    connect(actions, &app::TicketActions::patched, this, [this](qint64 ticketId, const Ticket &) {
        const auto it = m_pending.find(ticketId);
        if (it == m_pending.end())
            return; // someone else's change (the ticket pane shares TicketActions)
        const QString done = it.value();
        m_pending.erase(it);
        say(done);
        m_client->nudge(); // assigned counts and queue figures moved
    });
    connect(actions, &app::TicketActions::conflict, this,
            [this](qint64 ticketId, const Ticket &, const Ticket &) {
                if (!m_pending.remove(ticketId))
                    return;
                say(tr("%1 changed meanwhile, so nothing was changed. Check it and try again.")
                        .arg(ticketLabel(ticketId)));
            });
    connect(actions, &app::TicketActions::failed, this, [this](qint64 ticketId, const ApiError &error) {
        if (!m_pending.remove(ticketId))
            return;
        say(tr("Could not change %1: %2").arg(ticketLabel(ticketId), error.message));
    });
}

QString LeadWorkspace::selectedQueueId() const
{
    const QModelIndexList rows = m_queueTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(QueueStatsModel::QueueIdRole).toString();
}

void LeadWorkspace::updateChart()
{
    const QString queueId = selectedQueueId();
    QString scope = tr("All queues");
    if (const QueueStats *queue = m_queues->queueAt(m_queues->rowOfQueue(queueId)))
        scope = queue->name.isEmpty() ? queue->queue : queue->name;
    m_chart->setBuckets(m_queues->hourly(queueId), scope);
    m_allQueues->setEnabled(!queueId.isEmpty());
}

void LeadWorkspace::setSelectedTicket(qint64 ticketId)
{
    m_ticketId = std::max<qint64>(ticketId, 0);
    updateActions();
}

void LeadWorkspace::refresh()
{
    m_client->refresh();
}

void LeadWorkspace::updateActions()
{
    const bool ticket = m_ticketId > 0;
    m_reassign->setEnabled(ticket && m_agents->rowCount() > 0);
    m_priority->setEnabled(ticket);
    const QString tip = ticket ? ticketLabel(m_ticketId) : tr("Select a ticket in the inbox first");
    m_reassign->setToolTip(tip);
    m_priority->setToolTip(tip);
}

void LeadWorkspace::onBreachesRose(const QString &queueId, const QString &queueName, int previous,
                                   int current)
{
    Q_UNUSED(queueId)
    const QString title = tr("SLA breached in %1").arg(queueName);
    const QString message = tr("%n open ticket(s) in %1 now past their SLA (%2 before).", nullptr, current)
                                .arg(queueName)
                                .arg(previous);
    m_notifier->notify(title, message);
    say(title);
}

void LeadWorkspace::onTicketBreached(qint64 ticketId, const QString &subject, const QString &queueId)
{
    const QueueStats *queue = m_queues->queueAt(m_queues->rowOfQueue(queueId));
    const QString queueName = queue && !queue->name.isEmpty() ? queue->name : queueId;
    const QString title = tr("SLA breached: ticket #%1").arg(ticketId);
    const QString message = subject.isEmpty() ? tr("A ticket in %1 is now past its SLA.").arg(queueName)
                                              : tr("“%1” in %2 is now past its SLA.").arg(subject, queueName);
    m_notifier->notify(title, message);
    say(title);
    m_client->nudge();
}

void LeadWorkspace::exportCsv(const QAbstractItemModel *model, const QString &suggestedName)
{
    if (!model || !m_saveFileName)
        return;
    const QString path = m_saveFileName(this, suggestedName);
    if (path.isEmpty())
        return;
    QString error;
    if (app::writeCsv(*model, path, &error))
        say(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
    else
        say(error);
}

void LeadWorkspace::say(const QString &text)
{
    m_showingStatsError = false;
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        Q_EMIT statusMessage(text);
}

} // namespace tandem::ui
