// app::WordDiff: the word-level diff behind the supervisor's draft review (draft vs sent text).
#include "app/WordDiff.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using tandem::app::DiffSegment;
using tandem::app::WordDiff;
using Kind = DiffSegment::Kind;

namespace {

QString rebuild(const QList<DiffSegment> &segments, bool before)
{
    QString text;
    for (const DiffSegment &s : segments) {
        if (s.kind == Kind::Equal || s.kind == (before ? Kind::Removed : Kind::Inserted))
            text += s.text;
    }
    return text;
}

// Every result must give both texts back and never repeat a kind in adjacent segments.
bool consistent(const QString &before, const QString &after, const WordDiff::Result &result)
{
    if (rebuild(result.segments, true) != before || rebuild(result.segments, false) != after)
        return false;
    for (qsizetype i = 1; i < result.segments.size(); ++i) {
        if (result.segments.at(i).kind == result.segments.at(i - 1).kind)
            return false;
    }
    return std::none_of(result.segments.cbegin(), result.segments.cend(),
                        [](const DiffSegment &s) { return s.text.isEmpty(); });
}

QString describe(const QList<DiffSegment> &segments)
{
    QStringList parts;
    for (const DiffSegment &s : segments)
        parts << (s.kind == Kind::Equal      ? u"="_s
                  : s.kind == Kind::Inserted ? u"+"_s
                                             : u"-"_s) +
                     u'[' + s.text + u']';
    return parts.join(u' ');
}

} // namespace

class WordDiffTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenizes()
    {
        QCOMPARE(WordDiff::tokenize(u"Hello,  world!"_s),
                 (QStringList{u"Hello"_s, u","_s, u"  "_s, u"world"_s, u"!"_s}));
        QCOMPARE(WordDiff::tokenize(u"don't stop"_s), (QStringList{u"don't"_s, u" "_s, u"stop"_s}));
        QCOMPARE(WordDiff::tokenize(u"5,00 kr"_s), (QStringList{u"5"_s, u","_s, u"00"_s, u" "_s, u"kr"_s}));
        QCOMPARE(WordDiff::tokenize(QString()), QStringList());
        // Non-Latin words stay whole; an emoji with its variation selector is one token.
        QCOMPARE(WordDiff::tokenize(u"Привет мир"_s), (QStringList{u"Привет"_s, u" "_s, u"мир"_s}));
        QCOMPARE(WordDiff::tokenize(u"ok ❤️!"_s), (QStringList{u"ok"_s, u" "_s, u"❤️"_s, u"!"_s}));
        QCOMPARE(WordDiff::tokenize(u"a😀b"_s), (QStringList{u"a"_s, u"😀"_s, u"b"_s}));
        const QString text = u"Ünïcödé — «quoted» text,\nnew line\t tab"_s;
        QCOMPARE(WordDiff::tokenize(text).join(QString()), text);
    }

    void emptyAndIdentical()
    {
        QVERIFY(WordDiff::diff({}, {}).segments.isEmpty());
        const auto inserted = WordDiff::diff({}, u"Hi there"_s);
        QCOMPARE(inserted.segments, (QList<DiffSegment>{{Kind::Inserted, u"Hi there"_s}}));
        const auto removed = WordDiff::diff(u"Hi there"_s, {});
        QCOMPARE(removed.segments, (QList<DiffSegment>{{Kind::Removed, u"Hi there"_s}}));
        const auto same = WordDiff::diff(u"Same text."_s, u"Same text."_s);
        QCOMPARE(same.segments, (QList<DiffSegment>{{Kind::Equal, u"Same text."_s}}));
        QVERIFY(same.complete);
    }

    void insertion()
    {
        const QString before = u"Your refund is on its way."_s;
        const QString after = u"Your refund of 20 EUR is on its way."_s;
        const auto result = WordDiff::diff(before, after);
        QVERIFY2(consistent(before, after, result), qPrintable(describe(result.segments)));
        QCOMPARE(result.segments, (QList<DiffSegment>{{Kind::Equal, u"Your refund "_s},
                                                      {Kind::Inserted, u"of 20 EUR "_s},
                                                      {Kind::Equal, u"is on its way."_s}}));
    }

    void deletion()
    {
        const QString before = u"We will definitely refund you today."_s;
        const QString after = u"We will refund you."_s;
        const auto result = WordDiff::diff(before, after);
        QVERIFY2(consistent(before, after, result), qPrintable(describe(result.segments)));
        QCOMPARE(result.segments, (QList<DiffSegment>{{Kind::Equal, u"We will "_s},
                                                      {Kind::Removed, u"definitely "_s},
                                                      {Kind::Equal, u"refund you"_s},
                                                      {Kind::Removed, u" today"_s},
                                                      {Kind::Equal, u"."_s}}));
    }

    void replacement()
    {
        const QString before = u"The card arrives in 5 days."_s;
        const QString after = u"The card arrives in 7 working days."_s;
        const auto result = WordDiff::diff(before, after);
        QVERIFY2(consistent(before, after, result), qPrintable(describe(result.segments)));
        QCOMPARE(result.segments, (QList<DiffSegment>{{Kind::Equal, u"The card arrives in "_s},
                                                      {Kind::Removed, u"5"_s},
                                                      {Kind::Inserted, u"7 working"_s},
                                                      {Kind::Equal, u" days."_s}}));
        // Two replaced words with one space between read as one replacement.
        const auto pair = WordDiff::diff(u"say hello world now"_s, u"say goodbye moon now"_s);
        QCOMPARE(pair.segments, (QList<DiffSegment>{{Kind::Equal, u"say "_s},
                                                    {Kind::Removed, u"hello world"_s},
                                                    {Kind::Inserted, u"goodbye moon"_s},
                                                    {Kind::Equal, u" now"_s}}));
    }

    void punctuationAndCase()
    {
        const QString before = u"Thanks, Maria."_s;
        const QString after = u"Thanks! maria."_s;
        const auto result = WordDiff::diff(before, after);
        QVERIFY2(consistent(before, after, result), qPrintable(describe(result.segments)));
        QCOMPARE(result.segments, (QList<DiffSegment>{{Kind::Equal, u"Thanks"_s},
                                                      {Kind::Removed, u", Maria"_s},
                                                      {Kind::Inserted, u"! maria"_s},
                                                      {Kind::Equal, u"."_s}}));
    }

    void unicode()
    {
        const QString before = u"Hej Åsa, tack för ditt meddelande 😀"_s;
        const QString after = u"Hej Åsa, stort tack för ditt meddelande 🎉"_s;
        const auto result = WordDiff::diff(before, after);
        QVERIFY2(consistent(before, after, result), qPrintable(describe(result.segments)));
        QVERIFY(result.segments.contains(DiffSegment{Kind::Inserted, u"stort "_s}));
        QVERIFY(result.segments.contains(DiffSegment{Kind::Removed, u"😀"_s}));
        QVERIFY(result.segments.contains(DiffSegment{Kind::Inserted, u"🎉"_s}));
        // A surrogate pair is never split.
        for (const DiffSegment &s : result.segments) {
            QVERIFY(!s.text.front().isLowSurrogate());
            QVERIFY(!s.text.back().isHighSurrogate());
        }
    }

    void randomEditsStayConsistent()
    {
        const QStringList words{u"refund"_s, u"card"_s, u"the"_s, u"a"_s, u","_s,
                                u"."_s,      u"you"_s,  u"åsa"_s, u"7"_s, u"\n"_s};
        quint32 seed = 12345;
        auto next = [&seed] {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) & 0x7fff;
        };
        for (int round = 0; round < 200; ++round) {
            QString before;
            QString after;
            const int length = int(next() % 40);
            for (int i = 0; i < length; ++i) {
                const QString word = words.at(int(next() % words.size()));
                const int op = int(next() % 6);
                if (op != 0)
                    before += word + u' ';
                if (op != 1)
                    after += (op == 2 ? words.at(int(next() % words.size())) : word) + u' ';
            }
            const auto result = WordDiff::diff(before, after);
            QVERIFY2(consistent(before, after, result), qPrintable(describe(result.segments)));
            QVERIFY(result.complete);
        }
    }

    void hugeInputIsBounded()
    {
        QString before;
        QString after;
        for (int i = 0; i < 20000; ++i) {
            before += u"alpha%1 "_s.arg(i);
            after += u"beta%1 "_s.arg(i);
        }
        QElapsedTimer timer;
        timer.start();
        const auto result = WordDiff::diff(before, after);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!result.complete);
        QVERIFY(consistent(before, after, result));

        // Within the token cap but too many edits: degrades too, still consistent and fast.
        WordDiff::Limits limits;
        limits.maxEdits = 50;
        const QString a = u"one two three four five six seven eight nine ten "_s.repeated(20);
        const QString b = u"uno dos tres cuatro cinco seis siete ocho nueve diez "_s.repeated(20);
        const auto limited = WordDiff::diff(a, b, limits);
        QVERIFY(!limited.complete);
        QVERIFY(consistent(a, b, limited));

        // The worst case inside the token cap (every token differs): bounded by maxEdits.
        QString left;
        QString right;
        for (int i = 0; i < 2400; ++i) {
            left += u"l%1 "_s.arg(i);
            right += u"r%1 "_s.arg(i);
        }
        timer.restart();
        const auto worst = WordDiff::diff(left, right);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(consistent(left, right, worst));

        // A long text with one change in the middle stays exact (prefix/suffix trimming).
        const QString longText = u"word "_s.repeated(30000);
        const QString changed = longText + u"extra "_s + longText;
        const auto exact = WordDiff::diff(longText + longText, changed);
        QVERIFY(exact.complete);
        QCOMPARE(exact.segments.size(), 3);
        QCOMPARE(exact.segments.at(1), (DiffSegment{Kind::Inserted, u"extra "_s}));
    }
};

QTEST_GUILESS_MAIN(WordDiffTest)
#include "WordDiffTest.moc"
