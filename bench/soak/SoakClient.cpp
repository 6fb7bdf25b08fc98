#include "SoakClient.h"

#include "app/ApiClient.h"
#include "app/EventStreamClient.h"
#include "app/LocalStore.h"
#include "app/Outbox.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include "core/Logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace tandem::soak {

namespace {

// One line per step, flushed at once: the parent acts on it while we keep running.
void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

SoakClient::SoakClient(SoakClientOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        const int pending = m_session ? m_session->outbox()->pendingCount() : -1;
        const int attention = m_session ? m_session->outbox()->attentionCount() : -1;
        say("timeout pending=" + QByteArray::number(pending) + " attention=" + QByteArray::number(attention));
        finish(3);
    });
}

SoakClient::~SoakClient() = default;

void SoakClient::start()
{
    m_deadline.start(120s);
    fetchUser();
}

void SoakClient::fetchUser()
{
    // The session needs the user; the server may still be coming back from a kill.
    auto *api = new app::ApiClient(m_options.url, this);
    api->setToken(qEnvironmentVariable("TANDEM_SOAK_TOKEN"));
    api->me(this, [this, api](const app::ApiResult<User> &result) {
        api->deleteLater();
        if (result.ok()) {
            startSession(result.value());
            return;
        }
        if (++m_meAttempts > 200 || result.error().status == 401) {
            say("error " + result.error().code.toUtf8());
            finish(2);
            return;
        }
        QTimer::singleShot(100ms, this, &SoakClient::fetchUser);
    });
}

void SoakClient::startSession(const User &user)
{
    auto *api = new app::ApiClient(m_options.url);
    api->setToken(qEnvironmentVariable("TANDEM_SOAK_TOKEN"));
    app::RetryPolicy retries;
    retries.maxAttempts = 3;
    retries.baseDelay = 50ms;
    retries.maxDelay = 400ms;
    api->setRetryPolicy(retries);
    m_session = std::make_unique<app::Session>(api, user, m_options.storePath);
    app::EventStreamClient::Timing timing;
    timing.backoffBase = 50ms;
    timing.backoffMax = 500ms;
    m_session->events()->setTiming(timing);
    m_session->outbox()->setBackoff(50ms, 800ms);

    app::Outbox *outbox = m_session->outbox();
    connect(outbox, &app::Outbox::itemChanged, this, [this](qint64 id) {
        const auto item = m_session->store()->outboxItem(id);
        if (item && item->state == app::OutboxState::Sending)
            say("sending " + QByteArray::number(id));
    });
    connect(outbox, &app::Outbox::sent, this, [this](qint64 id) {
        say("sent " + QByteArray::number(id));
        checkDrained();
    });
    connect(outbox, &app::Outbox::countsChanged, this, &SoakClient::checkDrained);
    connect(outbox, &app::Outbox::conflict, this, [](qint64 ticketId, qint64 id) {
        say("conflict " + QByteArray::number(id) + " ticket " + QByteArray::number(ticketId));
    });
    connect(outbox, &app::Outbox::failed, this, [](qint64, qint64 id, const QString &message) {
        say("failed " + QByteArray::number(id) + ' ' + message.toUtf8());
    });
    // Replies are written against the version a fresh pull shows, as an agent would see it.
    connect(m_session->sync(), &app::SyncEngine::lastSyncAtChanged, this, [this] {
        m_synced = true;
        checkReady();
    });
    QString error;
    if (!m_session->start(&error)) {
        say("error " + error.toUtf8());
        finish(2);
    }
}

void SoakClient::checkReady()
{
    if (m_ready || !m_synced)
        return;
    for (qint64 id : std::as_const(m_options.tickets)) {
        if (!m_session->store()->ticket(id))
            return;
    }
    m_ready = true;
    say("ready");
    queueNext();
}

void SoakClient::queueNext()
{
    if (m_queued >= m_options.replies) {
        checkDrained();
        return;
    }
    const int i = m_queued++;
    const qint64 ticketId = m_options.tickets.at((m_options.cycle + i) % m_options.tickets.size());
    const auto cached = m_session->store()->ticket(ticketId);
    const ReplyRequest reply{m_options.prefix + u"r"_s + QString::number(i), {}, ReplyOutcome::Own, false};
    if (!m_session->outbox()->queueReply(ticketId, reply, cached ? cached->version : 0)) {
        say("error cannot queue");
        finish(2);
        return;
    }
    say("queued " + QByteArray::number(i)); // only now is it the engine's promise
    // Small random gaps: kills land between, during and after the queue operations.
    QTimer::singleShot(std::chrono::milliseconds(QRandomGenerator::global()->bounded(8)), this,
                       &SoakClient::queueNext);
}

void SoakClient::checkDrained()
{
    if (m_done || !m_ready || m_queued < m_options.replies)
        return;
    app::Outbox *outbox = m_session->outbox();
    if (outbox->pendingCount() != 0)
        return;
    say("drained attention=" + QByteArray::number(outbox->attentionCount()));
    finish(0);
}

void SoakClient::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    if (m_session)
        m_session->stop();
    Q_EMIT finished(exitCode);
}

int runSoakClient(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption client(u"client"_s);
    const QCommandLineOption url(u"url"_s, u"Server URL."_s, u"URL"_s);
    const QCommandLineOption store(u"store"_s, u"Local store file."_s, u"PATH"_s);
    const QCommandLineOption tickets(u"tickets"_s, u"Comma-separated ticket ids."_s, u"IDS"_s);
    const QCommandLineOption prefix(u"prefix"_s, u"Reply body prefix."_s, u"TEXT"_s);
    const QCommandLineOption replies(u"replies"_s, u"Replies to queue."_s, u"N"_s, u"3"_s);
    const QCommandLineOption cycle(u"cycle"_s, u"Cycle number."_s, u"N"_s, u"0"_s);
    parser.addOptions({client, url, store, tickets, prefix, replies, cycle});
    parser.process(arguments);
    SoakClientOptions options;
    options.url = QUrl(parser.value(url));
    options.storePath = parser.value(store);
    for (const QString &id : parser.value(tickets).split(u',', Qt::SkipEmptyParts))
        options.tickets.append(id.toLongLong());
    options.prefix = parser.value(prefix);
    options.replies = parser.value(replies).toInt();
    options.cycle = parser.value(cycle).toInt();
    if (!options.url.isValid() || options.storePath.isEmpty() || options.tickets.isEmpty()) {
        say("error bad arguments");
        return 2;
    }
    const QString level = qEnvironmentVariable("TANDEM_SOAK_LOG", u"error"_s);
    logging::setup({level, {}, false});
    SoakClient soak(options);
    int code = 0;
    QObject::connect(&soak, &SoakClient::finished, qApp, [&code](int exitCode) {
        code = exitCode;
        QCoreApplication::exit(exitCode);
    });
    soak.start();
    QCoreApplication::exec();
    return code;
}

} // namespace tandem::soak
