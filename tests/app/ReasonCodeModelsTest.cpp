// The reason-code models of the supervisor workspace without a server, under
// QAbstractItemModelTester: escalations per code (rows, shares, crisis kept first by the sort
// proxy whatever the column and order) and the per-code escalation rules (crisis locked, edits,
// the "codes" object given back with everything it did not show kept as loaded).
#include "app/CrisisFirstProxy.h"
#include "app/EscalationsByCodeModel.h"
#include "app/ReasonCodeRulesModel.h"
#include "app/ReasonText.h"

#include "core/ReasonCodes.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::app;

namespace {

QList<EscalationCodeCount> sample()
{
    // As the server sends them: every code, most serious first, most with no tickets.
    QList<EscalationCodeCount> out;
    for (const QString &code : reason::all())
        out.append({code, 0, 0});
    const auto set = [&out](QStringView code, int tickets, int unsolved) {
        out[reason::severity(code)] = {code.toString(), tickets, unsolved};
    };
    set(reason::kCrisis, 1, 1);
    set(reason::kFraud, 12, 3);
    set(reason::kComplaint, 20, 9);
    set(reason::kLowConfidence, 7, 0);
    return out;
}

QStringList codesInOrder(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(EscalationsByCodeModel::CodeRole).toString();
    return out;
}

} // namespace

class ReasonCodeModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escalationsByCode()
    {
        EscalationsByCodeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.summary().contains(u"No ticket"_s));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setEscalations(sample());
        QCOMPARE(reset.size(), 1);
        // Codes without tickets are left out; the order is the severity order.
        QCOMPARE(codesInOrder(model),
                 (QStringList{u"crisis"_s, u"fraud"_s, u"complaint"_s, u"low_confidence"_s}));
        QCOMPARE(model.totalReasons(), 40);
        using M = EscalationsByCodeModel;
        QCOMPARE(model.index(0, M::ReasonColumn).data().toString(), ReasonText::label(reason::kCrisis));
        QCOMPARE(model.index(1, M::ReasonColumn).data().toString(), ReasonText::label(reason::kFraud));
        QCOMPARE(model.index(2, M::TicketsColumn).data().toInt(), 20);
        QCOMPARE(model.index(2, M::UnsolvedColumn).data().toInt(), 9);
        QCOMPARE(model.index(2, M::ShareColumn).data().toString(), u"50 %"_s);
        QCOMPARE(model.index(2, M::ShareColumn).data(M::ShareRole).toDouble(), 0.5);
        QCOMPARE(model.index(0, M::ShareColumn).data().toString(), u"3 %"_s); // 1 of 40 = 2.5 %
        QVERIFY(model.index(0, 0).data(M::CrisisRole).toBool());
        QVERIFY(!model.index(1, 0).data(M::CrisisRole).toBool());
        QVERIFY(model.index(0, M::ShareColumn).data(Qt::ToolTipRole).toString().contains(u"still open"_s));
        QVERIFY(!model.headerData(M::ShareColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
        double total = 0.0;
        for (int row = 0; row < model.rowCount(); ++row)
            total += model.index(row, M::ShareColumn).data(M::ShareRole).toDouble();
        QCOMPARE(total, 1.0);
        QVERIFY(model.summary().startsWith(ReasonText::label(reason::kCrisis)));
        QCOMPARE(EscalationsByCodeModel::percentText(0.004), u"<1 %"_s);
        QCOMPARE(EscalationsByCodeModel::percentText(0.0), u"0 %"_s);

        // An order that arrives shuffled is put back; an unknown code goes last.
        QList<EscalationCodeCount> shuffled = sample();
        std::reverse(shuffled.begin(), shuffled.end());
        shuffled.prepend({u"future_code"_s, 2, 2});
        model.setEscalations(shuffled);
        QCOMPARE(codesInOrder(model), (QStringList{u"crisis"_s, u"fraud"_s, u"complaint"_s,
                                                   u"low_confidence"_s, u"future_code"_s}));
        model.setEscalations({});
        QCOMPARE(model.rowCount(), 0);
    }

    void crisisStaysFirstWhateverTheSort()
    {
        EscalationsByCodeModel model;
        CrisisFirstProxy proxy(EscalationsByCodeModel::CrisisRole);
        proxy.setSortRole(EscalationsByCodeModel::SortRole);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEscalations(sample());
        using M = EscalationsByCodeModel;
        proxy.sort(M::TicketsColumn, Qt::DescendingOrder);
        QCOMPARE(codesInOrder(proxy),
                 (QStringList{u"crisis"_s, u"complaint"_s, u"fraud"_s, u"low_confidence"_s}));
        proxy.sort(M::TicketsColumn, Qt::AscendingOrder);
        QCOMPARE(codesInOrder(proxy),
                 (QStringList{u"crisis"_s, u"low_confidence"_s, u"fraud"_s, u"complaint"_s}));
        proxy.sort(M::ShareColumn, Qt::DescendingOrder);
        QCOMPARE(codesInOrder(proxy).first(), u"crisis"_s);
        QCOMPARE(codesInOrder(proxy).at(1), u"complaint"_s);
        proxy.sort(M::ReasonColumn, Qt::AscendingOrder); // Complaint, Fraud, Low confidence
        QCOMPARE(codesInOrder(proxy),
                 (QStringList{u"crisis"_s, u"complaint"_s, u"fraud"_s, u"low_confidence"_s}));
        // Without a crisis the plain order applies.
        QList<EscalationCodeCount> calm = sample();
        calm[0].tickets = 0;
        model.setEscalations(calm);
        proxy.sort(M::TicketsColumn, Qt::DescendingOrder);
        QCOMPARE(codesInOrder(proxy), (QStringList{u"complaint"_s, u"fraud"_s, u"low_confidence"_s}));
    }

    void reasonCodeRules()
    {
        ReasonCodeRulesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        using M = ReasonCodeRulesModel;
        // One row per code, most serious first, whatever the document says.
        QCOMPARE(model.rowCount(), int(reason::all().size()));
        const QJsonObject loaded = QJsonDocument::fromJson(R"({
            "crisis": {"escalate": true, "priority": "urgent"},
            "fraud": {"escalate": true, "priority": "high"},
            "complaint": {"escalate": true, "priority": "high"},
            "multi_issue": {"priority": "normal"}
        })")
                                       .object();
        model.setCodes(loaded);
        QVERIFY(!model.isModified());
        QCOMPARE(model.codes(), loaded); // nothing edited: the same object back
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, 0).data(M::CodeRole).toString(), reason::all().at(row));

        // Crisis: shown as always escalated at urgent, greyed out, and no edit gets through.
        const int crisis = model.rowOf(reason::kCrisis);
        QCOMPARE(crisis, 0);
        QVERIFY(model.index(crisis, 0).data(M::LockedRole).toBool());
        QCOMPARE(model.index(crisis, M::EscalateColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.index(crisis, M::PriorityColumn).data(Qt::EditRole).toString(), u"urgent"_s);
        QVERIFY(!(model.flags(model.index(crisis, M::EscalateColumn)) & Qt::ItemIsEnabled));
        QVERIFY(!(model.flags(model.index(crisis, M::EscalateColumn)) & Qt::ItemIsUserCheckable));
        QVERIFY(!(model.flags(model.index(crisis, M::PriorityColumn)) &
                  (Qt::ItemIsEnabled | Qt::ItemIsEditable)));
        QVERIFY(!model.setData(model.index(crisis, M::EscalateColumn), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!model.setData(model.index(crisis, M::PriorityColumn), u"low"_s));
        QCOMPARE(model.index(crisis, M::EscalateColumn).data(Qt::ToolTipRole).toString(),
                 ReasonCodeRulesModel::lockedExplanation());
        QVERIFY(model.index(crisis, 0).data(Qt::ToolTipRole).toString().contains(u"urgent"_s));
        QVERIFY(!model.isModified());

        // A code the document does not mention: the built-in rule, shown as such.
        const int legal = model.rowOf(reason::kLegal);
        QCOMPARE(model.index(legal, M::EscalateColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::PartiallyChecked));
        QCOMPARE(model.index(legal, M::PriorityColumn).data().toString(),
                 ReasonCodeRulesModel::priorityLabel({}));
        QVERIFY(model.index(legal, M::PriorityColumn).data(Qt::EditRole).toString().isEmpty());

        // Edits: fraud stops escalating (its priority is then greyed out), complaint goes urgent.
        QSignalSpy edited(&model, &ReasonCodeRulesModel::edited);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const int fraud = model.rowOf(reason::kFraud);
        QVERIFY(model.flags(model.index(fraud, M::PriorityColumn)) & Qt::ItemIsEditable);
        QVERIFY(model.setData(model.index(fraud, M::EscalateColumn), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(edited.size(), 1);
        QCOMPARE(changed.last().at(1).toModelIndex().column(), int(M::PriorityColumn)); // flags changed too
        QVERIFY(!(model.flags(model.index(fraud, M::PriorityColumn)) & Qt::ItemIsEnabled));
        QVERIFY(
            model.index(fraud, M::PriorityColumn).data(Qt::ToolTipRole).toString().contains(u"only when"_s));
        const int complaint = model.rowOf(reason::kComplaint);
        QVERIFY(!model.setData(model.index(complaint, M::PriorityColumn), u"sky-high"_s));
        QVERIFY(model.setData(model.index(complaint, M::PriorityColumn), u"urgent"_s));
        QVERIFY(model.setData(model.index(complaint, M::PriorityColumn), u"urgent"_s)); // same: no edit
        QCOMPARE(edited.size(), 2);
        QVERIFY(model.isModified());
        QCOMPARE(model.index(complaint, M::PriorityColumn).data().toString(), u"Urgent"_s);
        QVERIFY(model.index(complaint, M::EscalateColumn)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(ReasonText::label(reason::kComplaint)));

        const QJsonObject codes = model.codes();
        QCOMPARE(codes.value(u"fraud"_s).toObject(),
                 (QJsonObject{{u"escalate"_s, false}, {u"priority"_s, u"high"_s}}));
        QCOMPARE(codes.value(u"complaint"_s).toObject().value(u"priority"_s).toString(), u"urgent"_s);
        QCOMPARE(codes.value(u"crisis"_s), loaded.value(u"crisis"_s));
        QCOMPARE(codes.value(u"multi_issue"_s), loaded.value(u"multi_issue"_s));
        QVERIFY(!codes.contains(u"legal"_s)); // still the built-in rule: not written

        // Back to the built-in priority for a code that had only that: the entry stays, empty.
        const int multi = model.rowOf(reason::kMultiIssue);
        QVERIFY(model.setData(model.index(multi, M::PriorityColumn), QString()));
        QCOMPARE(model.codes().value(u"multi_issue"_s).toObject(), QJsonObject());
        // An unmentioned code that gets a rule is written.
        QVERIFY(model.setData(model.index(legal, M::EscalateColumn), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(model.codes().value(u"legal"_s).toObject(), (QJsonObject{{u"escalate"_s, true}}));

        model.setCodes(model.codes());
        QVERIFY(!model.isModified());
        QCOMPARE(model.index(fraud, M::EscalateColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(ReasonCodeRulesModel::priorityKeys(),
                 (QStringList{u"low"_s, u"normal"_s, u"high"_s, u"urgent"_s}));
    }
};

QTEST_GUILESS_MAIN(ReasonCodeModelsTest)
#include "ReasonCodeModelsTest.moc"
