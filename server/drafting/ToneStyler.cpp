#include "ToneStyler.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

struct ToneTexts
{
    QString empatheticOpener; //!< first sentence of the body
    QString empatheticClosing;
    QString conciseClosing;
    QString formalGreeting; //!< with {name}; "" keeps the template's
    QString formalClosing;
    QRegularExpression pleasantry; //!< a first sentence concise drops
    QRegularExpression offerMore;  //!< a last sentence concise drops
};

const ToneTexts &textsFor(const QString &language)
{
    const auto ci =
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
    static const QHash<QString, ToneTexts> all{
        {u"en"_s,
         {u"I'm really sorry for the trouble this has caused, and thank you for your patience."_s,
          u"Take care,"_s, u"Best,"_s, u"Dear {name},"_s, u"Yours sincerely,"_s,
          QRegularExpression(u"^(thanks|thank you|many thanks)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(
              u"\\s*(if you have any (other|further) questions|feel free|don't hesitate|do not "
              "hesitate|let us know if)[^.!]*[.!]\\s*$"_s,
              ci)}},
        {u"sv"_s,
         {u"Jag är verkligen ledsen för besväret det här har orsakat, och tack för ditt tålamod."_s,
          u"Ta hand om dig,"_s, u"Hälsningar,"_s, u""_s, u"Med vänliga hälsningar,"_s,
          QRegularExpression(u"^(tack)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(u"\\s*(har du fler frågor|hör gärna av dig|tveka inte)[^.!]*[.!]\\s*$"_s, ci)}},
        {u"de"_s,
         {u"es tut mir wirklich leid, dass Ihnen das Umstände bereitet hat, und vielen Dank für Ihre Geduld."_s,
          u"Herzliche Grüße"_s, u"Grüße"_s, u"Guten Tag {name},"_s, u"Mit freundlichen Grüßen"_s,
          QRegularExpression(u"^(vielen dank|danke)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(
              u"\\s*(wenn Sie (noch )?(weitere )?Fragen haben|melden Sie sich gern)[^.!]*[.!]\\s*$"_s, ci)}},
        {u"es"_s,
         {u"Lamentamos de verdad las molestias que esto le ha causado y le agradecemos su paciencia."_s,
          u"Un cordial saludo,"_s, u"Saludos,"_s, u"Buenos días, {name}:"_s, u"Atentamente,"_s,
          QRegularExpression(u"^(gracias|muchas gracias)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(u"\\s*(si tiene (alguna )?(otra|más) pregunta|no dude en)[^.!]*[.!]\\s*$"_s,
                             ci)}},
        {u"fr"_s,
         {u"Nous sommes vraiment désolés pour la gêne occasionnée et vous remercions de votre patience."_s,
          u"Bien à vous,"_s, u"Cordialement,"_s, u""_s, u"Veuillez agréer nos salutations distinguées,"_s,
          QRegularExpression(u"^(merci)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(u"\\s*(si vous avez d'autres questions|n'hésitez pas)[^.!]*[.!]\\s*$"_s, ci)}},
        {u"nl"_s,
         {u"Het spijt me echt dat dit u zoveel ongemak heeft bezorgd, en bedankt voor uw geduld."_s,
          u"Hartelijke groet,"_s, u"Groet,"_s, u""_s, u"Hoogachtend,"_s,
          QRegularExpression(u"^(bedankt|hartelijk dank|dank u|dank je)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(u"\\s*(h(ebt|eeft) u nog (andere |verdere )?vragen|neem gerust contact|laat het "
                             "(ons|me) gerust weten)[^.!]*[.!]\\s*$"_s,
                             ci)}},
        {u"fi"_s,
         {u"Olen todella pahoillani tästä aiheutuneesta vaivasta, ja kiitos kärsivällisyydestäsi."_s,
          u"Lämpimin terveisin"_s, u"Terveisin"_s, u""_s, u"Kunnioittavasti"_s,
          QRegularExpression(u"^(kiitos|kiitoksia)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(u"\\s*(jos sinulla on (muita |lisää )?kysyttävää|ota (rohkeasti |ihmeessä )?"
                             "yhteyttä)[^.!]*[.!]\\s*$"_s,
                             ci)}},
        {u"pl"_s,
         {u"Bardzo przepraszamy za kłopot, jaki to spowodowało, i dziękujemy za cierpliwość."_s,
          u"Serdecznie pozdrawiamy"_s, u"Pozdrawiamy"_s, u""_s, u"Z poważaniem"_s,
          QRegularExpression(u"^(dziękujemy|dziękuję|dzięki)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(
              u"\\s*(w razie (jakichkolwiek |dalszych )?pytań|jeśli mają Państwo (jakieś |dalsze )?"
              "pytania|zachęcamy do kontaktu)[^.!]*[.!]\\s*$"_s,
              ci)}},
        {u"it"_s,
         {u"Ci dispiace davvero per il disagio che questo Le ha causato e La ringraziamo per la pazienza."_s,
          u"Un caro saluto,"_s, u"Saluti,"_s, u""_s, u"Distinti saluti,"_s,
          QRegularExpression(u"^(grazie|la ringraziamo|ti ringraziamo)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(
              u"\\s*(per qualsiasi (altra )?(domanda|dubbio|necessità)|non esiti a|(resto|restiamo) a "
              "(Sua )?disposizione)[^.!]*[.!]\\s*$"_s,
              ci)}},
        {u"pt"_s,
         {u"Lamentamos sinceramente o incómodo que isto lhe causou e agradecemos a sua paciência."_s,
          u"Com votos de tudo de bom,"_s, u"Cumprimentos,"_s, u""_s, u"Atenciosamente,"_s,
          QRegularExpression(u"^(obrigad[oa]|muito obrigad[oa]|agradecemos)\\b[^.!]*[.!]\\s*"_s, ci),
          QRegularExpression(
              u"\\s*(se tiver (mais |outras )?(dúvidas|questões|perguntas)|não hesite em|estamos "
              "(sempre )?(ao seu dispor|à sua disposição))[^.!]*[.!]\\s*$"_s,
              ci)}}};
    const auto it = all.constFind(language);
    return it != all.cend() ? *it : all.constFind(u"en"_s).value();
}

bool looksLikeGreeting(const QString &paragraph)
{
    return !paragraph.contains(u'\n') && paragraph.size() <= 60 &&
           (paragraph.endsWith(u',') || paragraph.endsWith(u':') || paragraph.endsWith(u'!'));
}

bool looksLikeClosing(const QString &paragraph)
{
    const QStringList lines = paragraph.split(u'\n');
    return lines.size() >= 1 && lines.size() <= 3 && lines.first().size() <= 45 &&
           !lines.first().contains(u'.') && !lines.first().contains(u'?');
}

QString withFirstLetter(const QString &s, bool upper)
{
    if (s.isEmpty())
        return s;
    return (upper ? s.left(1).toUpper() : s.left(1).toLower()) + s.mid(1);
}

QString expandContractions(QString s)
{
    static const QList<QPair<QString, QString>> pairs{
        {u"I'm"_s, u"I am"_s},        {u"I've"_s, u"I have"_s},        {u"I'll"_s, u"I will"_s},
        {u"I'd"_s, u"I would"_s},     {u"we're"_s, u"we are"_s},       {u"We're"_s, u"We are"_s},
        {u"we'll"_s, u"we will"_s},   {u"We'll"_s, u"We will"_s},      {u"we've"_s, u"we have"_s},
        {u"We've"_s, u"We have"_s},   {u"you're"_s, u"you are"_s},     {u"You're"_s, u"You are"_s},
        {u"you'll"_s, u"you will"_s}, {u"You'll"_s, u"You will"_s},    {u"you've"_s, u"you have"_s},
        {u"you'd"_s, u"you would"_s}, {u"it's"_s, u"it is"_s},         {u"It's"_s, u"It is"_s},
        {u"that's"_s, u"that is"_s},  {u"That's"_s, u"That is"_s},     {u"don't"_s, u"do not"_s},
        {u"Don't"_s, u"Do not"_s},    {u"doesn't"_s, u"does not"_s},   {u"didn't"_s, u"did not"_s},
        {u"can't"_s, u"cannot"_s},    {u"won't"_s, u"will not"_s},     {u"isn't"_s, u"is not"_s},
        {u"aren't"_s, u"are not"_s},  {u"wasn't"_s, u"was not"_s},     {u"haven't"_s, u"have not"_s},
        {u"hasn't"_s, u"has not"_s},  {u"couldn't"_s, u"could not"_s}, {u"let's"_s, u"let us"_s}};
    for (const auto &[from, to] : pairs) {
        s.replace(from, to);
        QString curly = from;
        s.replace(curly.replace(u'\'', u'\x2019'), to);
    }
    return s;
}

} // namespace

QStringList ToneStyler::tones()
{
    return {u"empathetic"_s, u"concise"_s, u"formal"_s};
}

bool ToneStyler::isKnown(const QString &tone)
{
    return tones().contains(tone);
}

QString ToneStyler::apply(const QString &text, const QString &tone, const QString &language)
{
    if (!isKnown(tone) || text.trimmed().isEmpty())
        return text;
    const ToneTexts &t = textsFor(language);
    QStringList paragraphs = text.split(u"\n\n"_s);
    QString greeting;
    QString closing;
    QString signature;
    if (paragraphs.size() >= 2 && looksLikeGreeting(paragraphs.first()))
        greeting = paragraphs.takeFirst();
    if (paragraphs.size() >= 2 && looksLikeClosing(paragraphs.last())) {
        const QStringList lines = paragraphs.takeLast().split(u'\n');
        closing = lines.first();
        signature = lines.mid(1).join(u'\n');
    }
    if (paragraphs.isEmpty())
        return text;
    // German greetings end in a comma and the letter continues in lower case.
    const bool lowerAfterGreeting = !greeting.isEmpty() && greeting.endsWith(u',') && language == u"de";

    QString &first = paragraphs.first();
    QString &last = paragraphs.last();
    if (tone == u"empathetic") {
        const QString opener = withFirstLetter(t.empatheticOpener, !lowerAfterGreeting);
        first = opener + u' ' + withFirstLetter(first, true);
        if (!closing.isEmpty())
            closing = t.empatheticClosing;
    } else if (tone == u"concise") {
        const QString rest = QString(first).remove(t.pleasantry);
        // German keeps the letter as it is: the next sentence mostly starts with "Sie"/"Ihre" or a noun.
        if (!rest.trimmed().isEmpty())
            first = language == u"de" ? rest : withFirstLetter(rest, true);
        const QString trimmedLast = QString(last).remove(t.offerMore);
        if (!trimmedLast.trimmed().isEmpty())
            last = trimmedLast;
        else if (paragraphs.size() > 1)
            paragraphs.removeLast();
        if (!closing.isEmpty())
            closing = t.conciseClosing;
    } else if (tone == u"formal") {
        if (!greeting.isEmpty() && !t.formalGreeting.isEmpty() && greeting.contains(u"{name}"))
            greeting = t.formalGreeting;
        if (!closing.isEmpty())
            closing = t.formalClosing;
        if (language == u"en") {
            for (QString &p : paragraphs)
                p = expandContractions(p);
        }
    }

    QStringList out;
    if (!greeting.isEmpty())
        out.append(greeting);
    out.append(paragraphs);
    if (!closing.isEmpty())
        out.append(signature.isEmpty() ? closing : closing + u'\n' + signature);
    return out.join(u"\n\n"_s);
}

} // namespace tandem::server
