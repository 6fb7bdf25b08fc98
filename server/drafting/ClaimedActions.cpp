#include "ClaimedActions.h"

#include "TextUtil.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

constexpr int kMinSubstantiveWords = 6; // a sentence that says something, not "Thanks for writing."

struct Pattern
{
    QString language;
    QRegularExpression re;
    bool passive = false; //!< "has been refunded": no subject that says who did it
};

// Claims per language. "(?<![\p{L}])" and "(?![\p{L}])" are the word boundaries (diacritics and
// apostrophes included); participles are recognised by their endings where the language marks
// them clearly, by a list of verbs where it does not.
const std::vector<Pattern> &patterns()
{
    static const std::vector<Pattern> list = [] {
        const auto u = QRegularExpression::UseUnicodePropertiesOption;
        const auto ci = u | QRegularExpression::CaseInsensitiveOption;
        const QString b = u"(?<![\\p{L}])"_s;
        const QString e = u"(?![\\p{L}])"_s;
        std::vector<Pattern> p;
        auto add = [&](const QString &language, const QString &re, QRegularExpression::PatternOptions o,
                       bool passive = false) {
            p.push_back({language, QRegularExpression(re, o), passive});
        };

        // en: "I've frozen", "we have refunded", "I sent", "has been processed", "is now closed".
        const QString ed = u"\\p{L}*(?:(?!e)\\p{L})ed"_s; // "emailed", not "need"
        const QString enParticiple =
            u"(?:"_s + ed +
            u"|sent|made|put|set|taken|given|done|got|gotten|spoken|told|written|frozen|paid|left|kept|"
            "found|seen|held|shown|brought|dealt|been|begun|run|read|cut|reset|let|had)"_s;
        const QString enAdverbs =
            u"(?:(?:also|now|already|just|personally|today|successfully|manually|immediately|since|"
            "gone\\s+ahead\\s+and|went\\s+ahead\\s+and)\\s+)*"_s;
        const QString enAction =
            u"(?:refunded|cancell?ed|frozen|blocked|closed|reversed|waived|credited|processed|approved|sent|"
            "forwarded|escalated|issued|reset|unlocked|unblocked|updated|changed|removed|paid|returned|"
            "reimbursed|resolved|fixed|deleted|submitted|raised|logged|passed|reported|activated|deactivated|"
            "reactivated|suspended|restored|corrected|adjusted|applied|dispatched|shipped|e-?mailed|paused|"
            "extended|arranged|added|completed|settled|cleared|lifted|verified|recorded|put\\s+on\\s+hold|"
            "placed\\s+on\\s+hold|referred|investigated|reviewed|checked|contacted|notified|informed|"
            "transferred)"_s;
        add(u"en"_s,
            u"(?<![\\p{L}'’])(?:i|we)(?:['’]ve|\\s+have|\\s+had)\\s+"_s + enAdverbs + u"(?:been\\s+)?"_s +
                enParticiple + e,
            ci, true);
        add(u"en"_s,
            u"(?<![\\p{L}'’])(?:i|we)\\s+(?:(?:also|just|already|then|personally|recently|today|yesterday)"
            u"\\s+)?"
            "(?!(?:wanted|needed|hoped|wished|used|liked|loved|believed|assumed|expected|appreciated)"_s +
                e + u")(?:"_s + ed + u"|sent|made|took|gave|got|spoke|told|wrote|froze|paid|rang)"_s + e,
            ci);
        add(u"en"_s,
            b + u"(?:has|have|had)\\s+(?:(?:now|already|just|also|since|successfully|all)\\s+)*been\\s+"_s +
                u"(?:(?:fully|partially|successfully|manually|now|already|duly)\\s+)?"_s + enAction + e,
            ci, true);
        add(u"en"_s,
            u"['’](?:s|ve)\\s+(?:(?:now|already|just|also)\\s+)*been\\s+(?:(?:fully|successfully)\\s+)?"_s +
                enAction + e,
            ci, true);
        add(u"en"_s,
            b +
                u"(?:was|were)\\s+(?:(?:fully|successfully|already|just|now)\\s+)?(?:refunded|cancell?ed|"
                "frozen|blocked|closed|reversed|waived|credited|reimbursed|unblocked|unlocked|reset|"
                "escalated|"
                "forwarded|approved|suspended|paused|put\\s+on\\s+hold)"_s +
                e,
            ci, true);
        add(u"en"_s,
            b +
                u"(?:is|are)\\s+now\\s+(?:frozen|blocked|closed|cancell?ed|unlocked|unblocked|refunded|"
                u"paused|"
                "on\\s+hold|reactivated|suspended)"_s +
                e,
            ci, true);

        // sv: "vi har skickat", "jag spärrade", "beloppet har återbetalats", "kontot är spärrat".
        add(u"sv"_s,
            b +
                u"(?:(?:jag|vi)\\s+har|har\\s+(?:jag|vi))\\s+(?:(?:nu|redan|också|även|just|idag|i\\s+dag|"
                "personligen|därför)\\s+)*(?!(?:inte|ett|det|inget|något|öppet|rätt|mycket|lätt|svårt|gott|"
                "nytt|ont|just|"
                "redan|alltid|tyvärr|bara|mest|allt|fått\\s+(?:ditt|ert|din|er)\\s+(?:meddelande|mejl|e-post|"
                "ärende|fråga))"_s +
                e + u")\\p{L}+t"_s + e,
            ci);
        add(u"sv"_s,
            b + u"(?:jag|vi)\\s+(?:(?:också|även|just|nu|då|sedan)\\s+)?(?!hade"_s + e +
                u")(?:\\p{L}+ade|frös|stängde|gjorde|skrev|tog|gav|sände)"_s + e,
            ci);
        add(u"sv"_s, b + u"(?:har|hade)\\s+(?:(?:nu|redan|också|även)\\s+)*\\p{L}+ts"_s + e, ci, true);
        add(u"sv"_s,
            b + u"blev\\s+(?:nu\\s+|redan\\s+)?(?:återbetal|spärra|fryst|makulera|stängd|avbrut|"
                "skicka|kreditera|pausa|avsluta|upphäv)\\p{L}*"_s,
            ci, true);

        // de: "wir haben Ihr Konto gesperrt", "habe ich weitergeleitet", "wurde erstattet". The
        // participle is lower case (nouns are not), so only the subject is matched case-insensitively.
        const QString deParticiple =
            u"(?:\\p{Ll}*ge\\p{Ll}+(?:t|en)|\\p{Ll}+iert|(?:be|er|ver|ent|zer|über)\\p{Ll}+t)"_s;
        add(u"de"_s,
            b +
                u"(?i:ich\\s+(?:habe|hab|hatte)|wir\\s+(?:haben|hatten)|(?:habe|hatte)\\s+ich|(?:haben|"
                u"hatten)"
                "\\s+wir)"_s +
                e + u"[^.!?\\n;,]{0,80}?"_s + b + deParticiple + e,
            u);
        add(u"de"_s,
            b + u"(?i:wurde|wurden)"_s + e + u"[^.!?\\n;,]{0,40}?"_s + b +
                u"(?:zurück)?(?:erstattet|storniert|gesperrt|eingefroren|gelöscht|gekündigt|erlassen|"
                "gutgeschrieben|überwiesen|weitergeleitet|zurückgesetzt|entsperrt|ausgezahlt|zurückgezahlt|"
                "freigegeben|geschlossen|deaktiviert|pausiert|bearbeitet|versendet|versandt|veranlasst|"
                "eingeleitet|angewiesen)"_s +
                e,
            u, true);

        add(u"de"_s,
            b + u"(?i:ist|sind)"_s + e + u"[^.!?\\n;,]{0,40}?"_s + b + u"\\p{Ll}+(?:t|en)\\s+worden"_s + e, u,
            true);

        // es: "le hemos enviado", "he cancelado", "ha sido reembolsado", "se ha bloqueado", "envié".
        add(u"es"_s,
            b +
                u"(?:(?:le|te|les|se\\s+l[oa]s?|l[oa]s?|ya|también|hoy)\\s+)*(?:he|hemos)\\s+(?:(?:ya|"
                u"también|"
                "hoy|personalmente)\\s+)*\\p{L}+(?:ado|ido|ito|cho|esto|uelto|ierto)"_s +
                e,
            ci);
        add(u"es"_s,
            b + u"(?:ha|han)\\s+sido\\s+(?:(?:ya|correctamente|totalmente)\\s+)?\\p{L}+(?:ad|id)[oa]s?"_s + e,
            ci, true);
        add(u"es"_s, b + u"se\\s+(?:le\\s+|les\\s+)?(?:ha|han)\\s+(?:ya\\s+)?\\p{L}+(?:ado|ido)"_s + e, ci,
            true);
        const QString esState = u"reembolsad|cancelad|bloquead|congelad|anulad|suspendid|cerrad"_s;
        add(u"es"_s,
            b + u"(?:fue|fueron)\\s+(?:(?:ya|correctamente)\\s+)?(?:"_s + esState +
                u"|devuelt|enviad|procesad|abonad)[oa]s?"_s + e,
            ci, true);
        add(u"es"_s,
            b +
                u"(?:(?:le|te|les|ya|también)\\s+)*(?:envié|reenvié|cancelé|reembolsé|bloqueé|congelé|"
                u"procesé|"
                "escribí|remití|devolví|anulé|tramité|revisé|comprobé|verifiqué)"_s +
                e,
            ci);
        add(u"es"_s,
            b +
                u"(?:(?:le|te|les|ya)\\s+)+(?:enviamos|reenviamos|cancelamos|reembolsamos|bloqueamos|"
                "congelamos|anulamos|tramitamos|devolvimos|remitimos|procesamos)"_s +
                e,
            ci);

        // fr: "j'ai envoyé", "nous vous avons remboursé", "votre compte a été bloqué".
        add(u"fr"_s,
            b +
                u"(?:j['’]ai|je\\s+(?:vous|lui|leur|te)\\s+ai|je\\s+l['’]ai|nous\\s+(?:(?:vous|lui|leur|les)"
                u"\\s+|"
                "l['’])?avons)\\s+(?:(?:déjà|bien|également|aussi|personnellement|aujourd['’]hui|hier|donc|"
                "immédiatement)\\s+)*(?!(?:besoin|hâte|plus)"_s +
                e + u")\\p{L}+(?:é|ée|és|ées|is|ise|it|ite|ert|u|us|ue)"_s + e,
            ci);
        add(u"fr"_s,
            b +
                u"(?:a|ont)\\s+été\\s+(?:(?:bien|déjà|intégralement|entièrement)\\s+)?\\p{L}+(?:é|ée|és|ées|"
                u"is|"
                "ise|it|ite)"_s +
                e,
            ci, true);

        // nl: "we hebben uw account geblokkeerd", "heb ik doorgestuurd", "is terugbetaald".
        add(u"nl"_s,
            b + u"(?:ik\\s+heb|w(?:e|ij)\\s+hebben|heb\\s+ik|hebben\\s+w(?:e|ij))"_s + e +
                u"[^.!?\\n;,]{0,60}?"_s + b +
                u"(?<!een\\s)(?<!de\\s)(?<!het\\s)(?<!uw\\s)(?<!je\\s)(?<!jouw\\s)\\p{L}*(?:ge\\p{L}+(?:d|t|"
                u"en)|"
                "(?:ver|be|ont|her)\\p{L}+(?:d|t|en)|terugbetaald)"_s +
                e,
            ci);
        add(u"nl"_s,
            b +
                u"(?:is|zijn|werd|werden)\\s+(?:\\p{L}+\\s+){0,3}?(?:terugbetaald|teruggestort|geannuleerd|"
                "geblokkeerd|bevroren|verstuurd|doorgestuurd|verwerkt|gecrediteerd|kwijtgescholden|"
                "verwijderd|"
                "gesloten|opgeheven|gedeblokkeerd|uitbetaald|teruggeboekt|gepauzeerd)"_s +
                e,
            ci, true);

        // fi: "olemme palauttaneet", "olen lähettänyt", "lähetimme", "tilisi on jäädytetty".
        add(u"fi"_s,
            b +
                u"(?:olen|olemme|olin|olimme)\\s+(?:(?:nyt|jo|myös|juuri|tänään|siis)\\s+)*(?:\\p{L}+\\s+){0,"
                u"2}?"
                "\\p{L}+(?:nut|nyt|neet|lut|lyt|leet|sut|syt|seet|rut|ryt|reet)"_s +
                e,
            ci);
        add(u"fi"_s,
            b +
                u"(?:lähetin|lähetimme|palautin|palautimme|jäädytin|jäädytimme|peruutin|peruutimme|peruin|"
                "perutimme|välitin|välitimme|hyvitin|hyvitimme|suljin|suljimme|estin|estimme|poistin|"
                "poistimme|tarkistin|tarkistimme|siirsin|siirsimme)"_s +
                e,
            ci);
        add(u"fi"_s,
            b +
                u"on\\s+(?:(?:nyt|jo|myös)\\s+)*(?:palautettu|peruttu|peruutettu|jäädytetty|lähetetty|"
                u"hyvitetty|"
                "suljettu|estetty|välitetty|käsitelty|poistettu|siirretty|maksettu|mitätöity)"_s +
                e,
            ci, true);

        // pl: first-person past ("wysłałem", "zwróciliśmy") and "zostało zablokowane".
        add(u"pl"_s,
            b + u"(?!(?:by|chcia|chcie|mog|mia|mie|musia|musie|powinn|zamierza|sądzi|myśla|wiedzia)\\p{L}*"_s +
                e + u")\\p{L}+(?:łem|łam|liśmy|łyśmy)"_s + e,
            ci);
        add(u"pl"_s,
            b +
                u"(?:został|została|zostało|zostały|zostali)\\s+(?:(?:już|pomyślnie|właśnie|całkowicie|"
                "w\\s+pełni)\\s+)*\\p{L}+(?:ny|na|ne|ni|ty|ta|te|ci)"_s +
                e,
            ci, true);

        // it: "abbiamo rimborsato", "le ho inviato", "è stato bloccato".
        const QString itParticiple =
            u"\\p{L}+(?:at[oaie]|ut[oaie]|it[oaie]|ss[oaie]|st[oaie]|tt[oaie]|s[oa])"_s;
        add(u"it"_s,
            b +
                u"(?:(?:le|ti|vi|gli|l['’])\\s*)?(?:ho|abbiamo)\\s+(?:(?:già|anche|appena|oggi|personalmente|"
                "ora)\\s+)*(?!(?:bisogno|paura|fretta|quest\\p{L}*|quell\\p{L}*|stess\\p{L}*|tutt\\p{L}*|"
                "molt\\p{L}*|adesso|spesso|diritt\\p{L}*|pront\\p{L}*)"_s +
                e + u")"_s + itParticiple + e,
            ci);
        add(u"it"_s,
            b +
                u"(?:è|sono)\\s+(?:(?:già|ora)\\s+)?stat[oaie]\\s+(?:(?:già|correttamente|completamente|"
                "interamente)\\s+)?"_s +
                itParticiple + e,
            ci, true);

        // pt: "enviei", "reembolsámos", "já enviamos", "foi reembolsado", "está bloqueada".
        const QString ptStems =
            u"(?:envi|reenvi|reembols|bloque|cancel|congel|encaminh|process|devolv|estorn|transfer|anul|"
            "remet|reencaminh|credit|suspend|fech|desbloque|redefin|pass|verifi|efetu|efectu|solicit|"
            "registr|conclu)"_s;
        const QString ptClitic = u"(?:-(?:lhe|lhes|o|a))?"_s;
        add(u"pt"_s,
            b + u"(?:(?:já|também|hoje)\\s+)?(?:(?:lhe|te|lhes)\\s+)?"_s + ptStems + u"(?:ei|quei|i)"_s +
                ptClitic + e,
            ci);
        add(u"pt"_s, b + ptStems + u"ámos"_s + ptClitic + e, ci);
        add(u"pt"_s, b + u"já\\s+(?:(?:lhe|lhes|te)\\s+)?"_s + ptStems + u"(?:amos|emos|imos)"_s + e, ci);
        add(u"pt"_s,
            b + u"(?:já\\s+)?(?:foi|foram)\\s+(?:(?:já|totalmente|integralmente)\\s+)?\\p{L}+(?:ad|id)[oa]s?"_s +
                e,
            ci, true);
        return p;
    }();
    return list;
}

