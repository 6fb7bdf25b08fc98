#include "RiskFlagger.h"

#include "EntityScanner.h"
#include "LanguageDetector.h"

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
// promise. One list per category, all five languages in each.
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
              "remboursement (?:intégral|total|complet)|vous serez (?:intégralement )?remboursée?s?)\\b"_s}},
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
              u"\\bfrais\\s+"_s + w + u"{0,3}(?:annulés|supprimés|remboursés|offerts)\\b"_s}},
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
              u"\\b(?:d'ici|avant) (?:lundi|mardi|mercredi|jeudi|vendredi|demain)\\b"_s}},
            {u"compensation"_s,
             {u"\\b(?:compensat(?:e|ed|ion)|goodwill (?:gesture|payment|credit)|voucher|gift card|credit "
              u"(?:to )?your "
              "account|account credit|discount code)\\b"_s,
              u"\\b(?:kompensation|kompensera\\w*|ersättning|gottgörelse|presentkort|rabattkod|tillgodohavande)\\b"_s,
              u"\\b(?:Entschädigung|Kompensation|Gutschrift|Gutschein|Kulanz\\w*|entschädigen)\\b"_s,
              u"\\b(?:compensaci[oó]n|compensar\\w*|indemnizaci[oó]n|cupón|código de descuento|abono en su cuenta)\\b"_s,
              u"\\b(?:dédommag\\w+|indemnis\\w+|geste commercial|bon d'achat|code de réduction)\\b"_s}}};
        std::vector<PromisePattern> out;
        for (const auto &[category, list] : raw) {
            for (const QString &re : list)
                out.push_back({category, QRegularExpression(re, ci)});
        }
        return out;
    }();
    return patterns;
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
        supported.unite(EntityScanner::keys(s));
    for (const QString &s : in.companyFacts)
        supported.unite(EntityScanner::keys(s));
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

    // Promises: every commitment needs approval; approved wording only says where it came from.
    QString approvedLower;
    for (const QString &s : in.approvedSources)
        approvedLower += s.toLower() + u'\n';
    const QList<Promise> found = promises(in.body);
    for (const Promise &p : found) {
        const QString span = in.body.mid(p.start, p.length);
        const bool fromKb = approvedLower.contains(span.toLower());
        flags.append(
            {u"promise"_s,
             fromKb
                 ? u"promise (%1): %2 is knowledge-base wording; confirm it applies to this customer"_s.arg(
                       p.category, quoted(span))
                 : u"promise (%1): %2 needs approval before sending"_s.arg(p.category, quoted(span)),
             p.start, p.length});
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
