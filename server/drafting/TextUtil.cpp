#include "TextUtil.h"

#include "MailFooter.h"
#include "MailSignature.h"
#include "QuotedHistory.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::server::text {
namespace {

// Function words that match everything and say nothing about what a message is about.
const QSet<QString> &stopwords()
{
    static const QSet<QString> words = [] {
        const QStringList list = QStringList{
            // en
            u"the"_s, u"and"_s, u"for"_s, u"you"_s, u"your"_s, u"are"_s, u"was"_s, u"but"_s, u"not"_s,
            u"this"_s, u"that"_s, u"with"_s, u"have"_s, u"has"_s, u"had"_s, u"can"_s, u"could"_s, u"would"_s,
            u"will"_s, u"please"_s, u"hello"_s, u"thanks"_s, u"thank"_s, u"from"_s, u"what"_s, u"when"_s,
            u"how"_s, u"why"_s, u"there"_s, u"they"_s, u"them"_s, u"our"_s, u"any"_s, u"all"_s, u"been"_s,
            u"just"_s, u"its"_s, u"it's"_s, u"i'm"_s, u"into"_s, u"about"_s, u"some"_s, u"does"_s, u"did"_s,
            u"get"_s, u"got"_s, u"want"_s, u"need"_s, u"help"_s, u"know"_s, u"which"_s, u"who"_s, u"where"_s,
            u"also"_s, u"still"_s, u"like"_s,
            // sv
            u"och"_s, u"att"_s, u"det"_s, u"som"_s, u"för"_s, u"med"_s, u"jag"_s, u"har"_s, u"min"_s,
            u"mitt"_s, u"mina"_s, u"den"_s, u"inte"_s, u"till"_s, u"kan"_s, u"hej"_s, u"tack"_s, u"ett"_s,
            u"en"_s, u"var"_s, u"är"_s, u"på"_s, u"men"_s, u"vad"_s, u"hur"_s, u"när"_s,
            // de
            u"der"_s, u"die"_s, u"das"_s, u"und"_s, u"ich"_s, u"ist"_s, u"nicht"_s, u"mit"_s, u"ein"_s,
            u"eine"_s, u"mein"_s, u"meine"_s, u"meinen"_s, u"sie"_s, u"für"_s, u"von"_s, u"auf"_s, u"bitte"_s,
            u"hallo"_s, u"danke"_s, u"wie"_s, u"wann"_s, u"was"_s, u"habe"_s, u"wurde"_s, u"den"_s, u"dem"_s,
            u"des"_s, u"aber"_s, u"noch"_s, u"auch"_s, u"mir"_s, u"mich"_s,
            // es
            u"que"_s, u"los"_s, u"las"_s, u"del"_s, u"por"_s, u"para"_s, u"con"_s, u"una"_s, u"uno"_s,
            u"mis"_s, u"pero"_s, u"hola"_s, u"gracias"_s, u"como"_s, u"cuando"_s, u"qué"_s, u"cómo"_s,
            u"esta"_s, u"este"_s, u"está"_s, u"tengo"_s, u"sus"_s, u"muy"_s, u"más"_s,
            // fr
            u"les"_s, u"des"_s, u"est"_s, u"pour"_s, u"pas"_s, u"une"_s, u"dans"_s, u"sur"_s, u"mon"_s,
            u"mes"_s, u"vous"_s, u"nous"_s, u"avec"_s, u"qui"_s, u"bonjour"_s, u"merci"_s, u"mais"_s,
            u"j'ai"_s, u"c'est"_s, u"quand"_s, u"comment"_s, u"votre"_s, u"vos"_s, u"cette"_s, u"ai"_s,
            // nl
            u"het"_s, u"een"_s, u"van"_s, u"voor"_s, u"met"_s, u"niet"_s, u"ook"_s, u"maar"_s, u"wel"_s,
            u"nog"_s, u"dat"_s, u"dit"_s, u"deze"_s, u"mijn"_s, u"jullie"_s, u"zijn"_s, u"heb"_s, u"heeft"_s,
            u"hebben"_s, u"ben"_s, u"kunt"_s, u"kunnen"_s, u"wil"_s, u"wat"_s, u"hoe"_s, u"waarom"_s,
            u"wanneer"_s, u"hoi"_s, u"bedankt"_s, u"dank"_s, u"graag"_s, u"alvast"_s, u"naar"_s, u"bij"_s,
            u"als"_s, u"dan"_s, u"door"_s, u"zou"_s, u"wordt"_s, u"omdat"_s, u"geen"_s,
            // fi
            u"että"_s, u"mutta"_s, u"kun"_s, u"jos"_s, u"tai"_s, u"ole"_s, u"olen"_s, u"oli"_s, u"ovat"_s,
            u"minä"_s, u"minun"_s, u"mun"_s, u"sinä"_s, u"teidän"_s, u"tämä"_s, u"tämän"_s, u"tässä"_s,
            u"sen"_s, u"siitä"_s, u"niin"_s, u"myös"_s, u"vielä"_s, u"hei"_s, u"moi"_s, u"kiitos"_s,
            u"terveisin"_s, u"kanssa"_s, u"mitä"_s, u"miten"_s, u"miksi"_s, u"milloin"_s, u"voin"_s,
            u"voitteko"_s, u"voisitteko"_s, u"nyt"_s, u"koska"_s, u"kuin"_s, u"vain"_s, u"mikä"_s, u"joka"_s,
            // pl
            u"się"_s, u"nie"_s, u"jest"_s, u"jak"_s, u"czy"_s, u"dla"_s, u"ale"_s, u"tak"_s, u"mam"_s,
            u"mój"_s, u"moja"_s, u"moje"_s, u"mojego"_s, u"mnie"_s, u"jestem"_s, u"już"_s, u"jeszcze"_s,
            u"tylko"_s, u"ten"_s, u"też"_s, u"przez"_s, u"przy"_s, u"oraz"_s, u"lub"_s, u"dzień"_s,
            u"dobry"_s, u"dziękuję"_s, u"pozdrawiam"_s, u"proszę"_s, u"państwo"_s, u"państwa"_s, u"który"_s,
            u"która"_s, u"które"_s, u"kiedy"_s, u"gdzie"_s, u"dlaczego"_s, u"czemu"_s, u"może"_s, u"można"_s,
            u"mogę"_s, u"będzie"_s, u"bardzo"_s, u"żeby"_s, u"jeśli"_s, u"tego"_s, u"jego"_s,
            // it
            u"che"_s, u"non"_s, u"per"_s, u"gli"_s, u"della"_s, u"dei"_s, u"delle"_s, u"dal"_s, u"dalla"_s,
            u"nel"_s, u"nella"_s, u"sul"_s, u"sono"_s, u"perché"_s, u"cosa"_s, u"mio"_s, u"mia"_s, u"miei"_s,
            u"mie"_s, u"suo"_s, u"sua"_s, u"questo"_s, u"questa"_s, u"anche"_s, u"ancora"_s, u"però"_s,
            u"già"_s, u"buongiorno"_s, u"salve"_s, u"grazie"_s, u"saluti"_s, u"cordiali"_s, u"vorrei"_s,
            u"posso"_s, u"potete"_s, u"può"_s, u"hanno"_s, u"più"_s, u"dove"_s,
            // pt
            u"não"_s, u"com"_s, u"dos"_s, u"das"_s, u"nos"_s, u"nas"_s, u"meu"_s, u"minha"_s, u"meus"_s,
            u"minhas"_s, u"seu"_s, u"isto"_s, u"isso"_s, u"esse"_s, u"essa"_s, u"mas"_s, u"também"_s,
            u"ainda"_s, u"olá"_s, u"obrigado"_s, u"obrigada"_s, u"cumprimentos"_s, u"porque"_s, u"porquê"_s,
            u"onde"_s, u"tem"_s, u"foi"_s, u"estou"_s, u"sobre"_s, u"pelo"_s, u"pela"_s, u"mais"_s,
            u"muito"_s};
        return QSet<QString>(list.cbegin(), list.cend());
    }();
    return words;
}

} // namespace

