#include "DraftEditor.h"

#include "ConfidenceBadge.h"
#include "DisplayText.h"
#include "ElidedLabel.h"
#include "Icons.h"
#include "Theme.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

constexpr int kMaxFlagsShown = 6;

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

DraftEditor::DraftEditor(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"draftEditor"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 10);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    m_title = plainLabel(this);
    m_title->setText(tr("Reply"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    top->addWidget(m_title);
    m_badge = new ConfidenceBadge(this);
    top->addWidget(m_badge);
    m_intent = new ElidedLabel(this);
    m_intent->setObjectName(u"draftIntent"_s);
    m_intent->setAccessibleName(tr("Draft intent"));
    top->addWidget(m_intent, 1);
    m_restored = plainLabel(this);
    m_restored->setObjectName(u"restoredNote"_s);
    m_restored->setText(tr("Restored your unsent text"));
    m_restored->setAccessibleName(tr("Restored your unsent text"));
    m_restored->hide();
    top->addWidget(m_restored);
    layout->addLayout(top);

    m_flagsBox = new QWidget(this);
    m_flagsBox->setObjectName(u"draftFlags"_s);
    m_flagsLayout = new QVBoxLayout(m_flagsBox);
    m_flagsLayout->setContentsMargins(0, 0, 0, 0);
    m_flagsLayout->setSpacing(2);
    m_flagsBox->hide();
    layout->addWidget(m_flagsBox);

    m_offerBox = new QWidget(this);
    auto *offer = new QHBoxLayout(m_offerBox);
    offer->setContentsMargins(0, 0, 0, 0);
    auto *offerText = plainLabel(m_offerBox);
    offerText->setText(tr("The AI wrote a newer draft for this ticket."));
    offer->addWidget(offerText, 1);
    m_useOffered = new QPushButton(tr("Use new draft"), m_offerBox);
    m_useOffered->setObjectName(u"useNewDraftButton"_s);
    m_useOffered->setAccessibleName(tr("Use new draft"));
    offer->addWidget(m_useOffered);
    m_offerBox->hide();
    layout->addWidget(m_offerBox);
    connect(m_useOffered, &QPushButton::clicked, this, &DraftEditor::useOfferedDraft);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(u"draftText"_s);
    m_editor->setAccessibleName(tr("Reply text"));
    m_editor->setAccessibleDescription(tr("The AI draft; edit it before sending"));
    m_editor->setPlaceholderText(tr("Write a reply… (Ctrl+Return sends)"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(110);
    layout->addWidget(m_editor, 1);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &DraftEditor::onTextChanged);

    m_citations = new ElidedLabel(this);
    m_citations->setObjectName(u"draftCitations"_s);
    m_citations->setAccessibleName(tr("Sources"));
    layout->addWidget(m_citations);

    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(8);
    m_internal = new QCheckBox(tr("Internal note"), this);
    m_internal->setObjectName(u"internalNoteCheck"_s);
    m_internal->setAccessibleName(tr("Internal note"));
    m_internal->setToolTip(tr("Add the text as a note only agents see, instead of replying to the customer"));
    bottom->addWidget(m_internal);
    m_status = plainLabel(this);
    m_status->setObjectName(u"draftStatus"_s);
    m_status->setAccessibleName(tr("Reply status"));
    bottom->addWidget(m_status, 1);
    const auto makeButton = [this, bottom](const QString &name) {
        auto *button = new QToolButton(this);
        button->setObjectName(name);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setFocusPolicy(Qt::StrongFocus);
        bottom->addWidget(button);
        return button;
    };
    m_assignButton = makeButton(u"assignButton"_s);
    m_assignButton->setAccessibleName(tr("Assign to me"));
    m_discardButton = makeButton(u"discardButton"_s);
    m_discardButton->setAccessibleName(tr("Discard draft"));
    m_sendButton = makeButton(u"sendButton"_s);
    m_sendButton->setAccessibleName(tr("Send"));
    QFont sendFont = m_sendButton->font();
    sendFont.setBold(true);
    m_sendButton->setFont(sendFont);
    layout->addLayout(bottom);

    updateColours();
    clear();
}

void DraftEditor::setActions(QAction *send, QAction *discard, QAction *assignToMe)
{
    const auto bind = [](QToolButton *button, QAction *action) {
        button->setDefaultAction(action);
        button->setAccessibleName(action->text().remove(u'&'));
    };
    bind(m_sendButton, send);
    bind(m_discardButton, discard);
    bind(m_assignButton, assignToMe);
    // Tab order inside the editor: text -> internal note -> assign -> discard -> send.
    setTabOrder(m_editor, m_internal);
    setTabOrder(m_internal, m_assignButton);
    setTabOrder(m_assignButton, m_discardButton);
    setTabOrder(m_discardButton, m_sendButton);
}

void DraftEditor::setTicket(qint64 ticketId, const std::optional<Draft> &draft, const QString &restoredText)
{
    m_ticketId = ticketId;
    m_draft = draft;
    m_offered.reset();
    m_offerBox->hide();
    m_internal->setChecked(false);
    setStatus({});
    showDraftDetails();
    const bool restored = !restoredText.isEmpty() && (!draft || restoredText != draft->body);
    setEditorText(restored ? restoredText : (draft ? draft->body : QString()));
    m_restored->setVisible(restored);
    applyFlagHighlights();
    setEnabled(ticketId != 0);
}

void DraftEditor::updateDraft(const std::optional<Draft> &draft)
{
    if (draft == m_draft || (draft && m_offered && draft->id == m_offered->id))
        return;
    if (!draft) {
        // The draft was used or discarded; keep whatever the agent has typed.
        m_draft.reset();
        m_offered.reset();
        m_offerBox->hide();
        showDraftDetails();
        applyFlagHighlights();
        return;
    }
    if (!isEdited()) {
        m_draft = draft;
        m_offered.reset();
        m_offerBox->hide();
        showDraftDetails();
        setEditorText(draft->body);
        applyFlagHighlights();
        return;
    }
    m_offered = draft;
    m_offerBox->show();
}

void DraftEditor::clear()
{
    setTicket(0, std::nullopt);
}

QString DraftEditor::text() const
{
    return m_editor->toPlainText();
}

void DraftEditor::setText(const QString &text)
{
    m_editor->setPlainText(text); // through textChanged: counts as the agent's edit (autosaved)
    m_restored->hide();
}

bool DraftEditor::isEdited() const
{
    const QString current = text();
    if (!m_draft)
        return !current.trimmed().isEmpty();
    return current != m_draft->body;
}

ReplyRequest DraftEditor::reply() const
{
    ReplyRequest request;
    request.body = text().trimmed();
    request.internal = m_internal->isChecked();
    if (m_draft && !request.internal) {
        request.draftId = m_draft->id;
        request.outcome = request.body == m_draft->body.trimmed() ? ReplyOutcome::AsIs : ReplyOutcome::Edited;
    } else {
        request.outcome = ReplyOutcome::Own;
    }
    return request;
}

void DraftEditor::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText, error ? theme::dangerColor(palette()) : theme::dimText(palette()));
    m_status->setPalette(p);
}

void DraftEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateColours();
        showDraftDetails();
        applyFlagHighlights();
    }
}

void DraftEditor::updateColours()
{
    for (QLabel *label : {static_cast<QLabel *>(m_intent), static_cast<QLabel *>(m_citations), m_restored}) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, theme::dimText(palette()));
        label->setPalette(p);
    }
}

void DraftEditor::showDraftDetails()
{
    while (QLayoutItem *item = m_flagsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_draft) {
        m_title->setText(tr("Reply"));
        m_badge->setConfidence(-1.0);
        m_badge->setVisible(m_ticketId != 0);
        m_intent->setFullText(m_ticketId != 0 ? tr("No AI draft for this ticket") : QString());
        m_citations->setFullText({});
        m_citations->hide();
        m_flagsBox->hide();
        return;
    }
    const Draft &draft = *m_draft;
    m_title->setText(tr("AI draft"));
    m_badge->show();
    m_badge->setConfidence(draft.confidence);
    m_intent->setFullText(tr("Intent: %1").arg(DisplayText::intent(draft.intent)));

    QStringList sources;
    QStringList details;
    for (const Citation &citation : draft.citations) {
        const QString title = DisplayText::sanitize(citation.title).left(120);
        sources << (title.isEmpty() ? citation.sourceId : title);
        details << (title + u" (" + citation.sourceId + u")\n" +
                    DisplayText::sanitize(citation.snippet).left(300));
    }
    m_citations->setVisible(!sources.isEmpty());
    m_citations->setFullText(tr("Sources: %1").arg(sources.join(u" · ")));
    m_citations->setToolTip(DisplayText::plainToolTip(details.join(u"\n\n")));

    const QColor warning = theme::warningColor(palette());
    int shown = 0;
    for (const DraftFlag &flag : draft.flags) {
        if (shown++ == kMaxFlagsShown)
            break;
        auto *row = new ElidedLabel(m_flagsBox);
        row->setObjectName(u"draftFlag"_s);
        // The server's sentence says what to check; the kind ("Missing information") is the fallback.
        QString message = DisplayText::sanitize(flag.message).left(300);
        if (!message.isEmpty())
            message[0] = message.at(0).toUpper();
        row->setFullText(u"⚑ "_s + (message.isEmpty() ? DisplayText::flagKind(flag.kind) : message));
        row->setToolTip(DisplayText::plainToolTip(DisplayText::flagKind(flag.kind) + u": "_s + message));
        row->setAccessibleName(tr("Check before sending"));
        QPalette p = row->palette();
        p.setColor(QPalette::WindowText, warning);
        row->setPalette(p);
        m_flagsLayout->addWidget(row);
    }
    m_flagsBox->setVisible(!draft.flags.isEmpty());
}

void DraftEditor::applyFlagHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_draft) {
        const int length = m_editor->document()->characterCount();
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(theme::warningColor(palette()));
        format.setBackground(
            theme::blend(palette().color(QPalette::Base), theme::warningColor(palette()), 0.18));
        for (const DraftFlag &flag : m_draft->flags) {
            if (flag.start < 0 || flag.length <= 0 || flag.start + flag.length >= length)
                continue;
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(m_editor->document());
            selection.cursor.setPosition(flag.start);
            selection.cursor.setPosition(flag.start + flag.length, QTextCursor::KeepAnchor);
            selection.format = format;
            selection.format.setToolTip(DisplayText::flagKind(flag.kind));
            selections << selection;
        }
    }
    m_editor->setExtraSelections(selections);
}

void DraftEditor::setEditorText(const QString &text)
{
    m_settingText = true;
    m_editor->setPlainText(text);
    m_editor->moveCursor(QTextCursor::Start); // a draft is read from the top
    m_settingText = false;
}

void DraftEditor::onTextChanged()
{
    if (m_settingText || m_ticketId == 0)
        return;
    m_restored->hide();
    Q_EMIT textEdited(m_ticketId, text());
}

void DraftEditor::useOfferedDraft()
{
    if (!m_offered)
        return;
    m_draft = m_offered;
    m_offered.reset();
    m_offerBox->hide();
    showDraftDetails();
    setText(m_draft->body);
    applyFlagHighlights();
    m_editor->setFocus();
}

} // namespace tandem::ui
