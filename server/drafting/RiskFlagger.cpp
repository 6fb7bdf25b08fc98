#include "RiskFlagger.h"

#include "ApprovedWording.h"
#include "ClaimedActions.h"
#include "EntityScanner.h"
#include "LanguageDetector.h"
#include "TicketFacts.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <vector>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

struct PromisePattern
{
    QString category;
    QRegularExpression re;
};

// Commitments, not topics: "your refund is on its way" is information, "we will refund you" is a
// promise. One list per category, all ten demo languages in each.
const std::vector<PromisePattern> &promisePatterns()
{
    static const std::vector<PromisePattern> patterns = [] {
        const auto ci =
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
        const QString w = u"(?:[\\p{L}'’]+\\s+)"_s; // one filler word
        const QList<QPair<QString, QStringList>> raw{
            {u"refund"_s,
             {u"\\b(?:full|complete|partial|100%)\\s+refund\\b"_s,
              u"\\b(?:will|'ll|’ll|shall|going to|have|'ve|’ve)\\s+"_s + w +
                  u"{0,2}(?:refund(?:ed)?|reimburs(?:e|ed))\\b"_s,
              u"\\byou(?:'ll|’ll| will)\\s+"_s + w + u"{0,2}(?:receive|get)\\s+"_s + w + u"{0,3}refund\\b"_s,
              u"\\b(?:your|the) money back\\b"_s,
              u"\\b(?:vi|jag)\\s+"_s + w +
                  u"{0,3}(?:återbetalar|återbetala|betalar tillbaka|betala tillbaka)\\b"_s,
              u"\\bfull återbetalning\\b"_s,
              u"\\bfår\\s+"_s + w + u"{0,2}(?:pengarna|beloppet) tillbaka\\b"_s,
              u"\\b(?:volle|vollständige|komplette)\\s+(?:Rück)?erstattung\\b"_s,
              u"\\b(?:wir|ich)\\s+"_s + w +
                  u"{0,4}(?:zurückerstatten|rückerstatten|erstatten|zurückzahlen)\\b"_s,
              u"\\b(?:erhalten|bekommen) Sie\\s+"_s + w + u"{0,3}(?:Rückerstattung|Geld zurück)\\b"_s,
              u"\\b(?:le |te )?(?:reembolsaremos|devolveremos el (?:dinero|importe)|vamos a reembolsar|"
              "procederemos al reembolso)\\b"_s,
              u"\\breembolso (?:total|completo|íntegro)\\b"_s,
              u"\\brecibirá\\s+"_s + w + u"{0,3}reembolso\\b"_s,
              u"\\b(?:nous (?:vous )?(?:rembourserons|allons (?:vous )?rembourser|procéderons au "
              u"remboursement)|"
              "remboursement (?:intégral|total|complet)|vous serez (?:intégralement )?remboursée?s?)\\b"_s,
              // nl, fi, pl, it, pt
              u"\\b(?:we|wij|ik)\\s+"_s + w + u"{0,3}(?:terugbetalen|terugstorten|vergoeden)\\b"_s,
              u"\\b(?:volledige|gehele)\\s+terugbetaling\\b"_s,
              u"\\bkrijgt u\\s+"_s + w + u"{0,3}(?:terugbetaling|geld terug)\\b"_s,
              u"\\b(?:palautamme|hyvitämme|maksamme takaisin)\\b"_s,
              u"\\b(?:täysi|koko summan)\\s+hyvitys\\b"_s,
              u"\\bsaat\\s+"_s + w + u"{0,2}(?:rahasi|rahat) takaisin\\b"_s,
              u"\\b(?:zwrócimy|zwrócę|oddamy)\\b"_s, u"\\b(?:pełny|całkowity)\\s+zwrot\\b"_s,
              u"\\botrzymają Państwo\\s+"_s + w + u"{0,3}zwrot\\w*"_s,
              u"\\b(?:rimborseremo|rimborserò|restituiremo)\\b"_s,
              u"\\brimborso\\s+(?:totale|completo|integrale)\\b"_s,
              u"\\briceverà\\s+"_s + w + u"{0,3}rimborso\\b"_s,
              u"\\b(?:reembolsaremos|vamos reembolsar|iremos reembolsar|devolveremos|vamos devolver)\\b"_s,
              u"\\breembolso\\s+integral\\b"_s, u"\\breceberá\\s+"_s + w + u"{0,3}reembolso\\b"_s}},
            {u"fee waiver"_s,
             {u"\\b(?:waive|waived|waiving|remove|removed|cancel(?:l?ed)?|reverse|reversed|refund(?:ed)?|drop)\\s+"_s +
                  w + u"{0,3}(?:fee|fees|charge|charges|interest)\\b"_s,
              u"\\b(?:fee|charge)s?\\s+"_s + w +
                  u"{0,2}(?:waived|removed|reversed|cancell?ed|dropped|refunded)\\b"_s,
              u"\\b(?:tar bort|stryker|efterskänker|makulerar|återbetalar)\\s+"_s + w +
                  u"{0,3}\\w*avgift\\w*"_s,
              u"\\b\\w*avgift\\w*\\s+"_s + w + u"{0,3}(?:tas bort|stryks|efterskänks|makuleras)\\b"_s,
              u"\\b(?:Mahn|Säumnis|Verzugs)?gebühr\\w*\\s+"_s + w +
                  u"{0,3}(?:erlassen|storniert|stornieren|erstattet|erstatten|gestrichen|streichen|entfernt)\\b"_s,
              u"\\b(?:erlassen|stornieren|streichen)\\s+"_s + w +
                  u"{0,3}(?:Mahn|Säumnis|Verzugs)?gebühr\\w*"_s,
              u"\\b(?:anular|anulamos|anularemos|eliminar|eliminaremos|retirar|retiraremos|condonar|"
              u"condonaremos|"
              "devolveremos)\\s+"_s +
                  w + u"{0,3}(?:comisi[oó]n\\w*|cargo\\w*|recargo\\w*|penalizaci[oó]n\\w*)"_s,
              u"\\b(?:annul\\w+|supprim\\w+|rembours\\w+|retir\\w+|renon\\w+)\\s+"_s + w +
                  u"{0,4}(?:frais|pénalités?)\\b"_s,
              u"\\bfrais\\s+"_s + w + u"{0,3}(?:annulés|supprimés|remboursés|offerts)\\b"_s,
              u"\\b(?:kosten|boete)\\s+"_s + w +
                  u"{0,3}(?:kwijtgescholden|geschrapt|laten vervallen|teruggedraaid|verwijderd)\\b"_s,
              u"\\b(?:schrappen|verwijderen|kwijtschelden)\\s+"_s + w + u"{0,3}(?:kosten|boete)\\b"_s,
              u"\\b(?:poistamme|perumme|hyvitämme|mitätöimme)\\s+"_s + w + u"{0,3}\\w*maksu\\w*"_s,
              u"\\b\\w*maksu\\w*\\s+"_s + w + u"{0,3}(?:poistetaan|perutaan|hyvitetään|mitätöidään)\\b"_s,
              u"\\b(?:anulujemy|anulowaliśmy|usuniemy|umorzymy|zwrócimy)\\s+"_s + w + u"{0,3}opłat\\w*"_s,
              u"\\bopłat\\w*\\s+"_s + w +
                  u"{0,3}(?:zostanie|zostały|została)\\s+(?:anulowan|usunięt|umorzon)\\w*"_s,
              u"\\b(?:annulleremo|annulliamo|stornere\\w*|rimuover\\w*|rimborsere\\w*)\\s+"_s + w +
                  u"{0,3}(?:commission\\w*|penal\\w*)"_s,
              u"\\b(?:commissione|penale)\\s+"_s + w +
                  u"{0,3}(?:verrà|sarà)\\s+(?:annullat|stornat|rimoss)\\w*"_s,
              u"\\b(?:anular\\w*|retirar\\w*|remover\\w*|perdoar\\w*|estornar\\w*)\\s+"_s + w +
                  u"{0,3}(?:comiss\\w+|penaliza\\w+)"_s,
              u"\\bcomiss(?:ão|ões)\\s+"_s + w + u"{0,3}(?:será|serão)\\s+(?:anulad|retirad|removid)\\w*"_s}},
            {u"deadline"_s,
             {u"\\bwithin\\s+(?:\\d+|one|two|three|a)\\s+(?:[a-z]+\\s+)?(?:hours?|days?|weeks?)\\b"_s,
              u"\\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the end of (?:the )?(?:day|week))\\b"_s,
              u"\\bguarantee[sd]?\\b"_s,
              u"\\binom\\s+(?:\\d+|en|ett|två|tre)\\s+(?:timm\\w*|dag\\w*|bankdag\\w*|arbetsdag\\w*|veck\\w*)"_s,
              u"\\b(?:senast|till) (?:måndag|tisdag|onsdag|torsdag|fredag|imorgon|i morgon)\\b"_s,
              u"\\binnerhalb\\s+(?:von\\s+)?(?:\\d+|einem|einer|zwei|drei)\\s+(?:Stunden?|Tag\\w*|Werktag\\w*"
              u"|"
              "Bankarbeitstag\\w*|Woche\\w*)"_s,
              u"\\bbis (?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|morgen|Ende der Woche)\\b"_s,
              u"\\b(?:en un plazo de|dentro de|en las próximas|en los "
              u"próximos)\\s+(?:\\d+|un|una|dos|tres)\\s+"
              "(?:horas?|días?|semanas?)(?:\\s+hábiles)?"_s,
              u"\\ben (?:\\d+|dos|tres) días hábiles\\b"_s,
              u"\\bantes del? (?:lunes|martes|miércoles|jueves|viernes|mañana)\\b"_s,
              u"\\b(?:sous|dans les|dans un délai "
              u"de|d'ici)\\s+(?:\\d+|un|une|deux|trois)\\s+(?:heures?|jours?|"
              "semaines?)(?:\\s+ouvr(?:é|ab)s?(?:les)?)?"_s,
              u"\\b(?:d'ici|avant) (?:lundi|mardi|mercredi|jeudi|vendredi|demain)\\b"_s,
              u"\\bbinnen\\s+(?:\\d+|een|één|twee|drie)\\s+(?:uur|dag\\w*|werkdag\\w*|week|weken)\\b"_s,
              u"\\b(?:uiterlijk|vóór) (?:maandag|dinsdag|woensdag|donderdag|vrijdag|morgen)\\b"_s,
              u"\\b(?:\\d+|yhden|kahden|kolmen)\\s+(?:tunnin|päivän|arkipäivän|pankkipäivän|viikon)\\s+"
              "(?:kuluessa|sisällä)"_s,
              u"\\b(?:maanantaihin|tiistaihin|keskiviikkoon|torstaihin|perjantaihin|huomiseen)\\s+mennessä"_s,
              u"\\bw ciągu\\s+(?:\\d+|jednego|jednej|dwóch|trzech)\\s+(?:godzin\\w*|dni|dnia|tygodni\\w*)"_s,
              u"\\bdo (?:poniedziałku|wtorku|środy|czwartku|piątku|jutra)\\b"_s,
              u"\\bentro\\s+(?:\\d+|un|una|due|tre)\\s+(?:or[ae]|giorn[oi]|settiman[ae])(?:\\s+lavorativ[oi])?"_s,
              u"\\bentro (?:lunedì|martedì|mercoledì|giovedì|venerdì|domani)\\b"_s,
              u"\\b(?:no prazo de|nas próximas|nos próximos)\\s+(?:\\d+|um|uma|dois|duas|três)\\s+"
              "(?:horas?|dias?|semanas?)(?:\\s+úteis)?"_s,
              u"\\baté (?:segunda|terça|quarta|quinta|sexta|amanhã)\\b"_s,
              u"\\b(?:gegarandeerd|takaamme|gwarantujemy|garantiamo|garantimos)\\b"_s}},
            {u"compensation"_s,
             {u"\\b(?:compensat(?:e|ed|ion)|goodwill (?:gesture|payment|credit)|voucher|gift card|credit "
              u"(?:to )?your "
              "account|account credit|discount code)\\b"_s,
              u"\\b(?:kompensation|kompensera\\w*|ersättning|gottgörelse|presentkort|rabattkod|tillgodohavande)\\b"_s,
              u"\\b(?:Entschädigung|Kompensation|Gutschrift|Gutschein|Kulanz\\w*|entschädigen)\\b"_s,
              u"\\b(?:compensaci[oó]n|compensar\\w*|indemnizaci[oó]n|cupón|código de descuento|abono en su cuenta)\\b"_s,
              u"\\b(?:dédommag\\w+|indemnis\\w+|geste commercial|bon d'achat|code de réduction)\\b"_s,
              u"\\b(?:compensatie|schadevergoeding|tegoed|cadeaubon|kortingscode|waardebon)\\b"_s,
              u"\\b(?:korvaus\\w*|lahjakortti\\w*|alennuskoodi\\w*)\\b"_s,
              u"\\b(?:rekompensat\\w*|odszkodowani\\w*|kod rabatowy|kodu rabatowego|bon podarunkowy)\\b"_s,
              u"\\b(?:risarciment\\w*|indennizz\\w*|buono sconto|codice sconto|compensazion\\w*)\\b"_s,
              u"\\b(?:compensaç(?:ão|ões)|indemniza\\w+|vale de desconto|código de desconto|gesto comercial)\\b"_s}}};
        std::vector<PromisePattern> out;
        for (const auto &[category, list] : raw) {
            for (const QString &re : list)
                out.push_back({category, QRegularExpression(re, ci)});
        }
        return out;
    }();
    return patterns;
}

