#pragma once

#include "core/ApiTypes.h"

#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace tandem::ui {

class ConfidenceBadge;
class ElidedLabel;

//! The reply editor of the ticket pane: the AI draft's body (editable, plain text), its
//! confidence badge, intent, citations and flags (flagged spans are underlined in the text),
//! and the Send / Discard / Assign-to-me buttons (driven by the main window's QActions).
//! A newer AI draft never overwrites text the agent has edited: it is offered instead.
class DraftEditor : public QWidget
{
    Q_OBJECT

public:
    explicit DraftEditor(QWidget *parent = nullptr);

    //! Buttons for the main window's actions (Send, Discard, Assign to me), in that order.
    void setActions(QAction *send, QAction *discard, QAction *assignToMe);

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
    //! The reply to send: body, draft id, outcome (as is / edited / own) and internal flag.
    ReplyRequest reply() const;

    QPlainTextEdit *editor() const { return m_editor; }
    QCheckBox *internalCheck() const { return m_internal; }
    //! Shows a short status line under the editor ("Sending…", "Draft discarded", an error).
    void setStatus(const QString &text, bool error = false);

Q_SIGNALS:
    //! The agent changed the text (not emitted for text set by the program).
    void textEdited(qint64 ticketId, const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showDraftDetails();
    void applyFlagHighlights();
    void setEditorText(const QString &text);
    void onTextChanged();
    void useOfferedDraft();
    void updateColours();

    qint64 m_ticketId = 0;
    std::optional<Draft> m_draft;
    std::optional<Draft> m_offered; //!< a newer draft the agent has not taken yet
    bool m_settingText = false;

    QLabel *m_title = nullptr;
    ConfidenceBadge *m_badge = nullptr;
    ElidedLabel *m_intent = nullptr;
    QLabel *m_restored = nullptr;
    QWidget *m_flagsBox = nullptr;
    QVBoxLayout *m_flagsLayout = nullptr;
    QWidget *m_offerBox = nullptr;
    QPushButton *m_useOffered = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    ElidedLabel *m_citations = nullptr;
    QCheckBox *m_internal = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_sendButton = nullptr;
    QToolButton *m_discardButton = nullptr;
    QToolButton *m_assignButton = nullptr;
};

} // namespace tandem::ui
