// The desktop's command line (issue 18): --help and --version answer without a display (no
// platform plugin is loaded for them), and a wrong option is refused with a message, not a crash.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;

class CommandLineTest : public QObject
{
    Q_OBJECT

private:
    // The process environment of a machine without any display: X11 asked for and absent.
    static QProcessEnvironment noDisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
        return env;
    }

    struct Run
    {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out;
        QString err;
    };
    static Run run(const QStringList &args, const QProcessEnvironment &env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TANDEM_UI_BINARY), args);
        Run r;
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitCode();
        r.status = p.exitStatus();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void helpNeedsNoDisplay()
    {
        for (const QString &flag : {u"--help"_s, u"-h"_s}) {
            const Run r = run({flag}, noDisplay());
            QCOMPARE(r.status, QProcess::NormalExit);
            QCOMPARE(r.exitCode, 0);
            for (const QString &option : {u"--demo"_s, u"--server"_s, u"--screenshot"_s, u"--log-level"_s})
                QVERIFY2(r.out.contains(option), qPrintable(r.out));
            QVERIFY2(!r.err.contains(u"platform plugin"_s), qPrintable(r.err));
        }
    }

    void versionNeedsNoDisplay()
    {
        const Run r = run({u"--version"_s}, noDisplay());
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), u"tandem "_s + QStringLiteral(TANDEM_VERSION));
    }

    void wrongOptionIsRefusedWithAMessage()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        const Run r = run({u"--no-such-option"_s}, env);
        QCOMPARE(r.status, QProcess::NormalExit);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(u"no-such-option"_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(CommandLineTest)
#include "CommandLineTest.moc"
