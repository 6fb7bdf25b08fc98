#include "SupervisorReviewTab.h"

#include "ClearButton.h"
#include "DiffView.h"
#include "DisplayText.h"
#include "Icons.h"

#include "app/ApiClient.h"
#include "app/IntentText.h"
#include "app/ReviewListModel.h"
#include "app/SupervisorClient.h"

#include "core/Stats.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

constexpr int kMaxNoteLength = 2000;

QString clip(const QString &text, qsizetype max)
{
    const QString clean = DisplayText::sanitize(text);
    return clean.size() > max ? clean.left(max) + u'…' : clean;
}

} // namespace

SupervisorReviewTab::SupervisorReviewTab(app::SupervisorClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new app::ReviewListModel(client, this))
{
    setObjectName(u"supervisorReviewTab"_s);
    auto *layout = new QVBoxLayout(this);

    // Filter bar.
    auto *bar = new QHBoxLayout;
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(u"reviewOutcome"_s);
    m_outcome->setAccessibleName(tr("Agent's choice"));
    m_outcome->addItem(tr("Any choice"), QString());
    m_outcome->addItem(tr("Sent as is"), u"as_is"_s);
    m_outcome->addItem(tr("Edited"), u"edited"_s);
    m_outcome->addItem(tr("Own reply"), u"own"_s);
    m_intent = new QLineEdit(this);
    m_intent->setObjectName(u"reviewIntent"_s);
    m_intent->setAccessibleName(tr("Intent"));
    m_intent->setPlaceholderText(tr("any intent"));
    m_intent->setMaxLength(100);
    enableClearButton(m_intent, tr("the intent filter"));
    m_language = new QLineEdit(this);
    m_language->setObjectName(u"reviewLanguage"_s);
    m_language->setAccessibleName(tr("Language"));
    m_language->setPlaceholderText(tr("any, e.g. sv"));
    m_language->setMaxLength(20);
    enableClearButton(m_language, tr("the language filter"));
    m_agent = new QComboBox(this);
    m_agent->setObjectName(u"reviewAgent"_s);
    m_agent->setAccessibleName(tr("Agent"));
    m_agent->addItem(tr("Any agent"), QVariant());
    m_verdict = new QComboBox(this);
    m_verdict->setObjectName(u"reviewVerdictFilter"_s);
    m_verdict->setAccessibleName(tr("Verdict"));
    m_verdict->addItem(tr("Any verdict"), QString());
    m_verdict->addItem(tr("Not reviewed"), u"none"_s);
    m_verdict->addItem(tr("Good"), u"good"_s);
    m_verdict->addItem(tr("Should have been edited"), u"should_have_been_edited"_s);
    m_verdict->addItem(tr("Harmful"), u"harmful"_s);
    m_spotCheck = new QCheckBox(tr("Spot-check &queue"), this);
    m_spotCheck->setObjectName(u"spotCheckToggle"_s);
    m_spotCheck->setAccessibleName(tr("Spot-check queue"));
    m_spotCheck->setToolTip(tr("A random sample of replies sent as is that nobody has reviewed yet. "
                               "After each verdict the next one opens."));
    const QList<QPair<QString, QWidget *>> fields{{tr("&Outcome:"), m_outcome},
                                                  {tr("&Intent:"), m_intent},
                                                  {tr("&Language:"), m_language},
                                                  {tr("Age&nt:"), m_agent},
                                                  {tr("&Verdict:"), m_verdict}};
    for (const auto &[text, widget] : fields) {
        auto *label = new QLabel(text, this);
        label->setBuddy(widget);
        bar->addWidget(label);
        bar->addWidget(widget);
    }
    bar->addWidget(m_spotCheck);
    bar->addStretch(1);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);

    // The list.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTableView(left);
    m_list->setObjectName(u"reviewList"_s);
    m_list->setAccessibleName(tr("AI-assisted replies"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setTabKeyNavigation(false);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->horizontalHeader()->setStretchLastSection(true);
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_listStatus = new QLabel(left);
    m_listStatus->setObjectName(u"reviewListStatus"_s);
    m_listStatus->setTextFormat(Qt::PlainText);
    listButtons->addWidget(m_listStatus, 1);
    auto *exportList = new QPushButton(tr("Export CSV…"), left);
    exportList->setObjectName(u"exportReviewsCsv"_s);
    exportList->setAccessibleName(tr("Export the reply list as CSV"));
    listButtons->addWidget(exportList);
    leftLayout->addLayout(listButtons);

    // The detail.
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(right);
    m_header->setObjectName(u"reviewHeader"_s);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_header);
    m_diff = new DiffView(right);
    rightLayout->addWidget(m_diff, 3);
    m_sources = new QPlainTextEdit(right);
    m_sources->setObjectName(u"reviewSources"_s);
    m_sources->setAccessibleName(tr("Citations and flags"));
    m_sources->setReadOnly(true);
    m_sources->setTabChangesFocus(true);
    m_sources->setMaximumBlockCount(200);
    rightLayout->addWidget(m_sources, 1);

    auto *verdictRow = new QHBoxLayout;
    m_note = new QLineEdit(right);
    m_note->setObjectName(u"verdictNote"_s);
    m_note->setAccessibleName(tr("Verdict note"));
    m_note->setPlaceholderText(tr("Optional note for the verdict"));
    m_note->setMaxLength(kMaxNoteLength);
    auto *noteLabel = new QLabel(tr("N&ote:"), right);
    noteLabel->setBuddy(m_note);
    m_good = new QPushButton(tr("&Good"), right);
    m_good->setObjectName(u"verdictGood"_s);
    m_good->setAccessibleName(tr("Verdict: good"));
    m_good->setToolTip(tr("The reply was right to send as it was"));
    m_shouldEdit = new QPushButton(tr("&Should have been edited"), right);
    m_shouldEdit->setObjectName(u"verdictShouldEdit"_s);
    m_shouldEdit->setAccessibleName(tr("Verdict: should have been edited"));
    m_shouldEdit->setToolTip(tr("Acceptable, but the agent should have corrected it first"));
    m_harmful = new QPushButton(tr("&Harmful"), right);
    m_harmful->setObjectName(u"verdictHarmful"_s);
    m_harmful->setAccessibleName(tr("Verdict: harmful"));
    m_harmful->setToolTip(tr("Wrong or damaging: it should not have been sent"));
    verdictRow->addWidget(noteLabel);
    verdictRow->addWidget(m_note, 1);
    verdictRow->addWidget(m_good);
    verdictRow->addWidget(m_shouldEdit);
    verdictRow->addWidget(m_harmful);
    rightLayout->addLayout(verdictRow);
    m_verdictStatus = new QLabel(right);
    m_verdictStatus->setObjectName(u"verdictStatus"_s);
    m_verdictStatus->setTextFormat(Qt::PlainText);
    m_verdictStatus->setWordWrap(true);
    rightLayout->addWidget(m_verdictStatus);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    setTabOrder(m_outcome, m_intent);
    setTabOrder(m_intent, m_language);
    setTabOrder(m_language, m_agent);
    setTabOrder(m_agent, m_verdict);
    setTabOrder(m_verdict, m_spotCheck);
    setTabOrder(m_spotCheck, m_list);
    setTabOrder(m_list, exportList);
    setTabOrder(exportList, m_diff->draftView());
    setTabOrder(m_diff->draftView(), m_diff->sentView());
    setTabOrder(m_diff->sentView(), m_sources);
    setTabOrder(m_sources, m_note);
    setTabOrder(m_note, m_good);
    setTabOrder(m_good, m_shouldEdit);
    setTabOrder(m_shouldEdit, m_harmful);

    connect(m_outcome, &QComboBox::currentIndexChanged, this, &SupervisorReviewTab::applyFilters);
    connect(m_agent, &QComboBox::currentIndexChanged, this, &SupervisorReviewTab::applyFilters);
    connect(m_verdict, &QComboBox::currentIndexChanged, this, &SupervisorReviewTab::applyFilters);
    connect(m_spotCheck, &QCheckBox::toggled, this, &SupervisorReviewTab::applyFilters);
    connect(m_intent, &QLineEdit::editingFinished, this, [this] {
        if (m_intent->isModified()) {
            m_intent->setModified(false);
            applyFilters();
        }
    });
    connect(m_language, &QLineEdit::editingFinished, this, [this] {
        if (m_language->isModified()) {
            m_language->setModified(false);
            applyFilters();
        }
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showItem(m_model->itemAt(current.row())); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showItem(nullptr); });
    connect(m_model, &app::ReviewListModel::pageLoaded, this, [this](int added) {
        m_listStatus->setText(m_model->rowCount() == 0
                                  ? tr("No replies match.")
                                  : tr("Replies listed: %n", nullptr, m_model->rowCount()));
        if (added > 0 && added == m_model->rowCount()) { // the first page of a new list
            m_list->resizeColumnsToContents();
            for (int column = 0; column < m_model->columnCount(); ++column)
                m_list->setColumnWidth(column, std::min(m_list->columnWidth(column), 220));
        }
        if (m_advanceAfterLoad) {
            m_advanceAfterLoad = false;
            if (added > 0)
                advance();
            else
                m_verdictStatus->setText(tr("The spot-check queue is done for now."));
        } else if (m_model->rowCount() > 0 && !m_list->currentIndex().isValid()) {
            selectRow(0);
        }
    });
    connect(m_model, &app::ReviewListModel::loadFailed, this, [this](const ApiError &error) {
        m_advanceAfterLoad = false;
        m_listStatus->setText(tr("Could not load replies: %1").arg(error.message));
    });
    connect(m_model, &app::ReviewListModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_listStatus->setText(tr("Loading…"));
    });
    connect(m_good, &QPushButton::clicked, this, [this] { postVerdict(u"good"_s); });
    connect(m_shouldEdit, &QPushButton::clicked, this, [this] { postVerdict(u"should_have_been_edited"_s); });
    connect(m_harmful, &QPushButton::clicked, this, [this] { postVerdict(u"harmful"_s); });
    connect(exportList, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRequested(m_model, u"ai-reviews.csv"_s); });
    showItem(nullptr);
}

