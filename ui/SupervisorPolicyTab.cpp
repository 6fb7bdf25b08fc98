#include "SupervisorPolicyTab.h"

#include "DisplayText.h"
#include "Icons.h"
#include "PriorityComboDelegate.h"
#include "TableColumns.h"
#include "Theme.h"

#include "core/ReasonCodes.h"

#include "app/EscalationPolicyModel.h"
#include "app/ReasonCodeRulesModel.h"
#include "app/ReasonText.h"
#include "app/SupervisorClient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::EscalationPolicyModel;
using app::ReasonCodeRulesModel;

//! The preview's reason codes (server EscalationPolicy::Decision::codes) for people.
QString SupervisorPolicyTab::reasonText(const QString &code)
{
    // The same words as the reason chips on tickets (core/ReasonCodes.h codes).
    if (reason::isKnown(code))
        return app::ReasonText::label(code);
    return DisplayText::sanitize(code).left(100);
}

SupervisorPolicyTab::SupervisorPolicyTab(app::SupervisorClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new EscalationPolicyModel(this)),
      m_codes(new ReasonCodeRulesModel(this)), m_reasons(new QStandardItemModel(this))
{
    setObjectName(u"supervisorPolicyTab"_s);
    auto *layout = new QVBoxLayout(this);

    m_info = new QLabel(this);
    m_info->setObjectName(u"policyInfo"_s);
    m_info->setTextFormat(Qt::PlainText);
    m_info->setWordWrap(true);
    layout->addWidget(m_info);
    m_message = new QLabel(this);
    m_message->setObjectName(u"policyMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Policy status"));
    layout->addWidget(m_message);

    m_table = new QTableView(this);
    m_table->setObjectName(u"policyTable"_s);
    m_table->setAccessibleName(tr("Escalation thresholds by queue and intent"));
    m_table->setToolTip(tr("Rules merge in order: defaults, then the queue's, then the intent's. "
                           "\"inherits\" takes the value from the level above. Press F2 to edit a number "
                           "(empty: inherit), Space to cycle a check box (partly checked: inherit)."));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);

    // Thresholds (with their add/remove row) on the left, the rules per reason code beside them.
    auto *rules = new QSplitter(Qt::Horizontal, this);
    rules->setChildrenCollapsible(false);
    auto *thresholds = new QWidget(rules);
    auto *thresholdsLayout = new QVBoxLayout(thresholds);
    thresholdsLayout->setContentsMargins(0, 0, 0, 0);
    auto *thresholdsLabel = new QLabel(tr("Thresholds by &queue and intent"), thresholds);
    thresholdsLabel->setBuddy(m_table);
    thresholdsLayout->addWidget(thresholdsLabel);
    thresholdsLayout->addWidget(m_table, 1);

    auto *edit = new QHBoxLayout;
    m_newSection = new QComboBox(this);
    m_newSection->setObjectName(u"policyNewSection"_s);
    m_newSection->setAccessibleName(tr("Kind of rule to add"));
    m_newSection->addItem(tr("Queue"), int(EscalationPolicyModel::Section::Queue));
    m_newSection->addItem(tr("Intent"), int(EscalationPolicyModel::Section::Intent));
    m_newSection->addItem(tr("Queue/intent"), int(EscalationPolicyModel::Section::QueueIntent));
    m_newKey = new QLineEdit(this);
    m_newKey->setObjectName(u"policyNewKey"_s);
    m_newKey->setAccessibleName(tr("Queue or intent of the new rule"));
    m_newKey->setPlaceholderText(tr("e.g. refunds, or cards/card_lost"));
    m_newKey->setMaxLength(100);
    m_add = new QPushButton(tr("&Add rule"), this);
    m_add->setObjectName(u"policyAddRule"_s);
    m_add->setAccessibleName(tr("Add rule"));
    m_remove = new QPushButton(tr("Re&move rule"), this);
    m_remove->setObjectName(u"policyRemoveRule"_s);
    m_remove->setAccessibleName(tr("Remove the selected rule"));
    auto *newLabel = new QLabel(tr("New rule for:"), this);
    newLabel->setBuddy(m_newSection);
    edit->addWidget(newLabel);
    edit->addWidget(m_newSection);
    edit->addWidget(m_newKey, 1);
    edit->addWidget(m_add);
    edit->addWidget(m_remove);
    thresholdsLayout->addLayout(edit);
    QWidget *codes = makeCodesPane(rules);
    rules->addWidget(thresholds);
    rules->addWidget(codes);
    rules->setStretchFactor(0, 3);
    rules->setStretchFactor(1, 2);
    layout->addWidget(rules, 3); // the rules are the work; the preview table below is a check

    auto *actions = new QHBoxLayout;
    m_reload = new QPushButton(Icons::get(u"refresh"), tr("Re&load"), this);
    m_reload->setObjectName(u"policyReload"_s);
    m_reload->setAccessibleName(tr("Reload the policy"));
    m_days = new QSpinBox(this);
    m_days->setObjectName(u"policyPreviewDays"_s);
    m_days->setAccessibleName(tr("Days to preview"));
    m_days->setRange(1, 31);
    m_days->setValue(7);
    m_days->setSuffix(tr(" days"));
    auto *daysLabel = new QLabel(tr("Preview o&ver the last"), this);
    daysLabel->setBuddy(m_days);
    m_preview = new QPushButton(tr("&Preview"), this);
    m_preview->setObjectName(u"policyPreview"_s);
    m_preview->setAccessibleName(tr("Preview the edited policy"));
    m_preview->setToolTip(tr("How many recent tickets the edited policy would have escalated"));
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(u"policySave"_s);
    m_save->setAccessibleName(tr("Save the policy"));
    m_save->setToolTip(tr("Takes effect for new drafts at once; recorded in the audit log"));
    auto *exportPolicy = new QPushButton(tr("Export CSV…"), this);
    exportPolicy->setObjectName(u"exportPolicyCsv"_s);
    exportPolicy->setAccessibleName(tr("Export the thresholds table as CSV"));
    actions->addWidget(m_reload);
    actions->addStretch(1);
    actions->addWidget(daysLabel);
    actions->addWidget(m_days);
    actions->addWidget(m_preview);
    actions->addWidget(m_save);
    actions->addWidget(exportPolicy);
    layout->addLayout(actions);

    m_previewSummary = new QLabel(this);
    m_previewSummary->setObjectName(u"policyPreviewSummary"_s);
    m_previewSummary->setTextFormat(Qt::PlainText);
    m_previewSummary->setWordWrap(true);
    layout->addWidget(m_previewSummary);
    m_reasons->setHorizontalHeaderLabels({tr("Reason"), tr("Tickets")});
    m_reasonsView = new QTableView(this);
    m_reasonsView->setObjectName(u"policyPreviewReasons"_s);
    m_reasonsView->setAccessibleName(tr("Tickets the edited policy would escalate, by reason"));
    m_reasonsView->setModel(m_reasons);
    m_reasonsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reasonsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reasonsView->setTabKeyNavigation(false);
    m_reasonsView->verticalHeader()->hide();
    m_reasonsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_reasonsView, 1);
    m_exportPreview = new QPushButton(tr("Export CSV…"), this);
    m_exportPreview->setObjectName(u"exportPreviewCsv"_s);
    m_exportPreview->setAccessibleName(tr("Export the preview table as CSV"));
    auto *reasonButtons = new QHBoxLayout;
    reasonButtons->addStretch(1);
    reasonButtons->addWidget(m_exportPreview);
    // Until a preview is asked for, its (empty) table would only take room from the rules.
    m_reasonsView->hide();
    m_exportPreview->hide();
    layout->addLayout(reasonButtons);

    setTabOrder(m_table, m_newSection);
    setTabOrder(m_newSection, m_newKey);
    setTabOrder(m_newKey, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_codesView);
    setTabOrder(m_codesView, m_exportCodes);
    setTabOrder(m_exportCodes, m_reload);
    setTabOrder(m_reload, m_days);
    setTabOrder(m_days, m_preview);
    setTabOrder(m_preview, m_save);
    setTabOrder(m_save, exportPolicy);
    setTabOrder(exportPolicy, m_reasonsView);
    setTabOrder(m_reasonsView, m_exportPreview);

    connect(m_add, &QPushButton::clicked, this, [this] {
        const auto section = EscalationPolicyModel::Section(m_newSection->currentData().toInt());
        const int row = m_model->addRule(section, m_newKey->text());
        if (row < 0) {
            m_message->setText(tr("Type the queue or intent the rule is for."));
            m_newKey->setFocus();
            return;
        }
        m_newKey->clear();
        m_table->setCurrentIndex(m_model->index(row, EscalationPolicyModel::MinConfidenceColumn));
        m_table->setFocus();
    });
    connect(m_newKey, &QLineEdit::returnPressed, m_add, &QPushButton::click);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (!m_model->removeRule(m_table->currentIndex().row()))
            m_message->setText(tr("Select a queue or intent rule to remove; the defaults stay."));
    });
    connect(m_reload, &QPushButton::clicked, this, &SupervisorPolicyTab::reload);
    connect(m_preview, &QPushButton::clicked, this, &SupervisorPolicyTab::preview);
    connect(m_save, &QPushButton::clicked, this, &SupervisorPolicyTab::save);
    connect(m_model, &EscalationPolicyModel::edited, this, &SupervisorPolicyTab::onEdited);
    connect(m_codes, &ReasonCodeRulesModel::edited, this, &SupervisorPolicyTab::onEdited);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { updateButtons(); });
    connect(exportPolicy, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRequested(m_model, u"escalation-thresholds.csv"_s); });
    connect(m_exportPreview, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRequested(m_reasons, u"escalation-preview.csv"_s); });
    // A refused edit (e.g. a confidence of 2) says why instead of silently reverting.
    connect(m_table->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        if (!m_model->lastError().isEmpty())
            m_message->setText(m_model->lastError());
    });
    m_info->setText(tr("Loading the escalation policy…"));
    updateButtons();
}

