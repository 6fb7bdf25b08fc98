// The lead workspace's engine without a server: the queue and agent models (in-place updates,
// QAbstractItemModelTester, drops of ticket ids), the breach detector, the ticket drag payload
// and the CSV export (RFC 4180 quoting, formula-injection guard).
#include "app/AgentStatsModel.h"
#include "app/BreachDetector.h"
#include "app/CsvExport.h"
#include "app/InboxModel.h"
#include "app/PresenceModel.h"
#include "app/QueueStatsModel.h"
#include "app/TicketMime.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::app;

namespace {

QList<HourBucket> buckets(int arrivalsPerHour)
{
    QList<HourBucket> out;
    const QDateTime start = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    for (int i = 0; i < 25; ++i)
        out.append({start.addSecs(3600LL * i), arrivalsPerHour, i % 3});
    return out;
}

QueueStats queue(const QString &id, const QString &name, int open, int breached)
{
    QueueStats q;
    q.queue = id;
    q.name = name;
    q.open = open;
    q.newLastHour = 2;
    q.oldestWaitingSeconds = 7500;
    q.oldestWaitingTicketId = 42;
    q.slaDueWithinHour = 1;
    q.breached = breached;
    q.needsHuman = 3;
    q.hourly = buckets(1);
    return q;
}

QueueStatsReport queueReport(int cardsBreached = 0, int ordersOpen = 7)
{
    QueueStatsReport report;
    report.generatedAt = QDateTime::currentDateTimeUtc();
    report.queues = {queue(u"cards"_s, u"Cards"_s, 5, cardsBreached),
                     queue(u"orders"_s, u"Orders"_s, ordersOpen, 0),
                     queue(u"payments"_s, u"Payments"_s, 2, 1)};
    report.hourly = buckets(3);
    return report;
}

AgentStats agent(qint64 id, const QString &name, const QString &presence, int assigned)
{
    AgentStats a;
    a.userId = id;
    a.name = name;
    a.email = name.section(u' ', 0, 0).toLower() + u"@lumen.example"_s;
    a.role = u"agent"_s;
    a.presence = presence;
    a.assignedOpen = assigned;
    a.repliesToday = 4;
    a.medianHandleSeconds = 1800;
    return a;
}

AgentStatsReport agentReport(int avaAssigned = 3)
{
    AgentStatsReport report;
    report.generatedAt = QDateTime::currentDateTimeUtc();
    report.agents = {agent(1, u"Ava Lindqvist"_s, u"online"_s, avaAssigned),
                     agent(2, u"Noah Becker"_s, u"away"_s, 5), agent(3, u"Leo Martin"_s, u"offline"_s, 0)};
    report.agents[2].medianHandleSeconds.reset();
    return report;
}

} // namespace

class LeadStatsModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queueModelShowsAReport()
    {
        QueueStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(queueReport(2));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(QueueStatsModel::ColumnCount));
        QCOMPARE(model.index(0, QueueStatsModel::QueueColumn).data().toString(), u"Cards"_s);
        QCOMPARE(model.index(0, QueueStatsModel::QueueColumn).data(QueueStatsModel::QueueIdRole).toString(),
                 u"cards"_s);
        QCOMPARE(model.index(1, QueueStatsModel::OpenColumn).data().toInt(), 7);
        QCOMPARE(model.index(0, QueueStatsModel::BreachedColumn).data().toInt(), 2);
        QCOMPARE(model.index(0, QueueStatsModel::BreachedColumn).data(QueueStatsModel::SeverityRole).toInt(),
                 2);
        QCOMPARE(model.index(1, QueueStatsModel::BreachedColumn).data(QueueStatsModel::SeverityRole).toInt(),
                 0);
        QCOMPARE(model.index(0, QueueStatsModel::WaitingLongestColumn).data().toString(), u"2 h 5 min"_s);
        QCOMPARE(model.index(0, QueueStatsModel::WaitingLongestColumn)
                     .data(QueueStatsModel::SortRole)
                     .toLongLong(),
                 7500);
        QCOMPARE(model.index(0, QueueStatsModel::NeedsHumanColumn).data().toInt(), 3);
        QCOMPARE(model.headerData(QueueStatsModel::SlaDueSoonColumn, Qt::Horizontal).toString(),
                 u"SLA due < 1 h"_s);
        QCOMPARE(model.hourly().size(), 25);
        QCOMPARE(model.hourly().first().arrivals, 3);
        QCOMPARE(model.hourly(u"orders"_s).size(), 25);
        QVERIFY(model.hourly(u"nope"_s).isEmpty());
    }

    void queueModelUpdatesInPlace()
    {
        QueueStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(queueReport());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);

        model.setReport(queueReport(0, 9)); // only "orders" changed
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserts.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changes.at(0).at(1).toModelIndex().row(), 1);
        QVERIFY(changes.at(0).at(2).value<QList<int>>().contains(Qt::DisplayRole));
        QCOMPARE(model.index(1, QueueStatsModel::OpenColumn).data().toInt(), 9);

        model.setReport(queueReport(0, 9)); // nothing changed: no signal
        QCOMPARE(changes.count(), 1);

        QueueStatsReport fewer = queueReport();
        fewer.queues.removeLast(); // a different set of queues: a reset
        model.setReport(fewer);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 2);
    }

    void agentModelShowsAndMergesPresence()
    {
        AgentStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(agentReport());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, AgentStatsModel::NameColumn).data().toString(), u"Ava Lindqvist"_s);
        QCOMPARE(model.index(1, AgentStatsModel::PresenceColumn).data().toString(), u"Away"_s);
        QCOMPARE(
            model.index(1, AgentStatsModel::PresenceColumn).data(AgentStatsModel::PresenceRole).toString(),
            u"away"_s);
        QCOMPARE(model.index(0, AgentStatsModel::AssignedColumn).data().toInt(), 3);
        QCOMPARE(model.index(0, AgentStatsModel::MedianHandleColumn).data().toString(), u"30 min"_s);
        QCOMPARE(model.index(2, AgentStatsModel::MedianHandleColumn).data().toString(), QString());
        QCOMPARE(model.index(1, 0).data(AgentStatsModel::UserIdRole).toLongLong(), 2);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setReport(agentReport(4));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0, AgentStatsModel::AssignedColumn).data().toInt(), 4);

        // Live presence: Leo (offline in the report) is on a ticket right now.
        PresenceModel presence;
        model.setLivePresence(&presence);
        Presence leo;
        leo.userId = 3;
        leo.name = u"Leo Martin"_s;
        leo.ticketId = 77;
        presence.apply(leo);
        QCOMPARE(model.index(2, AgentStatsModel::PresenceColumn).data().toString(), u"Online"_s);
        QCOMPARE(changes.count(), 2);
        leo.state = PresenceState::Left;
        presence.apply(leo);
        QCOMPARE(model.index(2, AgentStatsModel::PresenceColumn).data().toString(), u"Offline"_s);
    }

    void droppingTicketsOnAnAgent()
    {
        AgentStatsModel model;
        model.setReport(agentReport());
        QSignalSpy dropped(&model, &AgentStatsModel::ticketsDropped);
        std::unique_ptr<QMimeData> data(ticketmime::create({12, 34}));
        const QModelIndex noah = model.index(1, AgentStatsModel::NameColumn);
        QVERIFY(model.flags(noah).testFlag(Qt::ItemIsDropEnabled));
        QVERIFY(model.mimeTypes().contains(u"application/x-tandem-ticket-ids"_s));
        QVERIFY(model.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, noah));
        // Between rows is not on a person; other payloads are refused.
        QVERIFY(!model.canDropMimeData(data.get(), Qt::CopyAction, 1, 0, {}));
        QMimeData text;
        text.setText(u"12"_s);
        QVERIFY(!model.canDropMimeData(&text, Qt::CopyAction, -1, -1, noah));
        QVERIFY(!model.dropMimeData(&text, Qt::CopyAction, -1, -1, noah));
        QCOMPARE(dropped.count(), 0);

        QVERIFY(model.dropMimeData(data.get(), Qt::CopyAction, -1, -1, noah));
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(0).value<QList<qint64>>(), (QList<qint64>{12, 34}));
        QCOMPARE(dropped.at(0).at(1).toLongLong(), 2);
    }

    void inboxProducesTicketIds()
    {
        InboxModel inbox;
        Ticket t;
        t.id = 9;
        t.subject = u"Card blocked"_s;
        t.queue = u"cards"_s;
        t.updatedAt = QDateTime::currentDateTimeUtc();
        inbox.setTickets({t});
        QCOMPARE(inbox.rowCount(), 1);
        QVERIFY(inbox.flags(inbox.index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
        QVERIFY(inbox.mimeTypes().contains(u"application/x-tandem-ticket-ids"_s));
        // A row selection hands every column's index: the id comes once.
        std::unique_ptr<QMimeData> data(
            inbox.mimeData({inbox.index(0, 0), inbox.index(0, 1), inbox.index(0, 2)}));
        QVERIFY(data);
        QCOMPARE(ticketmime::fromMimeData(data.get()), std::optional<QList<qint64>>(QList<qint64>{9}));
        QCOMPARE(data->text(), u"#9"_s);
    }

    void ticketPayloadIsStrict()
    {
        QCOMPARE(ticketmime::encode({1, 22}), QByteArray("1\n22"));
        QCOMPARE(ticketmime::decode("1\n22\n"), std::optional<QList<qint64>>(QList<qint64>{1, 22}));
        QVERIFY(!ticketmime::decode(""));
        QVERIFY(!ticketmime::decode("1\nabc"));
        QVERIFY(!ticketmime::decode("-4"));
        QVERIFY(!ticketmime::decode("0"));
        QVERIFY(!ticketmime::fromMimeData(nullptr));
    }

    void breachDetectorReportsRises()
    {
        BreachDetector detector;
        QSignalSpy rose(&detector, &BreachDetector::breachesRose);
        detector.setQueueReport(queueReport(2)); // baseline: no alert for old breaches
        QCOMPARE(rose.count(), 0);
        detector.setQueueReport(queueReport(2));
        QCOMPARE(rose.count(), 0);
        detector.setQueueReport(queueReport(4));
        QCOMPARE(rose.count(), 1);
        QCOMPARE(rose.at(0).at(0).toString(), u"cards"_s);
        QCOMPARE(rose.at(0).at(1).toString(), u"Cards"_s);
        QCOMPARE(rose.at(0).at(2).toInt(), 2);
        QCOMPARE(rose.at(0).at(3).toInt(), 4);
        detector.setQueueReport(queueReport(1)); // falling is not news
        QCOMPARE(rose.count(), 1);
        detector.setQueueReport(queueReport(2)); // measured from the new low
        QCOMPARE(rose.count(), 2);
        QCOMPARE(rose.at(1).at(2).toInt(), 1);
    }

    void breachDetectorWatchesTicketDeadlines()
    {
        using namespace std::chrono_literals;
        BreachDetector detector;
        QSignalSpy ticketSpy(&detector, &BreachDetector::ticketBreached);
        QSignalSpy queueSpy(&detector, &BreachDetector::breachesRose);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Ticket soon;
        soon.id = 5;
        soon.subject = u"Card blocked"_s;
        soon.queue = u"cards"_s;
        soon.status = TicketStatus::Open;
        soon.slaDueAt = now.addMSecs(300);
        Ticket late = soon; // already breached when first seen: the baseline, not news
        late.id = 6;
        late.slaDueAt = now.addSecs(-60);
        Ticket solved = soon;
        solved.id = 7;
        solved.status = TicketStatus::Solved;
        Ticket later = soon;
        later.id = 8;
        later.slaDueAt = now.addSecs(3600);
        detector.setQueueReport(queueReport(1));
        detector.trackTickets({soon, late, solved, later});
        QCOMPARE(detector.watchedTickets(), 2);
        QVERIFY(ticketSpy.wait(5000));
        QCOMPARE(ticketSpy.count(), 1);
        QCOMPARE(ticketSpy.at(0).at(0).toLongLong(), 5);
        QCOMPARE(ticketSpy.at(0).at(1).toString(), u"Card blocked"_s);
        QCOMPARE(ticketSpy.at(0).at(2).toString(), u"cards"_s);
        QCOMPARE(detector.watchedTickets(), 1);

        // The next report counts that breach: already announced, so no second alert for it.
        detector.setQueueReport(queueReport(2));
        QCOMPARE(queueSpy.count(), 0);
        // A rise the ticket alerts do not explain is still announced.
        detector.setQueueReport(queueReport(3));
        QCOMPARE(queueSpy.count(), 1);

        // Solving a watched ticket forgets it; moving its deadline into the past announces it.
        later.status = TicketStatus::Solved;
        detector.trackTickets({later});
        QCOMPARE(detector.watchedTickets(), 0);
        Ticket moved = soon;
        moved.id = 9;
        moved.slaDueAt = now.addSecs(600);
        detector.trackTickets({moved});
        moved.slaDueAt = now.addSecs(-1);
        detector.trackTickets({moved});
        QCOMPARE(ticketSpy.count(), 2);
        QCOMPARE(ticketSpy.at(1).at(0).toLongLong(), 9);
    }

    void csvQuotesAndGuards()
    {
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({u"Name"_s, u"Note"_s, u"Count"_s});
        const auto row = [&](const QString &name, const QString &note, const QVariant &count) {
            auto *countItem = new QStandardItem;
            countItem->setData(count, Qt::DisplayRole);
            model.appendRow({new QStandardItem(name), new QStandardItem(note), countItem});
        };
        row(u"Ava"_s, u"plain"_s, 3);
        row(u"Smith, Jo"_s, u"said \"hi\""_s, -2);
        row(u"=HYPERLINK(\"x\")"_s, u"line1\nline2"_s, 1.5);
        row(u"+1"_s, u"-2"_s, u"@SUM(A1)"_s);
        row(u"Zoë"_s, QString(), 0);
        const QByteArray csv = toCsv(model);
        const QByteArray expected = "Name,Note,Count\r\n"
                                    "Ava,plain,3\r\n"
                                    "\"Smith, Jo\",\"said \"\"hi\"\"\",-2\r\n"
                                    "\"'=HYPERLINK(\"\"x\"\")\",\"line1\nline2\",1.5\r\n"
                                    "'+1,'-2,'@SUM(A1)\r\n"
                                    "Zo\xc3\xab,,0\r\n";
        QCOMPARE(csv, expected);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QString path = dir.filePath(u"queues.csv"_s);
        QVERIFY2(writeCsv(model, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), expected);
        QVERIFY(!writeCsv(model, dir.filePath(u"no/such/dir/x.csv"_s), &error));
        QVERIFY(error.contains(u"x.csv"_s));
    }

    void csvOfTheQueueModel()
    {
        QueueStatsModel model;
        model.setReport(queueReport(2));
        const QList<QByteArray> lines = toCsv(model).split('\n');
        QCOMPARE(lines.size(), 5); // header + 3 rows, each ended by CRLF
        QCOMPARE(lines.at(0),
                 QByteArray("Queue,Open,New (1 h),Waiting longest,SLA due < 1 h,Breached,Needs human\r"));
        QCOMPARE(lines.at(1), QByteArray("Cards,5,2,2 h 5 min,1,2,3\r"));
    }
};

QTEST_GUILESS_MAIN(LeadStatsModelTest)
#include "LeadStatsModelTest.moc"
