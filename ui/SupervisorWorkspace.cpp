#include "SupervisorWorkspace.h"

#include "SupervisorPerformanceTab.h"
#include "SupervisorPolicyTab.h"
#include "SupervisorReviewTab.h"

#include "app/CsvExport.h"
#include "app/SupervisorClient.h"

#include "core/Permissions.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

SupervisorWorkspace::SupervisorWorkspace(app::ApiClient *api, QWidget *parent)
    : QWidget(parent), m_client(new app::SupervisorClient(api, this))
{
    setObjectName(u"supervisorWorkspace"_s);
    setAccessibleName(tr("Supervisor workspace"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"supervisorTabs"_s);
    m_tabs->setAccessibleName(tr("Supervisor sections"));
    m_performance = new SupervisorPerformanceTab(m_client, m_tabs);
    m_review = new SupervisorReviewTab(m_client, m_tabs);
    m_policy = new SupervisorPolicyTab(m_client, m_tabs);
    m_tabs->addTab(m_performance, tr("AI performance"));
    m_tabs->addTab(m_review, tr("Review"));
    m_tabs->addTab(m_policy, tr("Escalation thresholds"));
    m_tabs->setTabToolTip(
        0, tr("What agents did with the AI's drafts, and how well its confidence is calibrated"));
    m_tabs->setTabToolTip(1, tr("AI-assisted replies: draft against sent text, and spot-check verdicts"));
    m_tabs->setTabToolTip(2, tr("When a draft goes to a person first"));
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(u"supervisorStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    m_loaded = QList<bool>(m_tabs->count(), false);
    // TANDEM_SUPERVISOR_TAB=policy opens the escalation rules first (screenshots and demos:
    // `TANDEM_SUPERVISOR_TAB=policy tandem --demo --demo-user sam@lumen.example --screenshot F`).
    // The figures of "AI performance" load after the policy, so a screenshot that waits for them
    // shows both loaded.
    if (qEnvironmentVariable("TANDEM_SUPERVISOR_TAB") == u"policy") {
        m_tabs->setCurrentWidget(m_policy);
        connect(
            m_policy, &SupervisorPolicyTab::loaded, this, [this] { loadTab(m_tabs->indexOf(m_performance)); },
            Qt::SingleShotConnection);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (isVisible())
            loadTab(index);
    });
    connect(m_performance, &SupervisorPerformanceTab::reviewRequested, this,
            [this](const QString &groupBy, const QString &key) {
                m_loaded[1] = true; // showGroup() loads the list itself
                m_tabs->setCurrentWidget(m_review);
                m_review->showGroup(groupBy, key);
            });
    connect(m_performance, &SupervisorPerformanceTab::exportRequested, this, &SupervisorWorkspace::exportCsv);
    connect(m_review, &SupervisorReviewTab::exportRequested, this, &SupervisorWorkspace::exportCsv);
    connect(m_policy, &SupervisorPolicyTab::exportRequested, this, &SupervisorWorkspace::exportCsv);

    m_saveFileName = [](QWidget *parentWidget, const QString &suggestedName) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        return QFileDialog::getSaveFileName(parentWidget, tr("Export CSV"), QDir(dir).filePath(suggestedName),
                                            tr("CSV files (*.csv)"));
    };
}

SupervisorWorkspace::~SupervisorWorkspace() = default;

bool SupervisorWorkspace::availableFor(Role role)
{
    return allowed(role, Permission::ViewAiAnalytics);
}

void SupervisorWorkspace::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadTab(m_tabs->currentIndex());
}

void SupervisorWorkspace::loadTab(int index)
{
    if (index < 0 || index >= m_loaded.size() || m_loaded.at(index))
        return;
    m_loaded[index] = true;
    if (index == 0)
        m_performance->refresh();
    else if (index == 1)
        m_review->refresh();
    else
        m_policy->reload();
}

void SupervisorWorkspace::refresh()
{
    const int index = m_tabs->currentIndex();
    if (index >= 0 && index < m_loaded.size())
        m_loaded[index] = false;
    loadTab(index);
}

void SupervisorWorkspace::exportCsv(const QAbstractItemModel *model, const QString &suggestedName)
{
    if (!model || !m_saveFileName)
        return;
    const QString path = m_saveFileName(this, suggestedName);
    if (path.isEmpty())
        return;
    QString error;
    m_status->show();
    if (app::writeCsv(*model, path, &error))
        m_status->setText(
            tr("Exported %n row(s) to %1.", nullptr, model->rowCount()).arg(QDir::toNativeSeparators(path)));
    else
        m_status->setText(tr("Could not export: %1").arg(error));
}

} // namespace tandem::ui
