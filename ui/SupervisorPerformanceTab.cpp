#include "SupervisorPerformanceTab.h"

#include "EscalationsByCodeDelegate.h"
#include "Icons.h"
#include "ReasonChips.h"
#include "TableColumns.h"
#include "Theme.h"

#include "app/CalibrationModel.h"
#include "app/CrisisFirstProxy.h"
#include "app/EscalationsByCodeModel.h"
#include "app/SuggestionStatsModel.h"
#include "app/SupervisorClient.h"

#include "core/Stats.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

using app::SuggestionStatsModel;

//! Sorts by the raw numbers, keeps the "All" row last, and marks rows the automation-bias watch
//! flags with an icon and a tint (the tool tip with the reasons comes from the model).
class StatsProxy : public QSortFilterProxyModel
{
public:
    explicit StatsProxy(QWidget *owner) : QSortFilterProxyModel(owner), m_owner(owner)
    {
        setSortRole(SuggestionStatsModel::SortRole);
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const bool flagged =
            QSortFilterProxyModel::data(index, SuggestionStatsModel::BiasFlaggedRole).toBool();
        if (flagged && role == Qt::DecorationRole && index.column() == SuggestionStatsModel::GroupColumn)
            return Icons::get(u"needs-human");
        if (flagged && role == Qt::BackgroundRole) {
            const QPalette pal = m_owner->palette();
            return theme::blend(pal.color(QPalette::Base), theme::warningColor(pal), 0.18);
        }
        if (role == Qt::FontRole &&
            QSortFilterProxyModel::data(index, SuggestionStatsModel::TotalRowRole).toBool()) {
            QFont bold = m_owner->font();
            bold.setBold(true);
            return bold;
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        // The "All" row stays at the bottom whatever the order.
        const bool leftTotal = left.data(SuggestionStatsModel::TotalRowRole).toBool();
        const bool rightTotal = right.data(SuggestionStatsModel::TotalRowRole).toBool();
        if (leftTotal != rightTotal)
            return sortOrder() == Qt::AscendingOrder ? rightTotal : leftTotal;
        return QSortFilterProxyModel::lessThan(left, right);
    }

private:
    QWidget *m_owner;
};

QTableView *makeTable(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    fitColumnsToContents(view);
    view->setWordWrap(false);
    return view;
}

} // namespace

