// The send rules without widgets (app/ReplyController), against a real tandemd: nothing is
// queued before the ticket was seen, for an empty text or with a gap still in a reply (a note may
// quote one); a reply is based on the version the agent saw and uses its draft up; our own
// delivered reply moves the seen version so the next one lands without a conflict; "Keep
// editing" takes a reply back out of the outbox.
#include "LiveFixture.h"
#include "TestServer.h"

#include "app/DraftAutosave.h"
#include "app/LocalStore.h"
#include "app/Outbox.h"
#include "app/ReplyController.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::app;
using namespace tandem::test;

class ReplyControllerTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttp> m_http;
    Agent m_ava;
    QTemporaryDir m_dir;

    //! A session with the detail of a fresh ticket cached; the ticket id in \a ticketId.
    std::unique_ptr<Session> openSession(const QString &file, qint64 *ticketId)
    {
        auto session = makeSession(m_server->baseUrl(), m_ava, m_dir.filePath(file));
        if (!session->start())
            return nullptr;
        *ticketId = createTicket(*m_http, uniqueBody(u"Reply controller"_s));
        QSignalSpy detail(session->sync(), &SyncEngine::ticketDetailChanged);
        session->sync()->openTicket(*ticketId);
        if (!QTest::qWaitFor([&] { return session->store()->hasTicketDetail(*ticketId); }, 20000))
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
        m_http = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_http->login(u"ava@lumen.example"_s));
        m_ava = loginAgent(m_server->baseUrl(), u"ava@lumen.example"_s);
        QVERIFY(m_ava.user.id > 0);
    }

    void refusesWhatMustNotGoOut()
    {
        qint64 ticketId = 0;
        auto session = openSession(u"refuse.sqlite"_s, &ticketId);
        QVERIFY(session);
        ReplyController reply(session->outbox(), session->autosave());
        const ReplyRequest text{uniqueBody(u"Refused"_s)};
        QCOMPARE(reply.queue(text, {}).refusal, ReplyController::Refusal::NoTicket); // nothing open
        reply.setTicket(ticketId);
        QCOMPARE(reply.queue(text, {}).refusal, ReplyController::Refusal::NoTicket); // not seen yet
        reply.saw(*session->store()->ticketDetail(ticketId));
        QVERIFY(reply.seenVersion() > 0);
        QCOMPARE(reply.queue(ReplyRequest{u"  \n "_s}, {}).refusal, ReplyController::Refusal::Empty);
        QCOMPARE(reply.queue(ReplyRequest{u"Due on [date]."_s}, {u"[date]"_s}).refusal,
                 ReplyController::Refusal::Gaps);
        QCOMPARE(session->outbox()->items().size(), 0);
        // A note may quote a gap: it never reaches the customer.
        ReplyRequest note{u"Customer asked about [date]."_s};
        note.internal = true;
        QSignalSpy sent(session->outbox(), &Outbox::sent);
        const auto queued = reply.queue(note, {u"[date]"_s});
        QCOMPARE(queued.refusal, ReplyController::Refusal::None);
        QVERIFY(queued.outboxId > 0);
        QVERIFY(sent.wait(15000));
        QCOMPARE(serverCount(*m_http, ticketId, note.body), 1);
    }

    void ownRepliesNeverConflictAndUseTheDraftUp()
    {
        qint64 ticketId = 0;
        auto session = openSession(u"own.sqlite"_s, &ticketId);
        QVERIFY(session);
        ReplyController reply(session->outbox(), session->autosave());
        connect(session->outbox(), &Outbox::sent, &reply,
                [&reply](qint64 outboxId, qint64 ticket, const Message &, qint64 version) {
                    reply.onSent(outboxId, ticket, version);
                });
        reply.setTicket(ticketId);
        const TicketDetail detail = *session->store()->ticketDetail(ticketId);
        reply.saw(detail);
        const qint64 before = reply.seenVersion();
        session->autosave()->setText(ticketId, u"typed"_s);
        session->autosave()->flush();

        ReplyRequest first{uniqueBody(u"First"_s)};
        if (detail.draft)
            first.draftId = detail.draft->id;
        QSignalSpy sent(session->outbox(), &Outbox::sent);
        QSignalSpy conflicts(session->outbox(), &Outbox::conflict);
        const auto queued = reply.queue(first, {});
        QCOMPARE(queued.refusal, ReplyController::Refusal::None);
        QCOMPARE(session->autosave()->text(ticketId), QString()); // no longer autosaved
        if (detail.draft)
            QVERIFY(reply.isDraftUsed(detail.draft->id));
        QVERIFY(sent.wait(15000));
        QVERIFY(reply.seenVersion() > before); // our own reply is "seen"
        QCOMPARE(reply.seenAtSend(queued.outboxId), -1);

        // The next one right away is based on it: it lands, no conflict.
        const ReplyRequest second{uniqueBody(u"Second"_s)};
        QCOMPARE(reply.queue(second, {}).refusal, ReplyController::Refusal::None);
        QTRY_COMPARE_WITH_TIMEOUT(sent.count(), 2, 15000);
        QCOMPARE(conflicts.count(), 0);
        QCOMPARE(serverCount(*m_http, ticketId, first.body), 1);
        QCOMPARE(serverCount(*m_http, ticketId, second.body), 1);
    }

    void keepEditingTakesTheReplyBack()
    {
        qint64 ticketId = 0;
        auto session = openSession(u"back.sqlite"_s, &ticketId);
        QVERIFY(session);
        session->outbox()->stop(); // nothing leaves meanwhile
        ReplyController reply(session->outbox(), session->autosave());
        reply.setTicket(ticketId);
        reply.saw(*session->store()->ticketDetail(ticketId));
        const ReplyRequest text{uniqueBody(u"Taken back"_s)};
        const auto queued = reply.queue(text, {});
        QCOMPARE(queued.refusal, ReplyController::Refusal::None);
        QCOMPARE(reply.seenAtSend(queued.outboxId), reply.seenMessageId());
        const std::optional<ReplyRequest> back = reply.takeBack(queued.outboxId);
        QVERIFY(back);
        QCOMPARE(back->body, text.body);
        QVERIFY(session->outbox()->items().isEmpty());
        QVERIFY(!reply.takeBack(queued.outboxId)); // gone: nothing to take twice
        QCOMPARE(serverCount(*m_http, ticketId, text.body), 0);
    }

    void anotherTicketForgetsWhatWasSeen()
    {
        qint64 ticketId = 0;
        auto session = openSession(u"switch.sqlite"_s, &ticketId);
        QVERIFY(session);
        ReplyController reply(session->outbox(), session->autosave());
        reply.setTicket(ticketId);
        reply.saw(*session->store()->ticketDetail(ticketId));
        QVERIFY(reply.seenVersion() > 0 && reply.seenMessageId() > 0);
        reply.setTicket(ticketId + 100000);
        QCOMPARE(reply.seenVersion(), 0);
        QCOMPARE(reply.seenMessageId(), 0);
        reply.saw(*session->store()->ticketDetail(ticketId)); // another ticket's detail: ignored
        QCOMPARE(reply.seenVersion(), 0);
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(ReplyControllerTest)
#include "ReplyControllerTest.moc"
