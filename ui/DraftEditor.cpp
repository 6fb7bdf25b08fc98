#include "DraftEditor.h"

#include "ConfidenceBadge.h"
#include "ConfirmStrip.h"
#include "DisplayText.h"
#include "Icons.h"
#include "Theme.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBlock>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

constexpr int kMaxFlagsShown = 6;
constexpr int kMaxCitationsShown = 4;
constexpr int kMaxCitationChars = 30; //!< per button, so several fit beside each other
constexpr int kMinStatusWidth = 40;
constexpr int kCitationTextWidth = 300; //!< at most, per source button (a wide window shows whole titles)
constexpr const char *kFullLabel =
    "tandemFullLabel"; //!< the status text beside the buttons keeps at least this

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
    top->addStretch(1);
    // Intent, language and sentiment get their own line, wrapped (never cut mid-word) when narrow.
    m_intent = plainLabel(this);
    m_intent->setWordWrap(true);
    m_intent->setObjectName(u"draftIntent"_s);
    m_intent->setAccessibleName(tr("Draft intent, language and sentiment"));
    m_restored = plainLabel(this);
    m_restored->setObjectName(u"restoredNote"_s);
    m_restored->setText(tr("Restored your unsent text"));
    m_restored->setAccessibleName(tr("Restored your unsent text"));
    m_restored->hide();
    top->addWidget(m_restored);
    m_regenerateButton = new QToolButton(this);
    m_regenerateButton->setObjectName(u"regenerateButton"_s);
    m_regenerateButton->setText(tr("Regenerate"));
    m_regenerateButton->setAccessibleName(tr("Regenerate the draft"));
    m_regenerateButton->setToolTip(tr("Ask the AI for a new draft in another tone"));
    m_regenerateButton->setPopupMode(QToolButton::InstantPopup);
    m_regenerateButton->setFocusPolicy(Qt::StrongFocus);
    m_regenerateButton->hide(); // until setRegenerateActions()
    top->addWidget(m_regenerateButton);
    layout->addLayout(top);
    layout->addWidget(m_intent);

    // One line with the reason chips, however many reasons the AI gives (the tool tip has them all).
    m_needsHuman = new NeedsHumanBanner(this);
    m_needsHuman->setObjectName(u"draftNeedsHuman"_s);
    m_needsHuman->setAutoFillBackground(true);
    m_needsHuman->setMargin(6);
    QFont bannerFont = m_needsHuman->font();
    bannerFont.setBold(true);
    m_needsHuman->setFont(bannerFont);
    m_needsHuman->hide();
    layout->addWidget(m_needsHuman);

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
    m_editor->setAccessibleDescription(
        tr("The AI draft; edit it before sending. F8 selects the next gap to fill in."));
    m_editor->setPlaceholderText(tr("Write a reply… (Ctrl+Return sends)"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(110);
    layout->addWidget(m_editor, 1);
    // F8: the next gap ("[date]") selected, ready to be typed over.
    auto *nextGap = new QAction(tr("Next gap to fill in"), m_editor);
    nextGap->setShortcut(Qt::Key_F8);
    nextGap->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editor->addAction(nextGap);
    connect(nextGap, &QAction::triggered, this, [this] { selectNextGap(); });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &DraftEditor::onTextChanged);
    m_editor->viewport()->installEventFilter(this); // flag tool tips

    m_citationsBox = new QWidget(this);
    m_citationsBox->setObjectName(u"draftCitations"_s);
    m_citationsLayout = new QHBoxLayout(m_citationsBox);
    m_citationsLayout->setContentsMargins(0, 0, 0, 0);
    m_citationsLayout->setSpacing(4);
    auto *sourcesCaption = plainLabel(m_citationsBox);
    sourcesCaption->setObjectName(u"citationsCaption"_s);
    sourcesCaption->setText(tr("Sources:"));
    m_citationsLayout->addWidget(sourcesCaption);
    m_citationsLayout->addStretch(1);
    m_citationsBox->hide();
    layout->addWidget(m_citationsBox);

    m_confirm = new ConfirmStrip(this);
    layout->addWidget(m_confirm);

    // The reply's status ("Sending…", "Not sent yet: …") on its own wrapped line above the
    // buttons: squeezed beside them it was cut mid-word ("Not sent yet: wai").
    m_status = plainLabel(this);
    m_status->setObjectName(u"draftStatus"_s);
    m_status->setAccessibleName(tr("Reply status"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    auto *bottom = new QHBoxLayout;
    m_bottomRow = bottom;
    bottom->setSpacing(8);
    m_internal = new QCheckBox(tr("Internal note"), this);
    m_internal->setObjectName(u"internalNoteCheck"_s);
    m_internal->setAccessibleName(tr("Internal note"));
    m_internal->setToolTip(tr("Add the text as a note only agents see, instead of replying to the customer"));
    bottom->addWidget(m_internal);
    bottom->addStretch(1);
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
    m_assignButton->installEventFilter(this);
    m_discardButton->installEventFilter(this);
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
        button->setAccessibleName(DisplayText::withoutMnemonic(action->text()));
    };
    bind(m_sendButton, send);
    bind(m_discardButton, discard);
    bind(m_assignButton, assignToMe);
    updateTabOrder();
    fitButtons();
}

void DraftEditor::fitButtons()
{
    // Too narrow for every label in full (1024 px windows): "Assign to me" and "Discard draft"
    // show their icons only (name and tool tip keep the words) rather than "Assi…o me". Send
    // always keeps its word.
    const QList<QToolButton *> squeezable{m_assignButton, m_discardButton};
    int needed = m_internal->sizeHint().width() + m_sendButton->sizeHint().width() + kMinStatusWidth;
    int visible = 2;
    for (QToolButton *button : squeezable) {
        if (!button->isVisibleTo(this))
            continue;
        ++visible;
        if (button->toolButtonStyle() == Qt::ToolButtonTextBesideIcon)
            m_textButtonWidth.insert(button, button->sizeHint().width());
        needed += m_textButtonWidth.value(button, button->sizeHint().width());
    }
    const QMargins margins = layout()->contentsMargins();
    needed += margins.left() + margins.right() + m_bottomRow->spacing() * visible;
    const Qt::ToolButtonStyle style =
        needed <= width() ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
    for (QToolButton *button : squeezable) {
        if (button->toolButtonStyle() != style)
            button->setToolButtonStyle(style);
    }
}

void DraftEditor::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitButtons();
    fitCitations();
}

