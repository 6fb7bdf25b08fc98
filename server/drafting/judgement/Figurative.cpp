#include "Figurative.h"

#include "Sentences.h"
#include "SignalLexicon.h"
#include "TextFolding.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {
namespace {

bool hasLetters(QStringView text, int atLeast)
{
    int n = 0;
    for (QChar c : text)
        n += c.isLetter() ? 1 : 0;
    return n >= atLeast;
}

//! Works people buy and name: a title is only read as one beside such a word (folded, ten
//! languages and the international ones).
bool namesAWork(const QString &folded)
{
    static const QRegularExpression work(
        u"\\b(?:books?|novels?|editions?|films?|movies?|series|songs?|albums?|vinyls?|records?|lps?|cds?|"
        u"dvds?|"
        "blu-?rays?|games?|dlcs?|posters?|prints?|tracks?|bands?|episodes?|seasons?|comics?|mangas?|"
        "audiobooks?|e-?books?|playlists?|podcasts?|documentar\\w*|soundtracks?|musicals?|plays?|"
        // de
        "buch\\w*|roman\\w*|ausgabe\\w*|serie\\w*|lied\\w*|schallplatte\\w*|platte\\w*|spiel\\w*|folge\\w*|"
        "staffel\\w*|horbuch\\w*|hoerbuch\\w*|titel\\w*|"
        // fr
        "livres?|editions?|chansons?|vinyles?|disques?|jeux?|saisons?|titres?|bd|"
        // es, pt, it
        "libros?|novelas?|edicion\\w*|edicao|edicoes|peliculas?|cancion\\w*|vinilos?|discos?|juegos?|"
        "temporadas?|capitulos?|titulos?|livros?|filmes?|musicas?|cancao|cancoes|vinis?|jogos?|"
        "episodios?|romanzo|romanzi|edizion\\w*|canzon\\w*|vinile|vinili|giochi|gioco|stagion\\w*|"
        "puntat\\w*|titol\\w*|libri|libro|"
        // nl, sv
        "boek\\w*|editie\\w*|liedjes?|nummers?|platen|plaat|spel\\w*|seizoen\\w*|aflevering\\w*|"
        "bok|boken|bocker|utgava\\w*|laten|latar|skiva\\w*|sasong\\w*|avsnitt\\w*|"
        // fi, pl
        "kirja\\w*|romaani\\w*|painos\\w*|elokuva\\w*|sarja\\w*|kappale\\w*|laulu\\w*|albumi\\w*|levy\\w*|"
        "peli\\w*|jakso\\w*|ksiazk\\w*|powiesc\\w*|wydani\\w*|serial\\w*|piosenk\\w*|utwor\\w*|plyt\\w*|"
        "winyl\\w*|gry|gre|sezon\\w*|odcin\\w*|tytul\\w*)\\b"_s);
    return work.match(folded).hasMatch();
}

bool inside(const TextSpans &spans, qsizetype at)
{
    return std::any_of(spans.cbegin(), spans.cend(),
                       [at](const auto &s) { return s.first <= at && at < s.second; });
}

//! Laughter in folded text: "haha", "jajaja", "kkk", "rs", "lol", "mdr", "xD", 😂, 😄, 💀, 🙈, 🤭.
const QRegularExpression &laughter()
{
    static const QRegularExpression re(
        u"(?<!\\w)(?:a?(?:ha){2,}h?|(?:he){2,}h?|(?:hi){2,}|(?:ja){2,}j?|(?:je){2,}|(?:ah){2,}a?|k{3,}|"
        "(?:rs){1,3}|(?:lol)+z?|lmf?ao|rofl|mdr|ptdr|x+d+|:-?d+)(?!\\w)|"
        "[\\x{1F600}\\x{1F601}\\x{1F602}\\x{1F603}\\x{1F604}\\x{1F605}\\x{1F606}\\x{1F923}\\x{1F480}\\x{1F61C}\\x{1F61D}\\x{1F648}\\x{1F92D}]"_s);
    return re;
}

} // namespace

