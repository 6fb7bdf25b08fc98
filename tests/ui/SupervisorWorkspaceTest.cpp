// The supervisor workspace offscreen: the diff view's marking (not colour alone, untrusted text
// stays text), then the whole workspace against a real tandemd with the demo company: accessible
// names, statistics and CSV export, a spot-check verdict that is stored and moves on, and the
// escalation thresholds with preview, save and a conflicting save.
#include "PixelProbe.h"
#include "TestServer.h"

#include "app/ApiClient.h"
#include "app/EscalationPolicyModel.h"
#include "app/ReviewListModel.h"
#include "app/SuggestionStatsModel.h"
#include "ui/DiffView.h"
#include "ui/SupervisorPerformanceTab.h"
#include "ui/SupervisorPolicyTab.h"
#include "ui/SupervisorReviewTab.h"
#include "ui/SupervisorWorkspace.h"

#include "core/JsonCodec.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::ui;

namespace {

struct Run
{
    QString text;
    QTextCharFormat format;
};

QList<Run> runs(const QPlainTextEdit *edit)
{
    QList<Run> out;
    for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid())
                out.append({fragment.text(), fragment.charFormat()});
        }
    }
    return out;
}

QString marked(const QPlainTextEdit *edit, bool strikeOut)
{
    QString text;
    for (const Run &run : runs(edit)) {
        const bool isMarked = strikeOut ? run.format.fontStrikeOut() : run.format.fontUnderline();
        if (isMarked) {
            if (!run.format.hasProperty(QTextFormat::BackgroundBrush))
                return u"<marked without background>"_s;
            text += run.text;
        }
    }
    return text;
}

} // namespace

class SupervisorWorkspaceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<test::TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void cleanupTestCase() { m_server.reset(); }

    void availableForSupervisorsAndAdmins()
    {
        QVERIFY(!SupervisorWorkspace::availableFor(Role::Agent));
        QVERIFY(!SupervisorWorkspace::availableFor(Role::Lead));
        QVERIFY(SupervisorWorkspace::availableFor(Role::Supervisor));
        QVERIFY(SupervisorWorkspace::availableFor(Role::Admin));
    }

    void diffViewMarksChangesNotOnlyByColour()
    {
        DiffView view;
        view.show();
        view.setTexts(u"We will definitely refund you today."_s, u"We will refund you within 5 days."_s);
        QCOMPARE(view.draftView()->toPlainText(), u"We will definitely refund you today."_s);
        QCOMPARE(view.sentView()->toPlainText(), u"We will refund you within 5 days."_s);
        QCOMPARE(marked(view.draftView(), true), u"definitely today"_s);
        QCOMPARE(marked(view.sentView(), false), u"within 5 days"_s);
        QCOMPARE(marked(view.draftView(), false), QString()); // nothing underlined on the draft side
        QCOMPARE(marked(view.sentView(), true), QString());
        QVERIFY(view.draftView()->isReadOnly());
        QVERIFY(!view.draftView()->accessibleName().isEmpty());
        QVERIFY(!view.sentView()->accessibleName().isEmpty());

        // Untrusted text stays text; control characters go; long texts are cut.
        view.setTexts(u"<b>bold</b>\u0007 <img src=x>"_s, QString(DiffView::kMaxChars + 500, u'x'));
        QVERIFY(view.draftView()->toPlainText().startsWith(u"<b>bold</b> <img"_s));
        QCOMPARE(view.sentView()->toPlainText().size(), DiffView::kMaxChars);
        QVERIFY(view.findChild<QLabel *>(u"diffLegend"_s)->text().contains(u"cut"_s));

        view.setTexts(u"Same."_s, u"Same."_s);
        QVERIFY(view.findChild<QLabel *>(u"diffLegend"_s)->text().contains(u"exactly"_s));
        view.clear();
        QVERIFY(view.draftView()->toPlainText().isEmpty());
    }

    // Issue 18, layouts that breathe: the performance table keeps its figures beside the intent
    // names from 1024x640 to 2560x1440 (columns sized to their contents, none over 320 px).
    void figuresStayBesideTheNamesAtEverySize()
    {
        test::TestHttp http(m_server->baseUrl());
        QVERIFY(http.login(u"sam@lumen.example"_s));
        app::ApiClient api{QUrl(m_server->baseUrl())};
        api.setToken(http.token());
        SupervisorWorkspace workspace(&api);
        QSignalSpy statsLoaded(workspace.performanceTab(), &SupervisorPerformanceTab::loaded);
        workspace.resize(1024, 640);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        QTRY_COMPARE(statsLoaded.size(), 1);
        QTableView *table = workspace.performanceTab()->statsView();
        QVERIFY(table->model()->rowCount() > 0);
        for (const QSize size : {QSize(1024, 640), QSize(1280, 800), QSize(1920, 1080), QSize(2560, 1440)}) {
            workspace.resize(size);
            QTRY_COMPARE(workspace.size(), size);
            QApplication::processEvents();
            QHeaderView *header = table->horizontalHeader();
            int right = 0;
            for (int column = 0; column < header->count(); ++column) {
                if (header->isSectionHidden(column))
                    continue;
                QVERIFY2(header->sectionSize(column) <= 320,
                         qPrintable(u"%1: column %2 is %3 px"_s.arg(size.width())
                                        .arg(column)
                                        .arg(header->sectionSize(column))));
                right =
                    std::max(right, header->sectionViewportPosition(column) + header->sectionSize(column));
            }
            // No column is padded out to fill the screen: each is as wide as its contents ask.
            for (int column = 0; column < header->count(); ++column) {
                const int wanted =
                    std::max(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column),
                             header->sectionSizeHint(column));
                QVERIFY2(header->sectionSize(column) <= std::max(wanted, 40) + 24,
                         qPrintable(u"%1: column %2 is %3 px for %4 px of contents"_s.arg(size.width())
                                        .arg(column)
                                        .arg(header->sectionSize(column))
                                        .arg(wanted)));
            }
            QVERIFY(right > 0);
            test::keepScreenshot(&workspace, u"supervisor-%1x%2.png"_s.arg(size.width()).arg(size.height()));
        }
    }

    void workspaceAgainstTandemd()
    {
        test::TestHttp http(m_server->baseUrl());
        QVERIFY(http.login(u"sam@lumen.example"_s));
        app::ApiClient api{QUrl(m_server->baseUrl())};
        api.setToken(http.token());

        SupervisorWorkspace workspace(&api);
        QTemporaryDir dir;
        QString suggested;
        workspace.setSaveFileNameProvider([&](QWidget *, const QString &name) {
            suggested = name;
            return dir.filePath(name);
        });
        QSignalSpy statsLoaded(workspace.performanceTab(), &SupervisorPerformanceTab::loaded);
        workspace.resize(1400, 900);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        QTRY_COMPARE(statsLoaded.size(), 1);

        // Every interactive widget of ours has an accessible name.
        const QStringList interactive{u"statsFrom"_s,
                                      u"statsTo"_s,
                                      u"statsGroupBy"_s,
                                      u"statsRefresh"_s,
                                      u"suggestionStatsTable"_s,
                                      u"calibrationTable"_s,
                                      u"exportStatsCsv"_s,
                                      u"exportCalibrationCsv"_s,
                                      u"reviewOutcome"_s,
                                      u"reviewIntent"_s,
                                      u"reviewLanguage"_s,
                                      u"reviewAgent"_s,
                                      u"reviewVerdictFilter"_s,
                                      u"spotCheckToggle"_s,
                                      u"reviewList"_s,
                                      u"exportReviewsCsv"_s,
                                      u"diffDraft"_s,
                                      u"diffSent"_s,
                                      u"reviewSources"_s,
                                      u"verdictNote"_s,
                                      u"verdictGood"_s,
                                      u"verdictShouldEdit"_s,
                                      u"verdictHarmful"_s,
                                      u"policyTable"_s,
                                      u"policyNewSection"_s,
                                      u"policyNewKey"_s,
                                      u"policyAddRule"_s,
                                      u"policyRemoveRule"_s,
                                      u"policyReload"_s,
                                      u"policyPreviewDays"_s,
                                      u"policyPreview"_s,
                                      u"policySave"_s,
                                      u"exportPolicyCsv"_s,
                                      u"policyPreviewReasons"_s,
                                      u"exportPreviewCsv"_s,
                                      u"supervisorTabs"_s};
        for (const QString &name : interactive) {
            auto *widget = workspace.findChild<QWidget *>(name);
            QVERIFY2(widget, qPrintable(name));
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
            QVERIFY2(widget->focusPolicy() != Qt::NoFocus, qPrintable(name));
        }
        for (auto *button : workspace.findChildren<QPushButton *>())
            QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->text()));

        // AI performance: by agent, the table fills and exports.
        auto *groupBy = workspace.findChild<QComboBox *>(u"statsGroupBy"_s);
        groupBy->setCurrentIndex(groupBy->findData(u"agent"_s));
        QTRY_COMPARE(statsLoaded.size(), 2);
        app::SuggestionStatsModel *stats = workspace.performanceTab()->statsModel();
        QCOMPARE(stats->report().groupBy, u"agent"_s);
        QVERIFY(stats->rowCount() > 0);
        QVERIFY(!workspace.findChild<QLabel *>(u"biasSummary"_s)->text().isEmpty());
        QVERIFY(!workspace.findChild<QTableView *>(u"suggestionStatsTable"_s)->toolTip().isEmpty());
        workspace.findChild<QPushButton *>(u"exportStatsCsv"_s)->click();
        QCOMPARE(suggested, u"ai-performance-agent.csv"_s);
        QFile csv(dir.filePath(suggested));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("Agent,Drafts,"));

        // Enter on an agent's row opens the review tab filtered to that agent.
        auto *statsView = workspace.findChild<QTableView *>(u"suggestionStatsTable"_s);
        int agentRow = -1;
        for (int row = 0; row < statsView->model()->rowCount() && agentRow < 0; ++row) {
            if (!statsView->model()
                     ->index(row, 0)
                     .data(app::SuggestionStatsModel::KeyRole)
                     .toString()
                     .isEmpty() &&
                statsView->model()->index(row, app::SuggestionStatsModel::AsIsColumn).data().toInt() > 0)
                agentRow = row;
        }
        QVERIFY(agentRow >= 0);
        const qint64 agentId = statsView->model()
                                   ->index(agentRow, 0)
                                   .data(app::SuggestionStatsModel::KeyRole)
                                   .toString()
                                   .toLongLong();
        statsView->setFocus();
        statsView->setCurrentIndex(statsView->model()->index(agentRow, 0));
        QTest::keyClick(statsView, Qt::Key_Return);
        QCOMPARE(workspace.tabs()->currentIndex(), 1);
        QCOMPARE(workspace.reviewTab()->model()->filter().agentId, std::optional<qint64>(agentId));
        QTRY_VERIFY(workspace.reviewTab()->model()->rowCount() > 0 &&
                    !workspace.reviewTab()->model()->isLoading());
        for (int row = 0; row < workspace.reviewTab()->model()->rowCount(); ++row)
            QCOMPARE(workspace.reviewTab()->model()->itemAt(row)->agentId, agentId);
        workspace.findChild<QComboBox *>(u"reviewAgent"_s)->setCurrentIndex(0); // any agent again

        // Review: the spot-check queue; a verdict is stored and the next reply opens.
        QSignalSpy verdicts(workspace.reviewTab(), &SupervisorReviewTab::verdictSaved);
        workspace.tabs()->setCurrentIndex(1);
        app::ReviewListModel *reviews = workspace.reviewTab()->model();
        QTRY_VERIFY(reviews->rowCount() > 0 && !reviews->isLoading());
        workspace.findChild<QCheckBox *>(u"spotCheckToggle"_s)->setChecked(true);
        QVERIFY(reviews->filter().spotCheck);
        QTRY_VERIFY(reviews->rowCount() > 1 && workspace.reviewTab()->currentReviewId() != 0);
        const qint64 first = workspace.reviewTab()->currentReviewId();
        QCOMPARE(reviews->itemAt(0)->outcome, u"as_is"_s);
        QVERIFY(!workspace.findChild<QPlainTextEdit *>(u"diffDraft"_s)->toPlainText().isEmpty());
        workspace.findChild<QLineEdit *>(u"verdictNote"_s)->setText(u"Checked the refund amount"_s);
        auto *good = workspace.findChild<QPushButton *>(u"verdictGood"_s);
        QVERIFY(good->isEnabled());
        good->click();
        QTRY_COMPARE(verdicts.size(), 1);
        QCOMPARE(verdicts.first().at(0).toLongLong(), first);
        QTRY_VERIFY(workspace.reviewTab()->currentReviewId() != first);
        QCOMPARE(reviews->itemAt(reviews->rowOf(first))->verdict, u"good"_s);
        const auto stored = http.get(u"/api/v1/reviews?verdict=good&limit=200"_s);
        QCOMPARE(stored.status, 200);
        bool found = false;
        for (const auto &value : stored.json().value(u"items"_s).toArray()) {
            const QJsonObject item = value.toObject();
            if (item.value(u"id"_s).toInteger() == first) {
                found = true;
                QCOMPARE(item.value(u"verdict_note"_s).toString(), u"Checked the refund amount"_s);
            }
        }
        QVERIFY(found);

        // Escalation thresholds: edit, preview, save; then someone else saves first.
        QSignalSpy policyLoaded(workspace.policyTab(), &SupervisorPolicyTab::loaded);
        QSignalSpy previewed(workspace.policyTab(), &SupervisorPolicyTab::previewReady);
        QSignalSpy saved(workspace.policyTab(), &SupervisorPolicyTab::saved);
        QSignalSpy conflicts(workspace.policyTab(), &SupervisorPolicyTab::conflict);
        workspace.tabs()->setCurrentIndex(2);
        QTRY_COMPARE(policyLoaded.size(), 1);
        app::EscalationPolicyModel *policy = workspace.policyTab()->model();
        QVERIFY(policy->rowCount() > 1);
        auto *save = workspace.findChild<QPushButton *>(u"policySave"_s);
        QVERIFY(!save->isEnabled()); // nothing changed yet
        QVERIFY(policy->setData(policy->index(0, app::EscalationPolicyModel::MinConfidenceColumn), u"0.9"_s));
        QVERIFY(save->isEnabled());
        workspace.findChild<QPushButton *>(u"policyPreview"_s)->click();
        QTRY_COMPARE(previewed.size(), 1);
        const auto preview = previewed.first().at(0).value<PolicyPreview>();
        QCOMPARE(preview.days, 7);
        QVERIFY(workspace.findChild<QLabel *>(u"policyPreviewSummary"_s)->text().contains(u"7 days"_s));
        const qint64 before = workspace.policyTab()->version();
        QTRY_VERIFY(save->isEnabled());
        save->click();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(workspace.policyTab()->version(), before + 1);
        QVERIFY(!save->isEnabled());
        if (qEnvironmentVariableIsSet("TANDEM_SUP_SHOTS")) {
            const QString shots = qEnvironmentVariable("TANDEM_SUP_SHOTS");
            workspace.grab().save(shots + u"/policy.png"_s);
            workspace.tabs()->setCurrentIndex(1);
            workspace.grab().save(shots + u"/review.png"_s);
            workspace.tabs()->setCurrentIndex(0);
            workspace.grab().save(shots + u"/performance.png"_s);
            workspace.tabs()->setCurrentIndex(2);
        }

        // Another supervisor saves meanwhile; our next save must not overwrite theirs.
        const QJsonObject theirs{
            {u"policy"_s, QJsonObject{{u"defaults"_s, QJsonObject{{u"min_confidence"_s, 0.3}}}}}};
        const auto put = http.request(
            "PUT", u"/api/v1/policy/escalation"_s, json::serialize(theirs),
            {{"Content-Type", "application/json"}, {"If-Match", '"' + QByteArray::number(before + 1) + '"'}});
        QCOMPARE(put.status, 200);
        QVERIFY(policy->setData(policy->index(0, app::EscalationPolicyModel::RepeatContactColumn), u"5"_s));
        QTRY_VERIFY(save->isEnabled());
        save->click();
        QTRY_COMPARE(conflicts.size(), 1);
        QTRY_COMPARE(workspace.policyTab()->version(), before + 2);
        QTRY_VERIFY(workspace.findChild<QLabel *>(u"policyMessage"_s)->text().contains(u"Someone else"_s));
        QCOMPARE(
            policy->index(0, app::EscalationPolicyModel::MinConfidenceColumn).data(Qt::EditRole).toString(),
            u"0.3"_s);
        QVERIFY(!policy->isModified());
    }

private:
    std::unique_ptr<test::TestServer> m_server;
};

QTEST_MAIN(SupervisorWorkspaceTest)
#include "SupervisorWorkspaceTest.moc"