SupervisorReviewTab::~SupervisorReviewTab() = default;

void SupervisorReviewTab::refresh()
{
    loadAgents();
    applyFilters();
}

void SupervisorReviewTab::loadAgents()
{
    if (m_agentsLoaded)
        return;
    m_agentsLoaded = true;
    m_client->api()->users(this, [this](const app::ApiResult<QList<User>> &result) {
        if (!result.ok()) {
            m_agentsLoaded = false; // try again on the next refresh
            return;
        }
        QList<User> users = result.value();
        std::sort(users.begin(), users.end(), [](const User &a, const User &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        const QSignalBlocker blocker(m_agent);
        for (const User &user : users) {
            const int existing = m_agent->findData(user.id); // a placeholder from showGroup()
            if (existing >= 0)
                m_agent->setItemText(existing, clip(user.name, 100));
            else
                m_agent->addItem(clip(user.name, 100), user.id);
        }
    });
}

void SupervisorReviewTab::showGroup(const QString &groupBy, const QString &key)
{
    loadAgents();
    {
        const QSignalBlocker outcome(m_outcome);
        const QSignalBlocker agent(m_agent);
        const QSignalBlocker verdict(m_verdict);
        const QSignalBlocker spotCheck(m_spotCheck);
        m_outcome->setCurrentIndex(0);
        m_verdict->setCurrentIndex(0);
        m_spotCheck->setChecked(false);
        m_intent->clear();
        m_language->clear();
        m_agent->setCurrentIndex(0);
        if (groupBy == u"intent") {
            m_intent->setText(key.left(m_intent->maxLength()));
        } else if (groupBy == u"agent") {
            bool ok = false;
            const qint64 id = key.toLongLong(&ok);
            int index = ok ? m_agent->findData(id) : -1;
            if (index < 0 && ok) {
                // The agent list may not have arrived yet: add the id so the filter holds.
                m_agent->addItem(tr("Agent %1").arg(id), id);
                index = m_agent->count() - 1;
            }
            m_agent->setCurrentIndex(std::max(0, index));
        }
    }
    applyFilters();
    m_list->setFocus();
}

qint64 SupervisorReviewTab::currentReviewId() const
{
    const ReviewItem *item = m_model->itemAt(m_list->currentIndex().row());
    return item ? item->id : 0;
}

void SupervisorReviewTab::applyFilters()
{
    app::ReviewFilter filter;
    filter.outcome = m_outcome->currentData().toString();
    filter.intent = app::IntentText::keyFor(m_intent->text()); // "refund status" finds refund_status
    filter.language = m_language->text().trimmed();
    if (m_agent->currentData().isValid())
        filter.agentId = m_agent->currentData().toLongLong();
    filter.verdict = m_verdict->currentData().toString();
    filter.spotCheck = m_spotCheck->isChecked();
    m_advanceAfterLoad = false;
    m_verdictStatus->clear();
    m_model->setFilter(filter);
}

void SupervisorReviewTab::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_list->scrollTo(index);
}

void SupervisorReviewTab::showItem(const ReviewItem *item)
{
    setVerdictButtonsEnabled(item != nullptr && !m_posting);
    m_note->setEnabled(item != nullptr);
    if (!item) {
        m_header->setText(tr("Select a reply to review it."));
        m_diff->clear();
        m_sources->clear();
        return;
    }
    QStringList facts;
    facts << tr("Ticket #%1: %2").arg(item->ticketId).arg(clip(item->ticketSubject, 200));
    facts << tr("Agent: %1").arg(clip(item->agentName, 100));
    facts << tr("Sent: %1").arg(DisplayText::dateTime(item->sentAt));
    facts << tr("Agent's choice: %1").arg(app::ReviewListModel::outcomeText(item->outcome));
    facts << tr("Confidence: %1 %").arg(qRound(item->confidence * 100));
    facts << tr("Intent: %1").arg(DisplayText::intent(item->intent));
    if (item->reopened)
        facts << tr("The customer wrote again afterwards");
    QString verdict = tr("Verdict: %1").arg(app::ReviewListModel::verdictText(item->verdict));
    if (!item->reviewerName.isEmpty())
        verdict += u' ' + tr("(by %1)").arg(clip(item->reviewerName, 100));
    if (!item->verdictNote.isEmpty())
        verdict += u' ' + tr("– “%1”").arg(clip(item->verdictNote, 300));
    facts << verdict;
    m_header->setText(facts.join(u"\n"_s));
    m_diff->setTexts(item->draftBody, item->sentBody);

    QStringList lines;
    lines << (item->citations.isEmpty() ? tr("No citations.") : tr("Citations:"));
    for (const Citation &citation : item->citations)
        lines << u"• %1 (%2): %3"_s.arg(clip(citation.title, 200), clip(citation.sourceId, 50),
                                        clip(citation.snippet, 500));
    lines << (item->flags.isEmpty() ? tr("No flags.") : tr("Flags:"));
    for (const DraftFlag &flag : item->flags)
        lines << u"• %1: %2"_s.arg(DisplayText::flagKind(flag.kind), clip(flag.message, 500));
    m_sources->setPlainText(lines.join(u'\n'));
}

void SupervisorReviewTab::setVerdictButtonsEnabled(bool enabled)
{
    m_good->setEnabled(enabled);
    m_shouldEdit->setEnabled(enabled);
    m_harmful->setEnabled(enabled);
}

void SupervisorReviewTab::postVerdict(const QString &verdict)
{
    const ReviewItem *item = m_model->itemAt(m_list->currentIndex().row());
    if (!item || m_posting)
        return;
    const qint64 id = item->id;
    m_posting = true;
    setVerdictButtonsEnabled(false);
    m_verdictStatus->setText(tr("Saving the verdict…"));
    const VerdictRequest request{verdict, m_note->text().trimmed().left(kMaxNoteLength)};
    m_client->postVerdict(id, request, this, [this, id, verdict](const app::ApiResult<ReviewItem> &result) {
        m_posting = false;
        const ReviewItem *current = m_model->itemAt(m_list->currentIndex().row());
        setVerdictButtonsEnabled(current != nullptr);
        if (!result.ok()) {
            m_verdictStatus->setText(tr("The verdict was not saved: %1").arg(result.error().message));
            return;
        }
        m_model->updateItem(result.value());
        m_note->clear();
        m_verdictStatus->setText(tr("Saved: %1.").arg(app::ReviewListModel::verdictText(verdict)));
        Q_EMIT verdictSaved(id, verdict);
        if (m_spotCheck->isChecked() && current && current->id == id)
            advance();
        else if (current && current->id == id)
            showItem(current);
    });
}

void SupervisorReviewTab::advance()
{
    const int next = m_list->currentIndex().row() + 1;
    if (next < m_model->rowCount()) {
        selectRow(next);
        m_good->setFocus();
        return;
    }
    if (m_model->canFetchMore({})) {
        m_advanceAfterLoad = true;
        m_model->fetchMore({});
        return;
    }
    m_verdictStatus->setText(m_verdictStatus->text() + u' ' + tr("The spot-check queue is done for now."));
}

} // namespace tandem::ui
