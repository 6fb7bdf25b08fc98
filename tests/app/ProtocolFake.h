#pragma once

// PROTOCOL FAKE: a scripted HTTP/1.1 responder on 127.0.0.1 for ApiClient's retry, backoff and
// error-mapping tests (Trojita's FakeSocketFactory idea). It is NOT tandemd and knows nothing of
// the API: each incoming request gets the next scripted answer. Behaviour against the real
// server is covered by the integration suites.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace tandem::test {

class ProtocolFake : public QObject
{
    Q_OBJECT

public:
    struct Step
    {
        enum Kind
        {
            Reply,
            Close,
            Hang
        } kind = Reply;
        QByteArray raw; //!< the full HTTP response for Reply
    };

    struct Request
    {
        QByteArray method;
        QByteArray target; //!< path + query
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const
        {
            for (const auto &h : headers) {
                if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                    return h.second;
            }
            return {};
        }
    };

    static Step reply(int status, const QByteArray &body = {},
                      const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
        raw += "Content-Type: application/json\r\nConnection: close\r\n";
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        for (const auto &h : headers)
            raw += h.first + ": " + h.second + "\r\n";
        raw += "\r\n" + body;
        return Step{Step::Reply, raw};
    }
    static Step error(int status, const QByteArray &code, const QByteArray &message,
                      const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return reply(status, R"({"error":{"code":")" + code + R"(","message":")" + message + R"("}})",
                     headers);
    }
    static Step closeWithoutAnswer() { return Step{Step::Close, {}}; }
    static Step hang() { return Step{Step::Hang, {}}; }

    ProtocolFake()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &ProtocolFake::accept);
        m_server.listen(QHostAddress::LocalHost);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void script(const QList<Step> &steps) { m_script += steps; }
    const QList<Request> &requests() const { return m_requests; }

Q_SIGNALS:
    void requestReceived();

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon < 0)
                    continue;
                const QByteArray name = lines[i].left(colon).trimmed();
                const QByteArray value = lines[i].mid(colon + 1).trimmed();
                request.headers.append({name, value});
                if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                    length = value.toLongLong();
            }
            if (buffer.size() < headerEnd + 4 + length)
                return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            m_requests.append(request);
            const Step step = m_script.isEmpty() ? error(500, "script_exhausted", "No scripted answer left.")
                                                 : m_script.takeFirst();
            Q_EMIT requestReceived();
            switch (step.kind) {
            case Step::Reply:
                socket->write(step.raw);
                socket->disconnectFromHost();
                return;
            case Step::Close:
                socket->abort();
                return;
            case Step::Hang:
                return; // keep the connection open, answer nothing
            }
        }
    }

    QTcpServer m_server;
    QList<Step> m_script;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace tandem::test