SupervisorPolicyTab::~SupervisorPolicyTab() = default;

QWidget *SupervisorPolicyTab::makeCodesPane(QWidget *parent)
{
    auto *pane = new QWidget(parent);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_codesView = new QTableView(pane);
    m_codesView->setObjectName(u"policyCodesTable"_s);
    m_codesView->setAccessibleName(tr("Rules by reason: escalate, and the priority at least"));
    m_codesView->setToolTip(tr("One rule per reason a ticket goes to a person first. Space turns Escalate on "
                               "or off; a click or F2 on the priority opens the list. A crisis is locked: "
                               "always escalated, always urgent."));
    m_codesView->setModel(m_codes);
    m_codesView->setItemDelegate(
        new PriorityComboDelegate(ReasonCodeRulesModel::PriorityColumn, m_codesView));
    m_codesView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_codesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_codesView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                                 QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_codesView->setTabKeyNavigation(false);
    m_codesView->setWordWrap(false);
    m_codesView->verticalHeader()->hide();
    m_codesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    fitColumnsToContents(m_codesView);
    // One click on a priority opens its list (a combo box that needs two clicks feels broken).
    connect(m_codesView, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() != ReasonCodeRulesModel::PriorityColumn || !(index.flags() & Qt::ItemIsEditable))
            return;
        m_codesView->edit(index);
        if (auto *combo = qobject_cast<QComboBox *>(m_codesView->indexWidget(index)))
            combo->showPopup();
    });
    auto *caption = new QLabel(tr("Rules by &reason"), pane);
    caption->setBuddy(m_codesView);
    auto *crisisNote = new QLabel(ReasonCodeRulesModel::lockedExplanation(), pane);
    crisisNote->setObjectName(u"policyCrisisNote"_s);
    crisisNote->setTextFormat(Qt::PlainText);
    crisisNote->setWordWrap(true);
    m_exportCodes = new QPushButton(tr("Export CSV…"), pane);
    m_exportCodes->setObjectName(u"exportCodesCsv"_s);
    m_exportCodes->setAccessibleName(tr("Export the rules by reason as CSV"));
    connect(m_exportCodes, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRequested(m_codes, u"escalation-by-reason.csv"_s); });
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(crisisNote, 1);
    bottom->addWidget(m_exportCodes, 0, Qt::AlignTop);
    layout->addWidget(caption);
    layout->addWidget(m_codesView, 1);
    layout->addLayout(bottom);
    return pane;
}

