#include "Sentences.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

QStringList splitRequests(const QString &text)
{
    QString body;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        if (line.trimmed() == u"--" || line.startsWith(u"-- "))
            break;
        if (!line.trimmed().startsWith(u'>'))
            body += line + u'\n';
    }
    // Sentence ends, then connectors that open a new request ("Also, ...", "Außerdem ...").
    // Also commas and "and" in the served languages: a list of requests in one sentence
    // ("change my address, dispute a fee and ask about a refund"). In a question, only where
    // what follows opens a request of its own ("..., and can you change my e-mail?"): "Can I
    // add a card with a message and choose the delivery day?" asks one thing. Pieces too short
    // to carry a request are ignored by the caller.
    // "1. var är återbetalningen? 2. kan jag ändra adressen 3. glömt lösenordet": items numbered
    // on one line are pieces of their own. (The first item stays with what introduces it:
    // "Pari asiaa: 1) …".)
    if (const QList<qsizetype> items = numberedItems(body); items.size() >= 2) {
        for (qsizetype i = items.size() - 1; i >= 1; --i)
            body.insert(items.at(i), u'\n');
    }
    // (Not after the number of an item: "1. var är ...".)
    static const QRegularExpression sentenceEnds(
        u"(?<=[.!?。！？؟])(?<!^\\d\\.)(?<!\\s\\d\\.)\\s+|\\n+|;\\s+"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression listSeparators(u",\\s+|\\s+(?:and|och|und|y|et|e|ja|oraz|ed)\\s+"_s,
                                                   QRegularExpression::UseUnicodePropertiesOption);
    QStringList parts;
    const QStringList whole = body.split(sentenceEnds, Qt::SkipEmptyParts);
    for (const QString &sentence : whole) {
        const QString trimmed = sentence.trimmed();
        const bool question =
            trimmed.endsWith(u'?') || trimmed.endsWith(u'\uFF1F') || trimmed.endsWith(u'\u061F');
        qsizetype from = 0;
        for (auto it = listSeparators.globalMatch(sentence); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (question) {
                // What follows, up to the next separator, without the question mark, must ask or
                // open a list item ("1) ..., 2) ..."); what precedes must be more than an opener
                // ("Et si oui, jusqu'à quand ... ?" asks on about the matter before).
                static const QRegularExpression listItem(u"^\\s*"_s + kListItemOpener + u"\\s"_s);
                QString next = sentence.mid(m.capturedEnd());
                next = next.left(next.indexOf(listSeparators)).remove(u'?');
                const qsizetype before =
                    QStringView(sentence).mid(from, m.capturedStart() - from).count(u' ') + 1;
                if ((!asksSomething(next) && !listItem.match(next).hasMatch()) || before < 3)
                    continue;
            }
            parts.append(sentence.mid(from, m.capturedStart() - from));
            from = m.capturedEnd();
        }
        parts.append(sentence.mid(from));
    }
    static const QRegularExpression connectors(
        u"(?i),\\s*(?:(?:and|und|och|y|et|en|ja|i|e)\\s+)?\\b(?:also|and another thing|another "
        u"question|second(?:ly)?|außerdem|ausserdem|zudem|"
        "dessutom|också|en sak till|además|también|otra cosa|aussi|par ailleurs|autre chose|"
        "verder|daarnaast|ook nog|lisäksi|myös|ponadto|poza tym|oraz|inoltre|un'altra cosa|"
        "além disso|outra coisa)\\b[,:]?\\s*"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    QStringList out;
    for (const QString &s : std::as_const(parts)) {
        if (s.trimmed().isEmpty())
            continue;
        qsizetype last = 0;
        auto it = connectors.globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString piece = s.mid(last, m.capturedStart() - last).trimmed();
            if (!piece.isEmpty())
                out.append(piece);
            last = m.capturedStart() + 1; // keep the connector with the request it opens
        }
        const QString rest = s.mid(last).trimmed();
        if (!rest.isEmpty())
            out.append(rest);
    }
    return out;
}

