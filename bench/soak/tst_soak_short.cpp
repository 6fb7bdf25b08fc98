// CI's short soak: `lossless-soak --cycles 6` (3 client kills, 3 server kills) must end with
// `cycles=6 sent=S lost=0 duplicated=0`.
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class SoakShortTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sixCyclesLoseAndDuplicateNothing()
    {
        QProcess soak;
        soak.setProcessChannelMode(QProcess::ForwardedErrorChannel); // progress stays visible
        soak.start(QStringLiteral(LOSSLESS_SOAK_PATH), {u"--cycles"_s, u"6"_s});
        QVERIFY2(soak.waitForStarted(10000), qPrintable(soak.errorString()));
        QVERIFY2(soak.waitForFinished(280000), "the short soak must finish within the test timeout");
        const QStringList lines =
            QString::fromUtf8(soak.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        const QString last = lines.last().trimmed();
        static const QRegularExpression shape(u"^cycles=6 sent=(\\d+) lost=0 duplicated=0$"_s);
        const auto match = shape.match(last);
        QVERIFY2(match.hasMatch(), qPrintable(u"last line: "_s + last));
        QVERIFY(match.captured(1).toInt() >= 1);
        QCOMPARE(soak.exitStatus(), QProcess::NormalExit);
        QCOMPARE(soak.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(SoakShortTest)
#include "tst_soak_short.moc"
