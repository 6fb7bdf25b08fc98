// Round 34 (ADR 0034): griefs that are not crises, and the quieter reasons. A relative killed in an
// accident and an illness named in a compound ("bröstcancer") are vulnerable, and so is the
// heating or the instalment; a stab or a blow of grief is not literal; a person who may harm who
// is the one who died harms nobody; a loss outside the family named as theirs ("flowers for my
// colleague's father") is no circumstance of the writer's; a will being written is an estate
// question; a fraud case the writer says is done with is settled; to be served by a person and
// not a program asks for a human; "I was told ten days ago" is a repeat contact.
#include "AssessText.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::test::assessText;

class GriefsAndQuieterReasonsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void griefAndIllnessAreVulnerableNotCrisis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("pl zginął") << u"Moja córka Ola zginęła w wypadku w marcu. Jak zamknąć jej konto?"_s
                                   << u"pl"_s;
        QTest::newRow("en killed") << u"Our son was killed in a motorbike crash last month and his "
                                      "subscription still renews. Please stop it."_s
                                   << u"en"_s;
        QTest::newRow("sv prostatacancer") << u"Min man har prostatacancer och jag sköter allt nu. Kan ni "
                                              "skjuta upp fakturan en månad?"_s
                                           << u"sv"_s;
        QTest::newRow("de Darmkrebs") << u"Ich habe Darmkrebs und bin in Behandlung. Kann ich die Rate für "
                                         "drei Monate aussetzen?"_s
                                      << u"de"_s;
        QTest::newRow("en heating or this") << u"It was the electric or this month's instalment and the baby "
                                               "needs feeding. Can the fee wait?"_s
                                            << u"en"_s;
        QTest::newRow("it coltellata")
            << u"Mia moglie è mancata a febbraio e ogni sollecito a suo nome è una "
               "coltellata al cuore. Chiudete il suo abbonamento."_s
            << u"it"_s;
        QTest::newRow("en late husband frightened")
            << u"My late husband's son says the money in his account is his and I am frightened of doing "
               "something wrong. I am 83. Please ring me."_s
            << u"en"_s;
    }
    void griefAndIllnessAreVulnerableNotCrisis()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(reason::kVulnerable), qPrintable(a.reason()));
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void theSameWordsWithRiskStillAreACrisis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en own funeral")
            << u"Since my dad died I've been planning my own funeral. I can't go on."_s << u"en"_s;
        QTest::newRow("en pills after her death")
            << u"After her death I just want to be with her. I have the pills ready tonight."_s << u"en"_s;
        QTest::newRow("fi elämää") << u"En jaksa tätä elämää enää, kaikille olisi helpompaa ilman minua."_s
                                   << u"fi"_s;
    }
    void theSameWordsWithRiskStillAreACrisis()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
    }

    void ordinaryMessagesNeedNoPerson_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::newRow("en colleague's mother")
            << u"I sent a wreath for my coworker's mother's funeral through "
               "your shop. Could I get a VAT invoice for it?"_s
            << u"en"_s;
        QTest::newRow("de Nachbar")
            << u"Das Trauergesteck für die Beerdigung unseres Nachbarn kam pünktlich. "
               "Bitte schicken Sie mir die Rechnung."_s
            << u"de"_s;
        QTest::newRow("nl testament") << u"We laten ons testament opmaken bij de notaris. Wat gebeurt er met "
                                         "mijn Lumen-saldo als ik overlijd?"_s
                                      << u"nl"_s;
        QTest::newRow("en fraud done")
            << u"Thanks for helping me with the scam last spring, the police caught "
               "the man. Now: how do I add my new card to the app?"_s
            << u"en"_s;
        QTest::newRow("fi rumba") << u"Nyt tuli väärä koko kolmannen kerran. En jaksa tätä säätöä enää, "
                                     "vaihtakaa oikeaan kokoon."_s
                                  << u"fi"_s;
    }
    void ordinaryMessagesNeedNoPerson()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        const auto a = assessText(text, language);
        QVERIFY2(!a.has(reason::kCrisis) && !a.has(reason::kVulnerable) && !a.has(reason::kFraud),
                 qPrintable(a.reason()));
    }

    void quieterReasonsAreHeard_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::newRow("fr humain")
            << u"Je voudrais être conseillée par un humain, pas par un programme, pour "
               "ma facture."_s
            << u"fr"_s << reason::kPolicy.toString();
        QTest::newRow("nl mens") << u"Ik wil graag geholpen worden door een mens en niet door een computer."_s
                                 << u"nl"_s << reason::kPolicy.toString();
        QTest::newRow("es hace días")
            << u"Hace diez días me prometieron que el reembolso llegaba en 48 horas "
               "y sigo esperando."_s
            << u"es"_s << reason::kRepeatContact.toString();
        QTest::newRow("it lanciare") << u"Da stamattina l'app mi butta fuori ogni due minuti, giuro che sto "
                                        "per lanciare il telefono contro il muro."_s
                                     << u"it"_s << reason::kNegativeSentiment.toString();
    }
    void quieterReasonsAreHeard()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, code);
        const auto a = assessText(text, language);
        QVERIFY2(a.has(code), qPrintable(a.reason()));
    }
};

QTEST_GUILESS_MAIN(GriefsAndQuieterReasonsTest)
#include "tst_griefs_and_quieter_reasons.moc"
