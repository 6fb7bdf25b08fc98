#include "HttpFrontend.h"

#include "Router.h"

#include "core/Logging.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QRandomGenerator>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Head:
        return u"HEAD"_s;
    case QHttpServerRequest::Method::Options:
        return u"OPTIONS"_s;
    default:
        return u"OTHER"_s;
    }
}

} // namespace

HttpFrontend::HttpFrontend(const Router &router, QObject *parent)
    : QAbstractHttpServer(parent), m_router(router)
{}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // The event stream: returning true without writing lets Qt 6.4 upgrade the connection to a
    // WebSocket (EventHub takes it from newWebSocketConnection and checks the token there).
    if (request.url().path() == u"/api/v1/events" &&
        request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return true;

    QElapsedTimer timer;
    timer.start();
    HttpRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path();
    r.query = request.query();
    for (const auto &[name, value] : request.headers())
        r.headers.insert(name.toLower(), value);
    r.body = request.body();
    r.requestId = QString::number(QRandomGenerator::global()->generate64(), 16);

    const HttpResponse response = m_router.dispatch(r);

    // Handlers answer synchronously, but guard anyway: writing to a socket that is gone crashes 6.4.
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return true;
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType + "; charset=utf-8");
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeHeader("X-Request-Id", r.requestId.toLatin1());
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);

    tandem::logging::get("http")->info("{} {} {} -> {} ({} ms)", r.requestId.toStdString(),
                                       r.method.toStdString(), r.path.left(200).toStdString(),
                                       response.status, timer.elapsed());
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Never reached: handleRequest answers every request (the Router produces the 404s).
}

} // namespace tandem::server