void SupervisorPolicyTab::onEdited()
{
    m_message->setText(tr("Unsaved changes. Preview them, then save."));
    updateButtons();
}

QJsonObject SupervisorPolicyTab::editedPolicy() const
{
    QJsonObject policy = m_model->policy();
    const QJsonObject codes = m_codes->codes();
    // A document without "codes" stays without it until a rule is edited here.
    if (!codes.isEmpty() || policy.contains(u"codes"))
        policy.insert(u"codes"_s, codes);
    return policy;
}

bool SupervisorPolicyTab::isModified() const
{
    return m_model->isModified() || m_codes->isModified();
}

void SupervisorPolicyTab::updateButtons()
{
    m_reload->setEnabled(!m_busy);
    m_preview->setEnabled(!m_busy && m_hasDocument);
    m_save->setEnabled(!m_busy && m_hasDocument && isModified());
    m_add->setEnabled(m_hasDocument);
    m_remove->setEnabled(m_hasDocument);
}

void SupervisorPolicyTab::reload()
{
    m_busy = true;
    updateButtons();
    m_client->escalationPolicy(this, [this](const app::ApiResult<EscalationPolicyDocument> &result) {
        m_busy = false;
        if (!result.ok()) {
            m_message->setText(tr("Could not load the escalation policy: %1").arg(result.error().message));
            updateButtons();
            return;
        }
        showDocument(result.value());
        Q_EMIT loaded();
    });
}

