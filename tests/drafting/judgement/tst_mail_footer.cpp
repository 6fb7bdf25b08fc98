// What a mail system appends (confidentiality notices, register and contact lines) is cut from
// what the judgement reads, and a customer's own words that look like it are not (ADR 0015).
#include "AssessText.h"

#include "server/drafting/MailFooter.h"

#include "core/ReasonCodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::server::text::withoutMailFooter;

class MailFooterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void footersAreCut_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("own");
        QTest::newRow("en notice and phone")
            << u"Hello,\n\nCan I change the size on order 12093?\n\nRegards,\nPriya Shah\nM: +44 7700 "
               u"900123\n\n"
               "This message is confidential and intended only for the named recipient. If you received it "
               "in error, please delete it and notify the sender."_s
            << u"Hello,\n\nCan I change the size on order 12093?\n\nRegards,\nPriya Shah"_s;
        QTest::newRow("de register line and notice")
            << u"Guten Tag,\n\nwann wird Bestellung 40311 geliefert?\n\nViele Grüße\nJonas Weber\n"
               "Weber Elektro GmbH | Sitz der Gesellschaft: Ulm | HRB 12345\n\n"
               "Diese Nachricht ist vertraulich. Sollten Sie sie irrtümlich erhalten haben, löschen Sie "
               "sie bitte."_s
            << u"Guten Tag,\n\nwann wird Bestellung 40311 geliefert?\n\nViele Grüße\nJonas Weber"_s;
        QTest::newRow("it privacy notice, one line")
            << u"Buongiorno,\nposso avere la fattura dell'ordine 71820?\nGrazie, Sara\nQuesto messaggio è "
               "riservato e destinato unicamente al destinatario; trattamento dei dati personali ai sensi "
               "del GDPR."_s
            << u"Buongiorno,\nposso avere la fattura dell'ordine 71820?\nGrazie, Sara"_s;
        QTest::newRow("es heading")
            << u"Hola:\n\n¿Me enviáis la factura del pedido 66012?\n\nCONFIDENCIALIDAD: este correo es "
               "confidencial; si lo ha recibido por error, elimínelo."_s
            << u"Hola:\n\n¿Me enviáis la factura del pedido 66012?"_s;
    }
    void footersAreCut()
    {
        QFETCH(QString, body);
        QFETCH(QString, own);
        QCOMPARE(withoutMailFooter(body), own);
    }

    void theCustomersOwnWordsStay_data()
    {
        QTest::addColumn<QString>("body");
        QTest::newRow("a data request naming recipients and the law")
            << u"Hallo,\n\nbitte schickt mir nach Art. 15 DSGVO alle Daten zu meiner Person, mit "
               "Empfängern, und löscht danach mein Konto.\n\nGruß"_s;
        QTest::newRow("a VAT number asked about in a sentence")
            << u"Hi,\n\nthe invoice for order 20017 is missing our VAT number, could you add it?\n\nThanks"_s;
        QTest::newRow("a business ID given in a request")
            << u"Arvoisa asiakaspalvelu,\n\nRakennus Koskinen Oy pyytää koontilaskua tilauksista 47702, "
               u"47718 "
               "ja 47735. Laskulle tulee merkitä Y-tunnus 2345678-9 ja viitteeksi työmaa \"Kalevankatu "
               "12\".\n\nYstävällisin terveisin\nMinna Koskinen"_s;
        QTest::newRow("an order number alone") << u"Where is it?\n41977"_s;
        QTest::newRow("one line")
            << u"This is confidential: please delete my card, I received it in error."_s;
    }
    void theCustomersOwnWordsStay()
    {
        QFETCH(QString, body);
        QCOMPARE(withoutMailFooter(body), body);
    }

    void aFooterRaisesNoCode()
    {
        // The same notice that says "GDPR" and a register court raises no legal code, and a phone
        // number ending in an emergency number is no emergency.
        const QString body =
            u"Hello,\n\nMy husband passed away in March; can his subscription be cancelled?\n\nKind "
            u"regards,\n"
            "Ann Doyle\n01392 447 118\n\nThis e-mail is confidential and intended solely for the "
            "addressee. Personal data is processed under the GDPR.\nAmtsgericht Köln HRB 99812"_s;
        const auto a = test::assessText(withoutMailFooter(body));
        QVERIFY2(!a.has(reason::kLegal), qPrintable(a.reason()));
        QVERIFY2(!a.has(reason::kCrisis), qPrintable(a.reason()));
        QVERIFY2(a.has(reason::kVulnerable), qPrintable(a.reason()));
        // Written by the customer, the same law is a request.
        QVERIFY(test::assessText(u"Under article 17 GDPR I request the erasure of all my personal data."_s)
                    .has(reason::kLegal));
    }
};

QTEST_GUILESS_MAIN(MailFooterTest)
#include "tst_mail_footer.moc"
