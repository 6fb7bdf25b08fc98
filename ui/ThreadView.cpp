#include "ThreadView.h"

#include "DisplayText.h"
#include "Theme.h"
#include "ThreadAccessible.h"

#include <QAccessible>
#include <QEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

constexpr QStringView kScheme = u"tandem-thread";

} // namespace

ThreadView::ThreadView(QWidget *parent) : QTextBrowser(parent)
{
    // Screen readers get the messages as children of the conversation (ThreadAccessible).
    static const bool accessibleInstalled = [] {
        QAccessible::installFactory(&ThreadAccessible::factory);
        return true;
    }();
    Q_UNUSED(accessibleInstalled);
    setObjectName(u"threadView"_s);
    setAccessibleName(tr("Conversation"));
    setAccessibleDescription(
        tr("The messages of the open ticket, oldest first. Enter shows every message in full."));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setSearchPaths({});
    setUndoRedoEnabled(false);
    // Tab leaves the thread (views -> search -> inbox -> thread -> reply) instead of walking links.
    setTabChangesFocus(true);
    // About five lines of a message stay readable whatever else wants the height (the outbox
    // dock, a short window): the reply area and the dock give way first.
    setMinimumHeight(6 * fontMetrics().lineSpacing());
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);
    connect(this, &QTextBrowser::anchorClicked, this, &ThreadView::onAnchorClicked);
    clearThread();
}

void ThreadView::setThread(qint64 ticketId, const QList<Message> &messages,
                           const QList<PendingEntry> &pending)
{
    const bool sameTicket = ticketId == m_ticketId;
    if (!sameTicket) {
        m_expanded.clear();
        m_showAll = false;
    }
    m_ticketId = ticketId;
    m_messages = messages;
    m_pending = pending;
    render(sameTicket);
}

void ThreadView::clearThread(const QString &placeholder)
{
    m_ticketId = 0;
    m_messages.clear();
    m_pending.clear();
    m_expanded.clear();
    m_showAll = false;
    m_rendered = 0;
    m_entries.clear();
    setHtml(u"<p style=\"color:%1\">%2</p>"_s.arg(
        theme::cssColor(theme::dimText(palette())),
        (placeholder.isEmpty() ? tr("No conversation to show.") : placeholder).toHtmlEscaped()));
}

QVariant ThreadView::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type);
    Q_UNUSED(name);
    return {};
}

QString ThreadView::shownText(const QString &body, int maxChars, int maxLines, bool *truncated)
{
    QString text = DisplayText::sanitize(body);
    bool cut = false;
    if (text.size() > maxChars) {
        text.truncate(maxChars);
        cut = true;
    }
    int lines = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\n' && ++lines >= maxLines) {
            text.truncate(i);
            cut = true;
            break;
        }
    }
    if (truncated)
        *truncated = cut;
    return text;
}

QString ThreadView::bodyHtml(const QString &body, int maxChars, int maxLines, bool *truncated)
{
    return shownHtml(shownText(body, maxChars, maxLines, truncated));
}

QString ThreadView::shownHtml(const QString &shown)
{
    // Escaping happens last, on the already-cut text, so an entity is never split in half.
    QString html = shown.toHtmlEscaped();
    html.replace(u'\n', u"<br/>"_s);
    return html;
}

void ThreadView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        if (m_ticketId != 0)
            render(true);
    }
}

QString ThreadView::card(const QColor &accent, const QColor &background, const QString &header,
                         const QString &body) const
{
    return u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-bottom:10px\">"
           u"<tr><td width=\"4\" bgcolor=\"%1\"></td>"
           u"<td bgcolor=\"%2\" style=\"padding:8px 12px 10px 12px\">"
           u"<p style=\"margin-bottom:6px\">%3</p>"
           u"<p style=\"margin:0\">%4</p></td></tr></table>"_s.arg(theme::cssColor(accent),
                                                                   theme::cssColor(background), header, body);
}

QString ThreadView::messageHtml(const Message &message, AccessibleEntry *entry) const
{
    const QPalette pal = palette();
    const QColor accent = theme::authorAccent(pal, message.author.kind, message.internal);
    const QString name = message.author.name.isEmpty() ? DisplayText::authorKind(message.author.kind, false)
                                                       : DisplayText::sanitize(message.author.name).left(120);
    const QString header =
        u"<b>%1</b>&nbsp;&nbsp;<span style=\"color:%2\">%3</span>"
        u"&nbsp;&nbsp;<span style=\"color:%4\">%5</span>"_s.arg(
            name.toHtmlEscaped(), theme::cssColor(accent),
            DisplayText::authorKind(message.author.kind, message.internal).toHtmlEscaped(),
            theme::cssColor(theme::dimText(pal)), DisplayText::dateTime(message.createdAt).toHtmlEscaped());
    const bool expanded = m_expanded.contains(message.id);
    bool truncated = false;
    const QString shown = shownText(message.body, expanded ? kExpandedChars : kPreviewChars,
                                    expanded ? kExpandedChars : kPreviewLines, &truncated);
    QString body = shownHtml(shown);
    entry->kind = AccessibleEntry::Message;
    entry->key = u"m"_s + QString::number(message.id);
    entry->heading = tr("%1, %2, %3")
                         .arg(name, DisplayText::authorKind(message.author.kind, message.internal),
                              DisplayText::dateTime(message.createdAt));
    entry->text = shown;
    entry->cut = truncated && !expanded;
    entry->expanded = expanded;
    entry->messageId = message.id;
    if (truncated && !expanded) {
        m_moreToShow = true;
        body += u"<br/><a href=\"%1:more/%2\">%3</a>"_s.arg(kScheme.toString(), QString::number(message.id),
                                                            tr("Show more").toHtmlEscaped());
    } else if (truncated) {
        body +=
            u"<br/><i>%1</i>"_s.arg(tr("(The rest of this message is too long to show.)").toHtmlEscaped());
    } else if (expanded) {
        body += u"<br/><a href=\"%1:less/%2\">%3</a>"_s.arg(kScheme.toString(), QString::number(message.id),
                                                            tr("Show less").toHtmlEscaped());
    }
    return card(accent, theme::authorBackground(pal, message.author.kind, message.internal), header, body);
}

