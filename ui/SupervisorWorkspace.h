#pragma once

#include "core/Enums.h"

#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QLabel;
class QTabWidget;

namespace tandem::app {
class ApiClient;
class SupervisorClient;
} // namespace tandem::app

namespace tandem::ui {

class SupervisorPerformanceTab;
class SupervisorPolicyTab;
class SupervisorReviewTab;

//! The supervisor's workspace, "is the AI earning its keep?": AI performance (suggestion
//! statistics, automation-bias watch, calibration), draft review with spot-check verdicts, and
//! the escalation thresholds and rules per reason code with a preview. Every table exports as
//! CSV. Supervisors and admins only (availableFor()); the server enforces the same.
//! TANDEM_SUPERVISOR_TAB=policy in the environment opens the escalation rules first.
class SupervisorWorkspace : public QWidget
{
    Q_OBJECT

public:
    //! Asks the user where to save a CSV file; returns an empty path to cancel.
    using SaveFileNameProvider = std::function<QString(QWidget *parent, const QString &suggestedName)>;

    //! \a api (signed in, not owned) must outlive the workspace. Nothing is fetched before the
    //! workspace is first shown.
    explicit SupervisorWorkspace(app::ApiClient *api, QWidget *parent = nullptr);
    ~SupervisorWorkspace() override;

    //! True for supervisor and admin.
    static bool availableFor(Role role);

    //! Fetches the current tab's data again.
    void refresh();

    //! Test seam: replaces the save-file dialog of "Export CSV…".
    void setSaveFileNameProvider(SaveFileNameProvider provider) { m_saveFileName = std::move(provider); }
    //! Writes \a model as CSV to a file the user picks (the name suggested is \a suggestedName).
    void exportCsv(const QAbstractItemModel *model, const QString &suggestedName);

    app::SupervisorClient *client() const { return m_client; }
    QTabWidget *tabs() const { return m_tabs; }
    SupervisorPerformanceTab *performanceTab() const { return m_performance; }
    SupervisorReviewTab *reviewTab() const { return m_review; }
    SupervisorPolicyTab *policyTab() const { return m_policy; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadTab(int index);

    app::SupervisorClient *m_client = nullptr;
    QTabWidget *m_tabs = nullptr;
    SupervisorPerformanceTab *m_performance = nullptr;
    SupervisorReviewTab *m_review = nullptr;
    SupervisorPolicyTab *m_policy = nullptr;
    QLabel *m_status = nullptr;
    SaveFileNameProvider m_saveFileName;
    QList<bool> m_loaded;
};

} // namespace tandem::ui
