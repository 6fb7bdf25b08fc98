#include "SourceViewer.h"

#include "DisplayText.h"

#include "app/ApiClient.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

constexpr int kMaxBodyChars = 200000; //!< a runaway article or thread is cut, not laid out whole

} // namespace

SourceViewer::SourceViewer(app::ApiClient *api, QWidget *parent) : QDialog(parent), m_api(api)
{
    setObjectName(u"sourceViewer"_s);
    setWindowTitle(tr("Source"));
    setModal(false);
    setAccessibleName(tr("Cited source"));
    resize(560, 520);
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(u"sourceTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);
    m_meta = new QLabel(this);
    m_meta->setObjectName(u"sourceMeta"_s);
    m_meta->setTextFormat(Qt::PlainText);
    layout->addWidget(m_meta);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"sourceBody"_s);
    m_body->setReadOnly(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_body->setAccessibleName(tr("Source text"));
    layout->addWidget(m_body, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(u"sourceCloseButton"_s);
    m_close->setAccessibleName(tr("Close"));
    m_close->setAutoDefault(false);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    setTabOrder(m_body, m_close);
}

QString SourceViewer::titleText() const
{
    return m_title->text();
}

QString SourceViewer::bodyText() const
{
    return m_body->toPlainText();
}

void SourceViewer::showSource(const QString &sourceId, const QString &title)
{
    m_sourceId = sourceId;
    const quint64 request = ++m_request;
    setContent(DisplayText::sanitize(title).left(200), tr("Loading…"), {});
    m_loaded = false;

    const qsizetype colon = sourceId.indexOf(u':');
    const QString kind = sourceId.left(colon);
    bool idOk = false;
    const qint64 id = colon > 0 ? sourceId.mid(colon + 1).toLongLong(&idOk) : 0;
    if (!m_api || !idOk || id <= 0 || (kind != u"kb"_s && kind != u"ticket"_s)) {
        setContent(tr("Unknown source"), tr("This source cannot be opened: %1").arg(sourceId.left(80)), {});
        finish(false);
        return;
    }
    const auto failed = [this](const ApiError &error) {
        setContent(m_title->text(), tr("Could not load the source: %1").arg(error.message.left(200)), {});
        finish(false);
    };
    if (kind == u"kb"_s) {
        m_api->kbArticle(id, this, [this, request, failed](const app::ApiResult<app::KbArticle> &result) {
            if (request != m_request)
                return;
            if (!result.ok()) {
                failed(result.error());
                return;
            }
            const app::KbArticle &article = result.value();
            QStringList meta{tr("Knowledge-base article")};
            if (!article.language.isEmpty())
                meta << DisplayText::language(article.language);
            if (!article.intent.isEmpty())
                meta << DisplayText::intent(article.intent);
            setContent(article.title, meta.join(u" · "_s), article.body);
            finish(true);
        });
        return;
    }
    m_api->ticket(
        id, this, [this, request, id, failed](const app::ApiResult<app::Versioned<TicketDetail>> &result) {
            if (request != m_request)
                return;
            if (!result.ok()) {
                failed(result.error());
                return;
            }
            const TicketDetail &detail = result.value().value;
            QStringList parts;
            for (const Message &message : detail.messages) {
                parts << DisplayText::authorKind(message.author.kind, message.internal) + u" · "_s +
                             DisplayText::dateTime(message.createdAt) + u'\n' + message.body;
            }
            setContent(detail.ticket.subject,
                       tr("Resolved ticket #%1 · %2").arg(id).arg(DisplayText::status(detail.ticket.status)),
                       parts.join(u"\n\n"_s));
            finish(true);
        });
}

void SourceViewer::setContent(const QString &title, const QString &meta, const QString &body)
{
    const QString cleanTitle = DisplayText::sanitize(title).left(300);
    m_title->setText(cleanTitle);
    setWindowTitle(cleanTitle.isEmpty() ? tr("Source") : tr("Source: %1").arg(cleanTitle.left(80)));
    m_meta->setText(meta);
    // setPlainText never interprets markup: customer and article text stay inert.
    m_body->setPlainText(DisplayText::sanitize(body).left(kMaxBodyChars));
}

void SourceViewer::finish(bool ok)
{
    m_loaded = true;
    Q_EMIT loaded(ok);
}

} // namespace tandem::ui
