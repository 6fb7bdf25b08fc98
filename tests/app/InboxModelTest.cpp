#include "app/InboxModel.h"
#include "app/ViewsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::app;

namespace {

const QDateTime kBase(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);

Ticket ticket(qint64 id, const QString &subject, const QString &queue, std::optional<qint64> assignee = {},
              bool needsHuman = false, int slaMinutes = 60)
{
    Ticket t;
    t.id = id;
    t.subject = subject;
    t.queue = queue;
    t.customer = Customer{u"Customer %1"_s.arg(id), u"c%1@example.com"_s.arg(id), u"en"_s};
    t.assigneeId = assignee;
    t.needsHuman = needsHuman;
    t.slaDueAt = kBase.addSecs(slaMinutes * 60);
    t.updatedAt = kBase;
    t.createdAt = kBase;
    t.language = u"en"_s;
    t.version = 1;
    return t;
}

QList<qint64> visibleIds(const InboxModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(InboxModel::TicketIdRole).toLongLong());
    return ids;
}

} // namespace

class InboxModelTest : public QObject
{
    Q_OBJECT

private:
    QList<Ticket> sample()
    {
        return {
            ticket(1, u"Card declined"_s, u"payments"_s, 7, false, 30),
            ticket(2, u"Where is my parcel"_s, u"orders"_s, std::nullopt, true, 10),
            ticket(3, u"Refund please"_s, u"refunds"_s, 8, false, 90),
            ticket(4, u"Password reset"_s, u"account"_s, std::nullopt, false, 20),
            ticket(5, u"Double charge on card"_s, u"payments"_s, 7, true, 120),
        };
    }

private Q_SLOTS:
    void defaultSortIsSlaDueAscending()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrentUserId(7);
        model.setTickets(sample());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(InboxModel::ColumnCount));
        QCOMPARE(visibleIds(model), (QList<qint64>{2, 4, 1, 3, 5}));
        QCOMPARE(model.headerData(InboxModel::SubjectColumn, Qt::Horizontal).toString(), u"Subject"_s);
        const QModelIndex queue = model.index(0, InboxModel::QueueColumn);
        QCOMPARE(queue.data().toString(), u"Orders & delivery"_s);
        QCOMPARE(queue.data(InboxModel::QueueIdRole).toString(), u"orders"_s);
        QCOMPARE(queue.data(InboxModel::NeedsHumanRole).toBool(), true);
        QVERIFY(!queue.data(InboxModel::AssigneeIdRole).isValid());
        QCOMPARE(queue.data(InboxModel::SlaDueRole).toDateTime(), kBase.addSecs(600));
        QVERIFY(model.index(0, InboxModel::ConfidenceColumn).data().toString().isEmpty());
    }

    void sortingByColumnsKeepsPersistentIndexes()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTickets(sample());
        const QPersistentModelIndex refund(model.index(model.rowOfTicket(3), 0));
        model.setSortColumn(InboxModel::SubjectColumn);
        QCOMPARE(visibleIds(model), (QList<qint64>{1, 5, 4, 3, 2}));
        QCOMPARE(refund.row(), 3);
        QCOMPARE(refund.data(InboxModel::TicketIdRole).toLongLong(), 3);
        model.sort(InboxModel::SubjectColumn, Qt::DescendingOrder);
        QCOMPARE(visibleIds(model), (QList<qint64>{2, 3, 4, 5, 1}));
        QCOMPARE(refund.row(), 1);
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        model.setSortColumn(InboxModel::QueueColumn);
        QCOMPARE(model.index(0, 0).data(InboxModel::QueueIdRole).toString(), u"account"_s);
    }

    void confidenceColumnAndSort()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfidence(3, 0.9); // before the ticket is known: kept for later
        model.setTickets(sample());
        model.setConfidences({{1, 0.5}, {2, 0.75}});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setConfidence(4, 0.1);
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(InboxModel::ConfidenceRole));
        const int row = model.rowOfTicket(3);
        QCOMPARE(model.index(row, InboxModel::ConfidenceColumn).data().toString(), u"90 %"_s);
        QCOMPARE(model.index(row, 0).data(InboxModel::ConfidenceRole).toDouble(), double(0.9f));
        model.setSortColumn(InboxModel::ConfidenceColumn, Qt::DescendingOrder);
        QCOMPARE(visibleIds(model), (QList<qint64>{3, 2, 1, 4, 5}));
    }

    void searchMatchesSubjectNameAndEmail()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTickets(sample());
        const QPersistentModelIndex card(model.index(model.rowOfTicket(5), 0));
        model.setSearchText(u"CARD"_s);
        QCOMPARE(visibleIds(model), (QList<qint64>{1, 5}));
        QVERIFY(card.isValid());
        QCOMPARE(card.data(InboxModel::TicketIdRole).toLongLong(), 5);
        model.setSearchText(u"card d"_s); // narrowing
        QCOMPARE(visibleIds(model), (QList<qint64>{1}));
        QVERIFY(!card.isValid());
        model.setSearchText(u"c4@example"_s);
        QCOMPARE(visibleIds(model), (QList<qint64>{4}));
        model.setSearchText(u"customer 3"_s);
        QCOMPARE(visibleIds(model), (QList<qint64>{3}));
        model.setSearchText(u"  "_s);
        QCOMPARE(model.rowCount(), 5);
        model.setSearchText(u"nothing like this"_s);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOfTicket(1), -1);
    }

    void viewsFilter()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrentUserId(7);
        model.setTickets(sample());
        model.setView(InboxView::mine());
        QCOMPARE(visibleIds(model), (QList<qint64>{1, 5}));
        model.setView(InboxView::unassigned());
        QCOMPARE(visibleIds(model), (QList<qint64>{2, 4}));
        model.setView(InboxView::needsHuman());
        QCOMPARE(visibleIds(model), (QList<qint64>{2, 5}));
        model.setView(InboxView::forQueue(u"payments"_s));
        QCOMPARE(visibleIds(model), (QList<qint64>{1, 5}));
        model.setSearchText(u"double"_s);
        QCOMPARE(visibleIds(model), (QList<qint64>{5}));
        model.setView(InboxView::all());
        QCOMPARE(visibleIds(model), (QList<qint64>{5}));
        model.setSearchText({});
        QCOMPARE(model.rowCount(), 5);
        model.setView(InboxView::mine());
        model.setCurrentUserId(8);
        QCOMPARE(visibleIds(model), (QList<qint64>{3}));
    }

    void upsertInsertsMovesAndRemoves()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrentUserId(7);
        model.setTickets(sample());
        model.setView(InboxView::unassigned());
        QCOMPARE(visibleIds(model), (QList<qint64>{2, 4}));
        const QPersistentModelIndex parcel(model.index(0, 0));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Ticket fresh = ticket(6, u"New one"_s, u"orders"_s, std::nullopt, false, 15);
        Ticket parcelLater = ticket(2, u"Where is my parcel?"_s, u"orders"_s, std::nullopt, true, 200);
        parcelLater.version = 2;
        Ticket assigned = ticket(4, u"Password reset"_s, u"account"_s, 7, false, 20);
        assigned.version = 2;
        model.upsert({fresh, parcelLater, assigned});

        QCOMPARE(visibleIds(model), (QList<qint64>{6, 2}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(changed.size(), 1); // coalesced
        const auto roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(roles.contains(InboxModel::VersionRole));
        QVERIFY(parcel.isValid());
        QCOMPARE(parcel.row(), 1);
        QCOMPARE(parcel.data().toString(), u"Where is my parcel?"_s);
        QCOMPARE(parcel.data(InboxModel::VersionRole).toLongLong(), 2);

        // A stale snapshot is ignored.
        Ticket stale = ticket(2, u"Old subject"_s, u"orders"_s);
        stale.version = 1;
        model.upsert({stale});
        QCOMPARE(parcel.data().toString(), u"Where is my parcel?"_s);
        QCOMPARE(model.totalCount(), 6);
    }

    void viewsModelCountsFollowUpserts()
    {
        InboxModel inbox;
        inbox.setCurrentUserId(7);
        inbox.setTickets(sample());
        ViewsModel views(&inbox);
        QAbstractItemModelTester tester(&views, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(views.rowCount(), 8);
        auto countOf = [&views](const InboxView &view) {
            return views.index(views.rowOf(view)).data(ViewsModel::CountRole).toInt();
        };
        QCOMPARE(countOf(InboxView::mine()), 2);
        QCOMPARE(countOf(InboxView::unassigned()), 2);
        QCOMPARE(countOf(InboxView::needsHuman()), 2);
        QCOMPARE(countOf(InboxView::all()), 5);
        QCOMPARE(countOf(InboxView::forQueue(u"payments"_s)), 2);
        QCOMPARE(views.index(0).data(ViewsModel::NameRole).toString(), u"My tickets"_s);
        QCOMPARE(views.index(0).data().toString(), u"My tickets (2)"_s);
        QCOMPARE(views.viewAt(4), InboxView::forQueue(u"account"_s));
        QCOMPARE(
            views.index(views.rowOf(InboxView::forQueue(u"refunds"_s))).data(ViewsModel::NameRole).toString(),
            u"Refunds & disputes"_s);

        QSignalSpy inserted(&views, &QAbstractItemModel::rowsInserted);
        Ticket vip = ticket(10, u"VIP"_s, u"enterprise"_s, 7, true);
        Ticket takeOver = ticket(2, u"Where is my parcel"_s, u"orders"_s, 7, false, 10);
        takeOver.version = 3;
        inbox.upsert({vip, takeOver});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(views.rowCount(), 9);
        QCOMPARE(views.viewAt(5), InboxView::forQueue(u"enterprise"_s));
        QCOMPARE(views.index(5).data(ViewsModel::NameRole).toString(), u"enterprise"_s); // unknown id as-is
        QCOMPARE(countOf(InboxView::mine()), 4);
        QCOMPARE(countOf(InboxView::unassigned()), 1);
        QCOMPARE(countOf(InboxView::needsHuman()), 2);
        QCOMPARE(countOf(InboxView::all()), 6);
        QCOMPARE(views.index(5).data(ViewsModel::ViewKeyRole).toString(), u"queue:enterprise"_s);
        QCOMPARE(InboxView::fromKey(u"queue:enterprise"_s), InboxView::forQueue(u"enterprise"_s));
    }

    void manyRandomUpsertsStayConsistent()
    {
        // The tester checks every signal; the final state must equal a fresh model's.
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrentUserId(1);
        model.setView(InboxView::mine());
        model.setSearchText(u"ph"_s); // "alpha" only
        QHash<qint64, Ticket> truth;
        quint32 seed = 12345;
        auto next = [&seed](quint32 bound) {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) % bound;
        };
        const QStringList words{u"alpha"_s, u"beta"_s, u"gamma"_s, u"delta"_s, u"omega"_s};
        const QStringList queues{u"payments"_s, u"refunds"_s, u"orders"_s};
        for (int round = 0; round < 40; ++round) {
            QList<Ticket> batch;
            for (int i = 0; i < 8; ++i) {
                const qint64 id = 1 + next(60);
                Ticket t = ticket(id, words.at(next(5)) + u' ' + words.at(next(5)), queues.at(next(3)),
                                  next(3) == 0 ? std::nullopt : std::optional<qint64>(next(3)), next(2) == 0,
                                  int(next(500)));
                t.version = truth.value(id).version + 1;
                truth.insert(id, t);
                batch.append(t);
            }
            model.upsert(batch);
            if (round % 10 == 5)
                model.setSortColumn(int(next(InboxModel::ColumnCount)),
                                    next(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
        }
        InboxModel fresh;
        fresh.setCurrentUserId(1);
        fresh.setView(InboxView::mine());
        fresh.setSearchText(u"ph"_s);
        fresh.setSortColumn(model.sortColumn(), model.sortOrder());
        fresh.setTickets(truth.values());
        QCOMPARE(visibleIds(model), visibleIds(fresh));
        QCOMPARE(model.count(InboxView::mine()), fresh.count(InboxView::mine()));
        QCOMPARE(model.count(InboxView::unassigned()), fresh.count(InboxView::unassigned()));
        QCOMPARE(model.count(InboxView::needsHuman()), fresh.count(InboxView::needsHuman()));
        QCOMPARE(model.count(InboxView::forQueue(u"orders"_s)),
                 fresh.count(InboxView::forQueue(u"orders"_s)));
    }

    void bulkUpsertRebuilds()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTickets({ticket(1, u"one"_s, u"orders"_s)});
        model.setConfidence(1, 0.4);
        QList<Ticket> many;
        for (qint64 id = 2; id <= 2600; ++id)
            many.append(ticket(id, u"bulk %1"_s.arg(id), u"payments"_s, std::nullopt, false, int(id % 300)));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.upsert(many);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.totalCount(), 2600);
        QCOMPARE(model.index(model.rowOfTicket(1), 0).data(InboxModel::ConfidenceRole).toDouble(),
                 double(0.4f));
    }
};

QTEST_GUILESS_MAIN(InboxModelTest)
#include "InboxModelTest.moc"
