#include "DiffView.h"

#include "DisplayText.h"
#include "Theme.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextCharFormat>
#include <QTextCursor>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

QPlainTextEdit *makeSide(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setReadOnly(true);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    edit->setTabChangesFocus(true);
    return edit;
}

QString bounded(const QString &text, bool *truncated)
{
    QString clean = DisplayText::sanitize(text);
    if (clean.size() > DiffView::kMaxChars) {
        clean.truncate(DiffView::kMaxChars);
        *truncated = true;
    }
    return clean;
}

} // namespace

DiffView::DiffView(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"diffView"_s);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *draftLabel = new QLabel(tr("AI draft"), this);
    auto *sentLabel = new QLabel(tr("Sent reply"), this);
    m_draft = makeSide(this, u"diffDraft"_s, tr("AI draft, removed words struck through"));
    m_sent = makeSide(this, u"diffSent"_s, tr("Sent reply, added words underlined"));
    draftLabel->setBuddy(m_draft);
    sentLabel->setBuddy(m_sent);
    m_legend = new QLabel(this);
    m_legend->setObjectName(u"diffLegend"_s);
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::PlainText);
    layout->addWidget(draftLabel, 0, 0);
    layout->addWidget(sentLabel, 0, 1);
    layout->addWidget(m_draft, 1, 0);
    layout->addWidget(m_sent, 1, 1);
    layout->addWidget(m_legend, 2, 0, 1, 2);
    setTabOrder(m_draft, m_sent);
    render();
}

DiffView::~DiffView() = default;

void DiffView::setTexts(const QString &draft, const QString &sent)
{
    m_truncated = false;
    const QString before = bounded(draft, &m_truncated);
    const QString after = bounded(sent, &m_truncated);
    const app::WordDiff::Result result = app::WordDiff::diff(before, after);
    m_segments = result.segments;
    m_complete = result.complete;
    render();
}

void DiffView::clear()
{
    m_segments.clear();
    m_truncated = false;
    m_complete = true;
    render();
}

void DiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

void DiffView::render()
{
    const QPalette pal = palette();
    const bool dark = theme::isDark(pal);
    QTextCharFormat plain;
    QTextCharFormat removed;
    removed.setFontStrikeOut(true);
    removed.setBackground(
        theme::blend(pal.color(QPalette::Base), theme::dangerColor(pal), dark ? 0.35 : 0.22));
    QTextCharFormat inserted;
    inserted.setFontUnderline(true);
    inserted.setBackground(
        theme::blend(pal.color(QPalette::Base), theme::successColor(pal), dark ? 0.35 : 0.22));

    m_draft->clear();
    m_sent->clear();
    QTextCursor draft(m_draft->document());
    QTextCursor sent(m_sent->document());
    int removedWords = 0;
    int insertedWords = 0;
    for (const app::DiffSegment &segment : m_segments) {
        switch (segment.kind) {
        case app::DiffSegment::Kind::Equal:
            draft.insertText(segment.text, plain);
            sent.insertText(segment.text, plain);
            break;
        case app::DiffSegment::Kind::Removed:
            draft.insertText(segment.text, removed);
            ++removedWords;
            break;
        case app::DiffSegment::Kind::Inserted:
            sent.insertText(segment.text, inserted);
            ++insertedWords;
            break;
        }
    }
    m_draft->moveCursor(QTextCursor::Start);
    m_sent->moveCursor(QTextCursor::Start);

    QString legend;
    if (m_segments.isEmpty())
        legend = tr("No reply selected.");
    else if (removedWords == 0 && insertedWords == 0)
        legend = tr("Sent exactly as the AI drafted it.");
    else
        legend = tr("%n change(s): removed text is struck through, added text is underlined.", nullptr,
                    removedWords + insertedWords);
    if (!m_complete)
        legend += u' ' + tr("The texts differ too much for a word-by-word comparison: shown as replaced.");
    if (m_truncated)
        legend += u' ' + tr("Long texts were cut to %n character(s).", nullptr, int(kMaxChars));
    m_legend->setText(legend);
}

} // namespace tandem::ui
