#pragma once

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

namespace tandem::bench {

//! A real tandemd child process on 127.0.0.1 (any free port) with the demo company seeded into a
//! fresh SQLite file in a temporary folder and the ticket simulator off. start() is asynchronous:
//! ready() once the process printed its "listening on" line, failed() otherwise.
class ServerProcess : public QObject
{
    Q_OBJECT

public:
    explicit ServerProcess(QString tandemdPath, QObject *parent = nullptr);
    ~ServerProcess() override;

    //! tandemd's --log-level (default "warn") and, when \a stderrPath is set, a file that takes
    //! its stderr (a pipe nobody reads would block a chatty server).
    void setLogging(const QString &levelSpec, const QString &stderrPath);
    void start();
    //! SIGTERM, then SIGKILL if it does not exit within 10 s.
    void stop();

    QString baseUrl() const { return m_baseUrl; }
    qint64 pid() const { return m_process.processId(); }
    //! The resident set size (VmRSS) of the process in KiB; -1 when unknown.
    qint64 residentKiB() const;

Q_SIGNALS:
    void ready();
    void failed(const QString &reason);

private:
    void readOutput();
    void giveUp(const QString &reason);

    QString m_tandemdPath;
    QTemporaryDir m_dir;
    QProcess m_process;
    QTimer m_startTimeout;
    QByteArray m_output;
    QString m_baseUrl;
    QString m_logLevel = QStringLiteral("warn");
    bool m_reported = false;
};

} // namespace tandem::bench
