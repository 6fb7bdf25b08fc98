#include "EntityScanner.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

using Kind = Entity::Kind;

const QHash<QString, int> &monthNumbers()
{
    static const QHash<QString, int> months = [] {
        QHash<QString, int> m;
        const QList<QStringList> names{
            {u"january"_s, u"jan"_s, u"januari"_s, u"januar"_s, u"jänner"_s, u"enero"_s, u"janvier"_s,
             u"janv"_s},
            {u"february"_s, u"feb"_s, u"februari"_s, u"februar"_s, u"febrero"_s, u"février"_s, u"fevrier"_s,
             u"févr"_s},
            {u"march"_s, u"mar"_s, u"mars"_s, u"märz"_s, u"marzo"_s},
            {u"april"_s, u"apr"_s, u"abril"_s, u"avril"_s, u"avr"_s},
            {u"may"_s, u"maj"_s, u"mai"_s, u"mayo"_s},
            {u"june"_s, u"jun"_s, u"juni"_s, u"junio"_s, u"juin"_s},
            {u"july"_s, u"jul"_s, u"juli"_s, u"julio"_s, u"juillet"_s, u"juil"_s},
            {u"august"_s, u"aug"_s, u"augusti"_s, u"agosto"_s, u"août"_s, u"aout"_s},
            {u"september"_s, u"sep"_s, u"sept"_s, u"septiembre"_s, u"setiembre"_s, u"septembre"_s},
            {u"october"_s, u"oct"_s, u"oktober"_s, u"okt"_s, u"octubre"_s, u"octobre"_s},
            {u"november"_s, u"nov"_s, u"noviembre"_s, u"novembre"_s},
            {u"december"_s, u"dec"_s, u"dezember"_s, u"dez"_s, u"diciembre"_s, u"décembre"_s, u"déc"_s}};
        // nl, fi (partitive, as dates are written: "2. toukokuuta"), pl (genitive and nominative),
        // it, pt; names already listed for another language (juni, agosto) are not repeated.
        const QList<QStringList> more{
            {u"tammikuuta"_s, u"tammikuu"_s, u"stycznia"_s, u"styczeń"_s, u"gennaio"_s, u"janeiro"_s},
            {u"helmikuuta"_s, u"helmikuu"_s, u"lutego"_s, u"luty"_s, u"febbraio"_s, u"fevereiro"_s},
            {u"maart"_s, u"maaliskuuta"_s, u"maaliskuu"_s, u"marca"_s, u"marzec"_s, u"março"_s},
            {u"huhtikuuta"_s, u"huhtikuu"_s, u"kwietnia"_s, u"kwiecień"_s, u"aprile"_s},
            {u"mei"_s, u"toukokuuta"_s, u"toukokuu"_s, u"maja"_s, u"maggio"_s, u"maio"_s},
            {u"kesäkuuta"_s, u"kesäkuu"_s, u"czerwca"_s, u"czerwiec"_s, u"giugno"_s, u"junho"_s},
            {u"heinäkuuta"_s, u"heinäkuu"_s, u"lipca"_s, u"lipiec"_s, u"luglio"_s, u"julho"_s},
            {u"augustus"_s, u"elokuuta"_s, u"elokuu"_s, u"sierpnia"_s, u"sierpień"_s},
            {u"syyskuuta"_s, u"syyskuu"_s, u"września"_s, u"wrzesień"_s, u"settembre"_s, u"setembro"_s},
            {u"lokakuuta"_s, u"lokakuu"_s, u"października"_s, u"październik"_s, u"ottobre"_s, u"outubro"_s},
            {u"marraskuuta"_s, u"marraskuu"_s, u"listopada"_s, u"listopad"_s, u"novembro"_s},
            {u"joulukuuta"_s, u"joulukuu"_s, u"grudnia"_s, u"grudzień"_s, u"dicembre"_s, u"dezembro"_s}};
        for (int i = 0; i < names.size(); ++i) {
            for (const QString &n : names.at(i))
                m.insert(n, i + 1);
            for (const QString &n : more.at(i))
                m.insert(n, i + 1);
        }
        return m;
    }();
    return months;
}

QString monthAlternation()
{
    QStringList names = monthNumbers().keys();
    // Longest first so "march" is not cut to "mar".
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    return names.join(u'|');
}

struct Pattern
{
    Kind kind;
    QRegularExpression re;
};

