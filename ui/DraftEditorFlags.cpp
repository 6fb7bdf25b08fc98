// DraftEditor: the flags on the draft's text (spans, inline highlights, tooltips) and what must
// be acknowledged before sending. Split from DraftEditor.cpp, which builds and fills the editor.
#include "DraftEditor.h"

#include "DisplayText.h"
#include "Theme.h"

#include <QHelpEvent>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextEdit>
#include <QToolButton>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

//! Flag kinds that make Send ask for an explicit "I checked these".
bool isRiskFlag(const QString &kind)
{
    return kind == u"promise"_s || kind == u"unsupported_fact"_s || kind == u"unverified_fact"_s ||
           kind == u"claimed_action"_s || kind == u"manipulation"_s;
}

//! Flag kinds that mark a gap the agent must fill ("[order number]").
bool isGapFlag(const QString &kind)
{
    return kind == u"missing_slot"_s || kind == u"placeholder"_s;
}

} // namespace

QList<DraftEditor::FlagSpan> DraftEditor::flagSpans() const
{
    QList<FlagSpan> spans;
    if (!m_draft)
        return spans;
    const QString current = text();
    for (const DraftFlag &flag : m_draft->flags) {
        if (flag.start < 0 || flag.length <= 0 || qsizetype(flag.start) + flag.length > m_draft->body.size())
            continue;
        FlagSpan span{flag, m_draft->body.mid(flag.start, flag.length), -1};
        if (QStringView(current).mid(flag.start, flag.length) == span.text) {
            span.position = flag.start;
        } else {
            // Text typed above the span moves it: take the nearest unchanged copy of the words.
            const qsizetype after = current.indexOf(span.text, flag.start);
            const qsizetype before = flag.start > 0 ? current.lastIndexOf(span.text, flag.start - 1) : -1;
            if (after >= 0 && (before < 0 || after - flag.start <= flag.start - before))
                span.position = int(after);
            else
                span.position = int(before);
        }
        spans << span;
    }
    return spans;
}

namespace {

QString quoted(const QString &words)
{
    const QString clean = DisplayText::sanitize(words).simplified();
    return clean.size() > 80 ? clean.left(79) + u"…"_s : clean;
}

// Gaps the agent typed or the AI left without a flag: "[order number]".
const QRegularExpression &gapPattern()
{
    static const QRegularExpression pattern(u"\\[[^\\[\\]\\n]{2,40}\\]"_s);
    return pattern;
}

// One gap in the editor's text: where it is, and how the send check names it.
struct GapPlace
{
    int start = 0;
    int length = 0;
    QString label;
};

// The draft's missing_slot spans still unchanged, then every "[...]" the AI or the agent left.
QList<GapPlace> gapPlaces(const QList<DraftEditor::FlagSpan> &spans, const QString &text)
{
    QList<GapPlace> places;
    for (const DraftEditor::FlagSpan &span : spans) {
        if (span.position >= 0 && isGapFlag(span.flag.kind))
            places.append({span.position, int(span.text.size()), quoted(span.text)});
    }
    for (auto it = gapPattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        places.append({int(m.capturedStart()), int(m.capturedLength()), m.captured()});
    }
    return places;
}

} // namespace

QStringList DraftEditor::unfilledGaps() const
{
    QStringList gaps;
    for (const GapPlace &place : gapPlaces(flagSpans(), text())) {
        if (!gaps.contains(place.label))
            gaps << place.label;
    }
    return gaps;
}

bool DraftEditor::selectNextGap()
{
    // Every gap's place in the text, in order; the first one after the cursor wins.
    QList<GapPlace> places = gapPlaces(flagSpans(), text());
    if (places.isEmpty())
        return false;
    std::sort(places.begin(), places.end(), [](const GapPlace &a, const GapPlace &b) {
        return std::pair(a.start, a.length) < std::pair(b.start, b.length);
    });
    const int from = m_editor->textCursor().selectionEnd();
    const auto next =
        std::find_if(places.cbegin(), places.cend(), [from](const GapPlace &p) { return p.start >= from; });
    const GapPlace &gap = next != places.cend() ? *next : places.first();
    const int start = gap.start;
    const int length = gap.length;
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(start);
    cursor.setPosition(start + length, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    m_editor->setFocus(Qt::ShortcutFocusReason);
    return true;
}

QStringList DraftEditor::unresolvedChecks() const
{
    QStringList lines;
    for (const FlagSpan &span : flagSpans()) {
        if (span.position >= 0 && isRiskFlag(span.flag.kind))
            lines << tr("%1: “%2”").arg(DisplayText::flagKind(span.flag.kind), quoted(span.text));
    }
    // The draft is in another language than the customer's: a check until the agent rewrites it.
    if (m_draft && !isEdited()) {
        for (const DraftFlag &flag : m_draft->flags) {
            if (flag.kind == u"language"_s)
                lines << tr("%1: %2").arg(DisplayText::flagKind(flag.kind),
                                          DisplayText::sanitize(flag.message).simplified().left(300));
        }
    }
    for (const QString &gap : unfilledGaps())
        lines << tr("Still to fill in: “%1”").arg(gap);
    return lines;
}

QString DraftEditor::flagToolTipAt(int position) const
{
    QStringList tips;
    for (const FlagSpan &span : flagSpans()) {
        if (span.position < 0 || position < span.position || position >= span.position + span.flag.length)
            continue;
        const QString message = DisplayText::sanitize(span.flag.message).left(300);
        tips << (message.isEmpty() ? DisplayText::flagKind(span.flag.kind) : message);
    }
    return tips.isEmpty() ? QString() : DisplayText::plainToolTip(tips.join(u'\n'));
}

bool DraftEditor::eventFilter(QObject *watched, QEvent *event)
{
    // A button shown or hidden (Assign to me) changes what fits in the row.
    if ((event->type() == QEvent::Show || event->type() == QEvent::Hide) &&
        (watched == m_assignButton || watched == m_discardButton))
        fitButtons();
    // QPlainTextEdit shows no tool tips of extra selections: look up the flag under the mouse.
    if (watched == m_editor->viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = m_editor->cursorForPosition(help->pos());
        const QString tip = flagToolTipAt(cursor.position());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, m_editor->viewport());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void DraftEditor::applyFlagHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    format.setUnderlineColor(theme::warningColor(palette()));
    format.setBackground(theme::blend(palette().color(QPalette::Base), theme::warningColor(palette()), 0.18));
    const int length = m_editor->document()->characterCount();
    for (const FlagSpan &span : flagSpans()) {
        if (span.position < 0 || span.position + span.flag.length >= length)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_editor->document());
        selection.cursor.setPosition(span.position);
        selection.cursor.setPosition(span.position + span.flag.length, QTextCursor::KeepAnchor);
        selection.format = format;
        selection.format.setToolTip(DisplayText::flagKind(span.flag.kind));
        selections << selection;
    }
    m_editor->setExtraSelections(selections);
}

} // namespace tandem::ui
