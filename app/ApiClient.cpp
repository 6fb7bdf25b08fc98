#include "ApiClient.h"

#include "ApiDecoding.h"

#include "core/JsonCodec.h"
#include "core/JsonReader.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace tandem::app {

namespace {

constexpr int kMaxPageSize = 500;

using decoding::decodeObject;
using decoding::invalidResponse;
using decoding::versionFromEtag;

auto netLog()
{
    return logging::get("net");
}

ApiError makeError(int status, const QString &code, const QString &message)
{
    return ApiError{status, code, message};
}

bool isRetryableStatus(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

struct ApiClient::Call
{
    quint64 id = 0;
    ApiRequest request;
    QPointer<QObject> context;
    ApiCallback<ApiResponse> callback;
    int attempt = 0; //!< tries started so far
    QPointer<QNetworkReply> reply;
    QTimer *retryTimer = nullptr; //!< owned by the client while a retry waits
    bool aborted = false;
    QElapsedTimer clock;
};

ApiClient::ApiClient(const QUrl &baseUrl, QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_baseUrl(baseUrl)
{
    // Never follow a redirect from https to http; TLS peer verification stays at Qt's default (on).
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

ApiClient::~ApiClient()
{
    abortAll();
}

void ApiClient::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
}

void ApiClient::setToken(const QString &token)
{
    m_token = token;
}

void ApiClient::clearToken()
{
    m_token.clear();
}

void ApiClient::abortAll()
{
    const auto calls = m_calls.values();
    for (const auto &call : calls) {
        call->aborted = true;
        if (call->reply) {
            call->reply->abort(); // finished() -> finishAttempt() completes it as "aborted"
        } else if (call->retryTimer) {
            delete call->retryTimer;
            call->retryTimer = nullptr;
            complete(call, makeError(0, u"aborted"_s, tr("The request was cancelled.")));
        }
    }
}

std::chrono::milliseconds ApiClient::backoffDelay(const RetryPolicy &policy, int retry)
{
    const double base = double(policy.baseDelay.count()) * std::pow(2.0, std::max(0, retry - 1));
    const double capped = std::min(base, double(policy.maxDelay.count()));
    const double spread = capped * std::clamp(policy.jitter, 0.0, 1.0);
    const double jittered = capped - spread + QRandomGenerator::global()->generateDouble() * 2.0 * spread;
    return std::chrono::milliseconds(std::max<qint64>(0, qint64(jittered)));
}

std::optional<std::chrono::milliseconds> ApiClient::parseRetryAfter(const QByteArray &value)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional(std::chrono::milliseconds(seconds * 1000));
    // An HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"); Qt's RFC 2822 parser wants a numeric zone.
    QString date = QString::fromLatin1(text);
    if (date.endsWith(u" GMT"_s))
        date = date.chopped(4) + u" +0000"_s;
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::chrono::milliseconds(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)));
}

QNetworkRequest ApiClient::webSocketRequest(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Tandem/" TANDEM_VERSION));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return request;
}

void ApiClient::send(const ApiRequest &request, QObject *context, ApiCallback<ApiResponse> callback)
{
    auto call = std::make_shared<Call>();
    call->id = m_nextCallId++;
    call->request = request;
    call->context = context ? context : this;
    call->callback = std::move(callback);
    m_calls.insert(call->id, call);
    startAttempt(call);
}

void ApiClient::probe()
{
    ApiRequest request;
    request.path = u"/healthz"_s;
    request.authenticated = false;
    request.timeout = std::chrono::milliseconds(3000);
    request.clientRetries = false;
    send(request, this, [](const ApiResult<ApiResponse> &) {});
}

void ApiClient::startAttempt(const std::shared_ptr<Call> &call)
{
    ++call->attempt;
    call->clock.start();
    const ApiRequest &request = call->request;

    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + request.path);
    url.setQuery(request.query);

    QNetworkRequest networkRequest(url);
    networkRequest.setTransferTimeout(int(request.timeout.count()));
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Tandem/" TANDEM_VERSION));
    if (!request.body.isEmpty() || request.method == "POST" || request.method == "PATCH")
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (request.authenticated && !m_token.isEmpty())
        networkRequest.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!request.idempotencyKey.isEmpty())
        networkRequest.setRawHeader("Idempotency-Key", request.idempotencyKey.toUtf8());
    if (request.ifMatchVersion)
        networkRequest.setRawHeader("If-Match", '"' + QByteArray::number(*request.ifMatchVersion) + '"');
    for (const auto &header : request.headers)
        networkRequest.setRawHeader(header.first, header.second);

    QNetworkReply *reply = nullptr;
    if (request.method == "GET")
        reply = m_network->get(networkRequest);
    else if (request.method == "POST")
        reply = m_network->post(networkRequest, request.body);
    else
        reply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    reply->setParent(this);
    call->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { finishAttempt(call, reply); });
}

