// readLabelledCsv: RFC 4180 quoting, multi-line fields, both header styles, clear errors.
#include "server/drafting/intent/IntentClassifier.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::server;

class TestIntentCsv : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(u"f%1.csv"_s.arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void readsTextIntentHeader()
    {
        QString error;
        const auto rows =
            readLabelledCsv(write("text,intent\nwhere is my card,card_arrival\nhi,greeting\n"), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).first, u"where is my card"_s);
        QCOMPARE(rows->at(0).second, u"card_arrival"_s);
        QCOMPARE(rows->at(1).second, u"greeting"_s);
    }

    void readsCategoryHeaderInAnyColumnOrder()
    {
        QString error;
        const auto rows =
            readLabelledCsv(write("id,category,text\r\n1,refund,I want my money back\r\n"), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->at(0).first, u"I want my money back"_s);
        QCOMPARE(rows->at(0).second, u"refund"_s);
    }

    void intentWinsOverCategory()
    {
        QString error;
        const auto rows =
            readLabelledCsv(write("text,intent,category,response\nhello,greet,SMALLTALK,hi\n"), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->at(0).second, u"greet"_s);
    }

    void handlesQuotesCommasAndMultiLineFields()
    {
        QString error;
        const auto rows = readLabelledCsv(write("text,intent\n\"a, b and \"\"c\"\"\",quoted\n\"line "
                                                "one\nline two\r\nline three\",multi\nlast,plain"),
                                          &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(0).first, u"a, b and \"c\""_s);
        QCOMPARE(rows->at(1).first, u"line one\nline two\r\nline three"_s);
        QCOMPARE(rows->at(1).second, u"multi"_s);
        QCOMPARE(rows->at(2).second, u"plain"_s); // no trailing newline
    }

    void skipsBlankLinesAndBom()
    {
        QString error;
        const auto rows = readLabelledCsv(write("\xEF\xBB\xBFtext,intent\n\nhello,greet\n\n"), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 1);
    }

    void readsUtf8()
    {
        QString error;
        const auto rows = readLabelledCsv(
            write("text,intent\nKortet har inte kommit – var är det?,card_arrival\n"), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->at(0).first, u"Kortet har inte kommit – var är det?"_s);
    }

    void rejectsMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no header columns") << QByteArray("message,label\nhi,greet\n") << u"header"_s;
        QTest::newRow("missing field") << QByteArray("text,intent\nok,a\nonly text\n") << u"line 3"_s;
        QTest::newRow("extra field") << QByteArray("text,intent\nok,a,b\n") << u"line 2: expected 2 fields"_s;
        QTest::newRow("unclosed quote") << QByteArray("text,intent\nok,a\n\"never closed,b\n") << u"line 3"_s;
        QTest::newRow("text after quote") << QByteArray("text,intent\n\"x\"y,a\n") << u"closing quote"_s;
        QTest::newRow("stray quote") << QByteArray("text,intent\nab\"c,a\n") << u"quote"_s;
        QTest::newRow("empty intent") << QByteArray("text,intent\nhello, \n") << u"empty intent"_s;
        QTest::newRow("empty file") << QByteArray() << u"empty"_s;
        QTest::newRow("not utf-8") << QByteArray("text,intent\n\xff\xfe,a\n") << u"UTF-8"_s;
    }

    void rejectsMalformedInput()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QString error;
        const QString path = write(content);
        QVERIFY(!readLabelledCsv(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.startsWith(path), qPrintable(error));
    }

    void missingFileIsAnError()
    {
        QString error;
        QVERIFY(!readLabelledCsv(m_dir.filePath(u"absent.csv"_s), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIntentCsv)
#include "tst_intent_csv.moc"