const std::vector<Pattern> &patterns()
{
    static const std::vector<Pattern> list = [] {
        const auto opts = QRegularExpression::UseUnicodePropertiesOption;
        const auto ci = opts | QRegularExpression::CaseInsensitiveOption;
        const QString number =
            u"(?:\\d{1,3}(?:[ \\x{00A0}\\x{202F},.'\\x{2019}]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)"_s;
        const QString months = monthAlternation();
        std::vector<Pattern> p;
        p.push_back({Kind::Email, QRegularExpression(u"[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"_s, opts)});
        p.push_back({Kind::Url, QRegularExpression(u"\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]{}]+"_s, ci)});
        // A symbol right after a number ends that amount ("120 € 2. toukokuuta"); it starts no other.
        p.push_back(
            {Kind::Amount,
             QRegularExpression(
                 u"(?<!\\d)(?<!\\d\\s)(?:[£$€]|\\b(?:USD|EUR|GBP|SEK|NOK|DKK|CHF|PLN)\\b)\\s?"_s + number,
                 opts)});
        p.push_back(
            {Kind::Amount,
             QRegularExpression(
                 u"(?<![\\w.,])"_s + number +
                     u"\\s?(?:€|£|\\$|kr\\b|kronor\\b|SEK\\b|EUR\\b|USD\\b|GBP\\b|"
                     "CHF\\b|PLN\\b|zł(?!\\p{L})|złotych\\b|euros?\\b|dollars?\\b|pounds?\\b|libras?\\b)"_s,
                 ci)});
        p.push_back({Kind::Date, QRegularExpression(u"\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b"_s, opts)});
        p.push_back({Kind::Date, QRegularExpression(u"\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b"_s, opts)});
        p.push_back(
            {Kind::Date, QRegularExpression(u"\\b\\d{1,2}(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?(?:"_s +
                                                months + u")\\b\\.?(?:,?\\s+(?:de\\s+)?\\d{4}\\b)?"_s,
                                            ci)});
        p.push_back(
            {Kind::Date,
             QRegularExpression(
                 u"\\b(?:"_s + months + u")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b)?"_s, ci)});
        p.push_back(
            {Kind::Reference, QRegularExpression(u"\\b[A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}\\b"_s, opts)});
        p.push_back({Kind::Reference, QRegularExpression(u"\\b[A-Za-z]{1,5}-?\\d{5,}\\b"_s, opts)});
        p.push_back({Kind::Reference, QRegularExpression(u"#\\s?\\d{3,}\\b"_s, opts)});
        p.push_back(
            {Kind::Phone, QRegularExpression(u"(?:\\+|\\b00)\\d{1,3}[\\s-]?(?:\\(?\\d{1,4}\\)?[\\s-]?){1,5}"
                                             u"\\d{2,4}\\b|\\b0\\d{1,4}(?:[\\s-]\\d{2,4}){2,4}\\b|"
                                             "\\(\\d{3}\\)\\s?\\d{3}-\\d{4}\\b|\\b\\d{3}-\\d{3}-\\d{4}\\b"_s,
                                             opts)});
        p.push_back({Kind::Reference, QRegularExpression(u"\\b\\d{6,}\\b"_s, opts)});
        return p;
    }();
    return list;
}

QString digitsOf(QStringView s)
{
    QString out;
    for (const QChar c : s) {
        if (c.isDigit())
            out += c;
    }
    return out;
}

QString dateKey(const QString &text)
{
    static const QRegularExpression iso(u"^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"_s);
    static const QRegularExpression numeric(u"^(\\d{1,2})[./](\\d{1,2})[./]\\d{2,4}$"_s);
    static const QRegularExpression word(u"[\\p{L}]+"_s, QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression firstNumber(u"\\d{1,2}(?!\\d)"_s);
    if (const auto m = iso.match(text); m.hasMatch())
        return u"%1.%2"_s.arg(m.captured(3).toInt()).arg(m.captured(2).toInt());
    if (const auto m = numeric.match(text); m.hasMatch())
        return u"%1.%2"_s.arg(m.captured(1).toInt()).arg(m.captured(2).toInt());
    int month = 0;
    auto words = word.globalMatch(text.toLower());
    while (words.hasNext() && month == 0)
        month = monthNumbers().value(words.next().captured(0));
    const auto day = firstNumber.match(text);
    return u"%1.%2"_s.arg(day.hasMatch() ? day.captured(0).toInt() : 0).arg(month);
}

} // namespace