QStringList words(const QString &text)
{
    static const QRegularExpression splitter(u"[^\\p{L}\\p{N}]+"_s);
    return text.toLower().split(splitter, Qt::SkipEmptyParts);
}

QSet<QString> contentWords(const QString &text)
{
    QSet<QString> out;
    const QStringList all = words(text);
    for (const QString &w : all) {
        if (w.size() >= 3 && !stopwords().contains(w))
            out.insert(w);
    }
    return out;
}

QSet<QString> referenceNumbers(const QString &text)
{
    static const QRegularExpression number(u"(?<![\\d+])\\d{5,8}(?!\\d)"_s);
    QSet<QString> out;
    for (auto it = number.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}

QString ftsQuery(const QString &text, int maxTerms)
{
    QStringList terms = contentWords(text).values();
    // Deterministic order: longest (most specific) first, then alphabetical.
    std::sort(terms.begin(), terms.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    if (terms.size() > maxTerms)
        terms.resize(maxTerms);
    QStringList quoted;
    quoted.reserve(terms.size());
    for (const QString &t : std::as_const(terms)) {
        QString escaped = t;
        escaped.replace(u'"', u"\"\""_s);
        quoted.append(u'"' + escaped + u'"');
    }
    return quoted.join(u" OR "_s);
}

double setCosine(const QSet<QString> &a, const QSet<QString> &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0.0;
    const QSet<QString> &small = a.size() < b.size() ? a : b;
    const QSet<QString> &large = a.size() < b.size() ? b : a;
    int shared = 0;
    for (const QString &w : small) {
        if (large.contains(w))
            ++shared;
    }
    return shared / std::sqrt(double(a.size()) * double(b.size()));
}

namespace {

//! What the sender's mail system and signature add, cut: notices first, so that the signature
//! is still seen by its contact details; then the register, contact and device lines; then a
//! signature recognised only once they are gone (a title and a company line under the name).
QString withoutFooterAndSignature(const QString &body, const QString &customerName)
{
    const QString signedOff =
        withoutSignature(withoutMailFooter(body, FooterParts::NoticesOnly), customerName);
    return withoutSignature(withoutMailFooter(signedOff, FooterParts::LinesOnly), customerName);
}

//! The subject and every non-internal customer message, oldest first, each through \a body.
template <typename Body>
QString joinCustomerText(const Ticket &ticket, const QList<Message> &messages, Body body)
{
    QString out = ticket.subject;
    for (const Message &m : messages) {
        if (m.author.kind == AuthorKind::Customer && !m.internal) {
            if (!out.isEmpty())
                out += u'\n';
            out += body(m.body);
        }
    }
    return out;
}

} // namespace

QString customerText(const Ticket &ticket, const QList<Message> &messages)
{
    return joinCustomerText(ticket, messages, [&ticket](const QString &b) {
        return withoutFooterAndSignature(b, ticket.customer.name);
    });
}

QString ownWords(const Ticket &ticket, const QString &body)
{
    return withoutFooterAndSignature(withoutQuotedHistory(body), ticket.customer.name);
}

QString customerOwnText(const Ticket &ticket, const QList<Message> &messages)
{
    return joinCustomerText(ticket, messages, [&ticket](const QString &b) { return ownWords(ticket, b); });
}

QString customerRawText(const Ticket &ticket, const QList<Message> &messages)
{
    return joinCustomerText(ticket, messages, [](const QString &b) { return b; });
}

bool quotesItsSubject(const Ticket &ticket, const QList<Message> &messages)
{
    static const QRegularExpression replyOrForward(
        u"^\\s*(?:re|aw|sv|vs|wg|fw|fwd|tr|rv|r|rif|odp|vá|antw|doorst|enc|res|vl|ynt|ilt|fs)\\s*(?:\\[\\d+\\])?\\s*:"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto first = std::find_if(messages.cbegin(), messages.cend(), [](const Message &m) {
        return m.author.kind == AuthorKind::Customer && !m.internal;
    });
    return first != messages.cend() && replyOrForward.match(ticket.subject).hasMatch() &&
           withoutQuotedHistory(first->body) != first->body;
}

int customerMessageCount(const QList<Message> &messages)
{
    return int(std::count_if(messages.cbegin(), messages.cend(), [](const Message &m) {
        return m.author.kind == AuthorKind::Customer && !m.internal;
    }));
}

QString cleanName(const QString &displayName)
{
    static const QRegularExpression tags(u"<[^<>]{0,200}>"_s);
    QString name = displayName.left(1000);
    name.remove(tags);
    QString out;
    out.reserve(name.size());
    for (const QChar c : std::as_const(name)) {
        // Format characters are the bidirectional and zero-width controls and the BOM.
        if (c.category() == QChar::Other_Format || c == u'{' || c == u'}' || c == u'<' || c == u'>')
            continue;
        out.append(c.category() == QChar::Other_Control ? u' ' : c);
    }
    out = out.simplified();
    if (out.size() > 60)
        out = out.left(60).trimmed();
    const bool hasLetter = std::any_of(out.cbegin(), out.cend(), [](QChar c) { return c.isLetter(); });
    return hasLetter ? out : QString();
}

QString firstName(const QString &fullName)
{
    const QString trimmed = cleanName(fullName);
    const qsizetype space = trimmed.indexOf(u' ');
    return space > 0 ? trimmed.left(space) : trimmed;
}

QList<QPair<int, int>> sentenceSpans(const QString &text)
{
    QList<QPair<int, int>> out;
    const int n = int(text.size());
    auto push = [&](int from, int to) {
        while (from < to && text.at(from).isSpace())
            ++from;
        while (to > from && text.at(to - 1).isSpace())
            --to;
        if (to > from)
            out.append({from, to - from});
    };
    int start = 0;
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            push(start, i);
            start = i + 1;
            continue;
        }
        if (c != u'.' && c != u'!' && c != u'?' && c != u'\u2026')
            continue;
        int end = i + 1; // closing quotes and brackets belong to the sentence
        while (end < n && QStringView(u"\"')\u201D\u2019\u00BB").contains(text.at(end)))
            ++end;
        if (end < n && !text.at(end).isSpace())
            continue;
        int next = end;
        while (next < n && text.at(next).isSpace() && text.at(next) != u'\n')
            ++next;
        if (next < n && text.at(next).isLower())
            continue; // "e.g. this", "z. B. das"
        if (c == u'.') {
            int w = i;
            while (w > start && text.at(w - 1).isLetterOrNumber())
                --w;
            const QStringView word = QStringView(text).mid(w, i - w);
            const bool number =
                !word.isEmpty() && std::all_of(word.begin(), word.end(), [](QChar d) { return d.isDigit(); });
            if (number && word.size() <= 2)
                continue; // "3. März", "2. toukokuuta"
        }
        push(start, end);
        start = end;
        i = end - 1;
    }
    push(start, n);
    return out;
}

} // namespace tandem::server::text
