#pragma once

#include "core/Message.h"

#include <QList>
#include <QSet>
#include <QTextBrowser>

namespace tandem::ui {

//! The conversation of one ticket, as plain text. Customer text is untrusted: every body is
//! escaped before it reaches the document, links are never followed, and no resource (image,
//! stylesheet, remote URL) is ever loaded. Rendering is bounded: long bodies are cut with a
//! "Show more" link and only the latest messages are laid out until the agent asks for more.
class ThreadView : public QTextBrowser
{
    Q_OBJECT

public:
    //! A reply the agent sent that the server has not confirmed yet (it is in the outbox).
    struct PendingEntry
    {
        QString body;
        QString state; //!< e.g. "Sending…", shown instead of a time
        bool internal = false;
    };

    static constexpr int kPreviewChars = 1500; //!< a collapsed body shows at most this much
    static constexpr int kPreviewLines = 30;
    static constexpr int kExpandedChars = 100000; //!< even "show more" stops here
    static constexpr int kInitialMessages = 50;   //!< older messages behind "Show earlier"

    explicit ThreadView(QWidget *parent = nullptr);

    //! Shows \a messages (oldest first). The same ticket keeps its expanded bodies and scroll.
    void setThread(qint64 ticketId, const QList<Message> &messages, const QList<PendingEntry> &pending = {});
    //! Shows \a placeholder (or "No conversation to show.") instead of a thread.
    void clearThread(const QString &placeholder = {});
    qint64 ticketId() const { return m_ticketId; }
    //! How many messages are laid out now (tests).
    int renderedMessageCount() const { return m_rendered; }

    //! Never loads anything: no images, no remote content, no local files.
    QVariant loadResource(int type, const QUrl &name) override;

    //! Escapes \a body for the document and cuts it at \a maxChars / \a maxLines. Returns the
    //! HTML and sets *truncated when something was cut.
    static QString bodyHtml(const QString &body, int maxChars, int maxLines, bool *truncated);

    //! Every message laid out and every long body opened (up to kExpandedChars): Enter in the
    //! thread, the keyboard's way to "Show more" and "Show earlier" (the links are for the mouse).
    void showEverything();
    //! True while some message is hidden or cut ("Show more" / "Show earlier" on screen).
    bool hasMoreToShow() const { return m_moreToShow; }
    //! Opens one message cut at its preview ("Show more").
    void expandMessage(qint64 messageId);
    //! Lays out the messages hidden behind "Show earlier messages".
    void showEarlier();

    //! What a screen reader is given of the conversation, in screen order (ThreadAccessible).
    struct AccessibleEntry
    {
        enum Kind
        {
            Earlier,
            Message,
            Pending
        };
        Kind kind = Message;
        QString key;     //!< stable while the entry is on screen ("m<id>", "p<n>", "earlier")
        QString heading; //!< author, kind and time; the link's text for Earlier
        QString text;    //!< the body as shown (plain text, cut like the preview)
        bool cut = false;
        bool expanded = false;
        qint64 messageId = 0;
    };
    const QList<AccessibleEntry> &accessibleEntries() const { return m_entries; }

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void render(bool keepScroll);
    void onAnchorClicked(const QUrl &url);
    QString messageHtml(const Message &message, AccessibleEntry *entry) const;
    QString pendingHtml(const PendingEntry &pending, AccessibleEntry *entry) const;
    //! \a body as shown: sanitised, cut at \a maxChars / \a maxLines (*truncated when cut).
    static QString shownText(const QString &body, int maxChars, int maxLines, bool *truncated);
    //! \a shown (from shownText()) escaped for the document, line breaks kept.
    static QString shownHtml(const QString &shown);
    QString card(const QColor &accent, const QColor &background, const QString &header,
                 const QString &body) const;

    qint64 m_ticketId = 0;
    QList<Message> m_messages;
    QList<PendingEntry> m_pending;
    QList<AccessibleEntry> m_entries;
    QSet<qint64> m_expanded;
    bool m_showAll = false;
    int m_rendered = 0;
    mutable bool m_moreToShow = false; //!< set while rendering (messageHtml() finds the cut bodies)
};

} // namespace tandem::ui
