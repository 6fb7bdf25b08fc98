#include "MailFooter.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <bit>

using namespace Qt::StringLiterals;

namespace tandem::server::text {

namespace {

constexpr auto kOptions =
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

//! What a notice names, each kind counted once.
enum Kind : unsigned
{
    Confidential = 1u << 0,
    Addressee = 1u << 1,
    InError = 1u << 2,
    Heading = 1u << 3,
    DeleteOrNotify = 1u << 4,
    DataLaw = 1u << 5,
    YourDataProcessed = 1u << 6,
};
//! Only a notice says its mail is confidential, may have reached you in error, heads itself
//! "disclaimer", or tells the reader how *their* data is processed ("När du skickar e-post till
//! kommunen behandlas dina personuppgifter enligt dataskyddsförordningen"); a customer's own data
//! request may name recipients, deleting and the law, and speaks of *my* data.
constexpr unsigned kNoticeKinds = Confidential | InError | Heading | YourDataProcessed;

unsigned kindsIn(const QString &text)
{
    static const QList<std::pair<Kind, QRegularExpression>> kinds{
        {Confidential,
         QRegularExpression(
             u"\\bconfidential|\\bvertraulich|\\bconfidentiel|\\bconfidencial|\\briservat[aeio]|"
             "\\bconfidenzial|\\bvertrouwelijk|\\bkonfidentiell|\\bluottamuksellis|\\bpoufn|"
             "\\bprivileged|rechtlich gesch[üu]tzt|secreto profesional|\\bsigilos"_s,
             kOptions)},
        {Addressee, QRegularExpression(
                        u"\\baddressee|\\bintended recipient|\\bintended (?:solely|only|exclusively)|"
                        "\\bintended (?:\\w+ )?for the (?:named |addressed |designated )?(?:recipient|person|"
                        "individual|entity)|"
                        "\\bempf[äa]nger|\\badressat|\\bdestinataire|\\bdestinat[aá]ri[oa]s?\\b|"
                        "\\bgeadresseerde|\\bmottagare|\\bvastaanottaja|\\badresat|\\bodbiorc"_s,
                        kOptions)},
        {InError,
         QRegularExpression(u"\\bin error\\b|\\bby mistake\\b|irrt[üu]mlich|f[äa]lschlicherweise|par erreur|"
                            "por error|per errore|por engano|por erro\\b|per vergissing|abusievelijk|"
                            "av misstag|virheellisesti|erehdyksess|omy[łl]kowo|przez pomy[łl]k"_s,
                            kOptions)},
        {Heading,
         QRegularExpression(u"^\\W*(?:disclaimer|aviso legal|avvertenz[ae]|haftungsausschluss|rechtlicher "
                            "hinweis|mentions l[ée]gales|avis de confidentialit[ée]|clausola di "
                            "riservatezza|aviso de confidencialidade?|juridisch voorbehoud|"
                            "vastuuvapauslauseke|zastrze[żz]enie)\\b"_s,
                            kOptions)},
        {DeleteOrNotify,
         QRegularExpression(u"\\bdelete|\\bdestroy|\\bnotify\\b|l[öo]schen|vernichten|benachrichtigen|"
                            "informieren sie|supprimer|d[ée]truire|avertir|\\belimin|\\bborr[ae]|"
                            "cancellar|distrugg|\\bapag[ae]|verwijder|vernietig|radera|f[öo]rst[öo]r|"
                            "\\bpoista|\\btuhoa|usu[ńn]|zniszcz|powiadom"_s,
                            kOptions)},
        {DataLaw,
         QRegularExpression(u"\\bgdpr\\b|\\brgpd\\b|\\bdsgvo\\b|\\bavg\\b|\\brodo\\b|2016/679|\\bprivacy "
                            "(?:notice|policy)|datenschutz|datos personales|dati personali|donn[ée]es "
                            "personnelles|dados pessoais|persoonsgegevens|personuppgift|henkil[öo]tie|"
                            "dane osobowe|\\bdata protection|tratamiento de (?:sus )?datos|trattamento "
                            "dei (?:suoi )?dati"_s,
                            kOptions)},
        // The reader's data ("your personal data", "dina personuppgifter", "Ihre Daten"), counted
        // only where it is processed too (below).
        {YourDataProcessed,
         QRegularExpression(
             u"\\b(?:your|dina|dine|ihre|vos|votre|sus|su|tus|i suoi|i tuoi|seus|os seus|uw|je|"
             "teid[äa]n|pa[ńn]stwa|pana|pani)\\s+(?:\\w+\\s+)?(?:personal data|data|information|"
             "personuppgifter|uppgifter|daten|donn[ée]es|datos|dati|dados|gegevens|"
             "persoonsgegevens|(?:henkil[öo])?tiedot|tietojanne|dane)\\b"
             "(?!\\s+(?:protection|privacy|breach|officer))"_s,
             kOptions)},
    };
    // "Processed in accordance with", "behandlas", "verarbeitet": what is done to the reader's data.
    static const QRegularExpression processed(
        u"\\b(?:process(?:ed|es|ing)|handled|stored|behandla[ts]?|verarbeit\\w*|gespeichert|trait[ée]e?s|"
        "conserv[ée]e?s|tratad[oa]s|tratamiento|trattat[ie]|trattamento|verwerkt|verwerking|"
        "k[äa]sitell[äa][äa]n|k[äa]sittely|przetwarza\\w*)\\b"_s,
        kOptions);
    unsigned found = 0;
    for (const auto &[kind, re] : kinds) {
        if (re.match(text).hasMatch())
            found |= kind;
    }
    if ((found & YourDataProcessed) && !processed.match(text).hasMatch())
        found &= ~unsigned(YourDataProcessed);
    return found;
}

bool isNotice(const QString &text)
{
    const unsigned kinds = kindsIn(text);
    return (kinds & kNoticeKinds) != 0 && std::popcount(kinds) >= 2;
}

//! "Amtsgericht Stuttgart HRB 724418", "Registered in England and Wales, no. OC318842", "P.IVA".
bool isRegisterLine(const QString &line)
{
    // Words only a footer uses, and identifiers a customer may also name in a sentence ("the
    // USt-ID of my company is missing on the invoice"), which count only with their value.
    static const QRegularExpression registerMark(
        u"amtsgericht|registergericht|handelsregister|\\bhr[ab]\\s?\\d|gesch[äa]ftsf[üu]hr(?:er|ung)\\s*:|"
        "sitz der gesellschaft|registered in england|registered office|capital social|capitale sociale|"
        "registro mercantil|inscrita en el registro|"
        "(?:\\bust-?id\\w*|steuernummer|\\bvat\\b|company (?:registration )?(?:no|number)|\\bp\\.?\\s?iva\\b|"
        "partita iva|codice "
        "fiscale|\\bkvk\\b|\\bbtw\\b|\\borg\\.?\\s?nr|organisationsnummer|y-tunnus|\\bnip\\b|"
        "\\bregon\\b|\\bkrs\\b|\\bsiret\\b|\\bsiren\\b|\\brcs\\b|n[°o] "
        "tva|\\bc\\.?i\\.?f\\b|\\bn\\.?i\\.?f\\b)"
        "[\\s.:#-]{0,6}(?:no\\.?\\s*|nr\\.?\\s*|[a-z]{1,3}[\\s-]?)?\\d[\\d\\s.-]{3,}"_s,
        kOptions);
    if (line.contains(u'?') || line.size() > 200)
        return false;
    const QRegularExpressionMatch mark = registerMark.match(line);
    if (!mark.hasMatch())
        return false;
    // "Rakennus Oy pyytää koontilaskua tilauksista 47702 ja 47735. Laskulle tulee merkitä Y-tunnus
    // 2345678-9 ...": a sentence that gives the identifier with a request around it is the
    // customer's, not a footer. A footer line has few words beside its identifiers.
    static const QRegularExpression word(u"\\p{L}{2,}"_s, kOptions);
    const QString rest = line.left(mark.capturedStart()) + u' ' + line.mid(mark.capturedEnd());
    static const QRegularExpression sentenceEnd(u"[.!;]\\s+\\p{L}"_s, kOptions);
    qsizetype words = 0;
    for (auto it = word.globalMatch(rest); it.hasNext(); it.next())
        ++words;
    return words < 10 || !sentenceEnd.match(line).hasMatch();
}

//! What a mail app writes under every message: "Sent from my iPhone", "Von meinem iPhone
//! gesendet", "Get Outlook for Android".
bool isDeviceLine(const QString &line)
{
    if (line.size() > 80)
        return false;
    static const QRegularExpression device(
        u"^\\W*(?:sent from|sent with|sent via|von meinem|gesendet von|envoy[ée] (?:de|depuis) "
        "(?:mon )?|enviado desde (?:mi )?|enviado (?:do|de) (?:meu |minha )?|inviato da(?:l mio| mio)? |"
        "verzonden (?:vanaf|met|van) (?:mijn )?|verstuurd (?:vanaf|met|van) (?:mijn )?|skickat fr[åa]n "
        "(?:min )?|l[äa]hetetty |wys[łl]ane z (?:mojego )?|get outlook for)"
        "[\\w' .-]{0,30}?(?:iphone|ipad|android|samsung|galaxy|huawei|xiaomi|pixel|mobile|phone|"
        "handy|smartphone|portable|m[óo]vil|celular|telem[óo]vel|cellulare|telefoon|telefon|mobil|"
        "puhelime|outlook|proton ?mail|gmail|yahoo mail|ios|tablet)[\\w' .+-]{0,24}$"_s,
        kOptions);
    return device.match(line).hasMatch();
}

//! "T: 0161 555 0192", "Tel. 02 8741 5530", a bare phone number, web or mail address.
bool isContactLine(const QString &line)
{
    if (line.size() > 120)
        return false;
    static const QRegularExpression labelled(
        u"^\\W*(?:t|tel|t[ée]l|phone|ph|mob|mobile|m|cell|fax|f|e|email|e-mail|mail|web|w|telefon|"
        "tel[ée]fono|telefone|puh|puhelin|tfn|handy|gsm|kom|cel)\\s*[.:]\\s*[+(\\d\\w]"_s,
        kOptions);
    static const QRegularExpression address(
        u"^\\W*(?:(?:https?://|www\\.)\\S+|[^\\s@]+@[^\\s@]+\\.\\w+)\\W*$"_s, kOptions);
    if (labelled.match(line).hasMatch() || address.match(line).hasMatch())
        return true;
    // A bare phone number: at least eight digits and nothing but digits and separators.
    static const QRegularExpression phoneOnly(u"^\\s*\\+?[\\d\\s()./-]{8,}\\s*$"_s);
    const auto digits = std::count_if(line.cbegin(), line.cend(), [](QChar c) { return c.isDigit(); });
    return digits >= 8 && phoneOnly.match(line).hasMatch();
}

} // namespace

QString withoutMailFooter(const QString &body, FooterParts parts)
{
    const QStringList lines = body.split(u'\n');
    if (lines.size() < 2)
        return body; // a one-line message has no footer
    QList<bool> keep(lines.size(), true);
    // Blocks of consecutive non-blank lines; the first block is always the customer's.
    qsizetype blockStart = -1;
    bool firstBlock = true;
    const auto closeBlock = [&](qsizetype end) {
        if (blockStart < 0)
            return;
        if (!firstBlock) {
            QStringList block;
            for (qsizetype i = blockStart; i < end; ++i)
                block.append(lines.at(i));
            if (isNotice(block.join(u' '))) {
                for (qsizetype i = blockStart; i < end; ++i)
                    keep[i] = false;
            }
        }
        // Within any block: a long notice line (no blank line above it) and what follows it.
        for (qsizetype i = std::max(blockStart, qsizetype(1)); i < end; ++i) {
            if (keep.at(i) && lines.at(i).size() >= 60 && isNotice(lines.at(i))) {
                for (qsizetype j = i; j < end; ++j)
                    keep[j] = false;
                break;
            }
        }
        firstBlock = false;
        blockStart = -1;
    };
    for (qsizetype i = 0; i < lines.size() && parts != FooterParts::LinesOnly; ++i) {
        if (lines.at(i).trimmed().isEmpty())
            closeBlock(i);
        else if (blockStart < 0)
            blockStart = i;
    }
    closeBlock(lines.size()); // (no block opened when the notices are left alone)
    for (qsizetype i = 1; i < lines.size() && parts != FooterParts::NoticesOnly; ++i) {
        if (keep.at(i) &&
            (isRegisterLine(lines.at(i)) || isContactLine(lines.at(i)) || isDeviceLine(lines.at(i))))
            keep[i] = false;
    }
    QStringList own;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (keep.at(i))
            own.append(lines.at(i));
    }
    while (!own.isEmpty() && own.last().trimmed().isEmpty())
        own.removeLast();
    const QString out = own.join(u'\n');
    return out.trimmed().isEmpty() ? body : out;
}

} // namespace tandem::server::text
