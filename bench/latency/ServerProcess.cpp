#include "ServerProcess.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tandem::bench {

namespace {
// Seeding the demo company (and training its intent model when no prebuilt one exists) can take a while.
constexpr int kStartTimeoutMs = 120'000;
} // namespace

ServerProcess::ServerProcess(QString tandemdPath, QObject *parent)
    : QObject(parent), m_tandemdPath(std::move(tandemdPath))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ServerProcess::readOutput);
    connect(&m_process, &QProcess::errorOccurred, this,
            [this](QProcess::ProcessError) { giveUp(u"tandemd: %1"_s.arg(m_process.errorString())); });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        giveUp(u"tandemd exited with code %1: %2"_s.arg(code).arg(
            QString::fromUtf8(m_process.readAllStandardError().right(2000))));
    });
    m_startTimeout.setSingleShot(true);
    connect(&m_startTimeout, &QTimer::timeout, this,
            [this] { giveUp(u"tandemd did not report its port within %1 s"_s.arg(kStartTimeoutMs / 1000)); });
}

ServerProcess::~ServerProcess()
{
    stop();
}

void ServerProcess::setLogging(const QString &levelSpec, const QString &stderrPath)
{
    if (!levelSpec.isEmpty())
        m_logLevel = levelSpec;
    if (!stderrPath.isEmpty())
        m_process.setStandardErrorFile(stderrPath);
}

void ServerProcess::start()
{
    if (!m_dir.isValid()) {
        giveUp(u"cannot create a temporary folder: %1"_s.arg(m_dir.errorString()));
        return;
    }
    const QStringList args{u"--db"_s,     m_dir.filePath(u"fanout-bench.db"_s),
                           u"--listen"_s, u"127.0.0.1:0"_s,
                           u"--demo"_s,   u"--simulate-every"_s,
                           u"0"_s,        u"--log-level"_s,
                           m_logLevel};
    m_startTimeout.start(kStartTimeoutMs);
    m_process.start(m_tandemdPath, args);
}

void ServerProcess::stop()
{
    m_startTimeout.stop();
    m_reported = true; // an exit from here on is ours, not a failure
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

qint64 ServerProcess::residentKiB() const
{
    const qint64 id = pid();
    if (id <= 0)
        return -1;
    QFile status(u"/proc/%1/status"_s.arg(id));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression vmRss(u"^VmRSS:\\s+(\\d+) kB"_s, QRegularExpression::MultilineOption);
    const auto match = vmRss.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

void ServerProcess::readOutput()
{
    m_output += m_process.readAllStandardOutput();
    if (!m_baseUrl.isEmpty())
        return;
    static const QRegularExpression listening(u"listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
    const auto match = listening.match(QString::fromUtf8(m_output));
    if (!match.hasMatch())
        return;
    m_baseUrl = match.captured(1);
    m_startTimeout.stop();
    Q_EMIT ready();
}

void ServerProcess::giveUp(const QString &reason)
{
    if (m_reported)
        return;
    m_reported = true;
    m_startTimeout.stop();
    Q_EMIT failed(reason);
}

} // namespace tandem::bench
