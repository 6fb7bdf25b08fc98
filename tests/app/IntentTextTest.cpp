// The words people read for intent keys and queue ids (app/IntentText, app/InboxView): no raw
// key on a screen, and a supervisor's typed filter finds the key it means.
#include "app/IntentText.h"
#include "app/InboxView.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::app;

class IntentTextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelsReadAsPeopleWrite_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("label");
        QTest::newRow("own intent") << u"complaint_ai_answer"_s << u"Complaint about an AI answer"_s;
        QTest::newRow("acronym") << u"atm_support"_s << u"ATM support"_s;
        QTest::newRow("brands") << u"apple_pay_or_google_pay"_s << u"Apple Pay or Google Pay"_s;
        QTest::newRow("pay alone") << u"pay_later"_s << u"Pay later"_s;
        QTest::newRow("plain") << u"refund_status"_s << u"Refund status"_s;
        QTest::newRow("empty") << QString() << u"Unknown"_s;
    }

    void labelsReadAsPeopleWrite()
    {
        QFETCH(QString, key);
        QFETCH(QString, label);
        QCOMPARE(IntentText::label(key), label);
        QVERIFY(!IntentText::label(key).contains(u'_'));
    }

    void typedFiltersFindTheKey_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("key");
        QTest::newRow("words") << u"Refund status"_s << u"refund_status"_s;
        QTest::newRow("hyphen and spaces") << u"  refund-status "_s << u"refund_status"_s;
        QTest::newRow("already a key") << u"refund_status"_s << u"refund_status"_s;
        QTest::newRow("a label") << u"complaint about an AI answer"_s << u"complaint_ai_answer"_s;
        QTest::newRow("nothing") << u"   "_s << QString();
    }

    void typedFiltersFindTheKey()
    {
        QFETCH(QString, typed);
        QFETCH(QString, key);
        QCOMPARE(IntentText::keyFor(typed), key);
    }

    void everyLabelLeadsBackToItsKey()
    {
        for (const QString &key : {u"complaint_ai_answer"_s, u"out_of_scope"_s, u"data_request"_s,
                                   u"refund_status"_s, u"card_arrival"_s, u"lost_or_stolen_card"_s})
            QCOMPARE(IntentText::keyFor(IntentText::label(key)), key);
    }

    void queuesOfAnotherSetUpAreSpelledOut()
    {
        QCOMPARE(queueDisplayName(u"refunds"_s), u"Refunds & disputes"_s);
        QCOMPARE(queueDisplayName(u"vip_support"_s), u"Vip support"_s);
        QCOMPARE(queueDisplayName(u"b2b-escalations"_s), u"B2b escalations"_s);
    }
};

QTEST_GUILESS_MAIN(IntentTextTest)
#include "IntentTextTest.moc"
