#pragma once

#include <QAbstractHttpServer>

namespace tandem::server {

class Router;

//! Qt HttpServer as the transport: turns each request into an HttpRequest, lets the Router
//! answer it, writes the answer back, and logs one line per request (never bodies or tokens).
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpFrontend(const Router &router, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    const Router &m_router;
};

} // namespace tandem::server
