#include "OutboxView.h"

#include "ConfirmStrip.h"
#include "DisplayText.h"
#include "Icons.h"
#include "OutboxDelegate.h"
#include "Theme.h"

#include "app/OutboxItem.h"
#include "app/OutboxModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::OutboxModel;
using app::OutboxState;

namespace {
constexpr auto kDiscardPurpose = u"discard:";
}

OutboxView::OutboxView(app::OutboxModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(u"outboxView"_s);
    setAccessibleName(tr("Outbox"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(6);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"outboxSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_empty = new QLabel(tr("Nothing waiting: every reply reached the server."), this);
    m_empty->setObjectName(u"outboxEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    // Focusable (dim, not disabled): with nothing waiting, Ctrl+Shift+O still lands in the dock,
    // a screen reader reads this sentence, and Esc closes the dock from here.
    m_empty->setFocusPolicy(Qt::StrongFocus);
    m_empty->setAccessibleName(m_empty->text());
    QPalette dim = m_empty->palette();
    dim.setColor(QPalette::WindowText, theme::dimText(dim));
    m_empty->setPalette(dim);
    layout->addWidget(m_empty, 1);

    m_list = new QListView(this);
    m_list->setObjectName(u"outboxList"_s);
    m_list->setAccessibleName(tr("Replies waiting to be sent"));
    m_list->setItemDelegate(new OutboxDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setModel(m_model);
    layout->addWidget(m_list, 1);

    m_confirm = new ConfirmStrip(this);
    m_confirm->setObjectName(u"outboxConfirm"_s);
    layout->addWidget(m_confirm);

    m_message = new QLabel(this);
    m_message->setObjectName(u"outboxMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    m_open = new QPushButton(Icons::get(u"thread"), tr("&Open ticket"), this);
    m_open->setObjectName(u"outboxOpenButton"_s);
    m_open->setAccessibleName(tr("Open the reply's ticket"));
    m_retry = new QPushButton(Icons::get(u"refresh"), tr("&Retry"), this);
    m_retry->setObjectName(u"outboxRetryButton"_s);
    m_retry->setAccessibleName(tr("Retry sending the reply"));
    m_retry->setToolTip(tr("Send now; after a conflict, send it anyway"));
    m_discard = new QPushButton(Icons::get(u"discard"), tr("&Discard…"), this);
    m_discard->setObjectName(u"outboxDiscardButton"_s);
    m_discard->setAccessibleName(tr("Discard the reply"));
    m_discard->setToolTip(tr("Throw the reply away (asks first)"));
    buttons->addWidget(m_open);
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const int row = currentRow(); row >= 0)
            Q_EMIT openTicketRequested(m_model->index(row).data(OutboxModel::TicketIdRole).toLongLong());
    });
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openTicketRequested(index.data(OutboxModel::TicketIdRole).toLongLong());
    });
    connect(m_retry, &QPushButton::clicked, this, &OutboxView::retryCurrent);
    connect(m_discard, &QPushButton::clicked, this, &OutboxView::discardCurrent);
    connect(m_confirm, &ConfirmStrip::accepted, this, &OutboxView::onConfirmed);
    connect(m_confirm, &ConfirmStrip::rejected, this, [this] { m_list->setFocus(); });
    if (m_model) {
        for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(m_model, signal, this, &OutboxView::updateState);
        connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxView::updateState);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &OutboxView::updateState);
        connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &OutboxView::updateState);
    }
    updateState();
}

int OutboxView::currentRow() const
{
    if (!m_model || m_model->rowCount() == 0)
        return -1;
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void OutboxView::focusList()
{
    if (m_model && m_model->rowCount() > 0 && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_model->index(0));
    if (m_list->isVisibleTo(this))
        m_list->setFocus(Qt::ShortcutFocusReason);
    else
        m_empty->setFocus(Qt::ShortcutFocusReason);
}

void OutboxView::retryCurrent()
{
    const int row = currentRow();
    if (row < 0 || !m_model->index(row).data(OutboxModel::CanRetryRole).toBool())
        return;
    m_message->hide();
    m_model->retry(row);
}

void OutboxView::discardCurrent()
{
    const int row = currentRow();
    if (row < 0 || !m_model->index(row).data(OutboxModel::CanDiscardRole).toBool())
        return;
    const QModelIndex index = m_model->index(row);
    const QString body = DisplayText::sanitize(index.data(OutboxModel::BodyRole).toString()).simplified();
    m_confirm->ask(kDiscardPurpose + QString::number(index.data(OutboxModel::OutboxIdRole).toLongLong()),
                   tr("Discard this reply? Its text is lost and the customer gets nothing."),
                   {body.left(160) + (body.size() > 160 ? u"…"_s : QString())}, tr("Discard reply"),
                   tr("Keep it"));
}

void OutboxView::onConfirmed(const QString &purpose)
{
    if (!purpose.startsWith(kDiscardPurpose) || !m_model)
        return;
    const qint64 outboxId = QStringView(purpose).mid(QStringView(kDiscardPurpose).size()).toLongLong();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row).data(OutboxModel::OutboxIdRole).toLongLong() != outboxId)
            continue;
        if (!m_model->discard(row)) {
            m_message->setText(tr("The reply is being sent right now and cannot be discarded."));
            m_message->show();
        }
        break;
    }
    m_list->setFocus();
}

void OutboxView::updateState()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    int attention = 0;
    for (int row = 0; row < rows; ++row) {
        const auto state = OutboxState(m_model->index(row).data(OutboxModel::StateValueRole).toInt());
        attention += (state == OutboxState::Conflict || state == OutboxState::Failed) ? 1 : 0;
    }
    m_empty->setVisible(rows == 0);
    m_list->setVisible(rows > 0);
    QString summary = tr("Replies you send while offline wait here until the server takes them.");
    if (rows > 0) {
        summary = rows == 1 ? tr("1 reply waiting") : tr("%1 replies waiting").arg(rows);
        if (attention > 0)
            summary += u" · "_s + (attention == 1 ? tr("1 needs you") : tr("%1 need you").arg(attention));
    }
    m_summary->setText(summary);
    if (rows > 0 && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_model->index(0));
    const int row = currentRow();
    const QModelIndex index = row >= 0 ? m_model->index(row) : QModelIndex();
    m_open->setEnabled(index.isValid());
    m_retry->setEnabled(index.isValid() && index.data(OutboxModel::CanRetryRole).toBool());
    m_discard->setEnabled(index.isValid() && index.data(OutboxModel::CanDiscardRole).toBool());
    if (rows == 0)
        m_confirm->dismiss();
}

} // namespace tandem::ui
