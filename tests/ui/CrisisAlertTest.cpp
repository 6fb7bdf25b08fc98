// Crisis tickets end to end, offscreen against a real tandemd (demo data): a customer message
// the server judges a crisis lands on row 0 of the inbox with its red chip and raises exactly one
// alert (the banner channel; offscreen has no tray); a ticket that becomes a crisis later does
// too; other reasons show calm chips and no alert; the codes survive a restart from the cache,
// and the restart announces nothing again.
#include "PixelProbe.h"

#include "../app/LiveFixture.h"
#include "TestServer.h"

#include "ui/AlertNotifier.h"
#include "ui/InboxTable.h"
#include "ui/MainWindow.h"
#include "ui/ReasonChips.h"
#include "ui/TicketHeader.h"
#include "ui/TicketPane.h"
#include "ui/ViewsList.h"

#include "app/CrisisDetector.h"
#include "app/InboxModel.h"
#include "app/LocalStore.h"

#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::test;

using tandem::test::keepScreenshot;
using tandem::test::pixelsLike;

namespace {

const QString kCrisisText = u"I can't take this anymore, I'm going to end it all tonight"_s;
const QString kBereavementText = u"my mother passed away last week, what happens to her account"_s;

} // namespace

class CrisisAlertTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttp> m_intake; //!< the channel customers write through
    Agent m_ava;
    QTemporaryDir m_dir;
    QString m_store;
    qint64 m_crisisId = 0;

    qint64 newTicket(const QString &subject, const QString &body, const QString &queue = u"account"_s)
    {
        const NewTicketRequest request{
            subject, Customer{u"Robin Gray"_s, u"robin.gray@example.com"_s, u"en"_s}, body, queue};
        const auto response = m_intake->post(u"/api/v1/tickets"_s, json::toJson(request));
        return response.status == 201 ? response.json().value(u"id"_s).toInteger() : 0;
    }

    static std::unique_ptr<ui::MainWindow> openWindow(app::Session *session)
    {
        auto window = std::make_unique<ui::MainWindow>(session, false);
        window->crisisNotifier()->setChannel(ui::AlertNotifier::Channel::Banner);
        window->resize(1400, 850);
        window->show();
        QApplication::setActiveWindow(window.get());
        // An agent starts in "My tickets"; a new crisis is unassigned, so look at every ticket.
        window->viewsList()->selectView(app::InboxView::all());
        session->inbox()->setView(app::InboxView::all());
        return window;
    }

    //! The session's first complete pull and a live stream.
    static bool waitUntilLive(app::Session *session)
    {
        return QTest::qWaitFor(
            [session] {
                return session->sync()->lastSyncAt().isValid() &&
                       session->connectionState() == app::EventStreamClient::State::Online;
            },
            20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TandemUiTest"_s);
        QCoreApplication::setApplicationName(u"ui_crisis_alert_test"_s);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(u"ava.sqlite"_s);
        TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_ava = loginAgent(m_server->baseUrl(), u"ava@lumen.example"_s);
        QVERIFY(!m_ava.token.isEmpty());
        m_intake = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_intake->login(u"noah@lumen.example"_s));
    }

    void cleanupTestCase() { m_server.reset(); }

    void crisisLandsOnTopWithItsChipAndOneAlert()
    {
        auto session = makeSession(m_server->baseUrl(), m_ava, m_store);
        QString error;
        QVERIFY2(session->start(&error), qPrintable(error));
        auto window = openWindow(session.get());
        QVERIFY(waitUntilLive(session.get()));
        app::InboxModel *inbox = session->inbox();
        // Urgent tickets last: without the pin this one would be near the bottom. Crises (all
        // urgent) tie on the column, so the newest of them, ours, comes first among them.
        inbox->setSortColumn(app::InboxModel::PriorityColumn, Qt::AscendingOrder);
        ui::AlertNotifier *notifier = window->crisisNotifier();
        QSignalSpy alerts(notifier, &ui::AlertNotifier::notified);

        m_crisisId = newTicket(u"Zz please read"_s, kCrisisText);
        QVERIFY(m_crisisId > 0);
        QTRY_COMPARE_WITH_TIMEOUT(inbox->ticketIdAt(0), m_crisisId, 15000);
        const QModelIndex row0 = inbox->index(0, app::InboxModel::SubjectColumn);
        // Most serious first ("crisis", then whatever else the server saw, e.g. "vulnerable").
        QCOMPARE(row0.data(app::InboxModel::ReasonCodesRole).toStringList().value(0), u"crisis"_s);
        QVERIFY(row0.data(app::InboxModel::CrisisRole).toBool());
        QCOMPARE(row0.data(app::InboxModel::PriorityRole).toInt(), int(Priority::Urgent));
        QVERIFY(row0.data(Qt::AccessibleTextRole).toString().contains(u"Crisis"_s));

        // Its chip is on row 0 of the table as painted.
        ui::InboxTable *table = window->inboxTable();
        table->scrollToTop();
        const QImage image = table->viewport()->grab().toImage();
        const qreal dpr = image.devicePixelRatio();
        const QRect cell = table->visualRect(row0);
        const QRect scaled(cell.topLeft() * dpr, cell.size() * dpr);
        QVERIFY2(pixelsLike(image, scaled, ui::ReasonChips::background(table->palette(), u"crisis")) > 40,
                 "no crisis chip painted on row 0");

        // Exactly one alert, naming the ticket, above the inbox.
        QTRY_COMPARE_WITH_TIMEOUT(alerts.size(), 1, 10000);
        QVERIFY(notifier->isVisible());
        QVERIFY2(notifier->bannerTitle().contains(u"#%1"_s.arg(m_crisisId)),
                 qPrintable(notifier->bannerTitle()));
        QCOMPARE(notifier->severity(), ui::AlertNotifier::Severity::Critical);

        // More changes to the same ticket (a further message, a pull) bring no second alert.
        const qint64 version = row0.data(app::InboxModel::VersionRole).toLongLong();
        QCOMPARE(m_intake->post(u"/api/v1/tickets/%1/messages"_s.arg(m_crisisId), {{u"body"_s, u"hello?"_s}})
                     .status,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(
            inbox->index(inbox->rowOfTicket(m_crisisId), 0).data(app::InboxModel::VersionRole).toLongLong() >
                version,
            15000);
        QSignalSpy pulled(session->sync(), &app::SyncEngine::lastSyncAtChanged);
        session->sync()->pullNow();
        QVERIFY(pulled.wait(10000));
        QCOMPARE(alerts.size(), 1);

        // Another reason: its calm chip, no alert.
        const qint64 bereavement = newTicket(u"Account of my mother"_s, kBereavementText);
        QVERIFY(bereavement > 0);
        QTRY_VERIFY_WITH_TIMEOUT(inbox->rowOfTicket(bereavement) >= 0 &&
                                     inbox->index(inbox->rowOfTicket(bereavement), 0)
                                         .data(app::InboxModel::ReasonCodesRole)
                                         .toStringList()
                                         .contains(u"vulnerable"_s),
                                 15000);
        QCOMPARE(inbox->ticketIdAt(0), m_crisisId);
        QCOMPARE(alerts.size(), 1);

        // The banner opens the ticket; its header shows the chip with the AI's reason as tool tip.
        QTest::mouseClick(notifier->openButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window->ticketPane()->ticketId(), m_crisisId, 10000);
        ui::ReasonChips *chips = window->ticketPane()->header()->reasonChips();
        QTRY_VERIFY_WITH_TIMEOUT(chips->isVisible(), 10000);
        QCOMPARE(chips->codes().value(0), u"crisis"_s);
        QVERIFY(chips->accessibleName().contains(u"Crisis"_s));
        QVERIFY(!notifier->isVisible());
    }

    void ticketBecomingACrisisRaisesOneAlert()
    {
        auto session = makeSession(m_server->baseUrl(), m_ava, m_store);
        QString error;
        QVERIFY2(session->start(&error), qPrintable(error));
        auto window = openWindow(session.get());
        QVERIFY(waitUntilLive(session.get()));
        QSignalSpy alerts(window->crisisNotifier(), &ui::AlertNotifier::notified);
        app::InboxModel *inbox = session->inbox();

        const qint64 id =
            newTicket(u"Parcel late"_s, u"Where is my parcel? It is a week late."_s, u"orders"_s);
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(inbox->rowOfTicket(id) >= 0, 15000);
        QVERIFY(!inbox->index(inbox->rowOfTicket(id), 0).data(app::InboxModel::CrisisRole).toBool());
        QCOMPARE(alerts.size(), 0);

        QCOMPARE(m_intake->post(u"/api/v1/tickets/%1/messages"_s.arg(id), {{u"body"_s, kCrisisText}}).status,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(
            inbox->index(inbox->rowOfTicket(id), 0).data(app::InboxModel::CrisisRole).toBool(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(alerts.size(), 1, 10000);
        QVERIFY(window->crisisNotifier()->bannerTitle().contains(u"#%1"_s.arg(id)));
        // Both crises are on top, this view or any other.
        QVERIFY(inbox->rowOfTicket(id) <= 1);
        QVERIFY(inbox->rowOfTicket(m_crisisId) <= 1);
    }

    void codesSurviveARestartFromTheCache()
    {
        QVERIFY(m_crisisId > 0);
        // Offline: only the cache speaks (nothing listens on port 9).
        {
            auto session = makeSession(u"http://127.0.0.1:9"_s, m_ava, m_store);
            QSignalSpy crises(session->crisis(), &app::CrisisDetector::crisisArrived);
            QString error;
            QVERIFY2(session->start(&error), qPrintable(error));
            const auto cached = session->store()->ticket(m_crisisId);
            QVERIFY(cached);
            QCOMPARE(cached->needsHumanCodes.value(0), u"crisis"_s);
            app::InboxModel *inbox = session->inbox();
            QCOMPARE(inbox->index(inbox->rowOfTicket(m_crisisId), 0)
                         .data(app::InboxModel::ReasonCodesRole)
                         .toStringList(),
                     cached->needsHumanCodes);
            QVERIFY(inbox->rowOfTicket(m_crisisId) <= 1); // one of the two crises on top
            QVERIFY(session->crisis()->isKnown(m_crisisId));
            QCOMPARE(crises.size(), 0);
        }
        // Online again: a full catch-up announces nothing that was already known.
        auto session = makeSession(m_server->baseUrl(), m_ava, m_store);
        QString error;
        QVERIFY2(session->start(&error), qPrintable(error));
        auto window = openWindow(session.get());
        QSignalSpy alerts(window->crisisNotifier(), &ui::AlertNotifier::notified);
        QVERIFY(waitUntilLive(session.get()));
        QCOMPARE(alerts.size(), 0);
        QVERIFY(session->inbox()->index(0, 0).data(app::InboxModel::CrisisRole).toBool());
    }
};

QTEST_MAIN(CrisisAlertTest)
#include "CrisisAlertTest.moc"
