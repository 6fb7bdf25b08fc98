// A lexicon pattern's leading clause run and negative lookahead are taken off and applied by hand
// (PatternOpening, round 16): the lexicon must find what the whole written pattern finds. And the
// two bits each literal is checked by first (PatternPrefilter::anchor, round 20) never pass over a
// pattern for a text it matches.
#include "server/drafting/judgement/PatternNeeds.h"
#include "server/drafting/judgement/PatternOpening.h"
#include "server/drafting/judgement/PatternPrefilter.h"
#include "server/drafting/judgement/SignalLexicon.h"
#include "server/drafting/judgement/TextFolding.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::server::judgement;

namespace {

std::optional<SignalLexicon> onePattern(const QString &pattern)
{
    const QJsonObject doc{
        {u"signals"_s,
         QJsonObject{{u"x"_s, QJsonObject{{u"patterns"_s, QJsonObject{{u"en"_s, QJsonArray{pattern}}}}}}}}};
    QString error;
    return SignalLexicon::fromJson(QJsonDocument(doc).toJson(), &error);
}

} // namespace

class PatternOpeningTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("reach");
        QTest::addColumn<QString>("stops");
        QTest::addColumn<QString>("guard");
        QTest::addColumn<QString>("rest");
        QTest::newRow("clause run") << uR"([^.!?\n]{0,240}\b(?:sorted|fixed))"_s << 240 << u".!?\n"_s
                                    << QString() << uR"(\b(?:sorted|fixed))"_s;
        QTest::newRow("clause run with a bracket")
            << uR"([^.!?\n(]{0,80}\bthanks)"_s << 80 << u".!?\n("_s << QString() << uR"(\bthanks)"_s;
        QTest::newRow("guard") << uR"((?!.{0,200}\b(?:buyer|seller)\b)\b(?:my son)\b.{0,40}met)"_s << 0
                               << QString() << uR"((?!.{0,200}\b(?:buyer|seller)\b))"_s
                               << uR"(\b(?:my son)\b.{0,40}met)"_s;
        QTest::newRow("guard with a bracket in a class")
            << uR"((?![)(]{2})\bhelp)"_s << 0 << QString() << uR"((?![)(]{2}))"_s << uR"(\bhelp)"_s;
        QTest::newRow("run then guard")
            << uR"([^.]{0,9}(?!no\b)\bway)"_s << 9 << u"."_s << uR"((?!no\b))"_s << uR"(\bway)"_s;
        QTest::newRow("guard before a run stays")
            << uR"((?!no)[^.]{0,9}way)"_s << 0 << QString() << QString() << uR"((?!no)[^.]{0,9}way)"_s;
        QTest::newRow("a range is not a plain run")
            << uR"([^a-z]{0,5}\d+)"_s << 0 << QString() << QString() << uR"([^a-z]{0,5}\d+)"_s;
        QTest::newRow("nothing after the run")
            << uR"([^.]{0,9})"_s << 0 << QString() << QString() << uR"([^.]{0,9})"_s;
        QTest::newRow("plain pattern")
            << uR"(\bhello\b)"_s << 0 << QString() << QString() << uR"(\bhello\b)"_s;
    }
    void split()
    {
        QFETCH(QString, pattern);
        const PatternOpening o = PatternOpening::split(pattern);
        QTEST(o.reach, "reach");
        QTEST(o.stops, "stops");
        QTEST(o.guard, "guard");
        QTEST(o.rest, "rest");
    }

    // Every built-in pattern that split() changes finds, on real customer messages, a match
    // exactly where the whole written pattern does (same start; same end when only a guard was
    // taken off), and the same number of spans' worth of text.
    void builtInPatternsFindTheSame()
    {
        QString error;
        const QList<QByteArray> documents = SignalLexicon::builtInDocuments(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList changed;
        for (const QByteArray &json : documents) {
            const QJsonObject signalsObject =
                QJsonDocument::fromJson(json).object().value(u"signals").toObject();
            for (const QJsonValue &signal : signalsObject) {
                const QJsonObject byLanguage = signal.toObject().value(u"patterns").toObject();
                for (const QJsonValue &patterns : byLanguage) {
                    for (const QJsonValue &p : patterns.toArray()) {
                        if (PatternOpening::split(p.toString()).rest != p.toString())
                            changed.append(p.toString());
                    }
                }
            }
        }
        QVERIFY2(changed.size() >= 100, qPrintable(QString::number(changed.size())));

        QFile file(QStringLiteral(TANDEM_JUDGEMENT_CASES));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList texts;
        while (!file.atEnd() && texts.size() < 90) {
            const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
            texts.append(fold(o.value(u"subject").toString() + u'\n' + o.value(u"body").toString()));
        }
        // Texts made to reach the guarded and clause-run patterns.
        texts << fold(u"My son met someone from a game. He said he was a seller of skins."_s)
              << fold(u"Last year my card was hacked. You sorted it all out, thank you! Now a question."_s)
              << fold(u"mein sohn ist weg und hat sich mit jemandem getroffen, den er online kannte"_s);

        int matches = 0;
        for (const QString &pattern : std::as_const(changed)) {
            const QRegularExpression whole(pattern, QRegularExpression::UseUnicodePropertiesOption);
            QVERIFY2(whole.isValid(), qPrintable(pattern));
            const std::optional<SignalLexicon> lexicon = onePattern(pattern);
            QVERIFY2(lexicon, qPrintable(pattern));
            const bool guardOnly = PatternOpening::split(pattern).reach == 0;
            for (const QString &text : std::as_const(texts)) {
                const QRegularExpressionMatch m = whole.match(text);
                const QList<SignalLexicon::Hit> hits = lexicon->findAll(u"x", PrefilterText(text));
                QCOMPARE(hits.isEmpty(), !m.hasMatch());
                if (!m.hasMatch())
                    continue;
                ++matches;
                QCOMPARE(hits.first().start, m.capturedStart(0));
                if (guardOnly)
                    QCOMPARE(hits.first().end, m.capturedEnd(0));
                // The spans cover the same characters as the whole pattern's matches.
                QString covered(text.size(), u' ');
                for (const auto &[start, end] : lexicon->spans(u"x", text))
                    covered.replace(start, end - start, QString(end - start, u'x'));
                QString expected(text.size(), u' ');
                for (auto it = whole.globalMatch(text); it.hasNext();) {
                    const QRegularExpressionMatch g = it.next();
                    expected.replace(g.capturedStart(0), g.capturedLength(0),
                                     QString(g.capturedLength(0), u'x'));
                }
                QCOMPARE(covered, expected);
            }
        }
        QVERIFY2(matches > 0, "no changed pattern matched any text: the comparison proved nothing");
    }

    void anchorsHoldWhereTheirLiteralDoes()
    {
        // A word start or a literal anywhere: both bits of its anchor are set in the text.
        const PrefilterText text(fold(u"Bitte beenden Sie mein Abo, danke. Ärger über die Lieferung"_s));
        const auto needs = PatternPrefilter::analyse(u"\\bbeend\\w+|mein abo\\b|uber die lief|\\bdanke"_s);
        QVERIFY(needs);
        QCOMPARE(needs->size(), 4);
        for (const PatternPrefilter::Need &n : *needs)
            QVERIFY2(text.mayHave(PatternPrefilter::anchor(n)), qPrintable(n.literal));
        // And most literals the text lacks are turned away by the two bits alone.
        int rejected = 0;
        const QStringList absent{u"kundigung"_s, u"rechnung"_s, u"passwort"_s, u"lastschrift"_s,
                                 u"zahlung"_s};
        for (const QString &word : absent) {
            const auto n = PatternPrefilter::analyse(u"\\b"_s + word);
            QVERIFY(n && n->size() == 1);
            rejected += text.mayHave(PatternPrefilter::anchor(n->first())) ? 0 : 1;
        }
        QVERIFY(rejected >= 4);
    }

    // Every literal a pattern must match counts, not its opening only (ADR 0021): a text with
    // "end" but not "my life" is turned away; an optional group proves nothing; an alternative
    // with no literal at all makes the pattern run always.
    void everyMandatoryLiteralCounts()
    {
        const auto branches = PatternPrefilter::analyseBranches(u"\\b(?:end|take) my life|\\bno way out"_s);
        QVERIFY(branches);
        QCOMPARE(branches->size(), 2);
        QCOMPARE(branches->at(0).size(), 2); // (end | take), then " my life"
        QCOMPARE(branches->at(0).at(0).size(), 2);
        QCOMPARE(branches->at(0).at(1).first().literal, u" my life"_s);
        QCOMPARE(branches->at(1).size(), 1);
        QVERIFY(!PatternPrefilter::analyseBranches(u"\\bk[i1]ll|\\bno way out"_s));
        const auto optional = PatternPrefilter::analyseBranches(u"(?:very )?sad(?:ly)? today"_s);
        QVERIFY(optional);
        QCOMPARE(optional->first().size(), 2); // "sad", " today"; the optional groups prove nothing
        QCOMPARE(optional->first().first().first().literal, u"sad"_s);

        // Kept as numbers (PatternNeeds): pattern 0 with the branches, pattern 1 always runs.
        const QString pattern = u"\\b(?:end|take) my life|\\bno way out"_s;
        PatternNeeds needs;
        QCOMPARE(needs.add(PatternPrefilter::analyse(pattern), branches).size(), size_t(3));
        QVERIFY(needs.add(std::nullopt, std::nullopt).empty());
        QCOMPARE(needs.patternCount(), 2u);
        QCOMPARE(needs.needCount(), 4u); // end, take, "no way out" (once), " my life"
        const PrefilterText only(fold(u"Please end the call and take my order"_s));
        const PrefilterText both(fold(u"I want to end my life"_s));
        const PrefilterText other(fold(u"There is no way out of this contract"_s));
        QVERIFY(!needs.mayMatch(0, only));
        QVERIFY(needs.mayMatch(0, both));
        QVERIFY(needs.mayMatch(0, other));
        QVERIFY(needs.mayMatch(1, only));
        // The words a literal starts inside it open words of any text that holds it.
        const PatternPrefilter::Need &myLife = branches->at(0).at(1).first();
        QCOMPARE(myLife.literal, u" my life"_s);
        // Its anchor is the opening "lif", not two letters any English text has.
        QVERIFY(!PrefilterText(fold(u"my wife sold my knife"_s)).mayHave(PatternPrefilter::anchor(myLife)));
        QVERIFY(PrefilterText(fold(u"all about my life"_s)).mayHave(PatternPrefilter::anchor(myLife)));
        // The same through a lexicon: the matches are the regular expression's.
        const auto lexicon = onePattern(u"\\b(?:end|take) my life"_s);
        QVERIFY(lexicon);
        QVERIFY(lexicon->find(u"x", fold(u"Please end the call and take my order"_s)).isEmpty());
        QCOMPARE(lexicon->find(u"x", fold(u"I want to end my life"_s)), u"end my life"_s);
    }

    void oneTextServesEverySignalAndLexicon()
    {
        // A message prepared once is asked about every signal in turn (the index's candidates and
        // verdicts are kept in it): each answer, the first phrase in pattern order, and every span
        // are the ones a walk over every pattern gives, whatever was asked of the text before.
        const SignalLexicon &lexicon = SignalLexicon::builtIn();
        QFile cases(QStringLiteral(TANDEM_JUDGEMENT_CASES));
        QVERIFY(cases.open(QIODevice::ReadOnly));
        // Literals that go on past the end of a word ("art. 15", "e-mail", "don't") among them.
        QStringList texts{u"Auskunft nach Art. 15 DSGVO, sonst gehe ich zur Datenschutzbehörde."_s,
                          u"I don't want my e-mail address used, it's art.17 GDPR."_s};
        while (!cases.atEnd() && texts.size() < 42) {
            const QJsonObject o = QJsonDocument::fromJson(cases.readLine()).object();
            texts.append(o.value(u"subject").toString() + u'\n' + o.value(u"body").toString());
        }
        int checked = 0;
        for (const QString &t : std::as_const(texts)) {
            const QString f = fold(t);
            const PrefilterText prepared(f);
            for (const QString &signal : lexicon.signalNames()) {
                QCOMPARE(lexicon.find(signal, prepared), lexicon.findWithoutPrefilter(signal, f));
                QCOMPARE(lexicon.spans(signal, prepared), lexicon.spans(signal, f));
            }
            ++checked;
        }
        QCOMPARE(checked, 42);
        // The same prepared text read by a second lexicon, then by the first again: each answers
        // from its own patterns (a pattern number means nothing across lexicons).
        QString error;
        const auto small = SignalLexicon::fromJson(
            R"({"signals":{"crisis":{"patterns":{"en":["\\bzebra crossing\\b", "\\bend it all\\b"]}},
                           "fraud":{"patterns":{"en":["\\bnot me\\b"]}}}})",
            &error);
        QVERIFY2(small, qPrintable(error));
        const PrefilterText text(fold(u"It was not me who paid. I want to end it all."_s));
        const QString builtInCrisis = lexicon.find(u"crisis", text);
        QVERIFY(!builtInCrisis.isEmpty());
        QCOMPARE(small->find(u"crisis", text), u"end it all"_s);
        QCOMPARE(small->find(u"fraud", text), u"not me"_s);
        QVERIFY(small->find(u"crisis", PrefilterText(fold(u"zebra"_s))).isEmpty());
        QCOMPARE(lexicon.find(u"crisis", text), builtInCrisis);
    }
};

QTEST_GUILESS_MAIN(PatternOpeningTest)
#include "tst_pattern_opening.moc"
