#include "LanguageDetector.h"

#include "RomanisedLanguages.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

using namespace Qt::StringLiterals;

namespace tandem::server {

namespace {

constexpr qsizetype kOwnLettersNeeded = 2;

// Short English needs its grammar words; a few English loan words (password, login, app, ok)
// are no English sentence: "come cambio la password" is Italian though cld2 reads it as English.
bool hasEnglishGrammarWord(const QString &text)
{
    // Only words the other served languages do not share ("is", "we", "of" are Dutch, "in",
    // "a", "i", "no", "do", "to", "on" belong to several).
    static const QSet<QString> words{
        u"the"_s,     u"my"_s,     u"your"_s,  u"our"_s,   u"i'm"_s,   u"i've"_s,   u"you"_s,    u"it's"_s,
        u"are"_s,     u"were"_s,   u"been"_s,  u"does"_s,  u"did"_s,   u"don't"_s,  u"dont"_s,   u"can"_s,
        u"can't"_s,   u"cant"_s,   u"could"_s, u"would"_s, u"have"_s,  u"has"_s,    u"not"_s,    u"yes"_s,
        u"for"_s,     u"with"_s,   u"from"_s,  u"and"_s,   u"but"_s,   u"this"_s,   u"that"_s,   u"what"_s,
        u"why"_s,     u"when"_s,   u"where"_s, u"how"_s,   u"who"_s,   u"which"_s,  u"please"_s, u"pls"_s,
        u"plz"_s,     u"thanks"_s, u"thank"_s, u"hi"_s,    u"hello"_s, u"hey"_s,    u"still"_s,  u"yet"_s,
        u"there"_s,   u"any"_s,    u"got"_s,   u"need"_s,  u"want"_s,  u"change"_s, u"reset"_s,  u"forgot"_s,
        u"where's"_s,
    };
    static const QRegularExpression nonWord(u"[^\\p{L}']+"_s, QRegularExpression::UseUnicodePropertiesOption);
    const QStringList said = text.toLower().replace(QChar(0x2019), u'\'').split(nonWord, Qt::SkipEmptyParts);
    return std::any_of(said.cbegin(), said.cend(), [](const QString &w) { return words.contains(w); });
}

// Languages cld2's table does not know, written in a script it reads as a bigger language's,
// but with letters of their own: Sindhi (read as Persian or Urdu) has implosives and retroflex
// letters no other Arabic-script language writes; Assamese (read as Bengali) writes r and w with
// letters Bengali lacks. Two such letters make the language; where cld2 reads the text as a
// language of another script, the letters were a quotation.
struct OwnLetters
{
    QString language;
    QString letters;
    QStringList readAs; //!< what cld2 calls the language ("" when it cannot tell)
};

QString byOwnLetters(const QString &text, const QString &detected)
{
    static const QList<OwnLetters> table{
        {u"sd"_s,
         u"\u06AA\u0684\u0683\u067B\u0680\u067A\u067D\u067F\u068A\u068D\u068C\u068F\u06B3\u06B1\u06A6\u06BB"_s,
         {u""_s, u"fa"_s, u"ur"_s, u"ar"_s, u"ps"_s}},
        {u"as"_s, u"\u09F0\u09F1"_s, {u""_s, u"bn"_s}},
    };
    for (const OwnLetters &l : table) {
        if (!l.readAs.contains(detected))
            continue;
        const qsizetype own =
            std::count_if(text.cbegin(), text.cend(), [&](QChar c) { return l.letters.contains(c); });
        if (own >= kOwnLettersNeeded)
            return l.language;
    }
    return {};
}

// The letters beyond a-z each language writes. A text holding one the hint's language writes
// and the other does not ("ketää" is no Galician) keeps the hint: cld2 alone reads doubled Finnish
// chat as Galician as surely as it reads unaccented Portuguese as Portuguese.
bool lettersSayHint(const QString &text, const QString &hint, const QString &other)
{
    static const QHash<QString, QString> letters{
        {u"fi"_s, u"äöå"_s},          {u"sv"_s, u"åäö"_s},           {u"da"_s, u"æøå"_s},
        {u"no"_s, u"æøå"_s},          {u"de"_s, u"äöüß"_s},          {u"es"_s, u"ñáéíóúü"_s},
        {u"pt"_s, u"ãõçáéíóúâêôà"_s}, {u"fr"_s, u"éèêàâçëîïôûùœ"_s}, {u"pl"_s, u"ąćęłńóśźż"_s},
        {u"nl"_s, u"éëï"_s},          {u"it"_s, u"àèéìòù"_s},        {u"gl"_s, u"áéíóúñ"_s},
        {u"ca"_s, u"àèéíïòóúüç"_s},
    };
    const auto own = letters.constFind(hint);
    const auto theirs = letters.constFind(other);
    if (own == letters.cend() || theirs == letters.cend())
        return false;
    const QString lower = text.toLower();
    return std::any_of(own->cbegin(), own->cend(),
                       [&](QChar c) { return lower.contains(c) && !theirs->contains(c); });
}

} // namespace

QString LanguageDetector::canonicalCode(const QString &c)
{
    static const QHash<QString, QString> modern{{u"nb"_s, u"no"_s}, {u"nn"_s, u"no"_s},
                                                {u"iw"_s, u"he"_s}, {u"ji"_s, u"yi"_s},
                                                {u"jw"_s, u"jv"_s}, {u"zh-Hant"_s, u"zh"_s}};
    return modern.value(c, c);
}

LanguageDetector::Result LanguageDetector::detect(const QString &text, const QString &hint)
{
    Result r;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.trimmed().isEmpty())
        return r;
    const QByteArray hintCode = hint.left(2).toLatin1();
    CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                         hintCode.isEmpty() ? CLD2::UNKNOWN_LANGUAGE
                                            : CLD2::GetLanguageFromName(hintCode.constData())};
    CLD2::Language language3[3];
    int percent3[3];
    double scores3[3];
    int textBytes = 0;
    bool reliable = false;
    int validPrefix = 0;
    // The CheckUTF8 variant never reads past invalid input; QString::toUtf8() is valid anyway.
    const CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        utf8.constData(), int(utf8.size()), true, &hints, 0, language3, percent3, scores3, nullptr,
        &textBytes, &reliable, &validPrefix);
    if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE)
        return r;
    auto code = [](CLD2::Language l) {
        return canonicalCode(QString::fromLatin1(CLD2::LanguageCode(l)));
    };
    r.language = code(lang);
    r.reliable = reliable;
    r.percent = percent3[0];
    for (int i = 0; i < 3; ++i) {
        if (language3[i] != CLD2::UNKNOWN_LANGUAGE && language3[i] != CLD2::TG_UNKNOWN_LANGUAGE &&
            percent3[i] > 0)
            r.mix.append({code(language3[i]), percent3[i]});
    }
    return r;
}

