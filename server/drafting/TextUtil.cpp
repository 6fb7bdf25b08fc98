#include "TextUtil.h"

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
            u"j'ai"_s, u"c'est"_s, u"quand"_s, u"comment"_s, u"votre"_s, u"vos"_s, u"cette"_s, u"ai"_s};
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

QString customerText(const Ticket &ticket, const QList<Message> &messages)
{
    QString out = ticket.subject;
    for (const Message &m : messages) {
        if (m.author.kind == AuthorKind::Customer && !m.internal) {
            if (!out.isEmpty())
                out += u'\n';
            out += m.body;
        }
    }
    return out;
}

int customerMessageCount(const QList<Message> &messages)
{
    return int(std::count_if(messages.cbegin(), messages.cend(), [](const Message &m) {
        return m.author.kind == AuthorKind::Customer && !m.internal;
    }));
}

QString firstName(const QString &fullName)
{
    const QString trimmed = fullName.trimmed();
    const qsizetype space = trimmed.indexOf(u' ');
    return space > 0 ? trimmed.left(space) : trimmed;
}

} // namespace tandem::server::text
