// Integration: two agents on one ticket against a REAL tandemd. Replies and assignment are
// conditional writes (If-Match): when both act at the same moment exactly one lands without
// confirmation and the other gets a conflict with the fresh thread cached to show what changed.
#include "LiveFixture.h"
#include "TestServer.h"

#include "app/InboxModel.h"
#include "app/LocalStore.h"
#include "app/TicketActions.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem;
using namespace tandem::app;
using namespace tandem::test;

class CollisionTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttp> m_http;
    Agent m_ava;
    Agent m_noah;
    QTemporaryDir m_dir;
    std::unique_ptr<Session> m_avaSession;
    std::unique_ptr<Session> m_noahSession;

    std::unique_ptr<Session> liveSession(const Agent &agent, const QString &name)
    {
        auto session = makeSession(m_server->baseUrl(), agent, m_dir.filePath(name));
        if (!session->start())
            return nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    return session->connectionState() == EventStreamClient::State::Online &&
                           session->sync()->lastSyncAt().isValid() &&
                           session->sync()->state() == SyncEngine::State::Online;
                },
                20000))
            return nullptr;
        return session;
    }

    //! Open tickets both sessions hold at the server's current version.
    QList<qint64> sharedOpenTickets(int count, bool unassigned)
    {
        QList<qint64> out;
        for (const Ticket &t : m_avaSession->store()->tickets()) {
            if (t.status == TicketStatus::Solved || (unassigned && t.assigneeId))
                continue;
            const auto theirs = m_noahSession->store()->ticket(t.id);
            if (!theirs || theirs->version != t.version || serverVersion(*m_http, t.id) != t.version)
                continue;
            out.append(t.id);
            if (out.size() == count)
                break;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_http = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_http->login(u"leo@lumen.example"_s));
        m_ava = loginAgent(m_server->baseUrl(), u"ava@lumen.example"_s);
        m_noah = loginAgent(m_server->baseUrl(), u"noah@lumen.example"_s);
        QVERIFY(m_ava.user.id > 0 && m_noah.user.id > 0);
        m_avaSession = liveSession(m_ava, u"ava.sqlite"_s);
        m_noahSession = liveSession(m_noah, u"noah.sqlite"_s);
        QVERIFY(m_avaSession && m_noahSession);
    }

    void simultaneousRepliesOneLandsTheOtherConflicts()
    {
        const QList<qint64> tickets = sharedOpenTickets(5, false);
        QCOMPARE(tickets.size(), 5);
        for (qint64 ticketId : tickets) {
            Outbox *ava = m_avaSession->outbox();
            Outbox *noah = m_noahSession->outbox();
            QSignalSpy avaSent(ava, &Outbox::sent);
            QSignalSpy noahSent(noah, &Outbox::sent);
            QSignalSpy avaConflict(ava, &Outbox::conflict);
            QSignalSpy noahConflict(noah, &Outbox::conflict);
            const qint64 seen = m_avaSession->store()->ticket(ticketId)->version;
            const QString avaBody = uniqueBody(u"Ava answers"_s);
            const QString noahBody = uniqueBody(u"Noah answers"_s);
            // Both press Send in the same event-loop turn: the requests race on the wire.
            QVERIFY(ava->queueReply(ticketId, ReplyRequest{avaBody}, seen));
            QVERIFY(noah->queueReply(ticketId, ReplyRequest{noahBody}, seen));
            QTRY_COMPARE_WITH_TIMEOUT(
                avaSent.size() + noahSent.size() + avaConflict.size() + noahConflict.size(), 2, 10000);
            QCOMPARE(avaSent.size() + noahSent.size(), 1);
            QCOMPARE(avaConflict.size() + noahConflict.size(), 1);
            const bool avaWon = avaSent.size() == 1;
            const QString winner = avaWon ? avaBody : noahBody;
            const QString loser = avaWon ? noahBody : avaBody;
            QCOMPARE(serverCount(*m_http, ticketId, winner), 1);
            QCOMPARE(serverCount(*m_http, ticketId, loser), 0);

            // The loser sees what changed: the winner's reply is in their cached thread.
            Session *loserSession = avaWon ? m_noahSession.get() : m_avaSession.get();
            const auto thread = loserSession->store()->messages(ticketId);
            QVERIFY(std::any_of(thread.cbegin(), thread.cend(),
                                [&](const Message &m) { return m.body == winner; }));
            const auto items = loserSession->outbox()->items();
            QCOMPARE(items.size(), 1);
            QVERIFY(items.first().state == OutboxState::Conflict);
            QVERIFY(!items.first().error.isEmpty());

            // ... and decides: send anyway (or discard). Sending anyway lands it once.
            QSignalSpy resent(loserSession->outbox(), &Outbox::sent);
            loserSession->outbox()->resendIgnoringConflict(items.first().id);
            QVERIFY(resent.wait(10000));
            QCOMPARE(serverCount(*m_http, ticketId, loser), 1);
            QVERIFY(loserSession->outbox()->items().isEmpty());
        }
    }

    void theAgentsOwnRepliesNeverConflict()
    {
        const qint64 ticketId = sharedOpenTickets(1, false).value(0);
        QVERIFY(ticketId > 0);
        Outbox *outbox = m_avaSession->outbox();
        const qint64 seen = m_avaSession->store()->ticket(ticketId)->version;
        QSignalSpy sent(outbox, &Outbox::sent);
        QSignalSpy conflict(outbox, &Outbox::conflict);
        QStringList bodies;
        for (int i = 0; i < 3; ++i) {
            bodies.append(uniqueBody(u"Part %1"_s.arg(i + 1)));
            QVERIFY(outbox->queueReply(ticketId, ReplyRequest{bodies.last()}, seen));
        }
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 3, 10000);
        QCOMPARE(conflict.size(), 0);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(sent.at(i).at(2).value<Message>().body, bodies.at(i)); // in order
            QCOMPARE(serverCount(*m_http, ticketId, bodies.at(i)), 1);
        }
    }

    void assignmentIsAConditionalWrite()
    {
        const qint64 ticketId = sharedOpenTickets(1, true).value(0);
        QVERIFY(ticketId > 0);
        const qint64 seen = m_noahSession->store()->ticket(ticketId)->version;

        QSignalSpy avaPatched(m_avaSession->actions(), &TicketActions::patched);
        m_avaSession->actions()->assignToMe(ticketId);
        QVERIFY(avaPatched.wait(10000));
        QCOMPARE(m_avaSession->store()->ticket(ticketId)->assigneeId, std::optional<qint64>(m_ava.user.id));

        // Noah clicks "Assign to me" on what he saw before Ava took it.
        QSignalSpy noahConflict(m_noahSession->actions(), &TicketActions::conflict);
        QSignalSpy noahPatched(m_noahSession->actions(), &TicketActions::patched);
        m_noahSession->actions()->assignToMe(ticketId, seen);
        QVERIFY(noahConflict.wait(10000));
        QCOMPARE(noahPatched.size(), 0);
        const auto mine = noahConflict.at(0).at(1).value<Ticket>();
        const auto current = noahConflict.at(0).at(2).value<Ticket>();
        QCOMPARE(mine.version, seen);
        QCOMPARE(current.assigneeId, std::optional<qint64>(m_ava.user.id)); // who took it
        QVERIFY(current.version > seen);
        QCOMPARE(m_noahSession->store()->ticket(ticketId)->assigneeId, std::optional<qint64>(m_ava.user.id));
        const auto row = m_noahSession->inbox()->rowOfTicket(ticketId);
        if (row >= 0)
            QCOMPARE(m_noahSession->inbox()->index(row, 0).data(InboxModel::AssigneeIdRole).toLongLong(),
                     m_ava.user.id);
        // The server kept Ava's assignment.
        const auto server = m_http->get(u"/api/v1/tickets/%1"_s.arg(ticketId)).json();
        QCOMPARE(server.value(u"assignee_id"_s).toInteger(), m_ava.user.id);
    }

    void cleanupTestCase()
    {
        m_avaSession.reset();
        m_noahSession.reset();
        m_http.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(CollisionTest)
#include "CollisionTest.moc"
