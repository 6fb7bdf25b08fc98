// Integration: the engine's live event stream against a REAL tandemd (and, for faults, through
// tests/support FaultProxy): pushes without pulls, coalesced bursts, resume after the saved seq,
// resync through the delta cursor, dead-server detection, bad tokens, presence between agents.
#include "FaultProxy.h"
#include "LiveFixture.h"
#include "TestServer.h"

#include "app/InboxModel.h"
#include "app/LocalStore.h"
#include "app/PresenceModel.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem;
using namespace tandem::app;
using namespace tandem::test;

class EventStreamTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttp> m_intake; //!< another agent creating tickets
    Agent m_ava;
    Agent m_noah;
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newStorePath() { return m_dir.filePath(u"store-%1.sqlite"_s.arg(++m_files)); }

    //! A started session that finished its first pull and whose stream is online.
    std::unique_ptr<Session> liveSession(const Agent &agent, const QString &url = {})
    {
        auto session = makeSession(url.isEmpty() ? m_server->baseUrl() : url, agent, newStorePath());
        if (!session->start())
            return nullptr;
        const bool live = QTest::qWaitFor(
            [&] {
                // Online first, then the pull it asked for (it starts synchronously) finished.
                return session->connectionState() == EventStreamClient::State::Online &&
                       session->sync()->lastSyncAt().isValid() &&
                       session->sync()->state() == SyncEngine::State::Online;
            },
            20000);
        if (!live)
            return nullptr;
        return session;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_intake = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_intake->login(u"leo@lumen.example"_s));
        m_ava = loginAgent(m_server->baseUrl(), u"ava@lumen.example"_s);
        m_noah = loginAgent(m_server->baseUrl(), u"noah@lumen.example"_s);
        QVERIFY(!m_ava.token.isEmpty() && m_ava.user.id > 0);
        QVERIFY(!m_noah.token.isEmpty() && m_noah.user.id > 0);
        // The first draft after start-up compiles the judgement patterns it reaches on the HTTP
        // thread (ADR 0015): up to seconds on a loaded CI machine, longer than these tests'
        // 1.2 s dead-after. They are about the stream, not a cold start: warm the server first.
        QVERIFY(createTicket(*m_intake, u"Warm-up"_s) > 0);
    }

    void pushedTicketAppearsWithoutAPull()
    {
        auto session = liveSession(m_ava);
        QVERIFY(session);
        // Live: the periodic pull is only a safety net now.
        QCOMPARE(session->sync()->interval(), 60000ms);
        QSignalSpy pulls(session->sync(), &SyncEngine::syncStateChanged);
        QElapsedTimer clock;
        clock.start();
        const qint64 id = createTicket(*m_intake, u"Pushed, not pulled"_s);
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(session->inbox()->rowOfTicket(id) >= 0 || session->store()->ticket(id),
                                 5000);
        QTRY_VERIFY_WITH_TIMEOUT(session->store()->ticket(id).has_value(), 5000);
        qInfo("ticket reached the cache %lld ms after its creation call returned", qint64(clock.elapsed()));
        // The stream's position is saved with its batch; on a loaded machine a pull that was
        // already under way can bring the row first, so wait for the stream rather than assume
        // (15 s: under a full parallel CI run the batch took longer than 5 s to be saved).
        QTRY_VERIFY_WITH_TIMEOUT(session->store()->eventSeq() > 0, 15000);
        QCOMPARE(pulls.size(), 0); // no pull ran: the stream delivered it
        QCOMPARE(session->inbox()->totalCount(), session->store()->ticketCount());
    }

    void burstIsAppliedInFewBatches()
    {
        auto proxy = std::make_unique<FaultProxy>(m_server->port());
        QVERIFY(proxy->start());
        auto session = liveSession(m_ava, proxy->baseUrl());
        QVERIFY(session);
        // The stall below must look like a slow network, not a dead server.
        auto timing = fastStream();
        timing.deadAfter = 30s;
        session->events()->setTiming(timing);
        session->sync()->setInterval(60s);
        QSignalSpy batches(session->events(), &EventStreamClient::ticketsApplied);
        QSignalSpy inserted(session->inbox(), &QAbstractItemModel::rowsInserted);
        QSet<qint64> pushed;
        connect(session->events(), &EventStreamClient::ticketsApplied, this,
                [&pushed](const QList<Ticket> &tickets) {
                    for (const Ticket &t : tickets)
                        pushed.insert(t.id);
                });
        // Hold the stream's bytes while 25 tickets arrive, then let them through at once.
        QVERIFY(proxy->setMode(FaultProxy::Mode::Stall));
        QList<qint64> ids;
        for (int i = 0; i < 25; ++i)
            ids.append(createTicket(*m_intake, u"Burst %1"_s.arg(i)));
        QVERIFY(!ids.contains(0));
        QVERIFY(proxy->setMode(FaultProxy::Mode::Pass));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(ids.cbegin(), ids.cend(), [&](qint64 id) { return pushed.contains(id); }), 10000);
        for (qint64 id : std::as_const(ids))
            QVERIFY(session->store()->ticket(id).has_value());
        qInfo("25 pushed tickets applied in %lld batch(es)", qint64(batches.size()));
        QVERIFY2(batches.size() <= 3, "a burst must be coalesced into a few transactions");
        QCOMPARE(session->inbox()->totalCount(), session->store()->ticketCount());
        QVERIFY(inserted.size() >= 1); // rows were inserted, not reset in
    }

    void resumesAfterTheSavedSeq()
    {
        const QString path = newStorePath();
        LocalStore store(path);
        QVERIFY(store.open());
        ApiClient api(QUrl(m_server->baseUrl()));
        api.setToken(m_ava.token);
        qint64 seqBefore = 0;
        {
            EventStreamClient stream(&api, &store);
            stream.setTiming(fastStream());
            QSignalSpy resync(&stream, &EventStreamClient::resyncRequired);
            stream.start();
            QTRY_COMPARE_WITH_TIMEOUT(stream.state(), EventStreamClient::State::Online, 10000);
            QCOMPARE(resync.size(), 1); // no seq yet: the delta cursor must cover the past
            const qint64 first = createTicket(*m_intake, u"Seen live"_s);
            QTRY_VERIFY_WITH_TIMEOUT(store.ticket(first).has_value(), 5000);
            seqBefore = store.eventSeq();
            QVERIFY(seqBefore > 0);
            stream.stop();
            QCOMPARE(stream.state(), EventStreamClient::State::Offline);
        }
        // Offline for a while: three tickets arrive meanwhile.
        QList<qint64> missed;
        for (int i = 0; i < 3; ++i)
            missed.append(createTicket(*m_intake, u"Missed %1"_s.arg(i)));
        EventStreamClient stream(&api, &store);
        stream.setTiming(fastStream());
        QSignalSpy resync(&stream, &EventStreamClient::resyncRequired);
        QSignalSpy applied(&stream, &EventStreamClient::ticketsApplied);
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(missed.cbegin(), missed.cend(),
                                             [&](qint64 id) { return store.ticket(id).has_value(); }),
                                 10000);
        QCOMPARE(resync.size(), 0); // replayed from the seq, no pull needed
        QVERIFY(store.eventSeq() > seqBefore);
    }

    void unknownSeqFallsBackToTheDeltaCursor()
    {
        const QString path = newStorePath();
        {
            LocalStore store(path);
            QVERIFY(store.open());
            QVERIFY(store.setEventSeq(999999999)); // e.g. the server's database was replaced
        }
        auto session = makeSession(m_server->baseUrl(), m_ava, path);
        session->sync()->setInterval(60s);
        QSignalSpy resync(session->events(), &EventStreamClient::resyncRequired);
        QVERIFY(session->start());
        QTRY_VERIFY_WITH_TIMEOUT(!resync.isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(session->store()->eventSeq() < 999999999, 5000);
        // The resync pull brings everything; then the stream goes on live.
        QTRY_VERIFY_WITH_TIMEOUT(session->store()->ticketCount() >= 300, 20000);
        const qint64 id = createTicket(*m_intake, u"After the resync"_s);
        QTRY_VERIFY_WITH_TIMEOUT(session->store()->ticket(id).has_value(), 5000);
    }

    void silentServerIsDetectedAndNothingIsLost()
    {
        FaultProxy proxy(m_server->port());
        QVERIFY(proxy.start());
        auto session = liveSession(m_ava, proxy.baseUrl());
        QVERIFY(session);
        QSignalSpy states(session.get(), &Session::connectionStateChanged);
        // The line goes silent (packets vanish; no FIN, no RST): only the heartbeat can tell.
        QVERIFY(proxy.setMode(FaultProxy::Mode::Stall));
        QTRY_VERIFY_WITH_TIMEOUT(session->connectionState() != EventStreamClient::State::Online, 5000);
        QCOMPARE(session->sync()->interval(), 5000ms); // the pull takes over while not live
        const qint64 id = createTicket(*m_intake, u"Created during the silence"_s);
        proxy.dropAll(); // the stalled connections die; new ones pass again
        QVERIFY(proxy.setMode(FaultProxy::Mode::Pass));
        QTRY_COMPARE_WITH_TIMEOUT(session->connectionState(), EventStreamClient::State::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(session->store()->ticket(id).has_value(), 10000);
        QCOMPARE(session->inbox()->totalCount(), session->store()->ticketCount());
        QVERIFY(states.size() >= 2);
    }

    void badTokenStopsRetrying()
    {
        LocalStore store(newStorePath());
        QVERIFY(store.open());
        ApiClient api(QUrl(m_server->baseUrl()));
        api.setToken(u"tdm_forged"_s);
        EventStreamClient stream(&api, &store);
        stream.setTiming(fastStream());
        QSignalSpy refused(&stream, &EventStreamClient::authenticationFailed);
        stream.start();
        QVERIFY(refused.wait(10000));
        QCOMPARE(stream.state(), EventStreamClient::State::Offline);
        QVERIFY(!stream.isRunning());
        QCOMPARE(stream.nextRetryIn(), 0ms);
    }

    void presenceTravelsBetweenAgents()
    {
        auto ava = liveSession(m_ava);
        auto noah = liveSession(m_noah);
        QVERIFY(ava && noah);
        const qint64 ticketId = noah->store()->tickets().first().id;
        PresenceReporter::Timing quick;
        quick.typingIdle = 300ms;
        quick.typingRepeat = 100ms;
        quick.refresh = 5s;
        ava->presenceReporter()->setTiming(quick);

        ava->presenceReporter()->setViewing(ticketId);
        QTRY_COMPARE_WITH_TIMEOUT(noah->presence()->rowCount(), 1, 5000);
        const QString first = m_ava.user.name.section(u' ', 0, 0);
        QCOMPARE(noah->presence()->summary(ticketId), u"%1 is viewing"_s.arg(first));
        const int row = noah->inbox()->rowOfTicket(ticketId);
        if (row >= 0)
            QCOMPARE(noah->inbox()->index(row, 0).data(InboxModel::PresenceRole).toString(),
                     u"%1 is viewing"_s.arg(first));

        ava->presenceReporter()->setTyping(ticketId);
        QTRY_VERIFY_WITH_TIMEOUT(noah->presence()->strongestState(ticketId) == PresenceState::Typing, 5000);
        // Typing stops: back to viewing by itself.
        QTRY_VERIFY_WITH_TIMEOUT(noah->presence()->strongestState(ticketId) == PresenceState::Viewing, 5000);
        // Ava's own presence never shows up on her side.
        QCOMPARE(ava->presence()->rowCount(), 0);

        ava->presenceReporter()->setViewing(0); // she leaves the ticket
        QTRY_COMPARE_WITH_TIMEOUT(noah->presence()->rowCount(), 0, 5000);
        if (row >= 0)
            QCOMPARE(noah->inbox()
                         ->index(noah->inbox()->rowOfTicket(ticketId), 0)
                         .data(InboxModel::PresenceStateRole)
                         .toInt(),
                     -1);

        // A presence that is not refreshed expires on the other side.
        noah->presence()->setTimeToLive(300ms);
        ava->presenceReporter()->setViewing(ticketId);
        QTRY_COMPARE_WITH_TIMEOUT(noah->presence()->rowCount(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(noah->presence()->rowCount(), 0, 5000);
    }

    void cleanupTestCase()
    {
        m_intake.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(EventStreamTest)
#include "EventStreamTest.moc"
