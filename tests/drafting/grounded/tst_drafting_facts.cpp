// Facts with roles and claims that are not ours: the role of an amount or date in the customer's
// text and in a template slot (10 languages), role-aware slot filling, claimed actions found and
// stripped from past replies, and the flags for unverified facts, claimed actions and promises
// outside approved wording.
#include "server/drafting/ApprovedWording.h"
#include "server/drafting/ClaimedActions.h"
#include "server/drafting/FactRoles.h"
#include "server/drafting/RiskFlagger.h"
#include "server/drafting/SlotFiller.h"
#include "server/drafting/TextUtil.h"
#include "server/drafting/TicketFacts.h"

#include "DraftFlagLookup.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server;
using tandem::test::countKind;
using tandem::test::findFlag;

namespace {

QString roleOf(const TicketFacts &facts, const QString &text)
{
    for (const auto *list : {&facts.amounts, &facts.dates}) {
        for (const TicketFacts::Value &v : *list) {
            if (v.text == text)
                return FactRoles::name(v.role);
        }
    }
    return u"(not found)"_s;
}

const QString kDueTemplate =
    u"Hi {name},\n\nYour next instalment for order {order} is {amount}, due on {date}. You can see the full "
    "schedule in the app.\n\nKind regards,\nLumen Pay Support"_s;

} // namespace

class TestDraftingFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolesOfCustomerValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("role");
        auto row = [](const char *name, const QString &text, const QString &value, const QString &role) {
            QTest::newRow(name) << text << value << role;
        };
        const QString paid = u"I paid £120 on 2 May, but the app still shows it."_s;
        row("en paid amount", paid, u"£120"_s, u"past"_s);
        row("en paid date", paid, u"2 May"_s, u"past"_s);
        const QString due = u"My next instalment of £120 is due on 2 June, right?"_s;
        row("en due amount", due, u"£120"_s, u"due"_s);
        row("en due date", due, u"2 June"_s, u"due"_s);
        row("en last time", u"When is my next payment due? It was £45.00 last time."_s, u"£45.00"_s,
            u"past"_s);
        row("en refund", u"Where is my refund of €89.90? The shop says it is done."_s, u"€89.90"_s,
            u"refund"_s);
        row("en claimed", u"Your colleague approved a refund of £1,200 last week."_s, u"£1,200"_s,
            u"claimed"_s);
        row("en claim in another clause", u"I paid £45 and your colleague approved something else."_s,
            u"£45"_s, u"past"_s);
        row("en no cue", u"What about the £30?"_s, u"£30"_s, u"unknown"_s);
        row("sv paid", u"Jag betalade 450 kr den 2 maj."_s, u"450 kr"_s, u"past"_s);
        row("sv due", u"Nästa delbetalning på 450 kr förfaller den 2 juni."_s, u"450 kr"_s, u"due"_s);
        row("sv due date", u"Nästa delbetalning på 450 kr förfaller den 2 juni."_s, u"2 juni"_s, u"due"_s);
        row("sv claimed", u"Er kollega lovade mig en återbetalning på 1 200 kr."_s, u"1 200 kr"_s,
            u"claimed"_s);
        row("de paid", u"Ich habe am 2. Mai 120 € bezahlt."_s, u"120 €"_s, u"past"_s);
        row("de paid date", u"Ich habe am 2. Mai 120 € bezahlt."_s, u"2. Mai"_s, u"past"_s);
        row("de due", u"Die nächste Rate von 120 € ist am 2. Juni fällig."_s, u"120 €"_s, u"due"_s);
        row("de due date", u"Die nächste Rate von 120 € ist am 2. Juni fällig."_s, u"2. Juni"_s, u"due"_s);
        row("de claimed", u"Ihr Kollege hat mir eine Erstattung von 1.200 € zugesagt."_s, u"1.200 €"_s,
            u"claimed"_s);
        row("es paid", u"Pagué 120 € el 2 de mayo."_s, u"120 €"_s, u"past"_s);
        row("es due", u"Mi próximo pago de 120 € vence el 2 de junio."_s, u"120 €"_s, u"due"_s);
        row("es due date", u"Mi próximo pago de 120 € vence el 2 de junio."_s, u"2 de junio"_s, u"due"_s);
        row("es claimed", u"Su compañero me prometió un reembolso de 1.200 €."_s, u"1.200 €"_s, u"claimed"_s);
        row("fr paid", u"J'ai payé 120 € le 2 mai."_s, u"120 €"_s, u"past"_s);
        row("fr due", u"Ma prochaine échéance de 120 € est due le 2 juin."_s, u"120 €"_s, u"due"_s);
        row("fr due date", u"Ma prochaine échéance de 120 € est due le 2 juin."_s, u"2 juin"_s, u"due"_s);
        row("fr future debit", u"Le montant de 120 € sera prélevé demain."_s, u"120 €"_s, u"due"_s);
        row("nl paid", u"Ik heb op 2 mei 120 € betaald."_s, u"120 €"_s, u"past"_s);
        row("nl paid date", u"Ik heb op 2 mei 120 € betaald."_s, u"2 mei"_s, u"past"_s);
        row("nl due", u"Mijn volgende termijn van 120 € vervalt op 2 juni."_s, u"120 €"_s, u"due"_s);
        row("nl due date", u"Mijn volgende termijn van 120 € vervalt op 2 juni."_s, u"2 juni"_s, u"due"_s);
        row("fi paid", u"Maksoin 120 € 2. toukokuuta."_s, u"120 €"_s, u"past"_s);
        row("fi due", u"Seuraava erä 120 € erääntyy 2. kesäkuuta."_s, u"120 €"_s, u"due"_s);
        row("fi due date", u"Seuraava erä 120 € erääntyy 2. kesäkuuta."_s, u"2. kesäkuuta"_s, u"due"_s);
        row("pl paid", u"Zapłaciłem 120 zł 2 maja."_s, u"120 zł"_s, u"past"_s);
        row("pl due", u"Następna rata 120 zł jest płatna do 2 czerwca."_s, u"120 zł"_s, u"due"_s);
        row("pl due date", u"Następna rata 120 zł jest płatna do 2 czerwca."_s, u"2 czerwca"_s, u"due"_s);
        row("it paid", u"Ho pagato 120 € il 2 maggio."_s, u"120 €"_s, u"past"_s);
        row("it due", u"La prossima rata di 120 € scade il 2 giugno."_s, u"120 €"_s, u"due"_s);
        row("it due date", u"La prossima rata di 120 € scade il 2 giugno."_s, u"2 giugno"_s, u"due"_s);
        row("pt paid", u"Paguei 120 € em 2 de maio."_s, u"120 €"_s, u"past"_s);
        row("pt due", u"A próxima prestação de 120 € vence em 2 de junho."_s, u"120 €"_s, u"due"_s);
        row("pt due date", u"A próxima prestação de 120 € vence em 2 de junho."_s, u"2 de junho"_s, u"due"_s);
    }

    void rolesOfCustomerValues()
    {
        QFETCH(QString, text);
        QFETCH(QString, value);
        QFETCH(QString, role);
        QCOMPARE(roleOf(TicketFacts::extract(text, {}), value), role);
    }

    void rolesOfTemplateSlots()
    {
        auto rolesIn = [](const QString &t) {
            QStringList out;
            const QList<SlotFiller::Slot> all = SlotFiller::templateSlots(t);
            for (const SlotFiller::Slot &s : all) {
                if (s.canonical == u"amount" || s.canonical == u"date")
                    out.append(s.canonical + u'=' + FactRoles::name(s.role));
            }
            return out;
        };
        QCOMPARE(rolesIn(kDueTemplate), (QStringList{u"amount=due"_s, u"date=due"_s}));
        QCOMPARE(rolesIn(u"If {merchant} has confirmed the refund of {amount} but it does not show"_s),
                 QStringList{u"amount=refund"_s});
        QCOMPARE(
            rolesIn(u"If we confirm you've been charged twice, the duplicate of {amount} will be returned "
                    "to your original payment method."_s),
            QStringList{u"amount=past"_s});
        QCOMPARE(rolesIn(u"I'm sorry your instalment of {amount} for order {order} didn't go through."_s),
                 QStringList{u"amount=unknown"_s});
        QCOMPARE(rolesIn(u"You can pay the full remaining balance, which is currently {amount}."_s),
                 QStringList{u"amount=due"_s});
        QCOMPARE(rolesIn(u"Vielen Dank. Ihre nächste Rate von {amount} ist am {date} fällig."_s),
                 (QStringList{u"amount=due"_s, u"date=due"_s}));
        QCOMPARE(rolesIn(u"Vous avez payé {amount} le {date}."_s),
                 (QStringList{u"amount=past"_s, u"date=past"_s}));
        // The label speaks for itself; a claim in a template is never a slot role.
        QCOMPARE(rolesIn(u"Pay {{Amount Due}} by {{Due Date}}. Refunded: {{Refund Amount}}."_s),
                 (QStringList{u"amount=due"_s, u"date=due"_s, u"amount=refund"_s}));
        QCOMPARE(rolesIn(u"We approved {amount} for you."_s), QStringList{u"amount=unknown"_s});
    }

    void pastPaymentIsNotRestatedAsTheNextInstalment()
    {
        const TicketFacts facts = TicketFacts::extract(
            u"Hi, I paid £120 on 2 May for order LP-4417902 but the app still shows it as unpaid?"_s,
            u"Olivia Bennett"_s);
        const SlotFiller filler(facts, {});
        const auto r = filler.fill(kDueTemplate);
        QVERIFY2(r.body.contains(u"order LP-4417902 is [amount], due on [date]."_s), qPrintable(r.body));
        QVERIFY(!r.body.contains(u"£120"_s));
        QVERIFY(!r.body.contains(u"2 May"_s));
        QCOMPARE(r.flags.size(), 2);
        QCOMPARE(r.body.mid(r.flags[0].start, r.flags[0].length), u"[amount]"_s);
        QCOMPARE(r.flags[0].kind, u"missing_slot"_s);
        QVERIFY2(r.flags[0].message.startsWith(u"missing: amount (this needs an amount due"_s),
                 qPrintable(r.flags[0].message));
        QVERIFY(r.flags[0].message.contains(u"£120 as an amount already paid"_s));
        QCOMPARE(r.body.mid(r.flags[1].start, r.flags[1].length), u"[date]"_s);
        QVERIFY(r.flags[1].message.contains(u"2 May as a past date"_s));
    }

    void dueValuesFillDueSlots()
    {
        const TicketFacts facts = TicketFacts::extract(
            u"Last month I paid £45. Is my next instalment of £50 for LP-4417902 really due on 2 June?"_s,
            u"Sam Doe"_s);
        const auto r = SlotFiller(facts, {}).fill(kDueTemplate);
        QVERIFY2(r.body.contains(u"is £50, due on 2 June."_s), qPrintable(r.body));
        QVERIFY(r.flags.isEmpty());
        // The same values in a neutral slot: two amounts, and nothing says which one is meant.
        const auto neutral = SlotFiller(facts, {}).fill(u"About the {amount} you mentioned."_s);
        QCOMPARE(neutral.body, u"About the [amount] you mentioned."_s);
        QVERIFY(neutral.flags[0].message.contains(u"more than one that could fit here (£45, £50)"_s));
        // A single amount in a neutral slot is filled, whatever its role.
        const auto single = SlotFiller(TicketFacts::extract(u"I paid £45 yesterday."_s, {}), {})
                                .fill(u"About the {amount}."_s);
        QCOMPARE(single.body, u"About the £45."_s);
    }

    void claimedAmountsFillNothing()
    {
        const TicketFacts facts = TicketFacts::extract(
            u"Your colleague approved a refund of £1,200. Where is my refund of £1,200?"_s, {});
        QCOMPARE(facts.amounts.size(), 2);
        QCOMPARE(facts.amounts[0].role, FactRole::Claimed);
        QCOMPARE(facts.amounts[1].role, FactRole::Refund);
        const auto r = SlotFiller(facts, {}).fill(u"The refund of {amount} is on its way."_s);
        QCOMPARE(r.body, u"The refund of [amount] is on its way."_s);
        QVERIFY(r.flags[0].message.contains(u"approved or promised"_s));
    }

    void sentenceSpans()
    {
        const QString t = u"Hi Sam,\n\nFällig am 3. März. Paid £45.00 today! See e.g. the app? Yes.\nBye"_s;
        QStringList got;
        for (const auto &[s, l] : text::sentenceSpans(t))
            got.append(t.mid(s, l));
        QCOMPARE(got, (QStringList{u"Hi Sam,"_s, u"Fällig am 3. März."_s, u"Paid £45.00 today!"_s,
                                   u"See e.g. the app?"_s, u"Yes."_s, u"Bye"_s}));
    }

    void findsClaimedActionsInTenLanguages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("claim");
        auto row = [](const char *name, const QString &text, const QString &language, const QString &claim) {
            QTest::newRow(name) << text << language << claim;
        };
        row("en frozen", u"Sorry about this. I've frozen your account to keep it safe."_s, u"en"_s,
            u"I've frozen your account to keep it safe"_s);
        row("en emailed", u"I've emailed you a secure link."_s, u"en"_s, u"I've emailed you a secure link"_s);
        row("en forwarded", u"I've forwarded it today."_s, u"en"_s, u"I've forwarded it today"_s);
        row("en have refunded", u"I have refunded the full amount."_s, u"en"_s,
            u"I have refunded the full amount"_s);
        row("en we have", u"We have now cancelled the order, as asked."_s, u"en"_s,
            u"We have now cancelled the order"_s);
        row("en simple past", u"We cancelled your plan yesterday."_s, u"en"_s,
            u"We cancelled your plan yesterday"_s);
        row("en passive", u"Your refund has been processed."_s, u"en"_s, u"has been processed"_s);
        row("en passive contraction", u"Good news: it's been refunded."_s, u"en"_s, u"'s been refunded"_s);
        row("sv perfect", u"Jag har spärrat ditt kort."_s, u"sv"_s, u"Jag har spärrat ditt kort"_s);
        row("sv perfect we", u"Vi har återbetalat beloppet."_s, u"sv"_s, u"Vi har återbetalat beloppet"_s);
        row("sv passive", u"Beloppet har återbetalats."_s, u"sv"_s, u"har återbetalats"_s);
        row("de perfect", u"Wir haben Ihr Konto gesperrt."_s, u"de"_s, u"Wir haben Ihr Konto gesperrt"_s);
        row("de perfect inverted", u"Heute habe ich Ihnen den Link geschickt."_s, u"de"_s,
            u"habe ich Ihnen den Link geschickt"_s);
        row("de passive", u"Ihr Konto wurde gesperrt."_s, u"de"_s, u"wurde gesperrt"_s);
        row("es perfect", u"Le hemos enviado un enlace."_s, u"es"_s, u"Le hemos enviado un enlace"_s);
        row("es perfect 1sg", u"He cancelado el pedido."_s, u"es"_s, u"He cancelado el pedido"_s);
        row("es passive", u"Su cuenta ha sido bloqueada."_s, u"es"_s, u"ha sido bloqueada"_s);
        row("fr perfect", u"Je vous ai envoyé un lien."_s, u"fr"_s, u"Je vous ai envoyé un lien"_s);
        row("fr perfect we", u"Nous avons remboursé la commande."_s, u"fr"_s,
            u"Nous avons remboursé la commande"_s);
        row("fr passive", u"Votre compte a été bloqué."_s, u"fr"_s, u"a été bloqué"_s);
        row("nl perfect", u"We hebben uw account geblokkeerd."_s, u"nl"_s,
            u"We hebben uw account geblokkeerd"_s);
        row("nl perfect 1sg", u"Ik heb de link doorgestuurd."_s, u"nl"_s, u"Ik heb de link doorgestuurd"_s);
        row("nl passive", u"Het bedrag is terugbetaald."_s, u"nl"_s, u"is terugbetaald"_s);
        row("fi perfect", u"Olemme jäädyttäneet tilisi."_s, u"fi"_s, u"Olemme jäädyttäneet tilisi"_s);
        row("fi past", u"Lähetin sinulle linkin."_s, u"fi"_s, u"Lähetin sinulle linkin"_s);
        row("fi passive", u"Tilisi on jäädytetty."_s, u"fi"_s, u"on jäädytetty"_s);
        row("pl past", u"Zablokowaliśmy Pana konto."_s, u"pl"_s, u"Zablokowaliśmy Pana konto"_s);
        row("pl past 1sg", u"Wysłałem link."_s, u"pl"_s, u"Wysłałem link"_s);
        row("pl passive", u"Zamówienie zostało anulowane."_s, u"pl"_s, u"zostało anulowane"_s);
        row("it perfect", u"Abbiamo rimborsato l'ordine."_s, u"it"_s, u"Abbiamo rimborsato l'ordine"_s);
        row("it perfect clitic", u"Le ho inviato un link."_s, u"it"_s, u"Le ho inviato un link"_s);
        row("it passive", u"Il conto è stato bloccato."_s, u"it"_s, u"è stato bloccato"_s);
        row("pt past", u"Cancelei a encomenda."_s, u"pt"_s, u"Cancelei a encomenda"_s);
        row("pt past we", u"Enviámos-lhe um link."_s, u"pt"_s, u"Enviámos-lhe um link"_s);
        row("pt passive", u"A sua conta foi bloqueada."_s, u"pt"_s, u"foi bloqueada"_s);
    }

    void findsClaimedActionsInTenLanguages()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, claim);
        for (const QString &lang : {language, QString()}) {
            const QList<ClaimedActions::Span> found = ClaimedActions::find(text, lang);
            QCOMPARE(found.size(), 1);
            QCOMPARE(text.mid(found[0].start, found[0].length), claim);
        }
    }

    void conditionsPromisesAndOthersAreNotClaims_data()
    {
        QTest::addColumn<QString>("text");
        const QStringList texts{
            u"Once we've confirmed your identity, we'll send you a secure download link within one month."_s,
            u"If we confirm you've been charged twice, the duplicate will be returned to you."_s,
            u"We will refund you in full."_s,
            u"You've already paid this instalment."_s,
            u"Thanks, we've received your message."_s,
            u"We need a copy of your ID, and I hope this helps."_s,
            u"Wir haben Ihre Nachricht erhalten."_s,
            u"Sobald wir Ihre Unterlagen geprüft haben, melden wir uns."_s,
            u"Vi har tyvärr inte fått något svar från butiken."_s,
            u"Nous avons besoin d'une copie de votre pièce d'identité."_s,
            u"Abbiamo bisogno di una copia del documento."_s,
            u"Una vez que hayamos recibido el pedido, le avisaremos."_s,
            u"Your refund is on its way and your plan will be updated."_s};
        for (const QString &t : texts)
            QTest::newRow(qPrintable(t.left(40))) << t;
    }

    void conditionsPromisesAndOthersAreNotClaims()
    {
        QFETCH(QString, text);
        const auto found = ClaimedActions::find(text);
        QVERIFY2(found.isEmpty(), qPrintable(text.mid(found.value(0).start, found.value(0).length)));
    }

    void stripsClaimsFromPastReplies()
    {
        const auto r = ClaimedActions::strip(
            u"Hi {name},\n\nI've frozen your account to keep it safe. Please change your password in the app "
            "under Profile > Security.\n\nKind regards,\nLumen Pay Support"_s,
            u"en"_s);
        QCOMPARE(r.text, u"Hi {name},\n\nPlease change your password in the app under Profile > Security.\n\n"
                         "Kind regards,\nLumen Pay Support"_s);
        QCOMPARE(r.removed, QStringList{u"I've frozen your account to keep it safe."_s});
        QVERIFY(r.kept.isEmpty());

        // A whole paragraph goes, with one paragraph break left.
        const auto paragraph =
            ClaimedActions::strip(u"Hi {name},\n\nThanks for your message.\n\nI've emailed you a secure "
                                  u"link.\n\nYou can reset your "
                                  "password from the login screen at any time.\n\nKind regards"_s);
        QCOMPARE(paragraph.text,
                 u"Hi {name},\n\nThanks for your message.\n\nYou can reset your password from "
                 "the login screen at any time.\n\nKind regards"_s);

        // Only the ";" clause that claims.
        const auto clause = ClaimedActions::strip(
            u"Hi {name},\n\nParcels held in customs for {order} are released once {merchant} sends the "
            u"customs "
            "invoice; we have asked them to do so. Your plan is paused meanwhile.\n\nKind regards"_s);
        QCOMPARE(clause.text,
                 u"Hi {name},\n\nParcels held in customs for {order} are released once {merchant} "
                 "sends the customs invoice. Your plan is paused meanwhile.\n\nKind regards"_s);
        QCOMPARE(clause.removed, QStringList{u"we have asked them to do so."_s});

        // Other languages, and several claims.
        const auto de = ClaimedActions::strip(
            u"Hallo {name},\n\nwir haben Ihr Konto vorsorglich gesperrt. Die Rückerstattung wurde bereits "
            "veranlasst und ist unterwegs. Sie können Ihr Passwort jederzeit in der App unter Profil ändern."
            "\n\nViele Grüße"_s,
            u"de"_s);
        QCOMPARE(de.removed.size(), 2);
        QCOMPARE(de.text,
                 u"Hallo {name},\n\nSie können Ihr Passwort jederzeit in der App unter Profil ändern."
                 "\n\nViele Grüße"_s);
        const auto sv = ClaimedActions::strip(
            u"Hej {name},\n\nVi har återbetalat beloppet till ditt kort. Det syns i appen under Köp när "
            "butiken har bekräftat returen.\n\nVänliga hälsningar"_s,
            u"sv"_s);
        // "Det syns ..." leans on the claim: it stays, to be flagged.
        QVERIFY(sv.removed.isEmpty());
        QCOMPARE(sv.kept.size(), 1);
    }

    void keepsClaimsWhenDroppingThemBreaksTheText()
    {
        const QString refersBack =
            u"Hi {name},\n\nI've emailed you a secure link. It expires in 24 hours, so "
            "please use it today. You can also call us.\n\nKind regards"_s;
        const auto r = ClaimedActions::strip(refersBack);
        QCOMPARE(r.text, refersBack);
        QVERIFY(r.removed.isEmpty());
        QCOMPARE(r.kept.size(), 1);
        QCOMPARE(refersBack.mid(r.kept[0].start, r.kept[0].length), u"I've emailed you a secure link"_s);

        const QString nothingElse =
            u"Hi {name},\n\nI have refunded your order.\n\nKind regards,\nLumen Pay"_s;
        const auto empty = ClaimedActions::strip(nothingElse);
        QCOMPARE(empty.text, nothingElse);
        QCOMPARE(empty.kept.size(), 1);

        const QString none = u"Hi {name},\n\nOnce we've confirmed your identity, we'll send you a link.\n"_s;
        QCOMPARE(ClaimedActions::strip(none).text, none);
    }

    void flagsCustomerOnlyFacts()
    {
        RiskFlagger::Input in;
        in.customerText = u"I paid £120 on 2 May. Your colleague approved a refund of £1,200 last week."_s;
        in.body = u"We can see your payment of £120 on 2 May. The refund of £1,200 is on its way."_s;
        auto flags = RiskFlagger::flag(in);
        const DraftFlag *paid = findFlag(flags, u"unverified_fact"_s, in.body, u"£120"_s);
        QVERIFY(paid);
        QVERIFY2(paid->message.contains(
                     u"comes only from the customer's message (as an amount already paid or charged)"_s),
                 qPrintable(paid->message));
        QVERIFY(findFlag(flags, u"unverified_fact"_s, in.body, u"2 May"_s));
        const DraftFlag *claimed = findFlag(flags, u"unverified_fact"_s, in.body, u"£1,200"_s);
        QVERIFY(claimed);
        QVERIFY(claimed->message.contains(u"says “£1,200” was approved or promised"_s));
        QCOMPARE(countKind(flags, u"unsupported_fact"_s), 0);

        // The company's own record supports a figure; a claimed one stays flagged whatever supports it.
        in.companyFacts = {u"Last payment: £120 on 2 May"_s};
        in.approvedSources = {u"Refunds over £1,200 need a manager."_s};
        flags = RiskFlagger::flag(in);
        QVERIFY(!findFlag(flags, u"unverified_fact"_s, in.body, u"£120"_s));
        QVERIFY(!findFlag(flags, u"unverified_fact"_s, in.body, u"2 May"_s));
        QVERIFY(findFlag(flags, u"unverified_fact"_s, in.body, u"£1,200"_s));
    }

    void flagsClaimsAndPromisesOutsideApprovedWording()
    {
        const QString kb =
            u"Hi {name},\n\nThank you for telling us straight away. I've referred the purchase of {amount} "
            u"at "
            "{merchant} to our fraud team, and a specialist will review it within 1 business day.\n\nKind "
            "regards,\nLumen Pay Support"_s;
        RiskFlagger::Input in;
        in.customerText = u"There is a purchase of £89.99 at Pixelhaven I did not make!"_s;
        in.approvedSources = {kb};
        in.body =
            u"Hi Sam,\n\nThank you for telling us straight away. I've referred the purchase of £89.99 at "
            "Pixelhaven to our fraud team, and a specialist will review it within 1 business day.\n\n"
            "Kind regards,\nLumen Pay Support"_s;
        auto flags = RiskFlagger::flag(in);
        QCOMPARE(countKind(flags, u"promise"_s), 0);
        QCOMPARE(countKind(flags, u"claimed_action"_s), 0);
        QCOMPARE(ApprovedWording(in.approvedSources).covers(in.body, int(in.body.indexOf(u"within"_s)), 6),
                 true);

        // The same words with a gap still match; reworded, invented or from a past reply they do not.
        in.body.replace(u"£89.99"_s, u"[amount]"_s);
        QCOMPARE(countKind(RiskFlagger::flag(in), u"promise"_s), 0);
        in.body =
            u"Hi Sam,\n\nI've frozen your card and a specialist will review it within 1 business day. We "
            "will refund you in full.\n\nKind regards,\nLumen Pay Support"_s;
        flags = RiskFlagger::flag(in);
        QVERIFY(findFlag(flags, u"claimed_action"_s, in.body,
                         u"I've frozen your card and a specialist will "
                         "review it within 1 business day"_s));
        QVERIFY(findFlag(flags, u"promise"_s, in.body, u"within 1 business day"_s));
        QVERIFY(findFlag(flags, u"promise"_s, in.body, u"will refund"_s));
        // A slot cannot swallow the sentence around it.
        const ApprovedWording slotOnly({u"{merchant} handles shipping for every order."_s});
        const QString body =
            u"We will refund you within 3 days and Pixelhaven handles shipping for every order."_s;
        QVERIFY(!slotOnly.covers(body, int(body.indexOf(u"within"_s)), 13));
    }

    // A sentence repeated verbatim is found without its pattern; written differently (case,
    // spacing, a contraction spelled out) the pattern still finds it; neither covers more.
    void approvedWordingFoundVerbatimOrVaried()
    {
        const QString kb =
            u"We will send the replacement within 5 business days. You don't need to do anything."_s;
        const ApprovedWording approved({kb});
        const QString verbatim = u"Hi Sam,\n\n"_s + kb + u"\n\nKind regards"_s;
        QVERIFY(approved.covers(verbatim, int(verbatim.indexOf(u"within"_s)), 6));
        QVERIFY(approved.covers(verbatim, int(verbatim.indexOf(u"We will"_s)), 7));
        QVERIFY(!approved.covers(verbatim, int(verbatim.indexOf(u"Kind"_s)), 4));
        // Twice in one draft: both places are covered.
        const QString twice = kb + u" "_s + kb;
        QVERIFY(approved.covers(twice, int(twice.lastIndexOf(u"within"_s)), 6));
        const QString varied =
            u"we  will send the replacement\nwithin 5 business days. You do not need to do anything."_s;
        QVERIFY(approved.covers(varied, int(varied.indexOf(u"within"_s)), 6));
        QVERIFY(approved.covers(varied, int(varied.indexOf(u"do not"_s)), 6));
        const QString changed = u"We will send the replacement within 2 business days."_s;
        QVERIFY(!approved.covers(changed, int(changed.indexOf(u"within"_s)), 6));
    }

    // Matching reads words, not a pattern: a slot is one to four words on one line, the words
    // around it must follow; either apostrophe, any case, a contraction either way round; the
    // span found is the draft's own, whatever spelling it has.
    void approvedWordingSlotsAndSpellings()
    {
        const ApprovedWording approved({u"Your order {order} from {merchant} will arrive within 3 days. "
                                        u"I have asked them to call you."_s});
        const auto covered = [&approved](const QString &body, const QString &phrase) {
            return approved.covers(body, int(body.indexOf(phrase)), int(phrase.size()));
        };
        const QString one = u"Hi! Your order 41234 from Atelier Brume will arrive within 3 days."_s;
        QVERIFY(covered(one, u"within 3 days"_s));
        QVERIFY(covered(one, u"Atelier Brume"_s));
        QVERIFY(!covered(one, u"Hi!"_s));
        const QString gap = u"YOUR ORDER [order number] from Pixelhaven will arrive within 3 days."_s;
        QVERIFY(covered(gap, u"within 3 days"_s));
        // Five words are no value, nor is a value broken over two lines.
        const QString five = u"Your order 41234 from a shop we never heard of will arrive within 3 days."_s;
        QVERIFY(!covered(five, u"within 3 days"_s));
        const QString broken = u"Your order 41234 from Atelier\nBrume will arrive within 3 days."_s;
        QVERIFY(!covered(broken, u"within 3 days"_s));
        // "I've" (either apostrophe) is "I have"; the span ends where the draft's sentence ends.
        const QString contracted = u"I\u2019ve asked them to call you. Anything else?"_s;
        QVERIFY(covered(contracted, u"I\u2019ve asked them to call you."_s));
        QVERIFY(!covered(contracted, u"Anything"_s));
        const QString other = u"I've asked them to email you."_s;
        QVERIFY(!covered(other, u"asked them"_s));
    }

    // A customer's name reaches the greeting cleaned (issue 18): no markup, no bidirectional or
    // zero-width controls, no template braces; a name with no letter left is no name.
    void customerNamesAreCleanedForGreetings_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("first");
        QTest::newRow("tags") << u"<i>Eve</i> <b>Stone</b>"_s << u"Eve Stone"_s << u"Eve"_s;
        QTest::newRow("bidi override") << u"\u202EEve\u202C Adams"_s << u"Eve Adams"_s << u"Eve"_s;
        QTest::newRow("zero width") << u"Jo\u200Bhn\uFEFF Smith"_s << u"John Smith"_s << u"John"_s;
        QTest::newRow("template braces") << u"{name} Lee"_s << u"name Lee"_s << u"name"_s;
        QTest::newRow("newlines") << u"Ana\nMaria"_s << u"Ana Maria"_s << u"Ana"_s;
        QTest::newRow("accents kept") << u"Lucía García"_s << u"Lucía García"_s << u"Lucía"_s;
        QTest::newRow("no letters") << u"<script></script> 123"_s << QString() << QString();
        QTest::newRow("very long") << QString(200, u'a') << QString(60, u'a') << QString(60, u'a');
    }
    void customerNamesAreCleanedForGreetings()
    {
        QFETCH(QString, raw);
        QFETCH(QString, full);
        QFETCH(QString, first);
        const TicketFacts facts = TicketFacts::extract(u"Where is my order?"_s, raw);
        QCOMPARE(facts.fullName, full);
        QCOMPARE(facts.name, first);
        QCOMPARE(text::cleanName(raw), full);
    }
};

QTEST_GUILESS_MAIN(TestDraftingFacts)
#include "tst_drafting_facts.moc"
