#include "app/LocalStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::app;

namespace {

Ticket makeTicket(qint64 id, qint64 version = 1)
{
    Ticket t;
    t.id = id;
    t.subject = u"Subject %1"_s.arg(id);
    t.status = TicketStatus::Open;
    t.priority = Priority::High;
    t.queue = u"payments"_s;
    t.customer = Customer{u"Åsa Lind"_s, u"asa@example.com"_s, u"sv"_s};
    t.assigneeId = 7;
    t.tags = {u"vip"_s, u"card"_s};
    t.createdAt = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    t.updatedAt = t.createdAt.addSecs(id * 60);
    t.slaDueAt = t.createdAt.addSecs(4 * 3600);
    t.version = version;
    t.intent = u"refund_request"_s;
    t.sentiment = u"negative"_s;
    t.language = u"sv"_s;
    t.needsHuman = true;
    t.needsHumanReason = u"legal threat"_s;
    t.needsHumanCodes = {u"vulnerable"_s, u"legal"_s};
    return t;
}

// Runs SQL on a file through a private connection (the fixture side of the tests).
class RawDb
{
public:
    explicit RawDb(const QString &path) : m_name(u"raw_%1"_s.arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql)) {
            qWarning("fixture SQL failed: %s", qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private:
    QString m_name;
};

// The schema exactly as version 1 shipped it (kept verbatim: never edit, add a v2 fixture instead).
bool createSchemaV1(RawDb &db)
{
    return db.exec(
               uR"(CREATE TABLE tickets (id INTEGER PRIMARY KEY, subject TEXT NOT NULL, status TEXT NOT NULL,
        priority TEXT NOT NULL, queue TEXT NOT NULL, customer_name TEXT NOT NULL, customer_email TEXT NOT NULL,
        customer_language TEXT NOT NULL, assignee_id INTEGER, tags TEXT NOT NULL DEFAULT '[]', created_at TEXT,
        updated_at TEXT, sla_due_at TEXT, version INTEGER NOT NULL, intent TEXT NOT NULL DEFAULT '',
        sentiment TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '', needs_human INTEGER NOT NULL DEFAULT 0,
        needs_human_reason TEXT NOT NULL DEFAULT ''))"_s) &&
           db.exec(uR"(CREATE TABLE messages (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL,
        author_kind TEXT NOT NULL, author_id INTEGER, author_name TEXT NOT NULL, body TEXT NOT NULL,
        internal INTEGER NOT NULL DEFAULT 0, created_at TEXT))"_s) &&
           db.exec(u"CREATE INDEX messages_by_ticket ON messages(ticket_id, created_at)"_s) &&
           db.exec(u"CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s) &&
           db.exec(u"CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, "
                   u"role TEXT NOT NULL)"_s) &&
           db.exec(
               u"INSERT INTO tickets (id, subject, status, priority, queue, customer_name, customer_email, "
               u"customer_language, assignee_id, tags, created_at, updated_at, sla_due_at, version) VALUES "
               u"(42, 'Card declined', 'open', 'urgent', 'payments', 'Bo', 'bo@example.com', 'en', NULL, "
               u"'[\"card\"]', '2026-11-25T10:00:00.000Z', '2026-11-25T11:00:00.000Z', NULL, 3)"_s) &&
           db.exec(u"INSERT INTO messages VALUES (1, 42, 'customer', NULL, 'Bo', 'My card fails', 0, "
                   u"'2026-11-25T10:00:00.000Z')"_s) &&
           db.exec(u"INSERT INTO sync_state VALUES ('cursor', 'abc')"_s) &&
           db.exec(u"PRAGMA user_version = 1"_s);
}

// Schema 2 exactly as it shipped: v1 plus migrateTo2's statements (kept verbatim), with a ticket
// that needs a human but has no reason codes yet (they arrived with schema 3).
bool createSchemaV2(RawDb &db)
{
    return createSchemaV1(db) && db.exec(u"ALTER TABLE tickets ADD COLUMN detail_fetched_at TEXT"_s) &&
           db.exec(u"CREATE INDEX tickets_by_update ON tickets(updated_at)"_s) &&
           db.exec(uR"(CREATE TABLE drafts (ticket_id INTEGER PRIMARY KEY, id INTEGER NOT NULL,
        confidence REAL NOT NULL, json TEXT NOT NULL))"_s) &&
           db.exec(uR"(CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id INTEGER NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE, body TEXT NOT NULL, base_version INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'conflict', 'failed')),
        error TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0))"_s) &&
           db.exec(uR"(CREATE TABLE draft_autosave (ticket_id INTEGER PRIMARY KEY, text TEXT NOT NULL,
        updated_at TEXT NOT NULL))"_s) &&
           db.exec(
               u"UPDATE tickets SET needs_human = 1, needs_human_reason = 'sounds desperate' WHERE id = 42"_s) &&
           db.exec(u"INSERT INTO outbox (ticket_id, idempotency_key, body, base_version, state, created_at) "
                   u"VALUES (42, 'k-1', '{\"body\":\"Hello\",\"outcome\":\"own\"}', 3, 'queued', "
                   u"'2026-11-25T11:05:00.000Z')"_s) &&
           db.exec(u"PRAGMA user_version = 2"_s);
}

} // namespace

class LocalStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshFileGetsLatestSchemaInWalMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/cache.sqlite"_s);
        LocalStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), LocalStore::kSchemaVersion);
        RawDb raw(path);
        QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(store.ticketCount(), 0);
        QVERIFY(store.cursor().isEmpty());
    }

    void migratesSchemaV1FixtureKeepingData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v1.sqlite"_s);
        {
            RawDb raw(path);
            QVERIFY(createSchemaV1(raw));
        }
        LocalStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), LocalStore::kSchemaVersion);
        // v1 data survived
        const auto ticket = store.ticket(42);
        QVERIFY(ticket);
        QCOMPARE(ticket->subject, u"Card declined"_s);
        QVERIFY(ticket->priority == Priority::Urgent);
        QCOMPARE(ticket->tags, QStringList{u"card"_s});
        QVERIFY(!ticket->assigneeId);
        QCOMPARE(ticket->version, 3);
        QCOMPARE(store.messages(42).size(), 1);
        QCOMPARE(store.cursor(), u"abc"_s);
        // v2 parts work
        QVERIFY(!store.hasTicketDetail(42));
        const auto id =
            store.insertOutboxItem(42, u"key-1"_s, ReplyRequest{u"Hello"_s, {}, ReplyOutcome::Own, false}, 3);
        QVERIFY2(id, qPrintable(store.lastError()));
        QVERIFY(store.saveAutosave(42, u"typing"_s));
        QCOMPARE(store.autosave(42).value_or(QString()), u"typing"_s);
    }

    void migratesSchemaV2FixtureAddingReasonCodes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v2.sqlite"_s);
        {
            RawDb raw(path);
            QVERIFY(createSchemaV2(raw));
            QVERIFY(raw.exec(u"INSERT INTO drafts VALUES (42, 7, 0.66, '{}')"_s));
        }
        {
            LocalStore store(path);
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            QCOMPARE(store.schemaVersion(), LocalStore::kSchemaVersion);
            QCOMPARE(LocalStore::kSchemaVersion, 4);
            // Schema 4 seeds the list's draft confidence from the draft already fetched.
            QCOMPARE(store.ticket(42)->draftConfidence, std::optional<double>(0.66));
            // v2 data survived; the old row has no codes until the server sends them.
            auto ticket = store.ticket(42);
            QVERIFY(ticket);
            QVERIFY(ticket->needsHuman);
            QCOMPARE(ticket->needsHumanReason, u"sounds desperate"_s);
            QVERIFY(ticket->needsHumanCodes.isEmpty());
            QCOMPARE(store.outboxItems().size(), 1);
            QCOMPARE(store.outboxItems().first().request.body, u"Hello"_s);
            QCOMPARE(store.cursor(), u"abc"_s);
            // The next change brings them.
            ticket->version = 4;
            ticket->needsHumanCodes = {u"crisis"_s};
            QVERIFY2(store.applyTicketBatch({*ticket}, std::nullopt), qPrintable(store.lastError()));
        }
        // ... and they are still there after a restart.
        LocalStore reopened(path);
        QVERIFY2(reopened.open(), qPrintable(reopened.lastError()));
        QCOMPARE(reopened.ticket(42)->needsHumanCodes, QStringList{u"crisis"_s});
        QCOMPARE(reopened.tickets().first().needsHumanCodes, QStringList{u"crisis"_s});
    }

    void reasonCodesFromAnotherBuildAreNormalized()
    {
        // A cache written by a build that knew other codes (or a hand-edited file): unknown codes
        // are dropped and the rest come most serious first, as from the server.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"codes.sqlite"_s);
        {
            LocalStore store(path);
            QVERIFY(store.open());
            QVERIFY(store.applyTicketBatch({makeTicket(1)}, std::nullopt));
        }
        {
            RawDb raw(path);
            QVERIFY(raw.exec(
                uR"(UPDATE tickets SET needs_human_codes = '["policy","from_the_future","crisis","policy"]')"_s));
        }
        LocalStore store(path);
        QVERIFY(store.open());
        QCOMPARE(store.ticket(1)->needsHumanCodes, (QStringList{u"crisis"_s, u"policy"_s}));
    }

    void failedMigrationRollsBackAndFailsLoudly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"broken.sqlite"_s);
        {
            RawDb raw(path);
            QVERIFY(createSchemaV1(raw));
            // Something already squats the name v2 wants: migrateTo2 must fail part-way.
            QVERIFY(raw.exec(u"CREATE TABLE outbox (x INTEGER)"_s));
        }
        {
            LocalStore store(path);
            QVERIFY(!store.open());
            QVERIFY(store.lastError().contains(u"schema 2"_s));
            QVERIFY(store.lastError().contains(u"rolled back"_s));
            QVERIFY(!store.isOpen());
        }
        RawDb raw(path);
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 1);
        // The ALTER TABLE that ran before the failure was rolled back too.
        QCOMPARE(
            raw.scalar(
                   u"SELECT COUNT(*) FROM pragma_table_info('tickets') WHERE name = 'detail_fetched_at'"_s)
                .toInt(),
            0);
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'drafts'"_s).toInt(), 0);
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM tickets"_s).toInt(), 1);
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"future.sqlite"_s);
        {
            RawDb raw(path);
            QVERIFY(raw.exec(u"PRAGMA user_version = 99"_s));
        }
        LocalStore store(path);
        QVERIFY(!store.open());
        QVERIFY(store.lastError().contains(u"newer"_s));
    }

    void ticketBatchAndCursorRoundTrip()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"c.sqlite"_s));
        QVERIFY(store.open());
        const Ticket a = makeTicket(1);
        const Ticket b = makeTicket(2);
        QVERIFY(store.applyTicketBatch({a, b}, u"cursor-1"_s));
        QCOMPARE(store.ticketCount(), 2);
        QCOMPARE(store.cursor(), u"cursor-1"_s);
        QCOMPARE(*store.ticket(1), a);
        QCOMPARE(store.tickets({2, 99}).size(), 1);

        // An older version never overwrites a newer one.
        Ticket newer = makeTicket(1, 5);
        newer.subject = u"Newer"_s;
        QVERIFY(store.applyTicketBatch({newer}, std::nullopt));
        Ticket older = makeTicket(1, 4);
        older.subject = u"Older"_s;
        QVERIFY(store.applyTicketBatch({older}, u"cursor-2"_s));
        QCOMPARE(store.ticket(1)->subject, u"Newer"_s);
        QCOMPARE(store.cursor(), u"cursor-2"_s);

        // Unassigned and no SLA survive as such.
        Ticket bare = makeTicket(3);
        bare.assigneeId.reset();
        bare.slaDueAt = QDateTime();
        bare.tags.clear();
        bare.needsHumanCodes.clear();
        QVERIFY(store.applyTicketBatch({bare}, std::nullopt));
        QCOMPARE(*store.ticket(3), bare);

        // The list's draft confidence is kept with the ticket, and cleared when the draft is gone.
        Ticket drafted = makeTicket(4, 1);
        drafted.draftConfidence = 0.73;
        QVERIFY(store.applyTicketBatch({drafted}, std::nullopt));
        QCOMPARE(store.ticket(4)->draftConfidence, std::optional<double>(0.73));
        Ticket sent = makeTicket(4, 2);
        sent.draftConfidence.reset();
        QVERIFY(store.applyTicketBatch({sent}, std::nullopt));
        QVERIFY(!store.ticket(4)->draftConfidence);
    }

    void ticketDetailReplacesThreadAndDraft()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"d.sqlite"_s));
        QVERIFY(store.open());
        TicketDetail detail;
        detail.ticket = makeTicket(9, 2);
        Message m1{1,         9,     Author{AuthorKind::Customer, {}, u"Bo"_s},
                   u"Help"_s, false, QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC)};
        Message m2{2,         9,    Author{AuthorKind::Agent, 7, u"Ann"_s},
                   u"Note"_s, true, QDateTime(QDate(2026, 1, 1), QTime(9, 5), Qt::UTC)};
        detail.messages = {m1, m2};
        Draft draft;
        draft.id = 5;
        draft.ticketId = 9;
        draft.body = u"Hi Bo"_s;
        draft.confidence = 0.82;
        draft.intent = u"card_declined"_s;
        draft.language = u"en"_s;
        draft.citations = {Citation{u"kb:3"_s, u"Cards"_s, u"snippet"_s}};
        draft.flags = {DraftFlag{u"promise"_s, u"Check"_s, 0, 2}};
        draft.engine = u"placeholder-kb-overlap"_s;
        draft.createdAt = QDateTime(QDate(2026, 1, 1), QTime(9, 1), Qt::UTC);
        detail.draft = draft;
        QVERIFY2(store.saveTicketDetail(detail), qPrintable(store.lastError()));
        QVERIFY(store.hasTicketDetail(9));
        const auto loaded = store.ticketDetail(9);
        QVERIFY(loaded);
        QCOMPARE(loaded->messages, detail.messages);
        QCOMPARE(*loaded->draft, draft);
        QCOMPARE(store.draft(9)->confidence, 0.82);

        detail.messages = {m1};
        detail.draft.reset();
        QVERIFY(store.saveTicketDetail(detail));
        QCOMPARE(store.messages(9).size(), 1);
        QVERIFY(!store.draft(9));
    }

    void outboxLifecycle()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"o.sqlite"_s));
        QVERIFY(store.open());
        QVERIFY(store.applyTicketBatch({makeTicket(1)}, std::nullopt));
        const ReplyRequest reply{u"Thanks!"_s, 5, ReplyOutcome::Edited, false};
        const auto first = store.insertOutboxItem(1, u"k1"_s, reply, 3);
        const auto second = store.insertOutboxItem(1, u"k2"_s, reply, 3);
        QVERIFY(first && second);
        QVERIFY(!store.insertOutboxItem(1, u"k1"_s, reply, 3)); // idempotency_key is UNIQUE
        auto items = store.outboxItems();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].id, *first);
        QCOMPARE(items[0].idempotencyKey, u"k1"_s);
        QCOMPARE(items[0].request.body, u"Thanks!"_s);
        QCOMPARE(items[0].request.draftId, std::optional<qint64>(5));
        QVERIFY(items[0].request.outcome == ReplyOutcome::Edited);
        QVERIFY(items[0].state == OutboxState::Queued);
        QCOMPARE(items[0].baseVersion, 3);
        QVERIFY(items[0].createdAt.isValid());

        QVERIFY(store.setOutboxState(*first, OutboxState::Sending, {}, true));
        QVERIFY(store.setOutboxState(*first, OutboxState::Conflict, u"stale"_s));
        auto item = store.outboxItem(*first);
        QVERIFY(item->state == OutboxState::Conflict);
        QCOMPARE(item->error, u"stale"_s);
        QCOMPARE(item->attempts, 1);
        QVERIFY(store.rebaseOutboxItem(*first, 4, u"k1"_s));
        item = store.outboxItem(*first);
        QVERIFY(item->state == OutboxState::Queued);
        QCOMPARE(item->baseVersion, 4);
        QVERIFY(item->error.isEmpty());

        const Message sent{77,           1,     Author{AuthorKind::Agent, 7, u"Ann"_s},
                           u"Thanks!"_s, false, QDateTime::currentDateTimeUtc()};
        QVERIFY(store.completeOutboxItem(*first, sent));
        QCOMPARE(store.outboxItems().size(), 1);
        QCOMPARE(store.messages(1).size(), 1);
        QVERIFY(store.removeOutboxItem(*second));
        QVERIFY(store.outboxItems().isEmpty());
        QVERIFY(!store.setOutboxState(*second, OutboxState::Queued));
    }

    void usersAndSyncTime()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"u.sqlite"_s));
        QVERIFY(store.open());
        const QList<User> users{User{1, u"Ann"_s, u"ann@example.com"_s, Role::Lead},
                                User{2, u"Bea"_s, u"bea@example.com"_s, Role::Agent}};
        QVERIFY(store.saveUsers(users));
        QCOMPARE(store.users(), users);
        const QDateTime when(QDate(2026, 11, 25), QTime(21, 12), Qt::UTC);
        QVERIFY(store.setLastSyncAt(when));
        QCOMPARE(store.lastSyncAt(), when);
    }

    void separateStoresUseSeparateConnections()
    {
        QTemporaryDir dir;
        LocalStore a(dir.filePath(u"a.sqlite"_s));
        LocalStore b(dir.filePath(u"b.sqlite"_s));
        QVERIFY(a.open() && b.open());
        QVERIFY(a.applyTicketBatch({makeTicket(1)}, std::nullopt));
        QCOMPARE(a.ticketCount(), 1);
        QCOMPARE(b.ticketCount(), 0);
        // Reopening the same file after close works (the connection was removed cleanly).
        a.close();
        LocalStore again(dir.filePath(u"a.sqlite"_s));
        QVERIFY(again.open());
        QCOMPARE(again.ticketCount(), 1);
    }

    void defaultPathSeparatesServersAndUsers()
    {
        const QUrl server(u"https://support.example.com/"_s);
        const QString a = LocalStore::defaultPath(server, u"ann@example.com"_s);
        QCOMPARE(LocalStore::defaultPath(QUrl(u"https://support.example.com"_s), u"ANN@example.com "_s), a);
        QVERIFY(a != LocalStore::defaultPath(server, u"bea@example.com"_s));
        QVERIFY(a != LocalStore::defaultPath(QUrl(u"http://127.0.0.1:8080"_s), u"ann@example.com"_s));
        QVERIFY(a.endsWith(u".sqlite"_s));
        QVERIFY(a.contains(u"support.example.com-443-"_s));
        QVERIFY(!a.contains(u"ann"_s)); // the email is not in the file name
    }
};

QTEST_GUILESS_MAIN(LocalStoreTest)
#include "LocalStoreTest.moc"
