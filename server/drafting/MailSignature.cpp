#include "MailSignature.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server::text {

namespace {

constexpr qsizetype kMaxSignatureLines = 10;
constexpr qsizetype kMaxSignatureLine = 140;
constexpr qsizetype kMaxSignature = 600;
constexpr qsizetype kMaxNameTokens = 5;

//! Lower case without accents: "Horváthová" and "horvathova" are one name.
QString plain(const QString &s)
{
    QString out;
    const QString decomposed = s.normalized(QString::NormalizationForm_KD).toCaseFolded();
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_Enclosing)
            out.append(c);
    }
    return out;
}

QStringList wordsOf(const QString &line)
{
    static const QRegularExpression nonWord(u"[^\\p{L}\\p{N}.'’-]+"_s,
                                            QRegularExpression::UseUnicodePropertiesOption);
    QStringList words = line.split(nonWord, Qt::SkipEmptyParts);
    for (QString &w : words) {
        while (!w.isEmpty() && (w.back() == u'.' || w.back() == u'-' || w.back() == u'\''))
            w.chop(1);
        while (!w.isEmpty() && (w.front() == u'-' || w.front() == u'\''))
            w.remove(0, 1);
    }
    words.removeAll(QString());
    return words;
}

//! "Natalie Cooper", "Mgr. Zuzana Horváthová", "— M. Dąbrowski": the writer's name, with titles
//! and initials, nothing else.
bool isNameLine(const QString &line, const QSet<QString> &nameTokens)
{
    const QStringList words = wordsOf(line);
    if (words.isEmpty() || words.size() > kMaxNameTokens)
        return false;
    bool named = false;
    for (const QString &w : words) {
        if (nameTokens.contains(plain(w))) {
            named = true;
            continue;
        }
        // A title or an initial ("Dr", "Mgr", "Ing", "M"): short and capitalised.
        if (w.size() <= 4 && w.front().isUpper())
            continue;
        return false;
    }
    return named;
}