bool LanguageDetector::areNeighbours(const QString &a, const QString &b)
{
    // Languages cld2 confuses on short text: mutually intelligible neighbours.
    static const QList<QStringList> groups{
        {u"sv"_s, u"da"_s, u"no"_s, u"nb"_s, u"nn"_s},
        {u"cs"_s, u"sk"_s},
        {u"hr"_s, u"sr"_s, u"bs"_s, u"sl"_s},
        {u"id"_s, u"ms"_s},
        {u"es"_s, u"gl"_s, u"ca"_s},
        {u"pt"_s, u"gl"_s},
        {u"ru"_s, u"uk"_s, u"be"_s},
        {u"nl"_s, u"af"_s},
        // The Bantu languages of southern and eastern Africa: cld2 reads Zulu as Luganda,
        // Chichewa or Sesotho, Xhosa as Chichewa.
        {u"zu"_s, u"xh"_s, u"ny"_s, u"st"_s, u"tn"_s, u"ss"_s, u"nr"_s, u"ts"_s, u"ve"_s, u"sn"_s, u"lg"_s,
         u"rw"_s, u"rn"_s},
        // Round 30: Pashto read as Persian, Luxembourgish as German, Kazakh and Kyrgyz as each
        // other, Nepali and Marathi as Hindi, Tigrinya as Amharic, Irish as Scottish Gaelic.
        {u"fa"_s, u"ps"_s, u"sd"_s},
        {u"ur"_s, u"sd"_s},
        // Round 33: Assamese read as Bengali, Cebuano as Tagalog (cld2's table lacks the first).
        {u"bn"_s, u"as"_s},
        {u"tl"_s, u"ceb"_s},
        {u"de"_s, u"lb"_s},
        {u"kk"_s, u"ky"_s, u"tt"_s, u"ba"_s},
        {u"hi"_s, u"mr"_s, u"ne"_s},
        {u"am"_s, u"ti"_s},
        {u"ga"_s, u"gd"_s},
    };
    return std::any_of(groups.cbegin(), groups.cend(),
                       [&](const QStringList &g) { return g.contains(a) && g.contains(b); });
}

