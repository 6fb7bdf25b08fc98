#include "TestServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace tandem::test {

TestServer::TestServer() : TestServer(Options{}) {}

TestServer::TestServer(Options options) : m_options(std::move(options))
{
    m_databasePath =
        m_options.databasePath.isEmpty() ? m_dir.filePath(u"tandem-test.db"_s) : m_options.databasePath;
}

TestServer::~TestServer()
{
    stop();
}

QString TestServer::tandemdPath()
{
    return QStringLiteral(TANDEMD_PATH);
}

bool TestServer::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args{u"--db"_s,        m_databasePath,   u"--listen"_s,
                     u"127.0.0.1:0"_s, u"--log-level"_s, m_options.logLevel};
    if (m_options.demo)
        args << u"--demo"_s << u"--simulate-every"_s << QString::number(m_options.simulateEverySeconds);
    m_process->start(tandemdPath(), args);
    if (!m_process->waitForStarted(10000)) {
        m_error = u"tandemd did not start: %1"_s.arg(m_process->errorString());
        return false;
    }
    // Read stdout until the "listening on" line; bounded so a broken build fails (an exit is seen at
    // once). 180 s: under ASan on two loaded cores start-up took over 60 s (fresh-debian run).
    static const QRegularExpression listening(u"listening on (http://127\\.0\\.0\\.1:(\\d+))"_s);
    QByteArray out;
    QDeadlineTimer deadline(180000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            m_error = u"tandemd exited: %1"_s.arg(QString::fromUtf8(m_process->readAllStandardError()));
            return false;
        }
        m_process->waitForReadyRead(200);
        out += m_process->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_baseUrl = match.captured(1);
            m_port = static_cast<quint16>(match.captured(2).toUInt());
            return true;
        }
    }
    m_error = u"tandemd did not report its port within 180 s"_s;
    return false;
}

bool TestServer::restart()
{
    stop();
    return start();
}

void TestServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

void TestServer::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

struct TestHttp::Private
{
    QNetworkAccessManager nam;
};

TestHttp::TestHttp(QString baseUrl) : d(std::make_unique<Private>()), m_baseUrl(std::move(baseUrl)) {}

TestHttp::~TestHttp() = default;

QJsonObject TestHttp::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray TestHttp::Response::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QString TestHttp::Response::errorCode() const
{
    return json().value(u"error").toObject().value(u"code").toString();
}

bool TestHttp::login(const QString &email, const QString &password)
{
    const Response r = post(u"/api/v1/auth/login"_s, {{u"email"_s, email}, {u"password"_s, password}});
    if (r.status != 200)
        return false;
    m_token = r.json().value(u"token").toString();
    return !m_token.isEmpty();
}

TestHttp::Response TestHttp::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                     const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setTransferTimeout(30000);
    if (!body.isEmpty() || method == "POST" || method == "PATCH")
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    for (const auto &[k, v] : headers)
        request.setRawHeader(k, v);
    QNetworkReply *reply = d->nam.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(35000);
    Response out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return out;
}

TestHttp::Response TestHttp::post(const QString &path, const QJsonObject &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

TestHttp::Response TestHttp::patch(const QString &path, const QJsonObject &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return request("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

QByteArray TestHttp::rawExchange(quint16 port, const QByteArray &bytes, int waitMs)
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(waitMs))
        return {};
    socket.write(bytes);
    socket.waitForBytesWritten(waitMs);
    QByteArray out;
    // Read until the server answers and/or closes, or the wait runs out.
    QDeadlineTimer deadline(waitMs);
    while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))))
            out += socket.readAll();
        else
            break;
    }
    out += socket.readAll();
    return out;
}

} // namespace tandem::test
