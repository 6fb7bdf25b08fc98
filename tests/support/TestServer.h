#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tandem::test {

//! A real tandemd process on 127.0.0.1 (a free port) with its own SQLite file in a temp dir.
//! Tests talk to it over real HTTP; restart() keeps the database, kill() is a SIGKILL.
class TestServer
{
public:
    struct Options
    {
        bool demo = false;
        int simulateEverySeconds = 0;
        QString databasePath; //!< empty: a fresh file in the temp dir
        QString logLevel = QStringLiteral("warn");
    };

    TestServer();
    explicit TestServer(Options options);
    ~TestServer();

    //! Starts the process and waits (bounded) for its "listening on" line. False on failure,
    //! with the reason in error().
    bool start();
    bool restart();
    void stop();
    void kill();
    bool isRunning() const;

    QString baseUrl() const { return m_baseUrl; }
    quint16 port() const { return m_port; }
    QString databasePath() const { return m_databasePath; }
    QString error() const { return m_error; }
    static QString tandemdPath();

private:
    Options m_options;
    QTemporaryDir m_dir;
    QString m_databasePath;
    std::unique_ptr<QProcess> m_process;
    QString m_baseUrl;
    quint16 m_port = 0;
    QString m_error;
};

//! A synchronous HTTP client for tests (QNetworkAccessManager + QSignalSpy::wait; no sleeps).
class TestHttp
{
public:
    struct Response
    {
        int status = 0; //!< 0: no answer (connection refused, reset, timeout)
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QJsonObject json() const;
        QByteArray header(const QByteArray &name) const;
        QString errorCode() const; //!< error.code of the envelope
    };

    explicit TestHttp(QString baseUrl);
    ~TestHttp();

    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    //! Logs in and keeps the token; returns false if that failed.
    bool login(const QString &email, const QString &password = QStringLiteral("demo"));

    Response request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                     const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Response get(const QString &path) { return request("GET", path); }
    Response post(const QString &path, const QJsonObject &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Response patch(const QString &path, const QJsonObject &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});

    //! Sends raw bytes over a fresh TCP connection and returns whatever came back (bounded wait).
    static QByteArray rawExchange(quint16 port, const QByteArray &bytes, int waitMs = 2000);

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_baseUrl;
    QString m_token;
};

} // namespace tandem::test