QList<qsizetype> numberedItems(const QString &text)
{
    static const QRegularExpression item(u"(?:^|[\\s:;,(])([1-9])[.)]\\s+\\S"_s);
    QList<qsizetype> at;
    for (auto it = item.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(1).toInt() == at.size() + 1)
            at.append(m.capturedStart(1));
    }
    if (at.size() >= 2)
        return at;
    // "mam 3 sprawy 1 jak zmienic adres 2 faktura ma zla nazwe 3 kiedy bedzie zwrot": numbers
    // with nothing after them, typed in a hurry, are items only where the writer announced as
    // many before the first ("3 sprawy", "2 things"): "1 shirt and 2 pairs of socks" is no list.
    static const QRegularExpression bare(u"(?:^|[\\s:;,(])([1-9])\\s+(?=\\p{L})"_s,
                                         QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression announced(u"(?:^|\\s)([2-9])\\s+\\p{L}"_s,
                                              QRegularExpression::UseUnicodePropertiesOption);
    QList<qsizetype> plain;
    for (auto it = bare.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(1).toInt() == plain.size() + 1)
            plain.append(m.capturedStart(1));
    }
    if (plain.size() < 2)
        return at;
    for (auto it = announced.globalMatch(QStringView(text).left(plain.first())); it.hasNext();) {
        if (it.next().captured(1).toInt() == plain.size())
            return plain;
    }
    return at;
}

bool asksSomething(const QString &piece)
{
    if (piece.contains(u'?') || piece.contains(u'\uFF1F') || piece.contains(u'\u061F'))
        return true;
    // Words that ask wherever they stand: "please", "can you", "I want".
    static const QRegularExpression requests(
        u"(?i)\\b(?:please|pls|can you|could you|can i|could i|i want|i'd like|i would like|i need|i wonder|"
        "bitte|können sie|konnen sie|könnten sie|ich möchte|ich mochte|ich will|will ich|ich brauche|frage|"
        "snälla|kan ni|kan jag|jag vill|vill jag|jag behöver|undrar|"
        "por favor|puede|pueden|podrían|quiero|quisiera|necesito|merci de|pouvez-vous|pourriez-vous|"
        "je veux|je voudrais|j'aimerais|graag|kunt u|kan ik|ik wil|ik zou|"
        "voitteko|voisitteko|haluan|haluaisin|proszę|czy mogę|chcę|chciał|chciała|"
        "per favore|potete|potreste|vorrei|voglio|devo|gostaria|quero|queria|podem|poderiam|"
        "me gustaría|me gustaria|quería|volevo|mi piacerebbe|chciałabym|chciałbym|je souhaite|"
        "je souhaiterais|ich hätte gern|ich würde gern|skulle vilja|toivoisin|i'd appreciate|i'd love)\\b"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    // Question words ask only where a question opens (a customer may leave out the question
    // mark): "how do I close it" asks, "my heart stopped when the app showed £0" and "wie immer"
    // do not. So they count among the first three words of the piece only.
    static const QRegularExpression questionOpening(
        u"(?i)^\\W*(?:[\\w'-]+\\W+){0,2}(?:how|when|where|why|what|which|wie|wann|wo|warum|hur|när|varför|"
        "cómo|como|cuándo|cuando|dónde|donde|por qué|comment|quand|où|pourquoi|hoe|wanneer|waar|waarom|"
        "miten|milloin|missä|miksi|kuinka|czy|jak|kiedy|gdzie|dlaczego|come|quando|dove|perché|onde|porquê)\\b"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    // A Finnish question opens with its verb and the clitic -ko/-kö ("Voinko", "Onko", "Ehdinkö").
    static const QRegularExpression finnishQuestion(u"^\\W*\\w{2,}(?:ko|kö)\\b"_s,
                                                    QRegularExpression::UseUnicodePropertiesOption);
    return requests.match(piece).hasMatch() || questionOpening.match(piece).hasMatch() ||
           finnishQuestion.match(piece).hasMatch();
}

bool thanks(const QString &piece)
{
    static const QRegularExpression gratitude(
        u"(?i)\\b(?:thanks?|thank you|thx|many thanks|danke\\w*|vielen "
        u"dank|merci|gracias|grazie|obrigad[oa]s?|"
        "tack|tusen tack|kiitos|dziękuj\\w*|dzięki|bedankt|dank je|dank u|hartelijk dank|takk)\\b"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    return gratitude.match(piece).hasMatch();
}

std::pair<qsizetype, qsizetype> sentenceAround(const QString &text, qsizetype start, qsizetype end)
{
    // A point between digits ("£212.40", "1.250") is part of a number, not a sentence's end.
    auto isEnd = [&text](qsizetype i) {
        const QChar c = text.at(i);
        if (c == u'.' && i > 0 && i + 1 < text.size() && text.at(i - 1).isDigit() && text.at(i + 1).isDigit())
            return false;
        return c == u'.' || c == u'!' || c == u'?' || c == u'\n';
    };
    while (start > 0 && !isEnd(start - 1))
        --start;
    while (end < text.size() && !isEnd(end))
        ++end;
    return {start, end};
}

QString quotedPhrase(const QString &phrase)
{
    const QString p = phrase.simplified();
    return u"\u201C"_s + (p.size() > 60 ? p.left(57) + u"..."_s : p) + u"\u201D"_s;
}

} // namespace tandem::server::judgement