// A claim inside a condition is not a claim: "once we've confirmed your identity, we'll ...",
// "if only part of the order was cancelled, ...". Any of these words between the start of the
// clause and the claim makes it one.
const QRegularExpression &conditionBefore()
{
    static const QRegularExpression re(
        u"(?<![\\p{L}])(?:"_s +
            u"if|once|when|whenever|after|as\\s+soon\\s+as|until|unless|before|om|när|så\\s+snart|"
            "efter\\s+att|innan|tills|wenn|sobald|nachdem|falls|bevor|si|cuando|una\\s+vez\\s+que|"
            "en\\s+cuanto|después\\s+de\\s+que|hasta\\s+que|antes\\s+de\\s+que|lorsque|quand|"
            "dès\\s+que|une\\s+fois\\s+que|après\\s+que|avant\\s+que|zodra|wanneer|nadat|voordat|"
            "tenzij|jos|kun|kunhan|jeśli|jeżeli|gdy|kiedy|jak\\s+tylko|zanim|se|quando|non\\s+appena|"
            "una\\s+volta\\s+che|dopo\\s+che|prima\\s+che|appena|assim\\s+que|logo\\s+que|"
            "depois\\s+que|uma\\s+vez\\s+que|caso|without|utan\\s+att|ohne\\s+dass|sin\\s+que|"
            "sans\\s+que|zonder\\s+dat|senza\\s+che|sem\\s+que|até\\s+que"_s +
            u")(?![\\p{L}])"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// Who reports a passive claim: "the merchant confirms that the order has been shipped" and
// "a card which has been replaced" say nothing we did; "I can confirm that your refund has been
// processed" does. A passive claim in a "that" or relative clause counts only with a first person
// before it.
const QRegularExpression &reportedClause()
{
    static const QRegularExpression re(u"(?<![\\p{L}])(?:that|which|att|som|dass|que|qui|dat|että|joka|"
                                       u"jotka|że|który|która|które|którzy|"
                                       "che)(?![\\p{L}])"_s,
                                       QRegularExpression::CaseInsensitiveOption |
                                           QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

const QRegularExpression &firstPerson()
{
    static const QRegularExpression re(
        u"(?<![\\p{L}])(?:i|we|me|us|jag|vi|ich|wir|yo|nosotros|je|nous|ik|wij|minä|my|io|noi|eu|nós|"
        "\\p{L}+(?:amos|emos|imos|ons|iamo|amy|imy|emy|ymy|mme))(?![\\p{L}])"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// "We have not", "nie wysłaliśmy", "Wir haben Ihr Konto nicht gesperrt": a denial, not a claim.
const QRegularExpression &negation()
{
    static const QRegularExpression re(
        u"(?<![\\p{L}])(?:not|never|inte|aldrig|nicht|nie|niemals|kein\\p{L}*|no|nunca|jamás|ne|pas|jamais|"
        "niet|nooit|geen|ei|emme|ette|eivät|non|não)(?![\\p{L}])"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// "We've received your message" is true for every customer who wrote.
const QRegularExpression &receivedMessage()
{
    static const QRegularExpression re(
        u"(?:(?:received|got|read|fått|erhalten|recibido|reçue?|ontvangen|saaneet|saanut|vastaanottaneet|"
        "vastaanottanut|otrzyma\\p{L}*|ricevut[oa]|recebemos|recebi)\\s+(?:[\\p{L}'’]+\\s+){0,2}(?:message|"
        "e-?mail|request|question|enquiry|inquiry|meddelande|mejl|e-post|fråga|nachricht|anfrage|mensaje|"
        "solicitud|consulta|demande|courriel|bericht|vraag|verzoek|viesti\\p{L}*|wiadomo\\p{L}*|"
        "zapytani\\p{L}*|messaggio|richiesta|mensagem|pedido)|(?:message|bericht|vraag|verzoek|e-?mail|mail|"
        "nachricht|anfrage)\\s+(?:goed\\s+|gut\\s+)?(?:ontvangen|erhalten))"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// A sentence that leans on the one before it.
const QRegularExpression &refersBack()
{
    static const QRegularExpression re(
        u"^(?:"_s +
            u"it|this|that|these|those|they|them|meanwhile|in\\s+the\\s+meantime|until\\s+then|"
            "as\\s+a\\s+result|therefore|det|detta|dessa|under\\s+tiden|tills\\s+dess|dies|"
            "diese[rs]?|er|in\\s+der\\s+zwischenzeit|bis\\s+dahin|daher|deshalb|dadurch|esto|eso|"
            "ello|mientras\\s+tanto|hasta\\s+entonces|por\\s+ello|por\\s+eso|cela|ceci|ce|ça|ils|"
            "elles|en\\s+attendant|d['’]ici\\s+là|entre-temps|dit|dat|deze|ze|zij|ondertussen|"
            "intussen|tot\\s+dan|tämä|nämä|ne|sillä\\s+välin|siihen\\s+asti|tymczasem|"
            "w\\s+międzyczasie|do\\s+tego\\s+czasu|questo|questa|ciò|nel\\s+frattempo|"
            "fino\\s+ad\\s+allora|isso|isto|entretanto|enquanto\\s+isso|até\\s+lá"_s +
            u")(?![\\p{L}])"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

bool isClauseEnd(const QString &text, int i)
{
    const QChar c = text.at(i);
    if (c == u'\n' || c == u';' || c == u':')
        return true;
    if (c != u'.' && c != u'!' && c != u'?' && c != u',')
        return false;
    return i + 1 >= text.size() || text.at(i + 1).isSpace();
}

int wordCount(QStringView s)
{
    static const QRegularExpression word(u"[\\p{L}\\p{N}]+"_s,
                                         QRegularExpression::UseUnicodePropertiesOption);
    int n = 0;
    auto it = word.globalMatch(s);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

int sentenceOf(const QList<QPair<int, int>> &sentences, int pos)
{
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        if (pos >= sentences[i].first && pos < sentences[i].first + sentences[i].second)
            return int(i);
    }
    return -1;
}

// Replaces [from, to) and the whitespace around it by the widest break it had on either side.
void cut(QString &text, int from, int to)
{
    int l = from;
    while (l > 0 && text.at(l - 1).isSpace())
        --l;
    int r = to;
    while (r < text.size() && text.at(r).isSpace())
        ++r;
    const QStringView around = QStringView(text).mid(l, from - l);
    const QStringView after = QStringView(text).mid(to, r - to);
    QString joiner;
    if (l > 0 && r < text.size()) {
        if (around.contains(u"\n\n"_s) || after.contains(u"\n\n"_s))
            joiner = u"\n\n"_s;
        else if (around.contains(u'\n') || after.contains(u'\n'))
            joiner = u"\n"_s;
        else
            joiner = u" "_s;
    }
    text.replace(l, r - l, joiner);
}

} // namespace

QStringList ClaimedActions::languages()
{
    return {u"en"_s, u"sv"_s, u"de"_s, u"es"_s, u"fr"_s, u"nl"_s, u"fi"_s, u"pl"_s, u"it"_s, u"pt"_s};
}

QList<ClaimedActions::Span> ClaimedActions::find(const QString &text, const QString &language)
{
    const bool all = !languages().contains(language);
    const auto sentences = text::sentenceSpans(text);
    QList<Span> out;
    std::vector<bool> claimed(static_cast<size_t>(text.size()), false);
    for (const Pattern &p : patterns()) {
        if (!all && p.language != language && p.language != u"en")
            continue;
        auto it = p.re.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const int start = int(m.capturedStart());
            const int matchEnd = int(m.capturedEnd());
            if (claimed[static_cast<size_t>(start)])
                continue;
            const int s = sentenceOf(sentences, start);
            int clause = start;
            while (clause > (s >= 0 ? sentences[s].first : 0) &&
                   !QStringView(u",;:").contains(text.at(clause - 1)))
                --clause;
            if (conditionBefore().match(QStringView(text).mid(clause, start - clause)).hasMatch())
                continue;
            if (p.passive) {
                const QStringView prefix = QStringView(text).mid(clause, start - clause);
                const auto reported = reportedClause().match(prefix);
                if (reported.hasMatch() &&
                    !firstPerson().match(prefix.left(reported.capturedStart())).hasMatch())
                    continue;
            }
            // A negation inside the claim or just before it ("we have not", "nie zostało").
            const int before = std::max(clause, start - 12);
            if (negation().match(QStringView(text).mid(before, matchEnd - before)).hasMatch())
                continue;
            const auto received = receivedMessage().match(text, start);
            if (received.hasMatch() && received.capturedStart() < matchEnd)
                continue;
            int end = matchEnd;
            while (end < text.size() && !isClauseEnd(text, end))
                ++end;
            for (int i = start; i < end; ++i)
                claimed[static_cast<size_t>(i)] = true;
            out.append({start, end - start});
        }
    }
    std::sort(out.begin(), out.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
    return out;
}

ClaimedActions::Result ClaimedActions::strip(const QString &text, const QString &language)
{
    Result r;
    r.text = text;
    const QList<Span> claims = find(text, language);
    if (claims.isEmpty())
        return r;
    const auto sentences = text::sentenceSpans(text);

    // What to drop, per sentence: the whole of it, or some of its ";" clauses.
    struct Part
    {
        int start;
        int end;
    };
    QHash<int, QList<Part>> parts; // sentence -> its clauses
    QHash<int, QSet<int>> dropped; // sentence -> clauses to drop
    for (const Span &c : claims) {
        const int s = sentenceOf(sentences, c.start);
        if (s < 0)
            continue;
        if (!parts.contains(s)) {
            const int from = sentences[s].first;
            const int to = from + sentences[s].second;
            QList<Part> list;
            int begin = from;
            for (int i = from; i < to; ++i) {
                if (text.at(i) == u';') {
                    list.append({begin, i});
                    begin = i + 1;
                }
            }
            list.append({begin, to});
            parts.insert(s, list);
        }
        const QList<Part> &list = parts[s];
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (c.start >= list[i].start && c.start < list[i].end)
                dropped[s].insert(int(i));
        }
    }
    auto whole = [&](int s) {
        return dropped.value(s).size() == parts.value(s).size();
    };

    // Keep a claim whose sentence the next one leans on.
    QList<int> keys = dropped.keys();
    for (int s : std::as_const(keys)) {
        if (!whole(s) || s + 1 >= sentences.size() || (dropped.contains(s + 1) && whole(s + 1)))
            continue;
        const QStringView next = QStringView(text).mid(sentences[s + 1].first, sentences[s + 1].second);
        if (refersBack().match(next).hasMatch())
            dropped.remove(s);
    }
    // Keep them all when nothing that says something would be left.
    int substantive = 0;
    for (qsizetype s = 0; s < sentences.size(); ++s) {
        if ((!dropped.contains(int(s)) || !whole(int(s))) &&
            wordCount(QStringView(text).mid(sentences[s].first, sentences[s].second)) >= kMinSubstantiveWords)
            ++substantive;
    }
    if (substantive == 0)
        dropped.clear();

    // Drop from the back so earlier offsets stay valid.
    keys = dropped.keys();
    std::sort(keys.begin(), keys.end(), std::greater<>());
    QString out = text;
    for (int s : std::as_const(keys)) {
        const int from = sentences[s].first;
        const int to = from + sentences[s].second;
        if (whole(s)) {
            r.removed.prepend(text.mid(from, to - from));
            cut(out, from, to);
            continue;
        }
        const QList<Part> &list = parts[s];
        QList<int> drop = dropped[s].values();
        std::sort(drop.begin(), drop.end(), std::greater<>());
        for (int i : std::as_const(drop)) {
            const Part &p = list[i];
            r.removed.prepend(text.mid(p.start, p.end - p.start).trimmed());
            if (i == list.size() - 1) {
                // The last clause carries the sentence's final punctuation: keep it.
                int end = p.end;
                while (end > p.start && QStringView(u".!?\u2026\"')\u201D\u2019").contains(out.at(end - 1)))
                    --end;
                out.remove(list[i - 1].end, end - list[i - 1].end);
            } else if (i == 0) {
                int next = list[1].start;
                while (next < out.size() && out.at(next).isSpace())
                    ++next;
                out.remove(p.start, next - p.start);
                if (p.start < out.size())
                    out[p.start] = out.at(p.start).toUpper();
            } else {
                out.remove(list[i - 1].end, p.end - list[i - 1].end);
            }
        }
    }
    r.text = out;
    r.kept = find(out, language);
    return r;
}

} // namespace tandem::server
