#include "app/DraftAutosave.h"
#include "app/LocalStore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem::app;

class DraftAutosaveTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void debouncesKeystrokesIntoOneWrite()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"a.sqlite"_s));
        QVERIFY(store.open());
        DraftAutosave autosave(&store);
        autosave.setDelay(100ms);
        QSignalSpy saved(&autosave, &DraftAutosave::saved);
        autosave.setText(1, u"H"_s);
        autosave.setText(1, u"He"_s);
        autosave.setText(1, u"Hej"_s);
        QCOMPARE(autosave.text(1), u"Hej"_s); // pending text is visible at once
        QVERIFY(!store.autosave(1));          // ...but not written yet
        QVERIFY(saved.wait(2000));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.at(0).at(0).toLongLong(), 1);
        QCOMPARE(store.autosave(1).value_or(QString()), u"Hej"_s);
    }

    void continuousTypingStillSavesWithinASecond()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"b.sqlite"_s));
        QVERIFY(store.open());
        DraftAutosave autosave(&store);
        autosave.setDelay(400ms);
        QSignalSpy saved(&autosave, &DraftAutosave::saved);
        // Keep typing every 50 ms (well inside the debounce) from a timer until the first save.
        QString text;
        QTimer typist;
        typist.setInterval(50ms);
        connect(&typist, &QTimer::timeout, this, [&] {
            text += u'x';
            autosave.setText(2, text);
        });
        QElapsedTimer clock;
        clock.start();
        autosave.setText(2, text);
        typist.start();
        QVERIFY(saved.wait(3000));
        typist.stop();
        QCOMPARE(saved.size(), 1);
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(store.autosave(2).has_value());
    }

    void restoresAfterReopenAndClears()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"c.sqlite"_s);
        {
            LocalStore store(path);
            QVERIFY(store.open());
            DraftAutosave autosave(&store);
            autosave.setDelay(1000ms);
            autosave.setText(3, u"Dear customer"_s);
            autosave.setText(4, u"Other ticket"_s);
            // destroyed before the timer fires: the destructor flushes
        }
        LocalStore store(path);
        QVERIFY(store.open());
        DraftAutosave autosave(&store);
        QCOMPARE(autosave.text(3), u"Dear customer"_s);
        QVERIFY(autosave.hasText(4));
        QVERIFY(!autosave.hasText(5));
        autosave.clear(3);
        QVERIFY(autosave.text(3).isEmpty());
        QVERIFY(!store.autosave(3));

        // Emptying the editor removes the saved text.
        autosave.setText(4, QString());
        autosave.flush();
        QVERIFY(!store.autosave(4));
    }

    void delayIsClampedToOneSecond()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"d.sqlite"_s));
        QVERIFY(store.open());
        DraftAutosave autosave(&store);
        QCOMPARE(autosave.delay(), 400ms);
        autosave.setDelay(5000ms);
        QCOMPARE(autosave.delay(), 1000ms);
    }
};

QTEST_GUILESS_MAIN(DraftAutosaveTest)
#include "DraftAutosaveTest.moc"