SupervisorPerformanceTab::SupervisorPerformanceTab(app::SupervisorClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_stats(new app::SuggestionStatsModel(this)),
      m_calibration(new app::CalibrationModel(this)), m_escalations(new app::EscalationsByCodeModel(this))
{
    setObjectName(u"supervisorPerformanceTab"_s);
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today.addDays(-13), this);
    m_from->setObjectName(u"statsFrom"_s);
    m_from->setAccessibleName(tr("From date"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(u"statsTo"_s);
    m_to->setAccessibleName(tr("To date (included)"));
    m_to->setCalendarPopup(true);
    m_groupBy = new QComboBox(this);
    m_groupBy->setObjectName(u"statsGroupBy"_s);
    m_groupBy->setAccessibleName(tr("Group by"));
    m_groupBy->addItem(tr("Intent"), u"intent"_s);
    m_groupBy->addItem(tr("Language"), u"language"_s);
    m_groupBy->addItem(tr("Queue"), u"queue"_s);
    m_groupBy->addItem(tr("Agent"), u"agent"_s);
    m_refresh = new QPushButton(Icons::get(u"refresh"), tr("Re&fresh"), this);
    m_refresh->setObjectName(u"statsRefresh"_s);
    m_refresh->setAccessibleName(tr("Refresh statistics"));
    auto *fromLabel = new QLabel(tr("Fro&m:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto *groupLabel = new QLabel(tr("&Group by:"), this);
    groupLabel->setBuddy(m_groupBy);
    bar->addWidget(fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(toLabel);
    bar->addWidget(m_to);
    bar->addWidget(groupLabel);
    bar->addWidget(m_groupBy);
    bar->addWidget(m_refresh);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_status = new QLabel(this);
    m_status->setObjectName(u"statsStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_biasSummary = new QLabel(this);
    m_biasSummary->setObjectName(u"biasSummary"_s);
    m_biasSummary->setTextFormat(Qt::PlainText);
    m_biasSummary->setWordWrap(true);
    m_biasSummary->setToolTip(m_stats->biasWatch().ruleDescription());
    layout->addWidget(m_biasSummary);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    auto *top = new QWidget(splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_statsProxy = new StatsProxy(this);
    m_statsProxy->setSourceModel(m_stats);
    m_statsView = makeTable(top, u"suggestionStatsTable"_s, tr("What agents did with the AI's drafts"));
    m_statsView->setModel(m_statsProxy);
    m_statsView->setSortingEnabled(true);
    m_statsView->sortByColumn(-1, Qt::AscendingOrder); // server order until a header is clicked
    m_statsView->setToolTip(m_stats->biasWatch().ruleDescription() + u"\n\n"_s +
                            tr("Press Enter or double-click an agent or intent to review its replies."));
    topLayout->addWidget(m_statsView, 1);
    auto *exportStats = new QPushButton(tr("Export CSV…"), top);
    exportStats->setObjectName(u"exportStatsCsv"_s);
    exportStats->setAccessibleName(tr("Export the statistics table as CSV"));
    auto *topButtons = new QHBoxLayout;
    topButtons->addStretch(1);
    topButtons->addWidget(exportStats);
    topLayout->addLayout(topButtons);

    // Calibration and the reasons for escalation share the lower half: both are short tables.
    auto *lower = new QSplitter(Qt::Horizontal, splitter);
    lower->setChildrenCollapsible(false);
    auto *bottom = new QWidget(lower);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_calibrationView =
        makeTable(bottom, u"calibrationTable"_s, tr("Calibration: confidence against acceptance"));
    m_calibrationView->setModel(m_calibration);
    auto *calibrationLabel =
        new QLabel(tr("&Calibration: are drafts accepted as often as their confidence says?"), bottom);
    calibrationLabel->setBuddy(m_calibrationView);
    calibrationLabel->setWordWrap(true);
    bottomLayout->addWidget(calibrationLabel);
    bottomLayout->addWidget(m_calibrationView, 1);
    auto *exportCalibration = new QPushButton(tr("Export CSV…"), bottom);
    exportCalibration->setObjectName(u"exportCalibrationCsv"_s);
    exportCalibration->setAccessibleName(tr("Export the calibration table as CSV"));
    auto *bottomButtons = new QHBoxLayout;
    bottomButtons->addStretch(1);
    bottomButtons->addWidget(exportCalibration);
    bottomLayout->addLayout(bottomButtons);
    QWidget *escalations = makeEscalationsPane(lower);
    lower->addWidget(bottom);
    lower->addWidget(escalations);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    splitter->addWidget(top);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_groupBy);
    setTabOrder(m_groupBy, m_refresh);
    setTabOrder(m_refresh, m_statsView);
    setTabOrder(m_statsView, exportStats);
    setTabOrder(exportStats, m_calibrationView);
    setTabOrder(m_calibrationView, exportCalibration);
    setTabOrder(exportCalibration, m_escalationsView);
    setTabOrder(m_escalationsView, m_exportEscalations);

    connect(m_statsView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString key = index.data(app::SuggestionStatsModel::KeyRole).toString();
        const QString groupBy = m_stats->report().groupBy;
        if (!key.isEmpty() && (groupBy == u"agent" || groupBy == u"intent"))
            Q_EMIT reviewRequested(groupBy, key);
    });
    connect(m_refresh, &QPushButton::clicked, this, &SupervisorPerformanceTab::refresh);
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, &SupervisorPerformanceTab::refresh);
    connect(m_from, &QDateEdit::editingFinished, this, &SupervisorPerformanceTab::refresh);
    connect(m_to, &QDateEdit::editingFinished, this, &SupervisorPerformanceTab::refresh);
    connect(exportStats, &QPushButton::clicked, this, [this] {
        Q_EMIT exportRequested(m_statsProxy,
                               u"ai-performance-%1.csv"_s.arg(m_groupBy->currentData().toString()));
    });
    connect(exportCalibration, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRequested(m_calibration, u"ai-calibration.csv"_s); });
    connect(m_exportEscalations, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRequested(m_escalationsProxy, u"ai-escalations-by-reason.csv"_s); });
    updateBiasSummary();

    // The figures move as agents work: refresh once a minute while the tab is on screen.
    auto *autoRefresh = new QTimer(this);
    autoRefresh->setInterval(std::chrono::minutes(1));
    connect(autoRefresh, &QTimer::timeout, this, [this] {
        if (isVisible() && m_generation > 0)
            refresh();
    });
    autoRefresh->start();
}

SupervisorPerformanceTab::~SupervisorPerformanceTab() = default;

QWidget *SupervisorPerformanceTab::makeEscalationsPane(QWidget *parent)
{
    auto *pane = new QWidget(parent);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_escalationsProxy = new app::CrisisFirstProxy(app::EscalationsByCodeModel::CrisisRole, this);
    m_escalationsProxy->setSortRole(app::EscalationsByCodeModel::SortRole);
    m_escalationsProxy->setSourceModel(m_escalations);
    m_escalationsView = makeTable(pane, u"escalationsByCodeTable"_s, tr("Why tickets went to a person"));
    m_escalationsView->setItemDelegate(new EscalationsByCodeDelegate(m_escalationsView));
    m_escalationsView->setModel(m_escalationsProxy);
    m_escalationsView->setSortingEnabled(true);
    // Compact rows (a chip is smaller than a line of text with the style's padding): more reasons
    // fit without scrolling.
    m_escalationsView->verticalHeader()->setDefaultSectionSize(
        ReasonChips::chipHeight(ReasonChips::chipFont(font())) + 8);
    fitColumnsToContents(m_escalationsView);
    // Most frequent first; a crisis stays on top whatever the order (CrisisFirstProxy).
    m_escalationsView->sortByColumn(app::EscalationsByCodeModel::TicketsColumn, Qt::DescendingOrder);
    m_escalationsView->setToolTip(tr("Tickets created in the period, by the reason they went to a person "
                                     "first. A crisis is always listed first. Click a column to sort."));
    auto *caption = new QLabel(tr("&Escalations by reason: why tickets went to a person first"), pane);
    caption->setBuddy(m_escalationsView);
    caption->setWordWrap(true);
    m_escalationsNote = new QLabel(pane);
    m_escalationsNote->setObjectName(u"escalationsNote"_s);
    m_escalationsNote->setTextFormat(Qt::PlainText);
    m_escalationsNote->setWordWrap(true);
    layout->addWidget(caption);
    layout->addWidget(m_escalationsView, 1);
    m_exportEscalations = new QPushButton(tr("Export CSV…"), pane);
    m_exportEscalations->setObjectName(u"exportEscalationsCsv"_s);
    m_exportEscalations->setAccessibleName(tr("Export the escalations by reason as CSV"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_escalationsNote, 1);
    buttons->addWidget(m_exportEscalations);
    layout->addLayout(buttons);
    updateEscalationsNote();
    return pane;
}

void SupervisorPerformanceTab::updateEscalationsNote()
{
    const int reasons = m_escalations->totalReasons();
    if (m_generation == 0)
        m_escalationsNote->clear();
    else if (reasons == 0)
        m_escalationsNote->setText(tr("No ticket went to a person in this period."));
    else
        m_escalationsNote->setText(
            tr("Shares are of all %n reason(s) given: one ticket can have several.", nullptr, reasons));
    // The figures in words for screen readers, which do not see the bars.
    m_escalationsView->setAccessibleDescription(m_escalations->summary());
}

void SupervisorPerformanceTab::refresh()
{
    QDate fromDate = m_from->date();
    QDate toDate = m_to->date();
    if (toDate < fromDate)
        std::swap(fromDate, toDate);
    // Whole local days: [from 00:00, the day after "to" 00:00).
    const QDateTime from(fromDate, QTime(0, 0));
    const QDateTime to(toDate.addDays(1), QTime(0, 0));
    const QString groupBy = m_groupBy->currentData().toString();
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Loading…"));
    m_client->suggestionStats(
        from, to, groupBy, this, [this, generation](const app::ApiResult<SuggestionStatsReport> &result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                m_status->setText(tr("Could not load the statistics: %1").arg(result.error().message));
                return;
            }
            m_stats->setReport(result.value());
            m_calibration->setBins(result.value().calibration);
            m_escalations->setEscalations(result.value().escalations);
            m_statsView->resizeColumnsToContents();
            m_calibrationView->resizeColumnsToContents();
            m_escalationsView->resizeColumnsToContents();
            updateEscalationsNote();
            const int drafts = result.value().total.drafts;
            m_status->setText(drafts == 0 ? tr("No drafts in this period.")
                                          : tr("%n draft(s) in this period.", nullptr, drafts));
            updateBiasSummary();
            Q_EMIT loaded();
        });
}

void SupervisorPerformanceTab::updateBiasSummary()
{
    const QString groupBy = m_stats->report().groupBy;
    const auto findings = m_stats->findings();
    if (!app::AutomationBiasWatch::appliesTo(groupBy)) {
        m_biasSummary->setText(tr("Automation-bias watch: group by intent or agent to see it."));
    } else if (findings.isEmpty()) {
        m_biasSummary->setText(tr("Automation-bias watch: nothing flagged."));
    } else {
        QStringList names;
        for (const auto &finding : findings)
            names << finding.label;
        names.sort(Qt::CaseInsensitive);
        m_biasSummary->setText(tr("Automation-bias watch flags %n row(s), marked with a warning icon: %1. "
                                  "Hover a row for the reasons.",
                                  nullptr, int(findings.size()))
                                   .arg(names.join(u", "_s)));
    }
    m_biasSummary->setAccessibleName(m_biasSummary->text());
}

} // namespace tandem::ui