//! A quoted or forwarded mail below the name is history, never a signature: its planted
//! "approval" must still be read (withoutQuotedHistory() decides what history is).
bool startsHistory(const QString &line)
{
    static const QRegularExpression history(
        u"^\\s*(?:>|[-_=*]{3,}|(?:from|de|von|van|fr[aå]n|da|od|l[aä]hett[aä]j[aä]|subject|assunto|betreff|"
        u"objet|"
        "asunto|onderwerp|[aä]mne|oggetto|temat|aihe|sent|date|to)\\s*:)"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return history.match(line).hasMatch();
}

bool isPostscript(const QString &line)
{
    static const QRegularExpression ps(
        u"^\\s*(?:p\\.?\\s?s\\.?|p\\.?\\s?d\\.?|n\\.?\\s?b\\.?|post-?scriptum)\\s*[:.,-]"_s,
        QRegularExpression::CaseInsensitiveOption);
    return ps.match(line).hasMatch();
}

//! A phone or register number, an address on the web or by mail, a company form or register:
//! what signatures carry and sentences rarely do.
bool hasContactDetails(const QString &line)
{
    static const QRegularExpression contact(
        u"(?:\\d[\\d \\-/().]{5,}\\d|[\\w.+-]+@[\\w-]+\\.[\\w.]+|\\bwww\\.|https?://|\\b(?:ltd|llc|inc|gmbh|"
        "b\\.v|s\\.a|s\\.l|srl|s\\.r\\.l|spa|s\\.p\\.a|sp\\. z o\\.o|s\\.r\\.o|a\\.s|kft|zrt|plc|e\\.v|vzw|"
        "asbl|stiftung|foundation|fundaci[oó]n|fondation|charity|registered|reg\\. "
        "?no|kvk|hrb|siret|nip|p\\.? ?iva|"
        "vat)\\b)"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    // The short company forms only as written: "AB", not the "as" of a sentence.
    static const QRegularExpression companyForm(u"\\b(?:AB|AG|AS|A/S|ApS|BV|NV|OY|Oy|SA|SL|ry)\\b"_s);
    if (companyForm.match(line).hasMatch())
        return true;
    return contact.match(line).hasMatch();
}

//! Whether the line has the writer speak of themselves: a first-person singular pronoun in one
//! of the languages the desk hears most (a pro-drop "No puedo más" has none, and is kept by
//! the contact-details rule instead).
bool speaksOfSelf(const QString &line)
{
    static const QSet<QString> self{
        u"i"_s,      u"i'm"_s,   u"im"_s,    u"i've"_s,  u"i'll"_s, u"i'd"_s,   u"me"_s,     u"my"_s,
        u"myself"_s, u"ich"_s,   u"mich"_s,  u"mir"_s,   u"mein"_s, u"meine"_s, u"meinen"_s, u"meinem"_s,
        u"meiner"_s, u"je"_s,    u"j'"_s,    u"moi"_s,   u"mon"_s,  u"ma"_s,    u"mes"_s,    u"yo"_s,
        u"mi"_s,     u"mis"_s,   u"io"_s,    u"mio"_s,   u"mia"_s,  u"eu"_s,    u"meu"_s,    u"minha"_s,
        u"ik"_s,     u"mij"_s,   u"mijn"_s,  u"jag"_s,   u"mig"_s,  u"mej"_s,   u"min"_s,    u"mitt"_s,
        u"mina"_s,   u"minun"_s, u"minua"_s, u"mua"_s,   u"ja"_s,   u"mnie"_s,  u"moj"_s,    u"moja"_s,
        u"moje"_s,   u"mne"_s,   u"mna"_s,   u"jeg"_s,   u"meg"_s,  u"я"_s,     u"мне"_s,    u"меня"_s,
        u"мой"_s,    u"моя"_s,   u"ben"_s,   u"benim"_s, u"mine"_s};
    const QStringList words = wordsOf(line);
    return std::any_of(words.cbegin(), words.cend(), [](const QString &w) {
        QString p = plain(w);
        p.replace(u'’', u'\'');
        if (self.contains(p))
            return true;
        // "j'ai", "m'appelle", "I'm": a clitic first person.
        return p.startsWith(u"j'"_s) || p.startsWith(u"i'"_s);
    });
}

//! Whether the lines from \a from on read as a signature: at most ten short lines, no quoted or
//! forwarded mail, no postscript, no line where the writer speaks of themselves, and (when
//! \a needsContact) contact or register details somewhere.
bool isSignature(const QStringList &lines, qsizetype from, bool needsContact)
{
    qsizetype filled = 0;
    qsizetype size = 0;
    bool contact = false;
    for (qsizetype i = from; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        ++filled;
        size += line.size();
        contact = contact || hasContactDetails(line);
        if (filled > kMaxSignatureLines || line.size() > kMaxSignatureLine || size > kMaxSignature ||
            startsHistory(line) || isPostscript(line) || speaksOfSelf(line))
            return false;
    }
    return filled > 0 && (contact || !needsContact);
}

//! Whether anything is written above line \a at: a signature needs a message over it.
bool hasTextAbove(const QStringList &lines, qsizetype at)
{
    return std::any_of(lines.cbegin(), lines.cbegin() + at,
                       [](const QString &l) { return !l.trimmed().isEmpty(); });
}

} // namespace

QString withoutSignature(const QString &body, const QString &customerName)
{
    const QStringList lines = body.split(u'\n');
    // The delimiter mail programs put above a signature ("-- ", RFC 3676; often trimmed to "--"):
    // what follows is the signature when it reads as one, whatever name it carries.
    for (qsizetype at = 1; at < lines.size() - 1; ++at) {
        if (lines.at(at).trimmed() != u"--"_s)
            continue;
        if (hasTextAbove(lines, at) && isSignature(lines, at + 1, false))
            return lines.mid(0, at).join(u'\n');
        break;
    }
    QSet<QString> nameTokens;
    for (const QString &w : wordsOf(customerName)) {
        if (w.size() >= 2)
            nameTokens.insert(plain(w));
    }
    if (nameTokens.isEmpty())
        return body;
    // The last name line with writing above it and only a signature below it.
    for (qsizetype at = lines.size() - 2; at >= 1; --at) {
        if (!isNameLine(lines.at(at), nameTokens))
            continue;
        if (!hasTextAbove(lines, at))
            return body;
        if (!isSignature(lines, at + 1, true))
            return body;
        QStringList kept = lines.mid(0, at + 1);
        return kept.join(u'\n');
    }
    return body;
}

} // namespace tandem::server::text