QString LanguageDetector::decide(const QString &text, const QString &hint)
{
    // A profile may say "nb" or "iw": the same names as detection gives.
    const QString h = canonicalCode(hint.left(2).toLower());
    const Result r = detect(text, h);
    if (const QString own = byOwnLetters(text, r.language); !own.isEmpty())
        return own;
    // Romanised Hindi, Arabizi, Taglish, Yoruba...: cld2 calls them English or cannot tell. Their
    // own words decide, before an English profile does (RomanisedLanguages asks for more of them
    // when the profile names another language).
    if (r.language.isEmpty() || r.language == u"en" || !r.reliable) {
        const QString romanised = RomanisedLanguages::builtIn().guess(text, h);
        if (!romanised.isEmpty())
            return romanised;
    }
    // The hint can outvote the text: for a Spanish profile cld2 reads "queria saber se enviam
    // para as ilhas" as Spanish, sure of it, while the same text alone is reliably Portuguese.
    // When the text read alone is reliably another language that is neither English (loan
    // words) nor a close neighbour of the hint (areNeighbours) and has none of the hint's
    // language in it, the customer wrote in that language.
    if (!h.isEmpty() && r.language == h && text.size() >= kPlainOverHintMinChars) {
        const Result plain = detect(text);
        const bool hintInPlain =
            std::any_of(plain.mix.cbegin(), plain.mix.cend(), [&](const auto &m) { return m.first == h; });
        if (plain.reliable && plain.percent >= kPlainOverHintPercent && !plain.language.isEmpty() &&
            plain.language != h && plain.language != u"en" && !areNeighbours(plain.language, h) &&
            !hintInPlain && !lettersSayHint(text, h, plain.language))
            return plain.language;
    }
    // Code-switched text ("Hej, my order har inte kommit"): the customer's own language wins
    // when it is a good part of the text.
    for (const auto &[lang, share] : r.mix) {
        if (!h.isEmpty() && lang == h && share >= kHintShare)
            return h;
    }
    // A few words cld2 calls English with no English grammar word among them ("come cambio la
    // password", "cambiar mi password"): loan words in the customer's own language.
    if (!h.isEmpty() && h != u"en" && r.language == u"en" && text.size() <= kLoanWordsMaxChars &&
        !hasEnglishGrammarWord(text))
        return h;
    // A short message in a close neighbour of the customer's language ("går det att betala med
    // faktura?" read as Danish for a Swedish customer): the letters barely tell them apart, the
    // profile does.
    if (!h.isEmpty() && !r.language.isEmpty() && r.language != h && text.size() <= kNeighbourMaxChars &&
        areNeighbours(r.language, h))
        return h;
    if (!r.language.isEmpty() && (r.reliable || h.isEmpty()))
        return r.language;
    return h.isEmpty() ? u"en"_s : h;
}

} // namespace tandem::server