void DraftEditor::setRegenerateActions(const QList<QAction *> &tones)
{
    auto *menu = new QMenu(m_regenerateButton);
    menu->setObjectName(u"regenerateMenu"_s);
    menu->addActions(tones);
    m_regenerateButton->setMenu(menu);
    m_regenerateButton->setVisible(!tones.isEmpty());
    updateTabOrder();
}

void DraftEditor::updateTabOrder()
{
    // Top to bottom: regenerate -> "use new draft" -> text -> sources -> internal note ->
    // the confirmation strip -> assign -> discard -> send.
    QList<QWidget *> chain{m_regenerateButton, m_useOffered, m_editor};
    for (QPushButton *button : std::as_const(m_citationButtons))
        chain << button;
    chain << m_internal << m_confirm->rejectButton() << m_confirm->acceptButton() << m_assignButton
          << m_discardButton << m_sendButton;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

void DraftEditor::setTicketInfo(const Ticket &ticket)
{
    m_sentiment = ticket.sentiment;
    m_ticketLanguage = ticket.language.isEmpty() ? ticket.customer.language : ticket.language;
    m_needsHumanFlag = ticket.needsHuman;
    m_needsHumanReason = ticket.needsHumanReason;
    m_needsHumanCodes = ticket.needsHumanCodes;
    showDraftDetails();
}

void DraftEditor::setTicket(qint64 ticketId, const std::optional<Draft> &draft, const QString &restoredText)
{
    const bool otherTicket = ticketId != m_ticketId || ticketId == 0;
    m_ticketId = ticketId;
    m_draft = draft;
    m_offered.reset();
    m_offerBox->hide();
    m_internal->setChecked(false);
    m_confirm->dismiss();
    if (otherTicket) {
        m_sentiment.clear();
        m_ticketLanguage.clear();
        m_needsHumanFlag = false;
        m_needsHumanReason.clear();
        m_needsHumanCodes.clear();
    }
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
    m_status->setVisible(!text.isEmpty());
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
    for (QLabel *label : {m_intent, m_restored}) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, theme::dimText(palette()));
        label->setPalette(p);
    }
    const QPalette app;
    QPalette banner = m_needsHuman->palette();
    banner.setColor(QPalette::Window, theme::blend(app.color(QPalette::Window), theme::dangerColor(app),
                                                   theme::isDark(app) ? 0.28 : 0.16));
    banner.setColor(QPalette::WindowText, app.color(QPalette::WindowText));
    m_needsHuman->setPalette(banner);
}