void ApiClient::finishAttempt(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    call->reply = nullptr;
    const ApiRequest &request = call->request;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto elapsed = call->clock.elapsed();
    const QByteArray requestId = reply->rawHeader("X-Request-Id");

    if (status == 0) {
        const auto error = reply->error();
        if (call->aborted) {
            complete(call, makeError(0, u"aborted"_s, tr("The request was cancelled.")));
            return;
        }
        // Qt 6.4 reports an expired transfer timeout as OperationCanceledError; we never abort
        // a reply ourselves except through abortAll(), handled above.
        const bool timedOut =
            error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError;
        setReachable(false);
        const ApiError apiError =
            timedOut ? makeError(0, u"timeout"_s, tr("The server did not answer in time."))
                     : makeError(0, u"network_error"_s,
                                 tr("Could not reach the server: %1").arg(reply->errorString()));
        netLog()->info("{} {} -> no answer ({}, {} ms, try {})", request.method.constData(),
                       request.path.toStdString(), apiError.code.toStdString(), elapsed, call->attempt);
        if (request.isRetryable() && call->attempt < m_retryPolicy.maxAttempts) {
            scheduleRetry(call, backoffDelay(m_retryPolicy, call->attempt));
            return;
        }
        complete(call, apiError);
        return;
    }

    setReachable(true);
    netLog()->debug("{} {} -> {} ({} ms, try {}, request {})", request.method.constData(),
                    request.path.toStdString(), status, elapsed, call->attempt, requestId.constData());

    ApiResponse response;
    response.status = status;
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();

    // 429 means the server did not process the request, so even an unsafe one may be retried.
    const bool tooMany = status == 429 && request.clientRetries;
    const bool retry = call->attempt < m_retryPolicy.maxAttempts &&
                       (tooMany || (isRetryableStatus(status) && request.isRetryable()));
    if (retry) {
        std::chrono::milliseconds delay = backoffDelay(m_retryPolicy, call->attempt);
        if (const auto retryAfter = parseRetryAfter(response.header("Retry-After")))
            delay = std::min(*retryAfter, m_retryPolicy.maxRetryAfter);
        netLog()->info("{} {} -> {}; retrying in {} ms", request.method.constData(),
                       request.path.toStdString(), status, delay.count());
        scheduleRetry(call, delay);
        return;
    }

    if (status >= 200 && status < 300) {
        complete(call, response);
        return;
    }

    QString parseError;
    std::optional<ApiError> apiError;
    if (const auto object = json::parseObject(response.body, &parseError))
        apiError = json::apiErrorFromJson(*object, status);
    if (!apiError)
        apiError =
            makeError(status, u"http_error"_s, tr("The server answered with HTTP status %1.").arg(status));
    if (status == 401 && request.authenticated)
        Q_EMIT unauthorized();
    netLog()->info("{} {} -> {} {}", request.method.constData(), request.path.toStdString(), status,
                   apiError->code.toStdString());
    complete(call, *apiError);
}

void ApiClient::scheduleRetry(const std::shared_ptr<Call> &call, std::chrono::milliseconds delay)
{
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    call->retryTimer = timer;
    connect(timer, &QTimer::timeout, this, [this, call] {
        call->retryTimer->deleteLater();
        call->retryTimer = nullptr;
        startAttempt(call);
    });
    timer->start(delay);
}

void ApiClient::complete(const std::shared_ptr<Call> &call, const ApiResult<ApiResponse> &result)
{
    m_calls.remove(call->id);
    if (!call->context || !call->callback)
        return;
    // Queued even on the same thread: the callback may delete this client or start new calls
    // without re-entering finishAttempt(). A destroyed context drops the invocation.
    QMetaObject::invokeMethod(
        call->context.data(), [callback = std::move(call->callback), result] { callback(result); },
        Qt::QueuedConnection);
}

void ApiClient::setReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    Q_EMIT reachableChanged(reachable);
}

// --- typed calls ------------------------------------------------------------------------------

void ApiClient::login(const QString &email, const QString &password, QObject *context,
                      ApiCallback<LoginResult> callback)
{
    ApiRequest request;
    request.method = "POST";
    request.path = u"/api/v1/auth/login"_s;
    request.body = json::serialize(QJsonObject{{u"email"_s, email}, {u"password"_s, password}});
    request.authenticated = false;
    QPointer<ApiClient> self(this);
    send(request, context, [self, callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        auto decoded = decodeObject<LoginResult>(result.value(), json::loginResultFromJson);
        if (decoded.ok() && self)
            self->setToken(decoded.value().token);
        callback(decoded);
    });
}

void ApiClient::logout(QObject *context, ApiCallback<NoContent> callback)
{
    ApiRequest request;
    request.method = "POST";
    request.path = u"/api/v1/auth/logout"_s;
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(NoContent{});
    });
    // The request above already carries the token; forget it now whatever the server says.
    clearToken();
}