// The fact keys of reviewed text (articles, templates, company details): the same few hundred
// texts in every draft, scanned once per thread.
const QSet<QString> &reviewedKeys(const QString &text)
{
    thread_local QHash<QString, QSet<QString>> cache;
    if (const auto it = cache.constFind(text); it != cache.cend())
        return *it;
    if (cache.size() >= 4096)
        cache.clear();
    return *cache.insert(text, EntityScanner::keys(text));
}

const QRegularExpression &placeholderSpan()
{
    static const QRegularExpression re(u"\\{\\{?[^{}\\n]{0,80}\\}?\\}"_s);
    return re;
}

QString quoted(const QString &s)
{
    return u"\u201C"_s + s + u"\u201D"_s;
}

// Amounts and dates the draft repeats from the customer's message alone: the customer said so,
// nobody checked. A figure the customer says was approved or promised is flagged even where a
// source happens to contain it (the hard rule: it never reaches a customer unflagged).
QList<DraftFlag> unverifiedFacts(const RiskFlagger::Input &in, const QList<Entity> &bodyEntities)
{
    QList<DraftFlag> out;
    const TicketFacts stated = TicketFacts::extract(in.customerText, {});
    QHash<QString, FactRole> roles; // key -> the role the customer gave it (claimed wins)
    for (const QList<TicketFacts::Value> *values : {&stated.amounts, &stated.dates}) {
        for (const TicketFacts::Value &v : *values) {
            auto it = roles.find(v.key);
            if (it == roles.end())
                roles.insert(v.key, v.role);
            else if (v.role == FactRole::Claimed || *it == FactRole::Unknown)
                *it = v.role;
        }
    }
    if (roles.isEmpty())
        return out;
    QSet<QString> official;
    for (const QString &s : in.approvedSources)
        official.unite(reviewedKeys(s));
    for (const QString &s : in.companyFacts)
        official.unite(reviewedKeys(s));
    for (const Entity &e : bodyEntities) {
        if (e.kind != Entity::Kind::Amount && e.kind != Entity::Kind::Date)
            continue;
        const auto role = roles.constFind(e.key);
        if (role == roles.cend() || (*role != FactRole::Claimed && official.contains(e.key)))
            continue;
        QString message;
        if (*role == FactRole::Claimed) {
            message =
                u"unverified %1: the customer says %2 was approved or promised; nothing on record confirms "
                "it, check before sending"_s.arg(Entity::kindName(e.kind), quoted(e.text));
        } else {
            const QString as = *role == FactRole::Unknown
                                   ? QString()
                                   : u" (as %1)"_s.arg(FactRoles::describe(*role, e.kind));
            message = u"unverified %1: %2 comes only from the customer's message%3; check it against the "
                      "account before sending"_s.arg(Entity::kindName(e.kind), quoted(e.text), as);
        }
        out.append({u"unverified_fact"_s, message, e.start, e.length});
    }
    return out;
}

} // namespace