void DraftEditor::showDraftDetails()
{
    while (QLayoutItem *item = m_flagsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    showCitations();
    const bool needsHuman = updateNeedsHuman();
    QStringList meta;
    const QString language = m_draft && !m_draft->language.isEmpty() ? m_draft->language : m_ticketLanguage;
    if (!m_draft) {
        m_title->setText(tr("Reply"));
        m_badge->setConfidence(-1.0);
        m_badge->setVisible(m_ticketId != 0);
        if (m_ticketId != 0)
            meta << tr("No AI draft for this ticket");
    } else {
        m_title->setText(tr("AI draft"));
        m_badge->show();
        m_badge->setDraft(m_draft->confidence, needsHuman, !m_draft->intent.isEmpty());
        meta << (m_draft->intent.isEmpty() ? tr("No request recognised")
                                           : tr("Intent: %1").arg(DisplayText::intent(m_draft->intent)));
    }
    if (m_ticketId != 0 && !language.isEmpty())
        meta << tr("Language: %1").arg(DisplayText::language(language));
    if (m_ticketId != 0 && !m_sentiment.isEmpty())
        meta << tr("Sentiment: %1").arg(DisplayText::intent(DisplayText::sanitize(m_sentiment).left(40)));
    m_intent->setText(meta.join(u"  ·  "_s));
    if (!m_draft) {
        m_flagsBox->hide();
        return;
    }

    const QColor warning = theme::warningColor(palette());
    int shown = 0;
    for (const DraftFlag &flag : m_draft->flags) {
        if (flag.kind == u"needs_human"_s)
            continue; // the banner says it
        if (shown++ == kMaxFlagsShown)
            break;
        // Wrapped, not elided: the end of a safety flag is often the part that matters.
        auto *row = plainLabel(m_flagsBox);
        row->setWordWrap(true);
        row->setObjectName(u"draftFlag"_s);
        // The server's sentence says what to check; the kind ("Missing information") is the fallback.
        QString message = DisplayText::sanitize(flag.message).left(300);
        if (!message.isEmpty())
            message[0] = message.at(0).toUpper();
        row->setText(u"⚑ "_s + (message.isEmpty() ? DisplayText::flagKind(flag.kind) : message));
        // The server's sentence alone ("Missing: amount"), not "Missing information: Missing: amount".
        row->setToolTip(
            DisplayText::plainToolTip(message.isEmpty() ? DisplayText::flagKind(flag.kind) : message));
        row->setAccessibleName(tr("Check before sending"));
        QPalette p = row->palette();
        p.setColor(QPalette::WindowText, warning);
        row->setPalette(p);
        m_flagsLayout->addWidget(row);
    }
    m_flagsBox->setVisible(shown > 0);
}

void DraftEditor::showCitations()
{
    for (QPushButton *button : std::as_const(m_citationButtons))
        delete button;
    m_citationButtons.clear();
    const QList<Citation> citations = m_draft ? m_draft->citations : QList<Citation>{};
    for (const Citation &citation : citations) {
        if (m_citationButtons.size() == kMaxCitationsShown)
            break;
        const QString title = DisplayText::sanitize(citation.title).simplified().left(120);
        const QString shown = title.isEmpty() ? citation.sourceId.left(40) : title;
        auto *button = new QPushButton(m_citationsBox);
        button->setObjectName(u"citationButton"_s);
        button->setFlat(true);
        button->setCursor(Qt::PointingHandCursor);
        button->setAutoDefault(false);
        const bool isTicket = citation.sourceId.startsWith(u"ticket:"_s);
        button->setIcon(Icons::get(isTicket ? u"thread"_s : u"draft"_s));
        // QPushButton text is never rich text; '&' would become a mnemonic, so double it.
        const QString label =
            shown.size() > kMaxCitationChars ? shown.left(kMaxCitationChars - 1).trimmed() + u"…"_s : shown;
        // Several sources share one row: each is elided to its share of it (fitCitations()).
        button->setProperty(kFullLabel, label);
        button->setText(button->fontMetrics()
                            .elidedText(label, Qt::ElideRight, kCitationTextWidth)
                            .replace(u'&', u"&&"_s));
        button->setAccessibleName(isTicket ? tr("Open resolved ticket: %1").arg(shown)
                                           : tr("Open article: %1").arg(shown));
        // What the agent reads: the kind of source and its words (the "kb:15" key is for machines).
        button->setToolTip(DisplayText::plainToolTip(
            (isTicket ? tr("Resolved ticket: %1").arg(shown) : tr("Article: %1").arg(shown)) + u"\n"_s +
            DisplayText::sanitize(citation.snippet).left(300)));
        const QString sourceId = citation.sourceId;
        connect(button, &QPushButton::clicked, this,
                [this, sourceId, shown] { Q_EMIT citationActivated(sourceId, shown); });
        m_citationsLayout->insertWidget(m_citationsLayout->count() - 1, button);
        m_citationButtons << button;
    }
    m_citationsBox->setVisible(!m_citationButtons.isEmpty());
    updateTabOrder();
    fitCitations();
}

void DraftEditor::fitCitations()
{
    if (m_citationButtons.isEmpty())
        return;
    // The row's width, less the caption and the spacing, shared by the buttons; each label is
    // elided to what its button gets (a QPushButton squeezed below its size hint clips its text).
    const QMargins margins = layout()->contentsMargins();
    int available = width() - margins.left() - margins.right();
    for (int i = 0; i < m_citationsLayout->count(); ++i) {
        QWidget *widget = m_citationsLayout->itemAt(i)->widget();
        if (widget && !m_citationButtons.contains(qobject_cast<QPushButton *>(widget)))
            available -= widget->sizeHint().width();
    }
    available -= m_citationsLayout->spacing() * int(m_citationButtons.size() + 1);
    const int share = available / int(m_citationButtons.size());
    for (QPushButton *button : std::as_const(m_citationButtons)) {
        const QString label = button->property(kFullLabel).toString();
        const int chrome = button->sizeHint().width() - button->fontMetrics().horizontalAdvance(
                                                            QString(button->text()).replace(u"&&"_s, u"&"_s));
        const int room =
            std::clamp(share - chrome, 3 * button->fontMetrics().averageCharWidth(), kCitationTextWidth);
        const QString text =
            button->fontMetrics().elidedText(label, Qt::ElideRight, room).replace(u'&', u"&&"_s);
        if (button->text() != text)
            button->setText(text);
    }
}

bool DraftEditor::needsHuman() const
{
    if (m_ticketId != 0 && m_needsHumanFlag)
        return true;
    return m_draft && std::any_of(m_draft->flags.cbegin(), m_draft->flags.cend(),
                                  [](const DraftFlag &f) { return f.kind == u"needs_human"_s; });
}

bool DraftEditor::updateNeedsHuman()
{
    QString reason;
    const bool needed = needsHuman();
    if (m_ticketId != 0 && !m_needsHumanReason.isEmpty())
        reason = m_needsHumanReason;
    if (m_draft && reason.isEmpty()) {
        for (const DraftFlag &flag : m_draft->flags) {
            if (flag.kind == u"needs_human"_s) {
                reason = flag.message;
                break;
            }
        }
    }
    reason = DisplayText::sanitize(reason).simplified().left(2000); // elided on screen, whole in the tip
    m_needsHuman->setReasons(reason.isEmpty() ? tr("⚠ Needs a human: read the conversation before replying.")
                                              : tr("⚠ Needs a human: %1").arg(reason),
                             m_ticketId != 0 ? m_needsHumanCodes : QStringList());
    m_needsHuman->setVisible(needed);
    return needed;
}

QString DraftEditor::detailsText() const
{
    return m_intent->text();
}

void DraftEditor::replaceWithDraft(const Draft &draft)
{
    m_draft = draft;
    m_offered.reset();
    m_offerBox->hide();
    m_confirm->dismiss();
    showDraftDetails();
    // One edit block through a cursor (not setPlainText): the undo stack keeps the agent's text.
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(draft.body);
    cursor.endEditBlock();
    m_editor->moveCursor(QTextCursor::Start);
    m_restored->hide();
    applyFlagHighlights();
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
    applyFlagHighlights(); // edits move or resolve flagged spans
    if (m_confirm->isAsking() && m_confirm->purpose() == u"send"_s)
        m_confirm->dismiss(); // the answer was about other text
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