void ApiClient::me(QObject *context, ApiCallback<User> callback)
{
    ApiRequest request;
    request.path = u"/api/v1/me"_s;
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decodeObject<User>(result.value(), json::userFromJson));
    });
}

void ApiClient::listTickets(const QString &cursor, int limit, QObject *context,
                            ApiCallback<TicketPage> callback)
{
    ApiRequest request;
    request.path = u"/api/v1/tickets"_s;
    if (!cursor.isEmpty())
        request.query.addQueryItem(u"cursor"_s, cursor); // base64url: no characters to escape
    request.query.addQueryItem(u"limit"_s, QString::number(std::clamp(limit, 1, kMaxPageSize)));
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decodeObject<TicketPage>(result.value(), json::ticketPageFromJson));
    });
}

void ApiClient::ticket(qint64 id, QObject *context, ApiCallback<Versioned<TicketDetail>> callback)
{
    ApiRequest request;
    request.path = u"/api/v1/tickets/%1"_s.arg(id);
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        auto detail = decodeObject<TicketDetail>(result.value(), json::ticketDetailFromJson);
        if (!detail.ok())
            return callback(detail.error());
        Versioned<TicketDetail> out{detail.value(), detail.value().ticket.version};
        if (const auto version = versionFromEtag(result.value().header("ETag")))
            out.version = *version;
        callback(out);
    });
}

void ApiClient::createTicket(const NewTicketRequest &ticket, QObject *context, ApiCallback<Ticket> callback)
{
    ApiRequest request;
    request.method = "POST";
    request.path = u"/api/v1/tickets"_s;
    request.body = json::serialize(json::toJson(ticket));
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decodeObject<Ticket>(result.value(), json::ticketFromJson));
    });
}

void ApiClient::postReply(qint64 ticketId, const ReplyRequest &reply, const QString &idempotencyKey,
                          std::optional<qint64> ifMatchVersion, QObject *context,
                          ApiCallback<ReplyResult> callback)
{
    ApiRequest request;
    request.method = "POST";
    request.path = u"/api/v1/tickets/%1/replies"_s.arg(ticketId);
    request.body = json::serialize(json::toJson(reply));
    request.idempotencyKey = idempotencyKey;
    request.ifMatchVersion = ifMatchVersion;
    request.clientRetries = false; // the Outbox retries with the same key and says so
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decodeObject<ReplyResult>(result.value(), json::replyResultFromJson));
    });
}

void ApiClient::patchTicket(qint64 id, const TicketPatch &patch, qint64 ifMatchVersion, QObject *context,
                            ApiCallback<Ticket> callback)
{
    ApiRequest request;
    request.method = "PATCH";
    request.path = u"/api/v1/tickets/%1"_s.arg(id);
    request.body = json::serialize(json::toJson(patch));
    request.ifMatchVersion = ifMatchVersion;
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decodeObject<Ticket>(result.value(), json::ticketFromJson));
    });
}

void ApiClient::discardDraft(qint64 ticketId, QObject *context, ApiCallback<NoContent> callback)
{
    ApiRequest request;
    request.method = "POST";
    request.path = u"/api/v1/tickets/%1/draft/discard"_s.arg(ticketId);
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(NoContent{});
    });
}

void ApiClient::users(QObject *context, ApiCallback<QList<User>> callback)
{
    ApiRequest request;
    request.path = u"/api/v1/users"_s;
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decodeObject<QList<User>>(
            result.value(), [](const QJsonObject &object, QString *error) -> std::optional<QList<User>> {
                JsonReader reader(object);
                const QJsonArray items = reader.array(u"items");
                if (!reader.ok()) {
                    *error = reader.error();
                    return std::nullopt;
                }
                QList<User> users;
                for (const QJsonValue &item : items) {
                    auto user = json::userFromJson(item.toObject(), error);
                    if (!user)
                        return std::nullopt;
                    users.append(*user);
                }
                return users;
            }));
    });
}

void ApiClient::kbArticle(qint64 id, QObject *context, ApiCallback<KbArticle> callback)
{
    ApiRequest request;
    request.path = u"/api/v1/kb/%1"_s.arg(id);
    send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decodeObject<KbArticle>(
            result.value(), [](const QJsonObject &object, QString *error) -> std::optional<KbArticle> {
                JsonReader reader(object);
                KbArticle article;
                article.id = reader.integer(u"id");
                article.slug = reader.string(u"slug");
                article.title = reader.string(u"title");
                article.body = reader.string(u"body");
                article.language = reader.string(u"language");
                article.intent = reader.optionalString(u"intent").value_or(QString());
                if (!reader.ok()) {
                    *error = reader.error();
                    return std::nullopt;
                }
                return article;
            }));
    });
}

} // namespace tandem::app