bool laughsAfter(const QString &folded, qsizetype from)
{
    // A wink or an upside-down smile shrugs a grumble off too, though it laughs at nothing.
    static const QRegularExpression shrug(u"[\\x{1F609}\\x{1F643}]"_s);
    const QStringView after = QStringView(folded).mid(from, 240);
    return laughter().match(after).hasMatch() || shrug.match(after).hasMatch();
}

TextSpans laughingSentences(const QString &folded)
{
    // Named outright, suicide and self-harm are read even beside a laugh.
    static const QRegularExpression explicitRisk(
        u"suicid|suizid|selbstmord|zelfmoord|sjalvmord|selvmord|itsemurh|samoboj|"
        "\\b(?:kill|killing|hurt|hurting|cut|cutting|harm|harming) my ?self\\b|\\bself[- ]?harm|"
        "\\bend (?:my life|it all)\\b|\\bmich (?:umbringen|ritzen)\\b|\\btappaa itseni\\b|"
        "\\bzabic sie\\b|\\bta livet av mig\\b|\\bmezelf (?:van kant|iets aan)\\b|\\boverdos"_s);
    TextSpans out;
    for (auto it = laughter().globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        auto span = sentenceAround(folded, m.capturedStart(), m.capturedEnd());
        // "I'm dead. 😂 Anyway, ...": a laugh opening a sentence laughs at the one before.
        if (!hasLetters(QStringView(folded).mid(span.first, m.capturedStart() - span.first), 1) &&
            span.first > 1)
            span.first = sentenceAround(folded, span.first - 2, span.first - 1).first;
        const QStringView sentence = QStringView(folded).mid(span.first, span.second - span.first);
        if (explicitRisk.match(sentence).hasMatch())
            continue;
        if (!out.isEmpty() && out.last().second >= span.first)
            out.last().second = std::max(out.last().second, span.second);
        else
            out.append(span);
    }
    return out;
}