QString Entity::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Email:
        return u"e-mail address"_s;
    case Kind::Url:
        return u"URL"_s;
    case Kind::Amount:
        return u"amount"_s;
    case Kind::Date:
        return u"date"_s;
    case Kind::Reference:
        return u"order or account number"_s;
    case Kind::Phone:
        return u"phone number"_s;
    }
    return {};
}

qint64 EntityScanner::amountCents(const QString &amountText)
{
    // Keep digits and separators; the last separator followed by 1-2 digits is the decimal point.
    QString n;
    for (const QChar c : amountText) {
        if (c.isDigit() || c == u'.' || c == u',')
            n += c;
    }
    while (!n.isEmpty() && !n.back().isDigit())
        n.chop(1);
    while (!n.isEmpty() && !n.front().isDigit())
        n.remove(0, 1);
    if (n.isEmpty())
        return -1;
    const qsizetype sep = std::max(n.lastIndexOf(u'.'), n.lastIndexOf(u','));
    QString whole = n;
    QString fraction;
    if (sep >= 0 && n.size() - sep - 1 <= 2) {
        whole = n.left(sep);
        fraction = n.mid(sep + 1);
    }
    whole = digitsOf(whole);
    if (whole.size() > 15)
        return -1;
    if (fraction.size() == 1)
        fraction += u'0';
    return whole.toLongLong() * 100 + (fraction.isEmpty() ? 0 : fraction.toLongLong());
}

QString EntityScanner::keyOf(const Entity &e)
{
    switch (e.kind) {
    case Kind::Email:
        return u"email:"_s + e.text.toLower();
    case Kind::Url: {
        static const QRegularExpression prefix(u"^(?:https?://)?(?:www\\.)?"_s);
        QString u = e.text.toLower();
        u.remove(prefix);
        while (u.endsWith(u'/'))
            u.chop(1);
        return u"url:"_s + u;
    }
    case Kind::Amount:
        return u"amount:"_s + QString::number(amountCents(e.text));
    case Kind::Date:
        return u"date:"_s + dateKey(e.text);
    case Kind::Reference: {
        QString r;
        for (const QChar c : e.text) {
            if (c.isLetterOrNumber())
                r += c.toUpper();
        }
        return u"ref:"_s + r;
    }
    case Kind::Phone: {
        QString d = digitsOf(e.text);
        // +46 8 123 and 08 123 are the same number: compare the last 8 digits.
        return u"phone:"_s + d.right(8);
    }
    }
    return {};
}

QList<Entity> EntityScanner::scan(const QString &text)
{
    QList<Entity> out;
    std::vector<bool> claimed(static_cast<size_t>(text.size()), false);
    for (const Pattern &p : patterns()) {
        auto it = p.re.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            int start = int(m.capturedStart());
            QString value = m.captured(0);
            if (p.kind == Kind::Date && value.endsWith(u'.')) {
                value.chop(1); // "14 March." ends a sentence; "3. März" keeps its inner dot
            } else if (p.kind == Kind::Url || p.kind == Kind::Email) {
                while (!value.isEmpty() && QStringView(u".,;:!?").contains(value.back()))
                    value.chop(1);
            }
            if (p.kind == Kind::Phone) {
                const qsizetype digits = digitsOf(value).size();
                if (digits < 7 || digits > 15)
                    continue;
            }
            const int length = int(value.size());
            if (length == 0)
                continue;
            bool overlaps = false;
            for (int i = start; i < start + length && !overlaps; ++i)
                overlaps = claimed[static_cast<size_t>(i)];
            if (overlaps)
                continue;
            for (int i = start; i < start + length; ++i)
                claimed[static_cast<size_t>(i)] = true;
            Entity e{p.kind, start, length, value, {}};
            e.key = keyOf(e);
            out.append(e);
        }
    }
    std::sort(out.begin(), out.end(), [](const Entity &a, const Entity &b) { return a.start < b.start; });
    return out;
}

QSet<QString> EntityScanner::keys(const QString &text)
{
    QSet<QString> out;
    const QList<Entity> all = scan(text);
    for (const Entity &e : all)
        out.insert(e.key);
    return out;
}

} // namespace tandem::server
