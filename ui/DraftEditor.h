#pragma once

#include "NeedsHumanBanner.h"

#include "core/ApiTypes.h"
#include "core/Ticket.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace tandem::ui {

class ConfidenceBadge;
class ConfirmStrip;

//! The reply editor of the ticket pane: the AI draft's body (editable, plain text), its
//! confidence badge, intent / language / sentiment, the needs-human banner, clickable citations
//! and flags (flagged spans are underlined in the text, with the flag's message as tool tip),
//! a confirmation strip, and the Send / Discard / Assign-to-me / Regenerate buttons (driven by
//! the main window's QActions). A newer AI draft never overwrites text the agent has edited:
//! it is offered instead.
class DraftEditor : public QWidget
{
    Q_OBJECT

public:
    explicit DraftEditor(QWidget *parent = nullptr);

    //! Buttons for the main window's actions (Send, Discard, Assign to me), in that order.
    void setActions(QAction *send, QAction *discard, QAction *assignToMe);
    //! The "Regenerate ▸" tones, shown as a button with a menu.
    void setRegenerateActions(const QList<QAction *> &tones);

    //! The ticket's own triage (sentiment, needs-human reason) shown with the draft.
    void setTicketInfo(const Ticket &ticket);

    //! Shows the draft of \a ticketId. A non-empty \a restoredText (autosave) is shown instead of
    //! the draft body, with a note saying so.
    void setTicket(qint64 ticketId, const std::optional<Draft> &draft, const QString &restoredText = {});
    //! A draft (re)arrived for the open ticket: replaces the text only if the agent has not
    //! changed it, otherwise offers "Use new draft".
    void updateDraft(const std::optional<Draft> &draft);
    void clear();

    qint64 ticketId() const { return m_ticketId; }
    const std::optional<Draft> &draft() const { return m_draft; }
    QString text() const;
    //! Replaces the text as if the agent typed it (e.g. "Keep editing" after a conflict).
    void setText(const QString &text);
    //! True when the text differs from the AI draft (or there is no draft and some text).
    bool isEdited() const;
    //! True when the open ticket or its draft says a person must decide: the banner shows then.
    bool needsHuman() const;
    //! The reply to send: body, draft id, outcome (as is / edited / own) and internal flag.
    ReplyRequest reply() const;

    QPlainTextEdit *editor() const { return m_editor; }
    QCheckBox *internalCheck() const { return m_internal; }
    //! Shows a short status line under the editor ("Sending…", "Draft discarded", an error).
    void setStatus(const QString &text, bool error = false);

    //! Where a flag of the current draft sits in the editor now: \a position is -1 when the
    //! flagged words are no longer there unchanged (the agent edited them: resolved).
    struct FlagSpan
    {
        DraftFlag flag;
        QString text; //!< the flagged words as the AI wrote them
        int position = -1;
    };
    QList<FlagSpan> flagSpans() const;
    //! Lines describing what still needs a look before sending: promise / unsupported-fact spans
    //! still unchanged, a draft in another language than the customer's while the text is the
    //! AI's, and gaps such as "[order number]" still in the text. Empty: nothing.
    QStringList unresolvedChecks() const;
    //! The gaps still in the text: the draft's missing_slot spans left unchanged, and any
    //! "[order number]" the AI or the agent left. A reply cannot be sent while there are any.
    QStringList unfilledGaps() const;
    //! Selects the next gap after the cursor (wrapping) and focuses the editor; F8 does this.
    //! False when there is none.
    bool selectNextGap();
    //! The tool tip shown over the editor at \a position (a character offset); empty if none.
    QString flagToolTipAt(int position) const;

    //! Replaces the text and the draft with \a draft as one undoable edit (Ctrl+Z brings the
    //! agent's text back); the change is autosaved like typing.
    void replaceWithDraft(const Draft &draft);

    ConfirmStrip *confirmStrip() const { return m_confirm; }
    NeedsHumanBanner *needsHumanBanner() const { return m_needsHuman; }
    QList<QPushButton *> citationButtons() const { return m_citationButtons; }
    QToolButton *regenerateButton() const { return m_regenerateButton; }
    QString detailsText() const;

Q_SIGNALS:
    //! The agent changed the text (not emitted for text set by the program).
    void textEdited(qint64 ticketId, const QString &text);
    //! The agent clicked a citation (\a sourceId is "kb:<id>" or "ticket:<id>").
    void citationActivated(const QString &sourceId, const QString &title);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showDraftDetails();
    //! Icon-only Assign / Discard buttons when their labels do not fit beside Send.
    void fitButtons();
    //! Source labels elided to their share of the row.
    void fitCitations();
    void applyFlagHighlights();
    void setEditorText(const QString &text);
    void onTextChanged();
    void useOfferedDraft();
    void updateColours();
    void showCitations();
    void updateTabOrder();
    //! Shows or hides the banner; true when the ticket needs a person.
    bool updateNeedsHuman();

    qint64 m_ticketId = 0;
    std::optional<Draft> m_draft;
    std::optional<Draft> m_offered; //!< a newer draft the agent has not taken yet
    bool m_settingText = false;
    QString m_sentiment;
    QString m_ticketLanguage;
    QString m_needsHumanReason;
    QStringList m_needsHumanCodes;
    bool m_needsHumanFlag = false;

    QLabel *m_title = nullptr;
    ConfidenceBadge *m_badge = nullptr;
    QLabel *m_intent = nullptr;
    QHBoxLayout *m_bottomRow = nullptr;
    QHash<const QToolButton *, int> m_textButtonWidth; //!< sizeHint width with the label shown
    QLabel *m_restored = nullptr;
    QWidget *m_flagsBox = nullptr;
    QVBoxLayout *m_flagsLayout = nullptr;
    QWidget *m_offerBox = nullptr;
    QPushButton *m_useOffered = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    NeedsHumanBanner *m_needsHuman = nullptr;
    QWidget *m_citationsBox = nullptr;
    QHBoxLayout *m_citationsLayout = nullptr;
    QList<QPushButton *> m_citationButtons;
    ConfirmStrip *m_confirm = nullptr;
    QToolButton *m_regenerateButton = nullptr;
    QCheckBox *m_internal = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_sendButton = nullptr;
    QToolButton *m_discardButton = nullptr;
    QToolButton *m_assignButton = nullptr;
};

} // namespace tandem::ui
