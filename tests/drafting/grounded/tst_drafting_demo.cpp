// The grounded engine inside tandemd's own storage: a migrated SQLite file, the demo company
// seeded through TicketService (340 tickets drafted, replied to, discarded), then learning
// hooks as TicketService will call them.
#include "server/Clock.h"
#include "server/demo/DemoContent.h"
#include "server/demo/DemoSeeder.h"
#include "server/drafting/DraftLearning.h"
#include "server/drafting/DraftMetrics.h"
#include "server/drafting/GroundedDraftEngine.h"
#include "server/drafting/KnowledgeIndex.h"
#include "server/storage/Database.h"
#include "server/storage/Migrations.h"
#include "server/storage/TicketRepository.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server;

class TestDraftingDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedsTheDemoWithTheGroundedEngine()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY2(db.openSqlite(dir.filePath(u"tandem.db"_s), &error), qPrintable(error));
        QVERIFY2(Migrations(db).run(&error), qPrintable(error));

        DemoContent demo;
        QVERIFY2(demo.load(u":/demo"_s, &error), qPrintable(error));
        auto options = GroundedEngineOptions::fromCompanyFile(u":/demo/company.json"_s, &error);
        QVERIFY2(options, qPrintable(error));
        GroundedDraftEngine engine(db.connection(), *options);
        QVERIFY2(engine.error().isEmpty(), qPrintable(engine.error()));
        QList<QPair<QString, QString>> examples;
        for (const DemoContent::Scenario &s : demo.scenarios()) {
            for (const DemoContent::LanguageTexts &t : s.texts) {
                for (const QString &m : t.messages + t.subjects)
                    examples.append({m, s.intent});
            }
        }
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(engine.train(examples, &error), qPrintable(error));
        QVERIFY2(DemoSeeder(db, engine, demo).seedIfEmpty(QDateTime::currentDateTimeUtc(), &error),
                 qPrintable(error));
        qInfo("trained and seeded in %lld ms", static_cast<long long>(timer.elapsed()));

        // Every draft the seeder stored: grounded, in range, no placeholder ever leaked.
        QSqlQuery q = db.exec(u"SELECT body, flags, citations, intent, language FROM drafts"_s);
        int drafts = 0;
        int cited = 0;
        while (q.next()) {
            ++drafts;
            const QString body = q.value(0).toString();
            QVERIFY2(!draftmetrics::leaksPlaceholder(body), qPrintable(body));
            if (q.value(2).toString() != u"[]")
                ++cited;
        }
        QVERIFY(drafts >= DemoSeeder::kTicketCount);
        QVERIFY2(cited > drafts * 8 / 10,
                 qPrintable(u"%1 of %2 drafts cite a source"_s.arg(cited).arg(drafts)));
        const int needsHuman = db.scalar(u"SELECT COUNT(*) FROM tickets WHERE needs_human = 1"_s).toInt();
        const int tickets = db.scalar(u"SELECT COUNT(*) FROM tickets"_s).toInt();
        qInfo("%d drafts (%d cite a source); %d of %d tickets need a person", drafts, cited, needsHuman,
              tickets);
        QVERIFY(needsHuman > 0 && needsHuman < tickets);

        // The learning hooks on the seeded data: an edited reply becomes an example of its ticket.
        TicketRepository repo(db);
        const qint64 ticketId =
            db.scalar(u"SELECT id FROM tickets WHERE intent = 'late_fee' LIMIT 1"_s).toLongLong();
        QVERIFY(ticketId > 0);
        const auto ticket = repo.ticket(ticketId);
        // Its latest draft, whatever happened to it during seeding.
        const auto draft = repo.draft(
            db.scalar(u"SELECT id FROM drafts WHERE ticket_id = ? ORDER BY id DESC LIMIT 1"_s, {ticketId})
                .toLongLong());
        QVERIFY(draft && !draft->citations.isEmpty());
        KnowledgeIndex index(db.connection());
        const qint64 before = index.resolvedCount();
        Transaction tx(db);
        // What TicketService::reply will call after storing a non-internal reply.
        engine.recordOutcome(
            {*ticket, repo.messages(ticketId), draft,
             u"Hi,\n\nI have asked the payments team to look at the late fee on your order.\n\n"
             "Lumen Pay"_s,
             u"edited"_s});
        tx.commit();
        QCOMPARE(index.resolvedCount(), before + 1);
        QVERIFY(index.source(u"ticket:%1"_s.arg(ticketId)));
        // ... and TicketService::discardDraft: the draft's first source loses weight.
        const QString source = draft->citations.first().sourceId;
        const double weight = index.weight(source);
        engine.recordOutcome({*ticket, {}, draft, {}, u"discarded"_s});
        QVERIFY(index.weight(source) < weight || weight == KnowledgeIndex::kMinWeight);
        const double lowered = index.weight(source);
        engine.recordOutcome({*ticket, {}, draft, draft->body, u"as_is"_s});
        QVERIFY(index.weight(source) > lowered);
    }
};

QTEST_GUILESS_MAIN(TestDraftingDemo)
#include "tst_drafting_demo.moc"
