// The live and offline parts of the desktop UI against a real tandemd: another agent's presence
// in the ticket's presence bar and on the inbox row (and its expiry), our own presence reported
// when a ticket opens and while typing, the outbox view while the server is unreachable (through
// tests/support FaultProxy) with Retry and Discard, the status bar going offline and back,
// "Assign to me" as a conditional write, and no false conflict after our own reply.
#include "../app/LiveFixture.h"
#include "FaultProxy.h"
#include "TestServer.h"

#include "ui/ConfirmStrip.h"
#include "ui/DraftEditor.h"
#include "ui/InboxTable.h"
#include "ui/MainWindow.h"
#include "ui/MainWindowActions.h"
#include "ui/OutboxDelegate.h"
#include "ui/OutboxView.h"
#include "ui/PresenceBar.h"
#include "ui/StatusIndicators.h"
#include "ui/TicketHeader.h"
#include "ui/TicketPane.h"
#include "ui/ViewsList.h"

#include "app/InboxModel.h"
#include "app/LocalStore.h"
#include "app/OutboxModel.h"
#include "app/PresenceModel.h"
#include "app/TicketActions.h"
#include "app/ViewsModel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem;
using namespace tandem::test;

class LiveUiTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    Agent m_ava;
    Agent m_noah;
    QTemporaryDir m_dir;
    int m_files = 0;

    //! With TANDEM_UI_SCREENSHOT_DIR set, saves \a window there as \a name (for reviewing the look).
    static void keepScreenshot(QWidget *window, const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("TANDEM_UI_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window->grab().save(dir + u'/' + name));
    }

    QString nextStore() { return m_dir.filePath(u"store-%1.sqlite"_s.arg(++m_files)); }

    std::unique_ptr<app::Session> startSession(const Agent &agent, const QString &url = {})
    {
        auto session = makeSession(url.isEmpty() ? m_server->baseUrl() : url, agent, nextStore());
        QString error;
        if (!session->start(&error)) {
            qWarning("session did not start: %s", qPrintable(error));
            return {};
        }
        return session;
    }

    static std::unique_ptr<ui::MainWindow> openWindow(app::Session *session)
    {
        auto window = std::make_unique<ui::MainWindow>(session, false);
        // These tests follow one ticket through several sends: stay on it after each.
        window->actions().openNextAfterSend->setChecked(false);
        window->show();
        QApplication::setActiveWindow(window.get());
        return window;
    }

    //! Opens the first ticket of \a status in "All" and waits until its editor is ready.
    static qint64 openFirst(ui::MainWindow *window, app::Session *session, TicketStatus status,
                            bool unassigned = false)
    {
        // The first complete pull, then every ticket ("All").
        if (!QTest::qWaitFor([session] { return session->sync()->lastSyncAt().isValid(); }, 20000))
            return 0;
        window->viewsList()->selectView(app::InboxView::all());
        session->inbox()->setView(app::InboxView::all());
        app::InboxModel *inbox = session->inbox();
        for (int row = 0; row < inbox->rowCount(); ++row) {
            const QModelIndex index = inbox->index(row, 0);
            if (index.data(app::InboxModel::StatusRole).toInt() != int(status))
                continue;
            if (unassigned && index.data(app::InboxModel::AssigneeIdRole).isValid())
                continue;
            const qint64 id = inbox->ticketIdAt(row);
            window->revealTicket(id);
            ui::DraftEditor *editor = window->ticketPane()->draftEditor();
            if (!QTest::qWaitFor([&] { return editor->ticketId() == id && editor->editor()->isEnabled(); },
                                 15000))
                return 0;
            return id;
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TandemUiTest"_s);
        QCoreApplication::setApplicationName(u"ui_live_test"_s);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_ava = loginAgent(m_server->baseUrl(), u"ava@lumen.example"_s);
        m_noah = loginAgent(m_server->baseUrl(), u"noah@lumen.example"_s);
        QVERIFY(!m_ava.token.isEmpty() && !m_noah.token.isEmpty());
    }

    void cleanupTestCase() { m_server.reset(); }

    void presenceShowsLiveAndExpires()
    {
        auto ava = startSession(m_ava);
        auto noah = startSession(m_noah);
        QVERIFY(ava && noah);
        auto window = openWindow(ava.get());
        QTRY_COMPARE_WITH_TIMEOUT(ava->connectionState(), app::EventStreamClient::State::Online, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(noah->connectionState(), app::EventStreamClient::State::Online, 10000);
        ava->presence()->setTimeToLive(1500ms);
        app::PresenceReporter::Timing slow; // noah says things once; nothing refreshes them
        slow.refresh = 60s;
        slow.typingIdle = 60s;
        slow.typingRepeat = 100ms;
        noah->presenceReporter()->setTiming(slow);

        const qint64 ticketId = openFirst(window.get(), ava.get(), TicketStatus::New);
        QVERIFY(ticketId != 0);
        ui::PresenceBar *bar = window->ticketPane()->presenceBar();
        QCOMPARE(bar->ticketId(), ticketId);
        QVERIFY(bar->isHidden());
        QVERIFY(!bar->accessibleName().isEmpty());

        // Opening the ticket told the others: Noah sees Ava viewing it.
        QTRY_VERIFY_WITH_TIMEOUT(noah->presence()->summary(ticketId).contains(u"Ava is viewing"_s), 5000);

        noah->presenceReporter()->setViewing(ticketId);
        QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(u"Noah is viewing"_s), 5000);
        QVERIFY(bar->isVisible());
        const auto rowData = [&](int role) {
            const int row = ava->inbox()->rowOfTicket(ticketId);
            return row < 0 ? QVariant() : ava->inbox()->index(row, app::InboxModel::SubjectColumn).data(role);
        };
        QCOMPARE(rowData(app::InboxModel::PresenceStateRole).toInt(), int(app::PresenceState::Viewing));
        QVERIFY(rowData(app::InboxModel::PresenceRole).toString().contains(u"Noah"_s));

        noah->presenceReporter()->setTyping(ticketId);
        QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(u"Noah is typing"_s), 5000);
        QCOMPARE(rowData(app::InboxModel::PresenceStateRole).toInt(), int(app::PresenceState::Typing));
        QCOMPARE(bar->accessibleDescription(), bar->text());
        keepScreenshot(window.get(), u"tandem-presence.png"_s);

        // Nobody refreshes Noah's presence: it expires by itself, in the bar and on the row.
        QTRY_VERIFY_WITH_TIMEOUT(bar->isHidden(), 6000);
        QCOMPARE(bar->text(), QString());
        QCOMPARE(rowData(app::InboxModel::PresenceStateRole).toInt(), -1);

        // Typing in the reply tells the others too.
        ui::DraftEditor *editor = window->ticketPane()->draftEditor();
        editor->editor()->setFocus();
        editor->editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor->editor(), u" thanks"_s);
        QTRY_VERIFY_WITH_TIMEOUT(noah->presence()->summary(ticketId).contains(u"Ava is typing"_s), 5000);

        // Leaving the ticket (closing the window's session) says "left".
        window->ticketPane()->openTicket(0);
        QTRY_VERIFY_WITH_TIMEOUT(noah->presence()->summary(ticketId).isEmpty(), 5000);

        // Quitting says "left" too (well before the 30 s expiry), though the socket closes at once.
        window->revealTicket(ticketId);
        QTRY_VERIFY_WITH_TIMEOUT(noah->presence()->summary(ticketId).contains(u"Ava is viewing"_s), 5000);
        window.reset();
        ava.reset();
        QTRY_VERIFY_WITH_TIMEOUT(noah->presence()->summary(ticketId).isEmpty(), 5000);
    }

    void presenceOfThoseAlreadyThere()
    {
        // Noah is on a ticket before Ava even starts: she still sees him as soon as she opens it
        // (he answers her arrival), not only at his next 20 s refresh.
        auto noah = startSession(m_noah);
        QVERIFY(noah);
        QTRY_COMPARE_WITH_TIMEOUT(noah->connectionState(), app::EventStreamClient::State::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(noah->sync()->lastSyncAt().isValid(), 20000);
        qint64 ticketId = 0;
        for (const Ticket &ticket : noah->store()->tickets()) {
            if (ticket.status == TicketStatus::Open)
                ticketId = ticket.id;
        }
        QVERIFY(ticketId != 0);
        noah->presenceReporter()->setViewing(ticketId);

        auto ava = startSession(m_ava);
        QVERIFY(ava);
        auto window = openWindow(ava.get());
        QTRY_COMPARE_WITH_TIMEOUT(ava->connectionState(), app::EventStreamClient::State::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(ava->sync()->lastSyncAt().isValid(), 20000);
        QCOMPARE(ava->presence()->summary(ticketId), QString()); // the stream does not replay it
        window->revealTicket(ticketId);
        QTRY_VERIFY_WITH_TIMEOUT(window->ticketPane()->presenceBar()->text().contains(u"Noah is viewing"_s),
                                 5000);
    }

    void outboxViewWhileTheServerIsUnreachable()
    {
        FaultProxy proxy(m_server->port());
        QVERIFY(proxy.start());
        auto ava = startSession(m_ava, proxy.baseUrl());
        QVERIFY(ava);
        auto window = openWindow(ava.get());
        ui::StatusIndicators *status = window->statusIndicators();
        QTRY_COMPARE_WITH_TIMEOUT(status->connectionText(), u"Online"_s, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(status->liveText().contains(u"Live"_s), 10000);
        QVERIFY(status->retryButton()->isHidden());
        const qint64 ticketId = openFirst(window.get(), ava.get(), TicketStatus::New);
        QVERIFY(ticketId != 0);

        // The cable is pulled: no dialog, the status bar says so and offers "Retry now".
        QVERIFY(proxy.setMode(FaultProxy::Mode::Refuse));
        ui::TicketPane *pane = window->ticketPane();
        const QString first = uniqueBody(u"Queued while offline"_s);
        pane->draftEditor()->setText(first);
        window->actions().send->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(status->connectionText().startsWith(u"Offline"_s), 10000);
        QVERIFY(status->retryButton()->isVisible());
        QVERIFY(QApplication::activeModalWidget() == nullptr);

        // The outbox view lists the queued reply with its state and reason.
        QVERIFY(window->outboxDock()->isHidden());
        status->outboxButton()->click();
        QVERIFY(window->outboxDock()->isVisible());
        ui::OutboxView *view = window->outboxView();
        QAbstractItemModel *model = view->list()->model();
        QTRY_COMPARE(model->rowCount(), 1);
        // From now on only Retry (or a reconnection) sends: one failed try now, the next in 60 s.
        const auto stateOf = [model] {
            return model->index(0, 0).data(app::OutboxModel::StateRole).toString();
        };
        const auto attemptsOf = [model] {
            return model->index(0, 0).data(app::OutboxModel::AttemptsRole).toInt();
        };
        // Counted between tries (a try in flight would swallow the retryNow()).
        ava->outbox()->setBackoff(60s, 60s);
        QTRY_COMPARE(stateOf(), u"queued"_s);
        const int tried = attemptsOf();
        ava->outbox()->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf() == u"queued"_s && attemptsOf() > tried, 10000);
        QCOMPARE(model->index(0, 0).data(app::OutboxModel::BodyRole).toString(), first);
        QVERIFY(!ui::OutboxDelegate::reasonText(model->index(0, 0)).isEmpty());
        QTRY_VERIFY(status->outboxText().contains(u"1 waiting"_s));
        QCOMPARE(view->currentRow(), 0);
        keepScreenshot(window.get(), u"tandem-outbox.png"_s);
        // Every focusable widget of the outbox and the status bar has a name for screen readers.
        QStringList unnamed;
        for (QWidget *root : {static_cast<QWidget *>(window->outboxDock()), static_cast<QWidget *>(status)}) {
            for (QWidget *widget : root->findChildren<QWidget *>()) {
                if (widget->focusPolicy() != Qt::NoFocus && widget->isVisibleTo(window.get()) &&
                    widget->accessibleName().isEmpty())
                    unnamed << QString::fromLatin1(widget->metaObject()->className()) + u' ' +
                                   widget->objectName();
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", ")));
        for (QWidget *w :
             {static_cast<QWidget *>(view->list()), static_cast<QWidget *>(view->retryButton()),
              static_cast<QWidget *>(view->discardButton()), static_cast<QWidget *>(view->openButton())})
            QVERIFY(!w->accessibleName().isEmpty());

        // Discard asks first; "Keep it" keeps it, "Discard reply" drops it. The server never had it.
        QVERIFY(view->discardButton()->isEnabled());
        view->discardButton()->click();
        QVERIFY(view->confirmStrip()->isAsking());
        view->confirmStrip()->rejectButton()->click();
        QCOMPARE(model->rowCount(), 1);
        // Retry while still offline: another attempt at once (and still queued).
        const int attempts = attemptsOf();
        QVERIFY(view->retryButton()->isEnabled());
        view->retryButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf() == u"queued"_s && attemptsOf() > attempts, 10000);
        view->discardButton()->click();
        QTRY_VERIFY(view->confirmStrip()->isAsking());
        view->confirmStrip()->acceptButton()->click();
        QTRY_COMPARE(model->rowCount(), 0);
        QTRY_VERIFY(status->outboxText().contains(u"empty"_s));

        // A second reply waits, then goes out once the server is back; the status bar follows.
        const QString second = uniqueBody(u"Sent after the outage"_s);
        pane->draftEditor()->setText(second);
        window->actions().send->trigger();
        QTRY_COMPARE(model->rowCount(), 1);
        QVERIFY(proxy.setMode(FaultProxy::Mode::Pass));
        view->retryButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(status->connectionText(), u"Online"_s, 15000);
        TestHttp http(m_server->baseUrl());
        QVERIFY(http.login(u"ava@lumen.example"_s));
        QCOMPARE(serverCount(http, ticketId, first), 0);
        QCOMPARE(serverCount(http, ticketId, second), 1);
    }

    void assignToMeIsConditional()
    {
        auto ava = startSession(m_ava);
        QVERIFY(ava);
        auto window = openWindow(ava.get());
        const qint64 ticketId = openFirst(window.get(), ava.get(), TicketStatus::New, true);
        QVERIFY(ticketId != 0);
        ui::TicketPane *pane = window->ticketPane();
        QAction *assign = window->actions().assignToMe;
        QTRY_VERIFY(assign->isEnabled());

        // Noah takes the ticket while Ava looks at the old version (her live updates are off).
        ava->events()->stop();
        ava->sync()->stop();
        TestHttp noah(m_server->baseUrl());
        QVERIFY(noah.login(u"noah@lumen.example"_s));
        const qint64 version = serverVersion(noah, ticketId);
        const auto taken =
            noah.patch(u"/api/v1/tickets/%1"_s.arg(ticketId), {{u"assignee_id"_s, m_noah.user.id}},
                       {{"If-Match", '"' + QByteArray::number(version) + '"'}});
        QCOMPARE(taken.status, 200);

        QSignalSpy conflict(ava->actions(), &app::TicketActions::conflict);
        assign->trigger();
        QVERIFY(conflict.wait(10000));
        // Nothing was overwritten; the header now names the owner.
        QTRY_COMPARE(pane->header()->fieldText(u"assignee"_s), m_noah.user.name);
        const auto after = noah.get(u"/api/v1/tickets/%1"_s.arg(ticketId)).json();
        QCOMPARE(after.value(u"assignee_id").toInteger(), m_noah.user.id);
        // An agent does not take a ticket from its owner: the action is off now; the row shows Noah.
        QTRY_VERIFY(!assign->isEnabled());
        const auto ownerOf = [&ava](qint64 id) {
            const int row = ava->inbox()->rowOfTicket(id);
            return row < 0 ? QString()
                           : ava->inbox()->index(row, 0).data(app::InboxModel::AssigneeNameRole).toString();
        };
        QTRY_COMPARE(ownerOf(ticketId), m_noah.user.name);

        // An unowned ticket (her view up to date again): assigned, and the inbox says so.
        ava->sync()->start();
        const qint64 other = openFirst(window.get(), ava.get(), TicketStatus::New, true);
        QVERIFY(other != 0 && other != ticketId);
        QTRY_VERIFY(assign->isEnabled());
        QSignalSpy patched(ava->actions(), &app::TicketActions::patched);
        assign->trigger();
        QVERIFY(patched.wait(10000));
        QCOMPARE(pane->header()->fieldText(u"assignee"_s), ui::TicketPane::tr("You"));
        QVERIFY(!assign->isEnabled());
        QTRY_COMPARE(ownerOf(other), m_ava.user.name);
        TestHttp check(m_server->baseUrl());
        QVERIFY(check.login(u"ava@lumen.example"_s));
        QCOMPARE(check.get(u"/api/v1/tickets/%1"_s.arg(other)).json().value(u"assignee_id").toInteger(),
                 m_ava.user.id);
    }

    void ownReplyIsNoConflict()
    {
        auto ava = startSession(m_ava);
        QVERIFY(ava);
        auto window = openWindow(ava.get());
        const qint64 ticketId = openFirst(window.get(), ava.get(), TicketStatus::New);
        QVERIFY(ticketId != 0);
        // No pushes and no refetches: only the outbox's answer can move the seen version.
        ava->events()->stop();
        ava->sync()->stop();
        ui::TicketPane *pane = window->ticketPane();
        const qint64 before = pane->seenVersion();
        QSignalSpy sent(ava->outbox(), &app::Outbox::sent);
        pane->draftEditor()->setText(uniqueBody(u"First of two"_s));
        window->actions().send->trigger();
        QVERIFY(sent.wait(10000));
        const qint64 after = sent.at(0).at(3).toLongLong();
        QVERIFY(after > before);
        QCOMPARE(pane->seenVersion(), after);

        // A second reply right away is based on our own reply: it lands, no conflict banner.
        const QString second = uniqueBody(u"Second of two"_s);
        pane->draftEditor()->setText(second);
        window->actions().send->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(sent.count(), 2, 10000);
        QCOMPARE(ava->outbox()->attentionCount(), 0);
        TestHttp http(m_server->baseUrl());
        QVERIFY(http.login(u"ava@lumen.example"_s));
        QCOMPARE(serverCount(http, ticketId, second), 1);
    }
};

QTEST_MAIN(LiveUiTest)
#include "LiveUiTest.moc"