TextSpans titleSpans(const QString &text, const QString &folded, QStringView language)
{
    if (!namesAWork(folded))
        return {};
    static const QRegularExpression quotedTitle(
        u"\"\\s?([^\"\\n]{2,80}?)\\s?\"|\u201C([^\u201D\\n]{2,80})\u201D|\u201E([^\u201C\u201D\\n]{2,80})["
        u"\u201C\u201D]|"
        "\u00AB\\s?([^\u00BB\\n]{2,80}?)\\s?\u00BB|\u00BB([^\u00AB\\n]{2,80})\u00AB|"
        "(?<!\\w)['\u2018]((?:[^'\u2019\\n]|(?<=\\w)['\u2019](?=\\w)){2,80})['\u2019](?!\\w)"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    TextSpans out;
    QStringList titles;
    for (auto it = quotedTitle.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        int group = 1;
        while (group <= m.lastCapturedIndex() && m.capturedStart(group) < 0)
            ++group;
        const QString title = m.captured(group).trimmed();
        if (title.isEmpty() || !title.at(0).isUpper() || title.split(u' ', Qt::SkipEmptyParts).size() > 10)
            continue;
        out.append({m.capturedStart(), m.capturedEnd()});
        if (title.contains(u' '))
            titles.append(title);
    }
    // The same title elsewhere, unquoted (the subject line names the book the body quotes).
    for (const QString &title : std::as_const(titles)) {
        const TextSpans quoted = out;
        for (qsizetype at = text.indexOf(title, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(title, at + title.size(), Qt::CaseInsensitive)) {
            if (std::none_of(quoted.cbegin(), quoted.cend(),
                             [at](const auto &q) { return q.first <= at && at < q.second; }))
                out.append({at, at + title.size()});
        }
    }
    // Outside German (where every noun is capitalised), a capital in mid-sentence opens a name:
    // "Kuolema tekee taiteilijan on hänen lempikappaleensa" runs to the next punctuation.
    if (!language.isEmpty() && language != u"de") {
        static const QRegularExpression capitalRun(
            u"(?<=[\\p{Ll},;:] )(\\p{Lu}[\\p{L}'\u2019-]+)(?:\\s[\\p{L}\\d'\u2019&-]+){0,5}"_s,
            QRegularExpression::UseUnicodePropertiesOption);
        static const QRegularExpression pronounI(u"^I(?:['\u2019]\\w+)?$"_s);
        for (auto it = capitalRun.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            if (!pronounI.match(m.captured(1)).hasMatch())
                out.append({m.capturedStart(), m.capturedEnd()});
        }
    }
    return out;
}

bool speaksOfWriter(QStringView folded)
{
    static const QRegularExpression writer(
        u"\\b(?:i|i'?m|im|i'?ve|me|my|myself|mine|ich|mich|mir|mein\\w*|je|j'\\w+|me|m'\\w+|moi|mon|ma|mes|"
        "yo|mi|mis|mio|mia|me|eu|meu|minha|meus|minhas|comigo|io|mi|mio|mia|miei|mie|ik|mij|mijn|me|"
        "jag|mig|min|mitt|mina|mej|mina|minua|minun|minulla|minulle|mun|mulla|ja|mnie|mi|moj\\w*|mego|"
        "mojej|sam|sama)\\b|\\w+(?:ni|ani|eni|ini|oni|uni|yni)\\b(?=.*\\b(?:kuoli|kuollut|menehtyi))"_s);
    return writer.match(folded).hasMatch();
}

TextSpans pastYearSentences(const QString &folded, int currentYear, int minYears)
{
    static const QRegularExpression year(u"(?<![\\d.,/-])((?:19[5-9]|20[0-9])\\d)(?![\\d.,/-]?\\d)"_s);
    TextSpans out;
    for (auto it = year.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const int y = m.captured(1).toInt();
        if (y <= currentYear - minYears)
            out.append(sentenceAround(folded, m.capturedStart(), m.capturedEnd()));
    }
    return out;
}

QString riskText(const SignalLexicon &lexicon, const QString &text, const QString &judged,
                 const QString &unblanked, QStringView language)
{
    // What the writer laughs at ("me quiero morir jajaja") and the title of a book, a song or a
    // game ("Don't Fear the Reaper") are nobody's situation. Only risk is read without them: a
    // sarcastic complaint laughs too, and a regulator's name is capitalised like a title.
    TextSpans blank = laughingSentences(judged);
    if (TextSpans titles = titleSpans(text, unblanked, language); !titles.isEmpty()) {
        // Only a title with words of risk in it is set aside: the other capitalised words (a
        // name, a street) stay for the text layer to read.
        static const std::array<QStringView, 12> risky{
            u"crisis",          u"danger",          u"vulnerable",       u"concept_die",
            u"concept_despair", u"concept_fear",    u"concept_violence", u"concept_end_all",
            u"concept_means",   u"concept_hostile", u"crisis_hopeless",  u"crisis_finality"};
        titles.removeIf([&](const auto &t) {
            const QString title = fold(text.mid(t.first, t.second - t.first));
            return std::none_of(risky.cbegin(), risky.cend(),
                                [&](QStringView signal) { return lexicon.has(signal, title); });
        });
        QList<qsizetype> origins;
        fold(text, &origins);
        for (qsizetype i = 0; i < judged.size() && i < origins.size(); ++i) {
            if (inside(titles, origins.at(i)))
                blank.append({i, i + 1});
        }
    }
    if (blank.isEmpty())
        return {};
    QString out = judged;
    for (const auto &[start, end] : blank)
        out.replace(start, end - start, QString(end - start, u' '));
    return out;
}

} // namespace tandem::server::judgement
