#include "QuotedHistory.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tandem::server::text {

namespace {

constexpr auto kOptions =
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

//! "On Tue, 12 Mar 2024, Lumen <support@lumen.example> wrote:" and its translations: a short
//! line that ends with the verb, and names a date or an address (a customer's own "my son
//! wrote:" names neither).
bool isReplyHeaderEnd(const QString &line)
{
    static const QRegularExpression verb(
        u"(?:\\bwrote|\\ba [ée]crit|\\bschrieb|\\bgeschrieben|\\bescribi[óo]|\\bescreveu|\\bha "
        u"scritto|\\bscrisse|"
        "\\bschreef|\\bskrev|\\bkirjoitti|\\bnapisa[łl](?:a|\\(a\\))?)\\s*:?\\s*$"_s,
        kOptions);
    return line.size() <= 300 && verb.match(line).hasMatch();
}

bool namesDateOrAddress(const QString &line)
{
    static const QRegularExpression mark(u"\\d|@"_s);
    return mark.match(line).hasMatch();
}

//! "-----Original Message-----", "---------- Forwarded message ---------", "Begin forwarded
//! message:" and their translations.
bool isSeparator(const QString &line)
{
    static const QRegularExpression separator(
        u"^\\s*(?:-{2,}\\s*)?(?:original message|forwarded message|begin forwarded message|"
        "urspr[üu]ngliche nachricht|weitergeleitete nachricht|anfang der weitergeleiteten nachricht|"
        "message d'origine|message transf[ée]r[ée]|d[ée]but du message "
        "(?:r[ée]exp[ée]di[ée]|transf[ée]r[ée])|"
        "mensaje original|mensaje reenviado|inicio del mensaje reenviado|"
        "messaggio originale|messaggio inoltrato|inizio messaggio inoltrato|"
        "mensagem original|mensagem encaminhada|in[íi]cio da mensagem encaminhada|"
        "oorspronkelijk bericht|doorgestuurd bericht|begin doorgestuurd bericht|"
        "ursprungligt meddelande|vidarebefordrat meddelande|"
        "alkuper[äa]inen viesti|v[äa]litetty viesti|"
        "oryginalna wiadomo[śs][ćc]|przekazana wiadomo[śs][ćc]|wiadomo[śs][ćc] przekazana)"
        "\\s*:?\\s*-*\\s*$"_s,
        kOptions);
    return separator.match(line).hasMatch();
}

//! The first and a following line of an Outlook header block: "From: …" then "Sent: …".
bool isHeaderFrom(const QString &line)
{
    static const QRegularExpression from(
        u"^\\s*\\**(?:from|von|de|da|van|fr[åa]n|fra|l[äa]hett[äa]j[äa]|od|envoy[ée] par)\\s*:\\**\\s+\\S"_s,
        kOptions);
    return from.match(line).hasMatch();
}

bool isHeaderField(const QString &line)
{
    static const QRegularExpression field(
        u"^\\s*\\**(?:sent|date|to|subject|cc|gesendet|datum|an|betreff|envoy[ée]|[àa]|objet|enviado|para|"
        u"asunto|"
        "fecha|inviato|oggetto|data|assunto|verzonden|aan|onderwerp|skickat|till|[äa]mne|sendt|til|emne|"
        "l[äa]hetetty|vastaanottaja|aihe|wys[łl]ano|do|temat)\\s*:"_s,
        kOptions);
    return field.match(line).hasMatch();
}

} // namespace

QString withoutQuotedHistory(const QString &body)
{
    if (!body.contains(u'>') && !body.contains(u':'))
        return body; // nothing that could open a history
    const QStringList lines = body.split(u'\n');
    const auto quoted = [&lines](qsizetype i) {
        return lines.at(i).trimmed().startsWith(u'>');
    };
    // Whether what follows line \a i is a quote marked with ">" and, below it, the customer writes
    // on ("> Refunds are usually processed within 5-7 working days" / "It's been 9 working days
    // now..."): then the header and the quote are history, what follows is theirs again.
    const auto answeredBelow = [&](qsizetype i) {
        qsizetype j = i + 1;
        while (j < lines.size() && lines.at(j).trimmed().isEmpty())
            ++j;
        if (j == lines.size() || !quoted(j))
            return false;
        while (j < lines.size() && (quoted(j) || lines.at(j).trimmed().isEmpty()))
            ++j;
        return j < lines.size();
    };
    QList<bool> history(lines.size(), false);
    qsizetype cut = lines.size();
    for (qsizetype i = 0; i < lines.size() && cut == lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (isSeparator(line)) {
            cut = i;
        } else if (isReplyHeaderEnd(line)) {
            // The header may wrap: its date on the line before ("On Tue, 12 Mar 2024 at 10:15,
            // Lumen Support <" / "support@lumen.example> wrote:").
            const QString before = i > 0 ? lines.at(i - 1).trimmed() : QString();
            static const QRegularExpression sentenceEnd(u"[.!?…]$"_s);
            qsizetype header = -1;
            if (!before.isEmpty() && before.size() <= 200 && namesDateOrAddress(before) &&
                !sentenceEnd.match(before).hasMatch())
                header = i - 1;
            else if (namesDateOrAddress(line))
                header = i;
            if (header >= 0 && answeredBelow(i)) {
                for (qsizetype j = header; j <= i; ++j)
                    history[j] = true;
            } else if (header >= 0) {
                cut = header;
            }
        } else if (isHeaderFrom(line)) {
            for (qsizetype j = i + 1; j < std::min(lines.size(), i + 5); ++j) {
                if (isHeaderField(lines.at(j))) {
                    cut = i;
                    break;
                }
            }
        }
    }
    QStringList own;
    for (qsizetype i = 0; i < cut; ++i) {
        if (!history.at(i) && !quoted(i))
            own.append(lines.at(i));
    }
    // An Outlook rule line ("____") left above the header.
    while (!own.isEmpty() && (own.last().trimmed().isEmpty() || own.last().trimmed().startsWith(u"___"_s)))
        own.removeLast();
    const QString out = own.join(u'\n');
    return out.trimmed().isEmpty() ? body : out;
}

} // namespace tandem::server::text
