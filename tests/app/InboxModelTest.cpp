#include "app/InboxModel.h"
#include "app/ViewsModel.h"

#include "core/ReasonCodes.h"

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

//! \a t with reason codes (and needs_human when there are any).
Ticket withCodes(Ticket t, const QStringList &codes)
{
    t.needsHumanCodes = reason::normalized(codes);
    t.needsHuman = t.needsHuman || !codes.isEmpty();
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
        // A queue of another set-up: its id spelled out, never a raw key.
        QCOMPARE(views.index(5).data(ViewsModel::NameRole).toString(), u"Enterprise"_s);
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
                // Crises come and go, and some are solved: the pinned group changes under the updates.
                if (next(5) == 0)
                    t = withCodes(t, {reason::all().at(next(3))});
                if (next(8) == 0)
                    t.status = TicketStatus::Solved;
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
        QCOMPARE(model.crisisCount(), fresh.crisisCount());
        QCOMPARE(model.crisisCountsByQueue(), fresh.crisisCountsByQueue());
        // Every pinned row is above every other one.
        bool seenOther = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool crisis = model.index(row, 0).data(InboxModel::CrisisRole).toBool();
            QVERIFY2(!(crisis && seenOther), qPrintable(u"crisis below row %1"_s.arg(row)));
            seenOther = seenOther || !crisis;
        }
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

    void listConfidenceFillsTheColumnAndClearsWithTheDraft()
    {
        // The list API sends each ticket's current draft confidence: a ticket arriving live shows
        // it without being opened, and a sent or discarded draft takes it away.
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTickets({ticket(1, u"one"_s, u"orders"_s)});
        Ticket arriving = ticket(2, u"two"_s, u"orders"_s);
        arriving.draftConfidence = 0.83;
        model.upsert({arriving});
        const auto confidenceOf = [&](qint64 id) {
            return model.index(model.rowOfTicket(id), 0).data(InboxModel::ConfidenceRole);
        };
        QCOMPARE(confidenceOf(2).toDouble(), double(0.83f));
        Ticket sent = arriving;
        sent.version = 2;
        sent.draftConfidence.reset();
        model.upsert({sent});
        QVERIFY(!confidenceOf(2).isValid());
        QVERIFY(model.index(model.rowOfTicket(2), InboxModel::ConfidenceColumn).data().toString().isEmpty());
        // A draft fetched before its ticket is listed still counts when the list has none.
        model.setConfidence(3, 0.5);
        model.upsert({ticket(3, u"three"_s, u"orders"_s)});
        QCOMPARE(confidenceOf(3).toDouble(), double(0.5f));
    }

    void bulkUpsertKeepsReasonCodes()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTickets({withCodes(ticket(1, u"one"_s, u"orders"_s), {u"vulnerable"_s, u"crisis"_s})});
        QList<Ticket> many;
        for (qint64 id = 2; id <= 2600; ++id)
            many.append(ticket(id, u"bulk %1"_s.arg(id), u"payments"_s, std::nullopt, false, int(id % 300)));
        model.upsert(many); // rebuilds the model from its own rows
        QCOMPARE(model.ticketIdAt(0), 1);
        QCOMPARE(model.index(0, 0).data(InboxModel::ReasonCodesRole).toStringList(),
                 (QStringList{u"crisis"_s, u"vulnerable"_s}));
        QCOMPARE(model.crisisCount(), 1);
    }

    void reasonCodesRoleAndAccessibleText()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Codes come most serious first, whatever order they were given in.
        Ticket t = ticket(1, u"My mother passed away"_s, u"account"_s);
        t.needsHumanCodes = {u"repeat_contact"_s, u"vulnerable"_s};
        model.setTickets({t, ticket(2, u"Plain"_s, u"orders"_s)});
        const QModelIndex row = model.index(model.rowOfTicket(1), InboxModel::SubjectColumn);
        QCOMPARE(row.data(InboxModel::ReasonCodesRole).toStringList(),
                 (QStringList{u"vulnerable"_s, u"repeat_contact"_s}));
        QVERIFY(!row.data(InboxModel::CrisisRole).toBool());
        // Codes mean a person is needed even when the flag was not set.
        QVERIFY(row.data(InboxModel::NeedsHumanRole).toBool());
        QCOMPARE(model.count(InboxView::needsHuman()), 1);
        const QString spoken = row.data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(u"My mother passed away"_s) && spoken.contains(u"Repeat contact"_s) &&
                     spoken.contains(u"Vulnerable customer"_s),
                 qPrintable(spoken));
        const QModelIndex plain = model.index(model.rowOfTicket(2), InboxModel::SubjectColumn);
        QVERIFY(plain.data(InboxModel::ReasonCodesRole).toStringList().isEmpty());
        QCOMPARE(plain.data(InboxModel::StatusRole).toInt(), int(TicketStatus::New));
        // New (drawn bold) is said too; an open ticket for the AI alone is read by its display text.
        QCOMPARE(plain.data(Qt::AccessibleTextRole).toString(), u"New. Plain"_s);
        QVERIFY2(spoken.startsWith(u"New. "_s), qPrintable(spoken));
        Ticket open = ticket(3, u"Answered"_s, u"orders"_s);
        open.status = TicketStatus::Open;
        Ticket flagged = ticket(4, u"Flag only"_s, u"orders"_s, {}, true);
        flagged.status = TicketStatus::Open;
        model.setTickets({open, flagged});
        QVERIFY(model.index(model.rowOfTicket(3), InboxModel::SubjectColumn)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .isEmpty());
        QCOMPARE(model.index(model.rowOfTicket(4), InboxModel::SubjectColumn)
                     .data(Qt::AccessibleTextRole)
                     .toString(),
                 u"Flag only. Needs a human"_s);
        // Languages by name, not code.
        const QModelIndex language = model.index(model.rowOfTicket(4), InboxModel::LanguageColumn);
        QCOMPARE(language.data(Qt::AccessibleTextRole).toString(), u"English"_s);
        QCOMPARE(language.data().toString(), u"en"_s);
        QVERIFY(model.roleNames().value(InboxModel::ReasonCodesRole) == "reasonCodes");
    }

    void crisisStaysOnTopWhateverTheSort()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrentUserId(7);
        QList<Ticket> tickets = sample();
        // Last by every natural order: far SLA, "Z" subject, low priority, no confidence.
        Ticket crisis = withCodes(ticket(9, u"Zz I can't take this anymore"_s, u"refunds"_s, 7, false, 5000),
                                  {u"crisis"_s});
        crisis.priority = Priority::Low;
        Ticket solvedCrisis = withCodes(ticket(10, u"Aa solved crisis"_s, u"orders"_s), {u"crisis"_s});
        solvedCrisis.status = TicketStatus::Solved;
        tickets << crisis << solvedCrisis;
        model.setTickets(tickets);
        for (int column = 0; column < InboxModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model.setSortColumn(column, order);
                QVERIFY2(model.ticketIdAt(0) == 9,
                         qPrintable(u"column %1 order %2"_s.arg(column).arg(order)));
                // The rest keep the column's order (the solved crisis is an ordinary row).
                QVERIFY(model.rowOfTicket(10) != 0);
            }
        }
        model.setSortColumn(InboxModel::SubjectColumn);
        QCOMPARE(visibleIds(model), (QList<qint64>{9, 10, 1, 5, 4, 3, 2}));
        QVERIFY(model.index(0, 0).data(InboxModel::CrisisRole).toBool());
        QVERIFY(!model.index(1, 0).data(InboxModel::CrisisRole).toBool()); // solved: not pinned

        // Every view puts it first; "Needs human" counts it.
        for (const InboxView &view : {InboxView::mine(), InboxView::needsHuman(), InboxView::all(),
                                      InboxView::forQueue(u"refunds"_s)}) {
            model.setView(view);
            QCOMPARE(model.ticketIdAt(0), 9);
        }
        QCOMPARE(model.count(InboxView::needsHuman()), 3); // tickets 2, 5 and the crisis
        QCOMPARE(model.crisisCount(), 1);
        QCOMPARE(model.crisisCountsByQueue(), (QHash<QString, int>{{u"refunds"_s, 1}}));
    }

    void crisisArrivingLiveLandsOnRowZero()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrentUserId(7);
        model.setTickets(sample());
        model.setView(InboxView::unassigned());
        model.setSortColumn(InboxModel::SubjectColumn, Qt::DescendingOrder);
        const QPersistentModelIndex parcel(model.index(model.rowOfTicket(2), 0));
        QSignalSpy countsChanged(&model, &InboxModel::countsChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // A new ticket arrives as a crisis: inserted at row 0.
        model.upsert(
            {withCodes(ticket(20, u"end it all"_s, u"account"_s, std::nullopt, false, 900), {u"crisis"_s})});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(model.ticketIdAt(0), 20);
        QCOMPARE(model.index(0, 0).data(InboxModel::ReasonCodesRole).toStringList(),
                 QStringList{u"crisis"_s});
        QCOMPARE(model.count(InboxView::needsHuman()), 3);
        QCOMPARE(model.crisisCount(), 1);
        QVERIFY(!countsChanged.isEmpty());
        // Nobody owns it yet: it is in everyone's "My tickets" too, on top.
        QCOMPARE(model.count(InboxView::mine()), 3);

        // A known ticket becomes a crisis: it moves up into the crisis group, where the column's
        // order still holds (subject descending: "Where is..." before "end it all").
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Ticket parcelCrisis =
            withCodes(ticket(2, u"Where is my parcel"_s, u"orders"_s, std::nullopt, true, 10),
                      {u"crisis"_s, u"complaint"_s});
        parcelCrisis.version = 2;
        model.upsert({parcelCrisis});
        QCOMPARE(moved.size(), 1);
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(InboxModel::ReasonCodesRole));
        QCOMPARE(visibleIds(model).mid(0, 2), (QList<qint64>{2, 20}));
        QCOMPARE(parcel.row(), 0);
        QCOMPARE(model.crisisCount(), 2);

        // Solved: it leaves the top (and the unassigned view), the other crisis is row 0 again.
        Ticket solved = parcelCrisis;
        solved.status = TicketStatus::Solved;
        solved.version = 3;
        model.upsert({solved});
        QCOMPARE(model.ticketIdAt(0), 20);
        QCOMPARE(model.crisisCount(), 1);
        QCOMPARE(model.rowOfTicket(2), -1);
        model.setView(InboxView::mine());
        QCOMPARE(visibleIds(model), (QList<qint64>{20, 5, 1}));
    }
};

QTEST_GUILESS_MAIN(InboxModelTest)
#include "InboxModelTest.moc"
