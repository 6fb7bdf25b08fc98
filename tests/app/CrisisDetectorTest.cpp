// Crisis tickets below the widgets: which arrivals are news for whom (CrisisDetector), the lead
// workspace's queue table listing queues with a crisis first (QueueStatsModel + CrisisFirstProxy),
// and the reason words. No server needed.
#include "app/CrisisDetector.h"
#include "app/CrisisFirstProxy.h"
#include "app/QueueStatsModel.h"
#include "app/ReasonText.h"

#include "core/ReasonCodes.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::app;

namespace {

Ticket ticket(qint64 id, const QStringList &codes = {}, std::optional<qint64> assignee = {})
{
    Ticket t;
    t.id = id;
    t.subject = u"Ticket %1"_s.arg(id);
    t.status = TicketStatus::New;
    t.needsHumanCodes = codes;
    t.needsHuman = !codes.isEmpty();
    t.assigneeId = assignee;
    t.version = 1;
    return t;
}

QueueStatsReport report(const QStringList &queues)
{
    QueueStatsReport r;
    int open = 10;
    for (const QString &id : queues) {
        QueueStats q;
        q.queue = id;
        q.name = id.toUpper();
        q.open = open--; // the first queue has the most open tickets
        r.queues.append(q);
    }
    return r;
}

QStringList proxyOrder(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(QueueStatsModel::QueueIdRole).toString());
    return ids;
}

} // namespace

class CrisisDetectorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void announcesEachCrisisOnce()
    {
        CrisisDetector detector;
        detector.setCurrentUser(7, Role::Agent);
        QSignalSpy arrived(&detector, &CrisisDetector::crisisArrived);
        detector.setBaseline({ticket(1, {u"crisis"_s}), ticket(2)});
        QVERIFY(detector.isKnown(1));

        // The cached crisis is no news; a new one is, once, however often it is updated.
        detector.trackTickets(
            {ticket(1, {u"crisis"_s}), ticket(3, {u"crisis"_s, u"vulnerable"_s}), ticket(4)});
        QCOMPARE(arrived.size(), 1);
        const auto news = arrived.at(0).at(0).value<QList<Ticket>>();
        QCOMPARE(news.size(), 1);
        QCOMPARE(news.first().id, 3);
        Ticket again = ticket(3, {u"crisis"_s});
        again.version = 2;
        detector.trackTickets({again, again});
        QCOMPARE(arrived.size(), 1);

        // A known ticket becomes a crisis: news. Several in one batch: one signal.
        detector.trackTickets(
            {ticket(2, {u"crisis"_s}), ticket(4, {u"crisis"_s}), ticket(5, {u"vulnerable"_s})});
        QCOMPARE(arrived.size(), 2);
        QCOMPARE(arrived.at(1).at(0).value<QList<Ticket>>().size(), 2);
    }

    void solvedAndOthersCrisesWaitUntilTheyConcernTheAgent()
    {
        CrisisDetector detector;
        detector.setCurrentUser(7, Role::Agent);
        QSignalSpy arrived(&detector, &CrisisDetector::crisisArrived);
        Ticket solved = ticket(1, {u"crisis"_s});
        solved.status = TicketStatus::Solved;
        Ticket noahs = ticket(2, {u"crisis"_s}, 8);
        detector.trackTickets({solved, noahs});
        QCOMPARE(arrived.size(), 0);
        QVERIFY(!detector.isKnown(2));

        // Reopened, and handed to us: now they are news.
        solved.status = TicketStatus::Open;
        noahs.assigneeId = 7;
        detector.trackTickets({solved, noahs});
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(arrived.at(0).at(0).value<QList<Ticket>>().size(), 2);

        // A lead hears every crisis, whoever owns it.
        CrisisDetector lead;
        lead.setCurrentUser(9, Role::Lead);
        QSignalSpy leadArrived(&lead, &CrisisDetector::crisisArrived);
        lead.trackTickets({ticket(3, {u"crisis"_s}, 8)});
        QCOMPARE(leadArrived.size(), 1);
    }

    void firstPullOfANewCacheIsNoNews()
    {
        CrisisDetector detector;
        detector.setCurrentUser(7, Role::Agent);
        QSignalSpy arrived(&detector, &CrisisDetector::crisisArrived);
        detector.setLearning(true);
        detector.trackTickets({ticket(1, {u"crisis"_s})});
        QCOMPARE(arrived.size(), 0);
        QVERIFY(detector.isKnown(1));
        detector.setLearning(false);
        detector.trackTickets({ticket(1, {u"crisis"_s}), ticket(2, {u"crisis"_s})});
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(arrived.at(0).at(0).value<QList<Ticket>>().first().id, 2);
    }

    void reasonWords()
    {
        QCOMPARE(ReasonText::label(reason::kCrisis), u"Crisis"_s);
        QCOMPARE(ReasonText::label(reason::kVulnerable), u"Vulnerable customer"_s);
        QCOMPARE(ReasonText::label(reason::kMultiIssue), u"Several requests"_s);
        QCOMPARE(ReasonText::label(reason::kUnsupportedLanguage), u"Language not supported"_s);
        QCOMPARE(ReasonText::label(reason::kManipulation), u"Manipulation attempt"_s);
        // Every code of the protocol has its own words (none falls back to the raw code).
        for (const QString &code : reason::all())
            QVERIFY2(!ReasonText::label(code).contains(u'_') && ReasonText::label(code) != code,
                     qPrintable(code));
        QCOMPARE(ReasonText::joined({u"crisis"_s, u"fraud"_s}), u"Crisis and Fraud"_s);
    }

    void queueTableListsCrisisQueuesFirst()
    {
        QueueStatsModel model;
        CrisisFirstProxy proxy(QueueStatsModel::CrisisRole);
        proxy.setSourceModel(&model);
        proxy.setSortRole(QueueStatsModel::SortRole);
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report({u"cards"_s, u"orders"_s, u"account"_s}));
        proxy.sort(-1); // the header shows no column: the server's order
        QCOMPARE(proxyOrder(proxy), (QStringList{u"cards"_s, u"orders"_s, u"account"_s}));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCrisisCounts({{u"account"_s, 1}, {u"orders"_s, 0}, {u"unknown"_s, 2}});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.crisisCount(u"account"_s), 1);
        QCOMPARE(proxyOrder(proxy), (QStringList{u"account"_s, u"cards"_s, u"orders"_s}));
        const QModelIndex account = proxy.index(0, QueueStatsModel::QueueColumn);
        QCOMPARE(account.data(QueueStatsModel::CrisisRole).toInt(), 1);
        QVERIFY(account.data(Qt::ToolTipRole).toString().contains(u"1 crisis ticket"_s));
        QVERIFY(account.data(Qt::AccessibleTextRole).toString().contains(u"ACCOUNT"_s));
        model.setCrisisCounts({{u"account"_s, 1}});
        QCOMPARE(changed.size(), 1); // nothing changed: no signal

        // Whatever the header asks for, the crisis queue stays first.
        proxy.sort(QueueStatsModel::OpenColumn, Qt::AscendingOrder);
        QCOMPARE(proxyOrder(proxy), (QStringList{u"account"_s, u"orders"_s, u"cards"_s}));
        proxy.sort(QueueStatsModel::QueueColumn, Qt::DescendingOrder);
        QCOMPARE(proxyOrder(proxy), (QStringList{u"account"_s, u"orders"_s, u"cards"_s}));
        QCOMPARE(proxy.requestedSortColumn(), int(QueueStatsModel::QueueColumn));

        // The crisis moves to another queue (a fresh report keeps the order too).
        model.setCrisisCounts({{u"cards"_s, 2}});
        QCOMPARE(proxyOrder(proxy), (QStringList{u"cards"_s, u"orders"_s, u"account"_s}));
        model.setReport(report({u"cards"_s, u"orders"_s, u"account"_s}));
        QCOMPARE(proxy.index(0, 0).data(QueueStatsModel::QueueIdRole).toString(), u"cards"_s);
        model.setCrisisCounts({});
        proxy.sort(-1);
        QCOMPARE(proxyOrder(proxy), (QStringList{u"cards"_s, u"orders"_s, u"account"_s}));
    }
};

QTEST_GUILESS_MAIN(CrisisDetectorTest)
#include "CrisisDetectorTest.moc"