QString ThreadView::pendingHtml(const PendingEntry &pending, AccessibleEntry *entry) const
{
    const QPalette pal = palette();
    const QColor accent = theme::dimText(pal);
    const QString header = u"<b>%1</b>&nbsp;&nbsp;<span style=\"color:%2\">%3</span>"_s.arg(
        tr("You").toHtmlEscaped(), theme::cssColor(accent), pending.state.toHtmlEscaped());
    bool truncated = false;
    const QString shown = shownText(pending.body, kPreviewChars, kPreviewLines, &truncated);
    const QString body = shownHtml(shown);
    entry->kind = AccessibleEntry::Pending;
    entry->heading = tr("%1, %2").arg(tr("You"), pending.state);
    entry->text = shown;
    return card(accent, theme::blend(pal.color(QPalette::Base), accent, 0.08), header,
                u"<span style=\"color:%1\">%2</span>"_s.arg(theme::cssColor(accent), body));
}

void ThreadView::render(bool keepScroll)
{
    QScrollBar *bar = verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    const int previous = bar->value();

    QString html;
    const qsizetype total = m_messages.size();
    const qsizetype first = (m_showAll || total <= kInitialMessages) ? 0 : total - kInitialMessages;
    m_moreToShow = first > 0; // messageHtml() adds the cut bodies
    m_entries.clear();
    if (first > 0) {
        const QString earlier = tr("Show %n earlier message(s)", nullptr, static_cast<int>(first));
        html += u"<p align=\"center\"><a href=\"%1:earlier\">%2</a></p>"_s.arg(kScheme.toString(),
                                                                               earlier.toHtmlEscaped());
        AccessibleEntry entry;
        entry.kind = AccessibleEntry::Earlier;
        entry.key = u"earlier"_s;
        entry.heading = earlier;
        m_entries.append(entry);
    }
    for (qsizetype i = first; i < total; ++i) {
        AccessibleEntry entry;
        html += messageHtml(m_messages.at(i), &entry);
        m_entries.append(entry);
    }
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        AccessibleEntry entry;
        html += pendingHtml(m_pending.at(i), &entry);
        entry.key = u"p"_s + QString::number(i);
        m_entries.append(entry);
    }
    if (total == 0 && m_pending.isEmpty()) {
        html += u"<p style=\"color:%1\">%2</p>"_s.arg(theme::cssColor(theme::dimText(palette())),
                                                      tr("No messages yet.").toHtmlEscaped());
    }
    m_rendered = static_cast<int>(total - first);
    setHtml(html);
    if (QAccessible::isActive()) {
        QAccessibleEvent changed(this, QAccessible::ObjectReorder);
        QAccessible::updateAccessibility(&changed);
    }
    if (keepScroll && !atBottom)
        bar->setValue(previous);
    else
        bar->setValue(bar->maximum());
}

void ThreadView::showEverything()
{
    m_showAll = true;
    for (const Message &message : std::as_const(m_messages))
        m_expanded.insert(message.id);
    render(true);
}

void ThreadView::expandMessage(qint64 messageId)
{
    m_expanded.insert(messageId);
    render(true);
}

void ThreadView::showEarlier()
{
    m_showAll = true;
    render(true);
}

void ThreadView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() == Qt::NoModifier && m_moreToShow) {
        showEverything();
        event->accept();
        return;
    }
    QTextBrowser::keyPressEvent(event);
}

void ThreadView::onAnchorClicked(const QUrl &url)
{
    if (url.scheme() != kScheme)
        return; // customer text is escaped, so any other link cannot come from a message: ignore it
    const QString path = url.path();
    if (path == u"earlier") {
        showEarlier();
        return;
    }
    const bool more = path.startsWith(u"more/");
    if (!more && !path.startsWith(u"less/"))
        return;
    bool ok = false;
    const qint64 id = path.mid(5).toLongLong(&ok);
    if (!ok)
        return;
    if (more)
        m_expanded.insert(id);
    else
        m_expanded.remove(id);
    render(true);
}

} // namespace tandem::ui
