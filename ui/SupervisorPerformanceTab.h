#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace tandem::app {
class CalibrationModel;
class CrisisFirstProxy;
class EscalationsByCodeModel;
class SuggestionStatsModel;
class SupervisorClient;
} // namespace tandem::app

namespace tandem::ui {

//! "AI performance": what agents did with the drafts per intent/language/queue/agent over a date
//! range, rows the automation-bias watch flags (icon + tool tip), the calibration table, and why
//! tickets went to a person (escalations per reason code, crisis first, with each reason's share).
class SupervisorPerformanceTab : public QWidget
{
    Q_OBJECT

public:
    explicit SupervisorPerformanceTab(app::SupervisorClient *client, QWidget *parent = nullptr);
    ~SupervisorPerformanceTab() override;

    //! Fetches GET /stats/suggestions for the chosen range and grouping.
    void refresh();

    app::SuggestionStatsModel *statsModel() const { return m_stats; }
    app::CalibrationModel *calibrationModel() const { return m_calibration; }
    app::EscalationsByCodeModel *escalationsModel() const { return m_escalations; }
    QTableView *statsView() const { return m_statsView; }
    QTableView *escalationsView() const { return m_escalationsView; }

Q_SIGNALS:
    void exportRequested(const QAbstractItemModel *model, const QString &suggestedName);
    //! A report arrived and is on display.
    void loaded();
    //! Enter or double-click on a row grouped by agent or intent: review that group's replies.
    void reviewRequested(const QString &groupBy, const QString &key);

private:
    void updateBiasSummary();
    QWidget *makeEscalationsPane(QWidget *parent);
    void updateEscalationsNote();

    app::SupervisorClient *m_client;
    app::SuggestionStatsModel *m_stats = nullptr;
    app::CalibrationModel *m_calibration = nullptr;
    app::EscalationsByCodeModel *m_escalations = nullptr;
    app::CrisisFirstProxy *m_escalationsProxy = nullptr;
    QSortFilterProxyModel *m_statsProxy = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_groupBy = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_biasSummary = nullptr;
    QTableView *m_statsView = nullptr;
    QTableView *m_calibrationView = nullptr;
    QTableView *m_escalationsView = nullptr;
    QLabel *m_escalationsNote = nullptr;
    QPushButton *m_exportEscalations = nullptr;
    quint64 m_generation = 0;
};

} // namespace tandem::ui
