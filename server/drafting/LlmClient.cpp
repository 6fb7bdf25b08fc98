#include "LlmClient.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <chrono>
#include <future>

using namespace Qt::StringLiterals;

namespace tandem::server {

namespace {

// Extra time the caller waits beyond the worker's own timeout before giving up on it.
constexpr int kGraceMs = 1500;

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

//! The worker's half of one request: the promise is kept exactly once, whoever comes first.
struct Pending
{
    std::promise<LlmReply> promise;
    bool done = false;
    void finish(LlmReply reply)
    {
        if (done)
            return;
        done = true;
        promise.set_value(std::move(reply));
    }
};

} // namespace

LlmClient::LlmClient(LlmClientConfig config) : m_config(std::move(config))
{
    m_thread.setObjectName(u"llm-client"_s);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

LlmClient::~LlmClient()
{
    m_thread.quit();
    m_thread.wait();
}

QUrl LlmClient::endpoint() const
{
    QUrl url = m_config.baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    // Accept a base with or without the /v1 suffix (OpenAI documents "https://api.openai.com/v1").
    if (!path.endsWith(u"/v1"_s))
        path += u"/v1"_s;
    url.setPath(path + u"/chat/completions"_s);
    return url;
}

QByteArray LlmClient::requestBody(const QString &model, const QList<ChatMessage> &messages,
                                  double temperature)
{
    QJsonArray list;
    for (const ChatMessage &m : messages)
        list.append(QJsonObject{{u"role"_s, m.role}, {u"content"_s, m.content}});
    const QJsonObject body{{u"model"_s, model}, {u"messages"_s, list}, {u"temperature"_s, temperature}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

LlmReply LlmClient::parseResponse(const QByteArray &body)
{
    LlmReply reply;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const auto malformed = [&](const QString &why) {
        reply.error = LlmReply::Error::Malformed;
        reply.detail = why;
        return reply;
    };
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(u"the response is not a JSON object"_s);
    const QJsonArray choices = doc.object().value(u"choices"_s).toArray();
    if (choices.isEmpty() || !choices.first().isObject())
        return malformed(u"the response has no choices"_s);
    const QJsonValue content = choices.first().toObject().value(u"message"_s).toObject().value(u"content"_s);
    if (!content.isString())
        return malformed(u"choices[0].message.content is not a string"_s);
    reply.content = content.toString();
    return reply;
}

std::optional<QString> LlmClient::readApiKey(const QString &environmentVariable, const QString &filePath,
                                             QString *error)
{
    if (!filePath.isEmpty()) {
        QFile file(filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = u"cannot read the API key file %1: %2"_s.arg(filePath, file.errorString());
            return std::nullopt;
        }
        const QString key = QString::fromUtf8(file.readLine(4096)).trimmed();
        if (key.isEmpty()) {
            *error = u"the API key file %1 is empty"_s.arg(filePath);
            return std::nullopt;
        }
        return key;
    }
    if (!environmentVariable.isEmpty()) {
        const QString key = qEnvironmentVariable(environmentVariable.toUtf8().constData()).trimmed();
        if (key.isEmpty()) {
            *error = u"the environment variable %1 holds no API key"_s.arg(environmentVariable);
            return std::nullopt;
        }
        return key;
    }
    return QString();
}

LlmReply LlmClient::complete(const QList<ChatMessage> &messages)
{
    auto pending = std::make_shared<Pending>();
    std::future<LlmReply> future = pending->promise.get_future();
    const QByteArray body = requestBody(m_config.model, messages, m_config.temperature);
    const LlmClientConfig config = m_config;
    const QUrl url = endpoint();

    // Runs in m_thread: the network manager, the reply and the timer all live there.
    QMetaObject::invokeMethod(
        m_context,
        [context = m_context, pending, body, config, url] {
            auto *manager = context->findChild<QNetworkAccessManager *>();
            if (!manager) {
                manager = new QNetworkAccessManager(context);
                manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
                if (isLoopback(url))
                    manager->setProxy(QNetworkProxy::NoProxy);
            }
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            request.setRawHeader("Accept", "application/json");
            if (!config.apiKey.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + config.apiKey.toUtf8());
            QNetworkReply *reply = manager->post(request, body);
            auto *timer = new QTimer(reply);
            timer->setSingleShot(true);
            QObject::connect(timer, &QTimer::timeout, reply, [pending, reply, config] {
                LlmReply r;
                r.error = LlmReply::Error::Timeout;
                r.detail = u"no answer within %1 ms"_s.arg(config.timeoutMs);
                pending->finish(r);
                reply->abort();
            });
            QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                             [pending, reply, config](qint64 received, qint64) {
                                 if (received <= config.maxResponseBytes)
                                     return;
                                 LlmReply r;
                                 r.error = LlmReply::Error::TooLarge;
                                 r.detail = u"the response exceeds %1 bytes"_s.arg(config.maxResponseBytes);
                                 pending->finish(r);
                                 reply->abort();
                             });
            QObject::connect(reply, &QNetworkReply::finished, reply, [pending, reply, config] {
                reply->deleteLater();
                if (pending->done)
                    return;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                LlmReply r;
                r.httpStatus = status;
                if (status != 0 && (status < 200 || status >= 300)) {
                    r.error = LlmReply::Error::Http;
                    r.detail = u"HTTP %1"_s.arg(status);
                } else if (reply->error() != QNetworkReply::NoError) {
                    r.error = LlmReply::Error::Network;
                    r.detail = reply->errorString();
                } else {
                    const QByteArray data = reply->readAll();
                    if (data.size() > config.maxResponseBytes) {
                        r.error = LlmReply::Error::TooLarge;
                        r.detail = u"the response exceeds %1 bytes"_s.arg(config.maxResponseBytes);
                    } else {
                        r = parseResponse(data);
                        r.httpStatus = status;
                    }
                }
                pending->finish(r);
            });
            timer->start(std::max(1, config.timeoutMs));
        },
        Qt::QueuedConnection);

    if (future.wait_for(std::chrono::milliseconds(std::max(1, m_config.timeoutMs) + kGraceMs)) !=
        std::future_status::ready) {
        LlmReply r;
        r.error = LlmReply::Error::Timeout;
        r.detail = u"no answer within %1 ms"_s.arg(m_config.timeoutMs);
        return r;
    }
    return future.get();
}

} // namespace tandem::server
