// Reason codes in the supervisor workspace, offscreen against a real tandemd (demo company plus a
// crisis written through the API): escalations per reason on "AI performance" match the server's
// figures, crisis first whatever the sort, with accessible names, tab order and CSV export; the
// per-code rules on "Escalation thresholds" edited with the keyboard, saved, reloaded from the
// server, with crisis locked in the table and still refused by the server.
#include "PixelProbe.h"

#include "TestServer.h"

#include "app/ApiClient.h"
#include "app/EscalationsByCodeModel.h"
#include "app/ReasonCodeRulesModel.h"
#include "app/ReasonText.h"
#include "ui/ReasonChips.h"
#include "ui/SupervisorPerformanceTab.h"
#include "ui/SupervisorPolicyTab.h"
#include "ui/SupervisorWorkspace.h"

#include "core/JsonCodec.h"
#include "core/ReasonCodes.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::ui;
using app::EscalationsByCodeModel;
using app::ReasonCodeRulesModel;

using tandem::test::keepScreenshot;
using tandem::test::pixelsLike;

namespace {

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QStringList codesInOrder(const QAbstractItemModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, 0).data(EscalationsByCodeModel::CodeRole).toString();
    return out;
}

} // namespace

class SupervisorReasonCodesTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<test::TestHttp> m_sam; //!< the supervisor
    std::unique_ptr<app::ApiClient> m_api;

    std::unique_ptr<SupervisorWorkspace> openWorkspace()
    {
        auto workspace = std::make_unique<SupervisorWorkspace>(m_api.get());
        workspace->resize(1400, 900);
        return workspace;
    }

    static bool showAndWait(SupervisorWorkspace *workspace)
    {
        workspace->show();
        QApplication::setActiveWindow(workspace);
        return QTest::qWaitForWindowExposed(workspace);
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<test::TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        // A customer in crisis writes in through the channel: the demo data has none this fortnight.
        test::TestHttp intake(m_server->baseUrl());
        QVERIFY(intake.login(u"noah@lumen.example"_s));
        const NewTicketRequest crisis{
            u"goodbye"_s, Customer{u"Robin Gray"_s, u"robin.gray@example.com"_s, u"en"_s},
            u"I can't take this anymore, I'm going to end it all tonight"_s, u"account"_s};
        const auto created = intake.post(u"/api/v1/tickets"_s, json::toJson(crisis));
        QCOMPARE(created.status, 201);
        QVERIFY(created.json().value(u"needs_human_codes"_s).toArray().contains(u"crisis"_s));

        m_sam = std::make_unique<test::TestHttp>(m_server->baseUrl());
        QVERIFY(m_sam->login(u"sam@lumen.example"_s));
        m_api = std::make_unique<app::ApiClient>(QUrl(m_server->baseUrl()));
        m_api->setToken(m_sam->token());
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_server.reset();
    }

    void escalationsByReasonMatchTheServer()
    {
        auto workspace = openWorkspace();
        QTemporaryDir dir;
        QString suggested;
        workspace->setSaveFileNameProvider([&](QWidget *, const QString &name) {
            suggested = name;
            return dir.filePath(name);
        });
        QSignalSpy loaded(workspace->performanceTab(), &SupervisorPerformanceTab::loaded);
        QVERIFY(showAndWait(workspace.get()));
        QTRY_COMPARE(loaded.size(), 1);

        // The server's own figures for the days the tab shows (the last 14, local midnight to midnight).
        const QDateTime from(QDate::currentDate().addDays(-13), QTime(0, 0));
        const QDateTime to(QDate::currentDate().addDays(1), QTime(0, 0));
        const auto raw = m_sam->get(u"/api/v1/stats/suggestions?group_by=intent&from=%1&to=%2"_s.arg(
            QString::fromLatin1(QUrl::toPercentEncoding(isoUtc(from))),
            QString::fromLatin1(QUrl::toPercentEncoding(isoUtc(to)))));
        QCOMPARE(raw.status, 200);
        QHash<QString, int> expected;
        int reasons = 0;
        for (const QJsonValue &value : raw.json().value(u"escalations_by_code"_s).toArray()) {
            const QJsonObject entry = value.toObject();
            const int tickets = entry.value(u"tickets"_s).toInt();
            if (tickets > 0)
                expected.insert(entry.value(u"code"_s).toString(), tickets);
            reasons += tickets;
        }
        QVERIFY(expected.value(u"crisis"_s) >= 1);
        QVERIFY2(expected.size() >= 4, "the demo data escalates for several reasons");

        auto *view = workspace->findChild<QTableView *>(u"escalationsByCodeTable"_s);
        QVERIFY(view);
        QVERIFY(view->isVisible());
        QCOMPARE(view, workspace->performanceTab()->escalationsView());
        const QAbstractItemModel *model = view->model();
        QCOMPARE(model->rowCount(), int(expected.size()));
        using M = EscalationsByCodeModel;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString code = model->index(row, 0).data(M::CodeRole).toString();
            QVERIFY2(expected.contains(code), qPrintable(code));
            QCOMPARE(model->index(row, M::TicketsColumn).data().toInt(), expected.value(code));
            QCOMPARE(model->index(row, M::ReasonColumn).data().toString(), app::ReasonText::label(code));
            QCOMPARE(model->index(row, M::ShareColumn).data().toString(),
                     M::percentText(double(expected.value(code)) / reasons));
        }
        QCOMPARE(workspace->performanceTab()->escalationsModel()->totalReasons(), reasons);

        // Crisis on top although it is the rarest reason here; then the most frequent first.
        const QStringList order = codesInOrder(model);
        QCOMPARE(order.first(), u"crisis"_s);
        QVERIFY(expected.value(u"crisis"_s) < model->index(1, M::TicketsColumn).data().toInt());
        for (int row = 2; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, M::TicketsColumn).data().toInt() <=
                    model->index(row - 1, M::TicketsColumn).data().toInt());
        // Any column, either order, by the header or by code: crisis stays first.
        view->sortByColumn(M::TicketsColumn, Qt::AscendingOrder);
        QCOMPARE(codesInOrder(model).first(), u"crisis"_s);
        for (int row = 2; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, M::TicketsColumn).data().toInt() >=
                    model->index(row - 1, M::TicketsColumn).data().toInt());
        QHeaderView *header = view->horizontalHeader();
        const QPoint reasonHeader(header->sectionViewportPosition(M::ReasonColumn) + 10,
                                  header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, reasonHeader);
        QCOMPARE(header->sortIndicatorSection(), int(M::ReasonColumn));
        QCOMPARE(codesInOrder(model).first(), u"crisis"_s);
        for (int row = 2; row < model->rowCount(); ++row)
            QVERIFY(model->index(row - 1, 0)
                        .data()
                        .toString()
                        .compare(model->index(row, 0).data().toString(), Qt::CaseInsensitive) <= 0);
        view->sortByColumn(M::TicketsColumn, Qt::DescendingOrder);
        QCOMPARE(codesInOrder(model), order);

        // The crisis chip is painted red, the others are not.
        const QImage image = view->viewport()->grab().toImage();
        const QColor red = ReasonChips::background(view->palette(), reason::kCrisis);
        QVERIFY(pixelsLike(image, view->visualRect(model->index(0, M::ReasonColumn)), red) > 20);
        QCOMPARE(pixelsLike(image, view->visualRect(model->index(1, M::ReasonColumn)), red), 0);

        // Words for those who cannot see the bars; a note on what the share means.
        QVERIFY(!view->accessibleName().isEmpty());
        QVERIFY(view->accessibleDescription().startsWith(app::ReasonText::label(reason::kCrisis)));
        QVERIFY(
            workspace->findChild<QLabel *>(u"escalationsNote"_s)->text().contains(QString::number(reasons)));
        QVERIFY(!model->headerData(M::ShareColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

        // Accessible names, and Tab goes calibration -> its export -> reasons -> their export.
        auto *exportCalibration = workspace->findChild<QPushButton *>(u"exportCalibrationCsv"_s);
        auto *exportEscalations = workspace->findChild<QPushButton *>(u"exportEscalationsCsv"_s);
        for (QWidget *widget : {static_cast<QWidget *>(view), static_cast<QWidget *>(exportEscalations)}) {
            QVERIFY(!widget->accessibleName().isEmpty());
            QVERIFY(widget->focusPolicy() & Qt::TabFocus);
        }
        exportCalibration->setFocus();
        QTRY_VERIFY(exportCalibration->hasFocus());
        QTest::keyClick(exportCalibration, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), view);
        QTest::keyClick(view, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), exportEscalations);

        // CSV in the table's order.
        exportEscalations->click();
        QCOMPARE(suggested, u"ai-escalations-by-reason.csv"_s);
        QFile csv(dir.filePath(suggested));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readLine().trimmed(), QByteArray("Reason,Tickets,Share,Still open"));
        QVERIFY(
            csv.readLine().startsWith(QByteArray(app::ReasonText::label(reason::kCrisis).toUtf8() + ',')));
        keepScreenshot(workspace.get(), u"supervisor-escalations-by-reason.png"_s);
    }

    void reasonRulesRoundTrip()
    {
        auto workspace = openWorkspace();
        SupervisorPolicyTab *tab = workspace->policyTab();
        QSignalSpy policyLoaded(tab, &SupervisorPolicyTab::loaded);
        QSignalSpy saved(tab, &SupervisorPolicyTab::saved);
        workspace->tabs()->setCurrentWidget(tab);
        QVERIFY(showAndWait(workspace.get()));
        QTRY_COMPARE(policyLoaded.size(), 1);
        const qint64 before = tab->version();

        ReasonCodeRulesModel *codes = tab->codesModel();
        QTableView *view = tab->codesView();
        QCOMPARE(view->model(), codes);
        QCOMPARE(codes->rowCount(), int(reason::all().size()));
        QVERIFY(!view->accessibleName().isEmpty());
        QVERIFY(!workspace->findChild<QPushButton *>(u"exportCodesCsv"_s)->accessibleName().isEmpty());
        auto *save = workspace->findChild<QPushButton *>(u"policySave"_s);
        QVERIFY(!save->isEnabled());

        // Crisis: greyed out, explained, and a click on its check box does nothing.
        using M = ReasonCodeRulesModel;
        const QModelIndex crisisEscalate = codes->index(codes->rowOf(reason::kCrisis), M::EscalateColumn);
        QVERIFY(!(crisisEscalate.flags() & Qt::ItemIsEnabled));
        QCOMPARE(crisisEscalate.data(Qt::ToolTipRole).toString(), ReasonCodeRulesModel::lockedExplanation());
        QCOMPARE(crisisEscalate.siblingAtColumn(M::PriorityColumn).data().toString(), u"Urgent"_s);
        auto *note = workspace->findChild<QLabel *>(u"policyCrisisNote"_s);
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), ReasonCodeRulesModel::lockedExplanation());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(crisisEscalate).center());
        QCOMPARE(crisisEscalate.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(!tab->isModified());

        // Under the policy as it is, the last week has fraud escalations (the preview says so).
        QSignalSpy previewed(tab, &SupervisorPolicyTab::previewReady);
        auto *previewTable = workspace->findChild<QTableView *>(u"policyPreviewReasons"_s);
        QVERIFY(!previewTable->isVisible()); // no room taken before there is something to show
        auto *previewButton = workspace->findChild<QPushButton *>(u"policyPreview"_s);
        previewButton->click();
        QTRY_COMPARE(previewed.size(), 1);
        QVERIFY(previewed.first().at(0).value<PolicyPreview>().byReason.value(u"fraud"_s) > 0);
        QVERIFY(previewTable->isVisible());

        // As a supervisor would: Space turns Fraud off, F2 and End make Complaint urgent.
        const QModelIndex fraudEscalate = codes->index(codes->rowOf(reason::kFraud), M::EscalateColumn);
        QCOMPARE(fraudEscalate.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        view->setFocus();
        view->setCurrentIndex(fraudEscalate);
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(fraudEscalate.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(!(fraudEscalate.siblingAtColumn(M::PriorityColumn).flags() & Qt::ItemIsEnabled));
        QVERIFY(save->isEnabled());
        QVERIFY(workspace->findChild<QLabel *>(u"policyMessage"_s)->text().contains(u"Unsaved"_s));

        const QModelIndex complaintPriority =
            codes->index(codes->rowOf(reason::kComplaint), M::PriorityColumn);
        QCOMPARE(complaintPriority.data(Qt::EditRole).toString(), u"high"_s);
        view->setCurrentIndex(complaintPriority);
        QTest::keyClick(view, Qt::Key_F2);
        QComboBox *combo = nullptr;
        QTRY_VERIFY((combo = view->findChild<QComboBox *>(u"priorityEditor"_s)) && combo->hasFocus());
        QVERIFY(combo->accessibleName().contains(app::ReasonText::label(reason::kComplaint)));
        QCOMPARE(combo->currentData().toString(), u"high"_s);
        QTest::keyClick(combo, Qt::Key_End); // the last choice, "Urgent", taken at once
        QTRY_COMPARE(complaintPriority.data(Qt::EditRole).toString(), u"urgent"_s);

        // The preview and the save send both tables: without its rule, fraud escalates nothing.
        const QJsonObject editedCodes = tab->editedPolicy().value(u"codes"_s).toObject();
        QCOMPARE(editedCodes.value(u"fraud"_s).toObject().value(u"escalate"_s), QJsonValue(false));
        QTRY_VERIFY(previewButton->isEnabled());
        previewButton->click();
        QTRY_COMPARE(previewed.size(), 2);
        const auto preview = previewed.last().at(0).value<PolicyPreview>();
        QVERIFY(preview.wouldEscalate > 0);
        QVERIFY(!preview.byReason.contains(u"fraud"_s));
        QTRY_VERIFY(save->isEnabled());
        save->click();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(tab->version(), before + 1);
        QVERIFY(!tab->isModified());

        // Stored: the server's document says so, and a reload shows it.
        auto stored = m_sam->get(u"/api/v1/policy/escalation"_s);
        QCOMPARE(stored.status, 200);
        QJsonObject policy = stored.json().value(u"policy"_s).toObject();
        const QJsonObject storedCodes = policy.value(u"codes"_s).toObject();
        QCOMPARE(storedCodes.value(u"fraud"_s).toObject().value(u"escalate"_s), QJsonValue(false));
        QCOMPARE(storedCodes.value(u"complaint"_s).toObject().value(u"priority"_s).toString(), u"urgent"_s);
        QCOMPARE(storedCodes.value(u"crisis"_s).toObject(),
                 (QJsonObject{{u"escalate"_s, true}, {u"priority"_s, u"urgent"_s}}));
        // The other rules are kept: the sensitive intents and their evidence settings.
        const QJsonObject hardship =
            policy.value(u"intents"_s).toObject().value(u"financial_hardship"_s).toObject();
        QCOMPARE(hardship.value(u"needs_evidence"_s), QJsonValue(true));
        QCOMPARE(policy.value(u"intents"_s)
                     .toObject()
                     .value(u"suspected_fraud"_s)
                     .toObject()
                     .value(u"needs_evidence"_s),
                 QJsonValue(true));

        tab->reload();
        QTRY_COMPARE(policyLoaded.size(), 2);
        QCOMPARE(fraudEscalate.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(complaintPriority.data(Qt::EditRole).toString(), u"urgent"_s);
        QCOMPARE(codes->index(codes->rowOf(reason::kLegal), M::PriorityColumn).data(Qt::EditRole).toString(),
                 u"high"_s);
        QVERIFY(!tab->isModified());
        keepScreenshot(workspace.get(), u"supervisor-rules-by-reason.png"_s);

        // The server still refuses a crisis that does not escalate, or not at urgent.
        const QByteArray version = '"' + QByteArray::number(tab->version()) + '"';
        for (const QJsonObject &crisisRule :
             {QJsonObject{{u"escalate"_s, false}, {u"priority"_s, u"urgent"_s}},
              QJsonObject{{u"escalate"_s, true}, {u"priority"_s, u"high"_s}}}) {
            QJsonObject doctored = policy;
            QJsonObject doctoredCodes = storedCodes;
            doctoredCodes.insert(u"crisis"_s, crisisRule);
            doctored.insert(u"codes"_s, doctoredCodes);
            const auto refused = m_sam->request(
                "PUT", u"/api/v1/policy/escalation"_s, json::serialize(QJsonObject{{u"policy"_s, doctored}}),
                {{"Content-Type", "application/json"}, {"If-Match", version}});
            QCOMPARE(refused.status, 422);
            QVERIFY2(refused.body.contains("crisis"), refused.body.constData());
        }
        QCOMPARE(m_sam->get(u"/api/v1/policy/escalation"_s).json().value(u"version"_s).toInteger(),
                 tab->version());
    }

    void startsOnThePolicyWhenAsked()
    {
        // TANDEM_SUPERVISOR_TAB=policy (screenshots): the rules first, then the figures load too.
        qputenv("TANDEM_SUPERVISOR_TAB", "policy");
        auto workspace = openWorkspace();
        qunsetenv("TANDEM_SUPERVISOR_TAB");
        QCOMPARE(workspace->tabs()->currentWidget(), workspace->policyTab());
        QSignalSpy policyLoaded(workspace->policyTab(), &SupervisorPolicyTab::loaded);
        QSignalSpy statsLoaded(workspace->performanceTab(), &SupervisorPerformanceTab::loaded);
        QVERIFY(showAndWait(workspace.get()));
        QTRY_COMPARE(statsLoaded.size(), 1);
        QCOMPARE(policyLoaded.size(), 1);
        QCOMPARE(workspace->tabs()->currentWidget(), workspace->policyTab());
        QVERIFY(workspace->performanceTab()->escalationsModel()->rowCount() > 0);
    }
};

QTEST_MAIN(SupervisorReasonCodesTest)
#include "SupervisorReasonCodesTest.moc"
