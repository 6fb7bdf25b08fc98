// The team lead workspace, offscreen, signed in as the demo lead (leo@lumen.example) against a
// real tandemd: accessible names, the hourly chart from a report, breach alerts, CSV export, and
// reassignment by dropping ticket ids on an agent (and priority by menu) reaching the server.
#include "PixelProbe.h"
#include "TestServer.h"

#include "ui/AlertNotifier.h"
#include "ui/ArrivalsChart.h"
#include "ui/LeadWorkspace.h"

#include "app/AgentStatsModel.h"
#include "app/BreachDetector.h"
#include "app/InboxModel.h"
#include "app/LocalStore.h"
#include "app/LoginFlow.h"
#include "app/QueueStatsClient.h"
#include "app/QueueStatsModel.h"
#include "app/Session.h"
#include "app/TicketMime.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QChartView>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tandem;

namespace {

QueueStatsReport reportWith(int cardsBreached)
{
    QueueStatsReport report;
    report.generatedAt = QDateTime::currentDateTimeUtc();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-24 * 3600);
    const QDateTime hour(start.date(), QTime(start.time().hour(), 0), Qt::UTC);
    for (int i = 0; i < 25; ++i)
        report.hourly.append({hour.addSecs(3600LL * i), i % 5, i % 3});
    for (const auto &[id, name] : {std::pair{u"cards"_s, u"Cards"_s}, std::pair{u"orders"_s, u"Orders"_s}}) {
        QueueStats queue;
        queue.queue = id;
        queue.name = name;
        queue.open = 4;
        queue.breached = id == u"cards"_s ? cardsBreached : 0;
        queue.hourly = report.hourly;
        queue.hourly[24].arrivals = 9; // tells the queue's chart from the overall one
        report.queues.append(queue);
    }
    return report;
}

} // namespace

class LeadWorkspaceTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<test::TestHttp> m_http;
    QTemporaryDir m_cache;
    std::unique_ptr<app::Session> m_session;
    std::unique_ptr<ui::LeadWorkspace> m_workspace;

    //! Ids of users by email, from GET /users.
    QHash<QString, qint64> userIds()
    {
        QHash<QString, qint64> ids;
        const QJsonArray items = m_http->get(u"/api/v1/users"_s).json().value(u"items"_s).toArray();
        for (const QJsonValue &item : items)
            ids.insert(item[u"email"_s].toString(), item[u"id"_s].toInteger());
        return ids;
    }

    //! An unsolved cached ticket not assigned to \a userId and not in \a except.
    qint64 unsolvedTicketNotOf(qint64 userId, const QList<qint64> &except = {})
    {
        for (const Ticket &t : m_session->store()->tickets()) {
            if (t.status != TicketStatus::Solved && t.assigneeId != std::optional<qint64>(userId) &&
                !except.contains(t.id))
                return t.id;
        }
        return 0;
    }

    //! The workspace's own refreshes stopped and drained, so a test can feed it reports.
    void quiesce()
    {
        m_workspace->client()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->client()->isRefreshing(), 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_cache.isValid());
        test::TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<test::TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_http = std::make_unique<test::TestHttp>(m_server->baseUrl());
        QVERIFY(m_http->login(u"leo@lumen.example"_s));

        app::LoginFlow flow;
        flow.setStoreDirectory(m_cache.path());
        app::Session *session = nullptr;
        connect(&flow, &app::LoginFlow::succeeded, this, [&session](app::Session *s) { session = s; });
        QSignalSpy failed(&flow, &app::LoginFlow::failed);
        flow.login(QUrl(m_server->baseUrl()), u"leo@lumen.example"_s, u"demo"_s);
        QTRY_VERIFY_WITH_TIMEOUT(session != nullptr || failed.count() > 0, 20000);
        QVERIFY2(session, "login failed");
        m_session.reset(session);
        QVERIFY(m_session->currentUser().role == Role::Lead);
        QString error;
        QVERIFY2(m_session->start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->inbox()->rowCount() > 0, 20000);
    }

    void init()
    {
        m_workspace = std::make_unique<ui::LeadWorkspace>(m_session.get());
        m_workspace->resize(1000, 800);
        m_workspace->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
    }

    void cleanup() { m_workspace.reset(); }

    void cleanupTestCase()
    {
        m_session.reset();
        m_server.reset();
    }

    void availableForLeadsAndAbove()
    {
        QVERIFY(!ui::LeadWorkspace::availableFor(Role::Agent));
        QVERIFY(ui::LeadWorkspace::availableFor(Role::Lead));
        QVERIFY(ui::LeadWorkspace::availableFor(Role::Supervisor));
        QVERIFY(ui::LeadWorkspace::availableFor(Role::Admin));
    }

    void everyInteractiveWidgetHasAnAccessibleName()
    {
        int checked = 0;
        const auto widgets = m_workspace->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            const bool interactive = qobject_cast<QAbstractButton *>(widget) ||
                                     qobject_cast<QAbstractItemView *>(widget) ||
                                     qobject_cast<QChartView *>(widget);
            if (!interactive || !widget->isVisibleTo(m_workspace.get()))
                continue;
            ++checked;
            QVERIFY2(!widget->accessibleName().isEmpty(),
                     qPrintable(u"no accessible name: "_s + widget->objectName() + u" "_s +
                                QString::fromLatin1(widget->metaObject()->className())));
        }
        QVERIFY(checked >= 10);
        QVERIFY(!m_workspace->accessibleName().isEmpty());
    }

    void showsTheServersFigures()
    {
        app::QueueStatsModel *queues = m_workspace->queueModel();
        QTRY_VERIFY_WITH_TIMEOUT(queues->rowCount() > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->agentModel()->rowCount() > 0, 20000);
        // The last 24 whole hours plus the current one.
        QCOMPARE(m_workspace->chart()->arrivalsSeries()->count(), 25);
        QCOMPARE(m_workspace->chart()->solvedSeries()->count(), 25);
        QVERIFY(m_workspace->agentModel()->rowOfUser(m_session->currentUser().id) >= 0 ||
                m_workspace->agentModel()->rowCount() > 0);
        QVERIFY(m_workspace->findChild<QLabel *>(u"leadUpdatedLabel"_s)->text().contains(u"Updated"_s));
    }

    void chartFollowsTheSelectedQueue()
    {
        quiesce();
        Q_EMIT m_workspace->client()->queueStatsReceived(reportWith(0));
        ui::ArrivalsChart *chart = m_workspace->chart();
        QCOMPARE(chart->arrivalsSeries()->count(), 25);
        QCOMPARE(chart->solvedSeries()->count(), 25);
        QCOMPARE(chart->arrivalsSeries()->at(24).y(), 24 % 5);
        QCOMPARE(chart->scope(), u"All queues"_s);

        QTableView *table = m_workspace->queueTable();
        table->selectRow(0);
        QCOMPARE(m_workspace->selectedQueueId(), u"cards"_s);
        QCOMPARE(chart->scope(), u"Cards"_s);
        QCOMPARE(chart->arrivalsSeries()->at(24).y(), 9.0);

        // A new report with the same queues keeps the selection (rows update in place).
        QSignalSpy resets(m_workspace->queueModel(), &QAbstractItemModel::modelReset);
        Q_EMIT m_workspace->client()->queueStatsReceived(reportWith(1));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(m_workspace->selectedQueueId(), u"cards"_s);

        QTest::mouseClick(m_workspace->findChild<QAbstractButton *>(u"allQueuesButton"_s), Qt::LeftButton);
        QCOMPARE(m_workspace->selectedQueueId(), QString());
        QCOMPARE(chart->scope(), u"All queues"_s);
    }

    void breachesRaiseAnAlert()
    {
        quiesce();
        ui::AlertNotifier *notifier = m_workspace->notifier();
        notifier->setChannel(ui::AlertNotifier::Channel::Banner);
        m_workspace->breachDetector()->reset(); // the server's first report set a baseline already
        QSignalSpy notified(notifier, &ui::AlertNotifier::notified);
        // Demo tickets may cross their own deadlines meanwhile: count only the Cards queue alerts.
        const auto cardsAlerts = [&] {
            return std::count_if(notified.cbegin(), notified.cend(), [](const QList<QVariant> &args) {
                return args.at(0).toString().contains(u"Cards"_s);
            });
        };
        Q_EMIT m_workspace->client()->queueStatsReceived(reportWith(1)); // the baseline
        QCOMPARE(cardsAlerts(), 0);
        Q_EMIT m_workspace->client()->queueStatsReceived(reportWith(3));
        QCOMPARE(cardsAlerts(), 1);
        QVERIFY(notifier->isVisible());
        QVERIFY(notifier->bannerText().contains(u"3"_s));
        QVERIFY(!QApplication::activeModalWidget());
        // First on screen, first in Tab order: Refresh, then the alert's buttons, then the tables.
        const auto nextTabStop = [](QWidget *from) {
            QWidget *w = from->nextInFocusChain();
            while (w != from && (!(w->focusPolicy() & Qt::TabFocus) || !w->isVisible()))
                w = w->nextInFocusChain();
            return w;
        };
        QWidget *refresh = m_workspace->findChild<QWidget *>(u"leadRefreshButton"_s);
        QVERIFY(refresh);
        QWidget *afterRefresh = nextTabStop(refresh);
        QVERIFY2(afterRefresh == notifier->openButton() || afterRefresh == notifier->dismissButton(),
                 qPrintable(afterRefresh->objectName()));
        QCOMPARE(nextTabStop(notifier->dismissButton()),
                 m_workspace->findChild<QWidget *>(u"queueStatsTable"_s));
        QTest::mouseClick(notifier->dismissButton(), Qt::LeftButton);
        QVERIFY(!notifier->isVisible());

        // One ticket crossing its deadline is announced at once, by number and subject.
        Ticket ticket;
        ticket.id = 424242;
        ticket.subject = u"Refund still missing"_s;
        ticket.queue = u"cards"_s;
        ticket.status = TicketStatus::Open;
        ticket.slaDueAt = QDateTime::currentDateTimeUtc().addMSecs(200);
        m_workspace->breachDetector()->trackTickets({ticket});
        QTRY_VERIFY_WITH_TIMEOUT(notifier->bannerTitle().contains(u"#424242"_s), 5000);
        QVERIFY(notifier->bannerText().contains(u"Refund still missing"_s));
        QVERIFY(notifier->bannerText().contains(u"Cards"_s));
    }

    // Issue 18, layouts that breathe: at every size the queue table's columns are sized to their
    // contents (none wider than 320 px), so the figures stay beside the queue names instead of
    // being pushed to the far edge of a wide screen.
    void figuresStayBesideTheNamesAtEverySize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x640") << QSize(1024, 640);
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("2560x1440") << QSize(2560, 1440);
    }
    void figuresStayBesideTheNamesAtEverySize()
    {
        QFETCH(QSize, size);
        quiesce();
        Q_EMIT m_workspace->client()->queueStatsReceived(reportWith(0));
        m_workspace->resize(size);
        QTRY_COMPARE(m_workspace->size(), size);
        QApplication::processEvents();
        QTableView *table = m_workspace->queueTable();
        QHeaderView *header = table->horizontalHeader();
        int right = 0;
        for (int column = 0; column < header->count(); ++column) {
            if (header->isSectionHidden(column))
                continue;
            QVERIFY2(header->sectionSize(column) <= 320,
                     qPrintable(u"column %1 is %2 px"_s.arg(column).arg(header->sectionSize(column))));
            // Nothing cut: each column is at least as wide as its widest cell asks.
            QVERIFY2(
                header->sectionSize(column) + 1 >=
                    static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column),
                qPrintable(u"column %1: %2 < %3"_s.arg(column)
                               .arg(header->sectionSize(column))
                               .arg(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column))));
            right = std::max(right, header->sectionViewportPosition(column) + header->sectionSize(column));
        }
        // The last figure ends within the columns' own widths, not at the edge of the screen.
        QVERIFY2(right <= 320 * header->count(), qPrintable(QString::number(right)));
        if (size.width() >= 1920)
            QVERIFY2(right < table->viewport()->width() * 2 / 3, qPrintable(QString::number(right)));
        test::keepScreenshot(m_workspace.get(), u"lead-%1x%2.png"_s.arg(size.width()).arg(size.height()));
        m_workspace->resize(1000, 800);
    }

    void queuesWithACrisisComeFirst()
    {
        quiesce();
        Q_EMIT m_workspace->client()->queueStatsReceived(reportWith(0)); // cards, then orders
        QAbstractItemModel *table = m_workspace->queueTable()->model();
        const auto firstQueue = [table] {
            return table->index(0, 0).data(app::QueueStatsModel::QueueIdRole);
        };
        QCOMPARE(firstQueue().toString(), u"cards"_s);

        // A crisis ticket reaches the lead's inbox (as the sync would deliver it).
        Ticket crisis;
        crisis.id = 990001;
        crisis.subject = u"I can't go on"_s;
        crisis.queue = u"orders"_s;
        crisis.status = TicketStatus::New;
        crisis.priority = Priority::Urgent;
        crisis.needsHuman = true;
        crisis.needsHumanCodes = {u"crisis"_s};
        crisis.version = 1;
        m_session->inbox()->upsert({crisis});
        QCOMPARE(firstQueue().toString(), u"orders"_s);
        QCOMPARE(table->index(0, 0).data(app::QueueStatsModel::CrisisRole).toInt(), 1);
        QVERIFY(table->index(0, 0).data(Qt::AccessibleTextRole).toString().contains(u"crisis"_s));
        // Whatever the header sorts by.
        m_workspace->queueTable()->sortByColumn(app::QueueStatsModel::QueueColumn, Qt::AscendingOrder);
        QCOMPARE(firstQueue().toString(), u"orders"_s);
        m_workspace->queueTable()->sortByColumn(app::QueueStatsModel::OpenColumn, Qt::DescendingOrder);
        QCOMPARE(firstQueue().toString(), u"orders"_s);

        // Solved: the queue takes its normal place again.
        crisis.status = TicketStatus::Solved;
        crisis.version = 2;
        m_session->inbox()->upsert({crisis});
        m_workspace->queueTable()->sortByColumn(app::QueueStatsModel::QueueColumn, Qt::AscendingOrder);
        QCOMPARE(firstQueue().toString(), u"cards"_s);
        QCOMPARE(table->index(0, 0).data(app::QueueStatsModel::CrisisRole).toInt(), 0);
    }

    void exportsTheQueueTable()
    {
        quiesce();
        Q_EMIT m_workspace->client()->queueStatsReceived(reportWith(2));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"queues.csv"_s);
        QString suggested;
        m_workspace->setSaveFileNameProvider([&](QWidget *, const QString &name) {
            suggested = name;
            return path;
        });
        QTest::mouseClick(m_workspace->findChild<QAbstractButton *>(u"exportQueuesButton"_s), Qt::LeftButton);
        QVERIFY(suggested.startsWith(u"queues-"_s));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).startsWith("Queue,Open,"));
        QVERIFY(lines.at(1).startsWith("Cards,4,"));
        QVERIFY(m_workspace->statusLabel()->text().contains(u"queues.csv"_s));
    }

    void droppingATicketOnAnAgentReassignsIt()
    {
        quiesce();
        const QHash<QString, qint64> ids = userIds();
        const qint64 noah = ids.value(u"noah@lumen.example"_s);
        QVERIFY(noah > 0);
        // The agents as the server would list them (the drop needs only their ids).
        AgentStatsReport agents;
        for (const auto &[email, name] : {std::pair{u"ava@lumen.example"_s, u"Ava Lindqvist"_s},
                                          std::pair{u"noah@lumen.example"_s, u"Noah Becker"_s}}) {
            AgentStats agent;
            agent.userId = ids.value(email);
            agent.name = name;
            agent.email = email;
            agent.presence = u"online"_s;
            agents.agents.append(agent);
        }
        Q_EMIT m_workspace->client()->agentStatsReceived(agents);
        const qint64 ticketId = unsolvedTicketNotOf(noah);
        QVERIFY(ticketId > 0);

        // What the inbox produces when its row is dragged.
        app::InboxModel *inbox = m_session->inbox();
        const int inboxRow = inbox->rowOfTicket(ticketId);
        std::unique_ptr<QMimeData> data(inboxRow >= 0 ? inbox->mimeData({inbox->index(inboxRow, 0)})
                                                      : app::ticketmime::create({ticketId}));
        QVERIFY(data);

        QTableView *table = m_workspace->agentTable();
        const QModelIndex noahIndex = table->model()->index(1, 0);
        QCOMPARE(noahIndex.data(app::AgentStatsModel::UserIdRole).toLongLong(), noah);
        const QPoint at = table->visualRect(noahIndex).center();
        // Drop events go to the widget that accepted the drag's enter event (QDragManager).
        QDragEnterEvent enter(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(table->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(table->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QSignalSpy dropped(m_workspace->agentModel(), &app::AgentStatsModel::ticketsDropped);
        QApplication::sendEvent(table->viewport(), &drop);
        QCOMPARE(dropped.count(), 1);
        QVERIFY(drop.isAccepted());

        QTRY_COMPARE_WITH_TIMEOUT(
            m_http->get(u"/api/v1/tickets/%1"_s.arg(ticketId)).json().value(u"assignee_id"_s).toInteger(),
            noah, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->statusLabel()->text().contains(u"Noah Becker"_s), 15000);
        QCOMPARE(m_session->store()->ticket(ticketId)->assigneeId, std::optional<qint64>(noah));
    }

    void reassignMenuAssignsTheSelectedTicket()
    {
        quiesce();
        const qint64 ava = userIds().value(u"ava@lumen.example"_s);
        QVERIFY(ava > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->agentModel()->rowOfUser(ava) >= 0, 20000);
        const qint64 ticketId = unsolvedTicketNotOf(ava);
        QVERIFY(ticketId > 0);
        QToolButton *button = m_workspace->reassignButton();
        QVERIFY(!button->isEnabled());
        m_workspace->setSelectedTicket(ticketId);
        QVERIFY(button->isEnabled());
        QMenu *menu = button->menu();
        Q_EMIT menu->aboutToShow();
        QAction *choice = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->data().toLongLong() == ava)
                choice = action;
        }
        QVERIFY(choice);
        QVERIFY(choice->isEnabled());
        choice->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_http->get(u"/api/v1/tickets/%1"_s.arg(ticketId)).json().value(u"assignee_id"_s).toInteger(),
            ava, 15000);
        // Now Ava holds it: the menu says so and does not offer her again.
        Q_EMIT menu->aboutToShow();
        for (QAction *action : menu->actions()) {
            if (action->data().toLongLong() == ava)
                QVERIFY(!action->isEnabled());
        }
    }

    void priorityMenuChangesTheSelectedTicket()
    {
        quiesce();
        const qint64 ticketId = unsolvedTicketNotOf(0);
        QVERIFY(ticketId > 0);
        QToolButton *button = m_workspace->priorityButton();
        QVERIFY(!button->isEnabled());
        m_workspace->setSelectedTicket(ticketId);
        QVERIFY(button->isEnabled());
        const Priority target = m_session->store()->ticket(ticketId)->priority == Priority::Urgent
                                    ? Priority::Low
                                    : Priority::Urgent;
        QMenu *menu = button->menu();
        Q_EMIT menu->aboutToShow();
        QAction *choice = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->data().toInt() == int(target))
                choice = action;
        }
        QVERIFY(choice);
        choice->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_http->get(u"/api/v1/tickets/%1"_s.arg(ticketId)).json().value(u"priority"_s).toString(),
            toString(target), 15000);
    }
};

QTEST_MAIN(LeadWorkspaceTest)
#include "LeadWorkspaceTest.moc"