QList<RiskFlagger::Promise> RiskFlagger::promises(const QString &text)
{
    QList<Promise> out;
    std::vector<bool> claimed(static_cast<size_t>(text.size()), false);
    for (const PromisePattern &p : promisePatterns()) {
        auto it = p.re.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const int start = int(m.capturedStart());
            const int length = int(m.capturedLength());
            bool overlaps = false;
            for (int i = start; i < start + length && !overlaps; ++i)
                overlaps = claimed[static_cast<size_t>(i)];
            if (overlaps || length == 0)
                continue;
            for (int i = start; i < start + length; ++i)
                claimed[static_cast<size_t>(i)] = true;
            out.append({p.category, start, length});
        }
    }
    std::sort(out.begin(), out.end(), [](const Promise &a, const Promise &b) { return a.start < b.start; });
    return out;
}

QList<DraftFlag> RiskFlagger::flag(const Input &in)
{
    QList<DraftFlag> flags;

    // Facts: supported when the same fact (normalised) is in the ticket or a cited source.
    QSet<QString> supported = EntityScanner::keys(in.customerText);
    for (const QString &s : in.approvedSources)
        supported.unite(reviewedKeys(s));
    for (const QString &s : in.companyFacts)
        supported.unite(reviewedKeys(s));
    for (const QString &s : in.contactSources) {
        const QList<Entity> entities = EntityScanner::scan(s);
        for (const Entity &e : entities) {
            if (e.kind == Entity::Kind::Url || e.kind == Entity::Kind::Email || e.kind == Entity::Kind::Phone)
                supported.insert(e.key);
        }
    }
    const QList<Entity> entities = EntityScanner::scan(in.body);
    for (const Entity &e : entities) {
        if (supported.contains(e.key))
            continue;
        flags.append({u"unsupported_fact"_s,
                      u"unsupported %1: %2 is in neither the ticket nor the cited sources; check it"_s.arg(
                          Entity::kindName(e.kind), quoted(e.text)),
                      e.start, e.length});
    }
    flags.append(unverifiedFacts(in, entities));

    // Promises and claimed actions: the knowledge base's own sentences, repeated word for word,
    // are reviewed text; anything else (a past reply's, a model's, a human's) needs approval.
    const ApprovedWording approved(in.approvedSources);
    const QList<Promise> found = promises(in.body);
    for (const Promise &p : found) {
        if (approved.covers(in.body, p.start, p.length))
            continue;
        flags.append({u"promise"_s,
                      u"promise (%1): %2 needs approval before sending"_s.arg(
                          p.category, quoted(in.body.mid(p.start, p.length))),
                      p.start, p.length});
    }
    const QList<ClaimedActions::Span> claims = ClaimedActions::find(in.body);
    for (const ClaimedActions::Span &c : claims) {
        if (approved.covers(in.body, c.start, c.length))
            continue;
        flags.append(
            {u"claimed_action"_s,
             u"claimed action: %1 says it was already done, and no approved source says so for this "
             "customer; check it was done or remove it"_s.arg(quoted(in.body.mid(c.start, c.length))),
             c.start, c.length});
    }

    // Leftover placeholders (a corpus reply or a human edit that kept one).
    auto it = placeholderSpan().globalMatch(in.body);
    while (it.hasNext()) {
        const auto m = it.next();
        flags.append({u"placeholder"_s,
                      u"leftover placeholder %1: replace it before sending"_s.arg(quoted(m.captured(0))),
                      int(m.capturedStart()), int(m.capturedLength())});
    }

    if (!in.expectedLanguage.isEmpty()) {
        const auto detected = LanguageDetector::detect(in.body, in.expectedLanguage);
        if (detected.reliable && !detected.language.isEmpty() && detected.language != in.expectedLanguage)
            flags.append({u"language"_s,
                          u"wrong language: this draft reads as \"%1\" but the customer writes \"%2\""_s.arg(
                              detected.language, in.expectedLanguage),
                          -1, 0});
    }

    std::stable_sort(flags.begin(), flags.end(),
                     [](const DraftFlag &a, const DraftFlag &b) { return a.start < b.start; });
    return flags;
}

} // namespace tandem::server
