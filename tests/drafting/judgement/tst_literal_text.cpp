// Wording not meant literally (lexicon signal not_literal): blanked before any signal reads a
// message, and blanked where it was written for the intent model and the sentiment; the literal
// wording beside it still counts. And the folding that maps the blanked spans back.
#include "AssessText.h"

#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/SignalLexicon.h"
#include "server/drafting/judgement/TextFolding.h"

#include "core/ReasonCodes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server::judgement;

class LiteralTextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Messages are folded before any pattern reads them, so every pattern must be written folded
    // (lower case, no accents, kana without dakuten, Korean as jamo, no Thai or Bengali vowel marks
    // that are non-spacing): a letter fold() would change can never match. Regex escapes ("\\W",
    // "\\p{L}", "\\x{1F602}") are left out of the comparison (tools/lexicon-fold.py --fix folds the rest).
    void everyLexiconPatternIsWrittenFolded()
    {
        const QDir dir(u":/drafting/judgement"_s);
        const QStringList files = dir.entryList({u"lexicon*.json"_s}, QDir::Files, QDir::Name);
        QVERIFY(files.size() > 10);
        static const QRegularExpression escapes(u"\\\\(?:[pPx]\\{[^}]*\\}|.)"_s);
        QStringList unfolded;
        int patterns = 0;
        for (const QString &name : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject signalsByName =
                QJsonDocument::fromJson(file.readAll()).object().value(u"signals"_s).toObject();
            for (auto signal = signalsByName.begin(); signal != signalsByName.end(); ++signal) {
                const QJsonObject byLanguage = signal.value().toObject().value(u"patterns"_s).toObject();
                for (auto language = byLanguage.begin(); language != byLanguage.end(); ++language) {
                    for (const QJsonValue &v : language.value().toArray()) {
                        ++patterns;
                        QString literal = v.toString();
                        // Escapes kept in place ("a \\s b" is no double space), and a sentinel after
                        // a pattern that ends with a space.
                        literal.replace(escapes, u"#"_s).append(u'#');
                        if (fold(literal) != literal)
                            unfolded.append(
                                u"%1 %2 %3: %4"_s.arg(name, signal.key(), language.key(), literal.left(80)));
                    }
                }
            }
        }
        QVERIFY(patterns > 1000);
        QVERIFY2(unfolded.isEmpty(), qPrintable(u"%1 patterns not folded, e.g. "_s.arg(unfolded.size()) +
                                                unfolded.mid(0, 5).join(u" | "_s)));
    }

    // Words of death, crime or danger used for something ordinary raise nothing: the judgement
    // blanks them (lexicon signal not_literal) before any signal reads the message.
    void notLiteralWordingRaisesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en death of me")
            << u"This login screen will be the death of me. How do I reset it?"_s << u"en"_s;
        QTest::newRow("en shame") << u"I nearly died of embarrassment at the till when the card bounced."_s
                                  << u"en"_s;
        QTest::newRow("en financial suicide")
            << u"Is it financial suicide to pay two plans at once? What does it do to my score?"_s << u"en"_s;
        QTest::newRow("en not stolen")
            << u"I left my card at a friend's, it wasn't stolen. Can I pause it for a week?"_s << u"en"_s;
        QTest::newRow("en no suspicious")
            << u"Card lost on the bus, no unusual payments so far. New one please."_s << u"en"_s;
        QTest::newRow("en wrong pin")
            << u"I typed the wrong PIN three times and now it is blocked."_s << u"en"_s;
        QTest::newRow("en planned op")
            << u"I have a scheduled knee operation next week and will be in hospital for a few days. "
               u"Can I pay this month's instalment early?"_s
            << u"en"_s;
        QTest::newRow("en bridging loan")
            << u"We are waiting on a bridging loan, can I move my due date?"_s << u"en"_s;
        QTest::newRow("de laughing") << u"Ich lache mich tot, die App zeigt mein Geburtsjahr als 1899."_s
                                     << u"de"_s;
        QTest::newRow("de tired") << u"Bin hundemüde, kurze Frage: wann kommt die Rechnung?"_s << u"de"_s;
        QTest::newRow("fr laughing")
            << u"Je suis morte de rire, l'appli me souhaite bon anniversaire en juillet."_s << u"fr"_s;
        QTest::newRow("es tired") << u"Estoy muerta de cansancio, ¿me podéis mandar la factura?"_s << u"es"_s;
        QTest::newRow("it tired") << u"Sono stanca morta, potete spostare la rata al 30?"_s << u"it"_s;
        QTest::newRow("pt shame") << u"Morri de vergonha no caixa, o cartão foi recusado. O que houve?"_s
                                  << u"pt"_s;
        QTest::newRow("pt not stolen")
            << u"Perdi o cartão em casa, não foi roubado. Posso bloquear por uns dias?"_s << u"pt"_s;
        QTest::newRow("nl laughing") << u"Ik ging bijna dood van het lachen om jullie nieuwe app-icoon."_s
                                     << u"nl"_s;
        QTest::newRow("sv laughing")
            << u"Jag dog av skratt när appen bytte till finska. Hur byter jag tillbaka?"_s << u"sv"_s;
        QTest::newRow("fi tired") << u"Olen ihan kuollut väsymykseen, milloin seuraava erä erääntyy?"_s
                                  << u"fi"_s;
        QTest::newRow("pl laughing") << u"Umieram ze śmiechu, aplikacja pisze do mnie po turecku."_s
                                     << u"pl"_s;
        QTest::newRow("pl wrong pin") << u"Wpisałam zły PIN trzy razy i karta jest zablokowana."_s << u"pl"_s;
        // Folding makes Italian "dov'è" (where is) Swedish "döv" (deaf): not a vulnerability.
        QTest::newRow("it where is") << u"Il ventilatore non è ancora arrivato, mi dite dov'è?"_s << u"it"_s;
        QTest::newRow("tr laughing") << u"Gülmekten öldüm, uygulama adımı yanlış yazıyor."_s << u"tr"_s;
        // Round 7: one's own work, devices, capable old age, idioms of impatience.
        QTest::newRow("en icu nurse")
            << u"I work nights in intensive care, so can the reminders come by text instead?"_s << u"en"_s;
        QTest::newRow("en funeral directors")
            << u"We're a family-run funeral directors and need a VAT invoice for the printer."_s << u"en"_s;
        QTest::newRow("en capable at 87")
            << u"I am 87 and quite at home on my laptop, so statements by email please."_s << u"en"_s;
        QTest::newRow("pt battery died")
            << u"A bateria do meu telemóvel morreu a meio do pagamento. Ficou pago?"_s << u"pt"_s;
        QTest::newRow("pt hospital shift")
            << u"Estou morta de sono, trabalho por turnos no hospital. Como atualizo o cartão?"_s << u"pt"_s;
        QTest::newRow("sv capable at 91") << u"Jag är 91 år men klarar mig utmärkt med datorn."_s << u"sv"_s;
        QTest::newRow("fr impatience")
            << u"Je meurs d'impatience, la commande pour l'anniversaire de mon fils arrive quand ?"_s
            << u"fr"_s;
        QTest::newRow("nl scared to death")
            << u"Ik schrok me dood van de afschrijving, maar mijn vriend had het met mijn toestemming gekocht."_s
            << u"nl"_s;
        QTest::newRow("pl card and husband")
            << u"Dzień dobry, mój mąż zgubił kartę, czy karta jest zablokowana?"_s << u"pl"_s;
        QTest::newRow("es at once") << u"¿Puedo pagar de golpe lo que me queda del plan sin penalización?"_s
                                    << u"es"_s;
    }
    void notLiteralWordingRaisesNothing()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const CaseAssessment a = test::assessText(text, language);
        for (const QStringView code : {reason::kCrisis, reason::kFraud, reason::kVulnerable})
            QVERIFY2(!a.has(code), qPrintable(a.reason()));
    }

    // ... and the literal wording next to it still counts: the blanking takes the idiom only.
    void literalWordingBesideAnIdiomStillCounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("crisis after an idiom")
            << u"The app will be the death of me, but honestly I want to end my life."_s
            << reason::kCrisis.toString();
        QTest::newRow("stolen, not lost")
            << u"My card was not lost, it was stolen from my bag and someone used my card."_s
            << reason::kFraud.toString();
        QTest::newRow("unplanned hospital")
            << u"I was rushed to hospital after a stroke and can't pay this month."_s
            << reason::kVulnerable.toString();
        QTest::newRow("planned, but cancer")
            << u"I have a planned operation for my cancer and will be in hospital for weeks."_s
            << reason::kVulnerable.toString();
        QTest::newRow("de echte Krise")
            << u"Ich bin todmüde und will nicht mehr leben."_s << reason::kCrisis.toString();
        QTest::newRow("old and cannot manage")
            << u"I'm 85 and I can't manage the app at all, could someone phone me?"_s
            << reason::kVulnerable.toString();
        QTest::newRow("a whole pack of pills")
            << u"tog en hel karta av mina sömntabletter för en timme sedan"_s << reason::kCrisis.toString();
        QTest::newRow("nurse, and her own cancer")
            << u"I'm a nurse myself, but now I have cancer and can't work."_s
            << reason::kVulnerable.toString();
    }
    void literalWordingBesideAnIdiomStillCounts()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        const CaseAssessment a = test::assessText(text);
        QVERIFY2(a.has(code), qPrintable(a.reason()));
    }

    // A phrase inside the writer's own work (context_reported) is not their matter; the same
    // word outside it still is.
    void ownWorkIsNotTheirMatter()
    {
        QVERIFY(!test::assessText(u"Ik werk bij de politie in ploegendienst, de sms-codes komen te laat."_s,
                                  u"nl"_s)
                     .has(reason::kLegal));
        QVERIFY(test::assessText(u"Ik ga naar de politie en mijn advocaat als jullie niet terugbetalen."_s,
                                 u"nl"_s)
                    .has(reason::kLegal));
    }

    void blankedKeepsLengthAndOnlyTheMatch()
    {
        const SignalLexicon &lexicon = SignalLexicon::builtIn();
        const QString folded = fold(u"I'm dead tired. Card not stolen, but I want to die."_s);
        const QString blanked = lexicon.blanked(u"not_literal", folded);
        QCOMPARE(blanked.size(), folded.size());
        QVERIFY(!blanked.contains(u"dead tired"_s));
        QVERIFY(!blanked.contains(u"not stolen"_s));
        QVERIFY(blanked.contains(u"i want to die"_s));
        // An unknown signal leaves the text as it is.
        QCOMPARE(lexicon.blanked(u"no_such_signal", folded), folded);
    }

    void foldRemembersWhereEachCharacterCameFrom()
    {
        QList<qsizetype> origins;
        QCOMPARE(fold(u"Straße  é😂"_s, &origins), u"strasse e😂"_s);
        // s t r a ß(ss) e; the space that stands for two is placed where the next letter is; é
        // (accent dropped); both halves of the emoji.
        const QList<qsizetype> expected{0, 1, 2, 3, 4, 4, 5, 8, 8, 9, 9};
        QCOMPARE(origins, expected);
    }

    void literalTextBlanksTheIdiomWhereItWasWritten()
    {
        const CaseAssessor assessor;
        const QString text = u"Ich bin TODMÜDE 😂, wann kommt die Rechnung?"_s;
        const QString literal = assessor.literalText(text);
        QCOMPARE(literal.size(), text.size());
        QVERIFY(!literal.contains(u"TODMÜDE"_s));
        QVERIFY(literal.startsWith(u"Ich bin "_s));
        QVERIFY(literal.contains(u"😂, wann kommt die Rechnung?"_s));
        const QString plain = u"Wann kommt die Rechnung?"_s;
        QCOMPARE(assessor.literalText(plain), plain);
    }
};

QTEST_GUILESS_MAIN(LiteralTextTest)
#include "tst_literal_text.moc"