void SupervisorPolicyTab::showDocument(const EscalationPolicyDocument &document)
{
    m_document = document;
    m_hasDocument = true;
    m_model->setPolicy(document.policy);
    m_codes->setCodes(document.policy.value(u"codes").toObject());
    m_table->resizeColumnsToContents();
    m_codesView->resizeColumnsToContents();
    if (document.version == 0 || !document.updatedAt.isValid())
        m_info->setText(tr("The built-in policy is in force; nobody has changed it yet."));
    else
        m_info->setText(tr("Version %1, last changed by %2 on %3.")
                            .arg(document.version)
                            .arg(DisplayText::sanitize(document.updatedByName).left(100),
                                 DisplayText::dateTime(document.updatedAt)));
    updateButtons();
}

void SupervisorPolicyTab::preview()
{
    if (!m_hasDocument)
        return;
    m_busy = true;
    updateButtons();
    m_previewSummary->setText(tr("Computing the preview…"));
    m_client->previewEscalationPolicy(
        editedPolicy(), m_days->value(), this, [this](const app::ApiResult<PolicyPreview> &result) {
            m_busy = false;
            updateButtons();
            if (!result.ok()) {
                m_previewSummary->setText(tr("No preview: %1").arg(result.error().message));
                return;
            }
            showPreview(result.value());
            Q_EMIT previewReady(result.value());
        });
}

void SupervisorPolicyTab::showPreview(const PolicyPreview &preview)
{
    m_previewSummary->setText(tr("Of %n ticket(s) in the last %1 days, %2 are escalated under the policy in "
                                 "force and %3 would be under the edited one (%4 more, %5 fewer).",
                                 nullptr, preview.tickets)
                                  .arg(preview.days)
                                  .arg(preview.escalatedNow)
                                  .arg(preview.wouldEscalate)
                                  .arg(preview.newlyEscalated.size())
                                  .arg(preview.noLongerEscalated.size()));
    m_reasonsView->show();
    m_exportPreview->show();
    m_reasons->removeRows(0, m_reasons->rowCount());
    QList<std::pair<QString, int>> rows(preview.byReason.keyValueBegin(), preview.byReason.keyValueEnd());
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (const auto &[reason, count] : rows) {
        auto *reasonItem = new QStandardItem(reasonText(reason));
        auto *countItem = new QStandardItem;
        countItem->setData(count, Qt::DisplayRole);
        countItem->setTextAlignment(Qt::AlignTrailing | Qt::AlignVCenter);
        m_reasons->appendRow({reasonItem, countItem});
    }
}

void SupervisorPolicyTab::save()
{
    if (!m_hasDocument || !isModified())
        return;
    m_busy = true;
    updateButtons();
    m_message->setText(tr("Saving…"));
    m_client->saveEscalationPolicy(
        editedPolicy(), m_document.version, this,
        [this](const app::ApiResult<EscalationPolicyDocument> &result) {
            m_busy = false;
            if (!result.ok()) {
                const ApiError &error = result.error();
                if (app::SupervisorClient::isConflict(error)) {
                    // Their version wins: show it, so nobody overwrites a change they never saw.
                    m_message->setText(error.message + u' ' + tr("Loading the current policy…"));
                    Q_EMIT conflict();
                    m_client->escalationPolicy(
                        this, [this, message = error.message](
                                  const app::ApiResult<EscalationPolicyDocument> &current) {
                            if (current.ok()) {
                                showDocument(current.value());
                                m_message->setText(message + u' ' +
                                                   tr("The table now shows their version (%1).")
                                                       .arg(current.value().version));
                            }
                            updateButtons();
                        });
                } else {
                    m_message->setText(tr("Not saved: %1").arg(error.message));
                }
                updateButtons();
                return;
            }
            showDocument(result.value());
            m_message->setText(tr("Saved. New drafts follow the new thresholds."));
            Q_EMIT saved();
        });
}

} // namespace tandem::ui
