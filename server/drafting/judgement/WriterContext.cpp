#include "WriterContext.h"

#include "PatternPrefilter.h"
#include "RiskModel.h"
#include "Sentences.h"
#include "SignalLexicon.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

WriterContext::WriterContext(const SignalLexicon &lexicon, const PrefilterText &text,
                             const QString &unblanked, int currentYear)
    : m_lexicon(lexicon), m_text(text), m_unblanked(unblanked), m_currentYear(currentYear)
{}

bool WriterContext::inside(const TextSpans &spans, qsizetype start, qsizetype end)
{
    return std::any_of(spans.cbegin(), spans.cend(),
                       [start, end](const auto &s) { return s.first <= start && end <= s.second; });
}

bool WriterContext::overlaps(const TextSpans &spans, qsizetype start, qsizetype end)
{
    return std::any_of(spans.cbegin(), spans.cend(),
                       [start, end](const auto &s) { return s.first < end && start < s.second; });
}

bool WriterContext::namesRelativeBefore(const QString &folded, qsizetype start)
{
    static const QRegularExpression relative(
        u"\\b(?:mum|mom|mother|dad|father|gran|grandma|grandmother|nan|nana|grandad|grandpa|grandfather|"
        "aunt|uncle|sister|brother|friend|wife|husband|son|daughter|mutter|mama|mami|vater|papa|oma|opa|"
        "tante|onkel|schwester|bruder|freund\\w*|mere|pere|grand-mere|grand-pere|oncle|soeur|frere|amie?|"
        "madre|padre|abuela|abuelo|tia|tio|hermana|hermano|amig[oa]|nonna|nonno|zia|zio|sorella|fratello|"
        "amic[oa]|mae|pai|avo|avoo|irma|irmao|moeder|vader|zus|broer|vriend\\w*|mamma|pappa|mormor|"
        "farmor|morfar|farfar|syster|bror|aiti\\w*|isa\\w*|mummo\\w*|pappa\\w*|isoaiti\\w*|isoisa\\w*|"
        "sisko\\w*|veli\\w*|mamy|taty|tata|babci\\w*|dziad\\w*|siostr\\w*|brat\\w*|przyjaciol\\w*)\\b"_s);
    static const QRegularExpression clauseEnd(u"[.!?;,\\n]"_s);
    const qsizetype sentenceStart = std::max<qsizetype>(0, folded.lastIndexOf(clauseEnd, start - 1) + 1);
    qsizetype from = start;
    for (int words = 0; words < 6 && from > sentenceStart; ++words)
        from = std::max(sentenceStart, folded.lastIndexOf(u' ', from - 2) + 1);
    return relative.match(QStringView(folded).mid(from, start - from)).hasMatch();
}

const PrefilterText &WriterContext::unblanked()
{
    if (!m_unblankedText)
        m_unblankedText.emplace(m_unblanked);
    return *m_unblankedText;
}

const TextSpans &WriterContext::pastEpisodes()
{
    if (m_pastEpisodes)
        return *m_pastEpisodes;
    m_pastEpisodes.emplace();
    // "Since last year someone has been using my card": an episode that is still going on.
    static const QRegularExpression since(u"\\b(?:since|ever since|seit|depuis|desde|dal|dalla|sinds|sedan|"
                                          "alltsedan|lahtien|od|odkad)\\W+(?:\\w+\\W+){0,2}$"_s);
    // "... and I still haven't got the money back", "it happened again": an episode not over.
    // ("Which I still tell people about" is praise: "still" counts beside a negation only.)
    static const QRegularExpression ongoing(
        u"\\b(?:again|wieder|otra vez|de nuevo|di nuovo|de novo|opnieuw|igen|taas|znowu|ponownie|"
        "encore une fois)\\b|"
        "\\b(?:still|yet|noch|toujours|encore|todavia|aun|ancora|ainda|nog|fortfarande|annu|edelleen|"
        "vielakaan|viela|wciaz|nadal|jeszcze)\\W+(?:\\w+\\W+){0,3}?(?:not|no|nothing|never|haven'?t|"
        "hasn'?t|isn'?t|waiting|nicht|kein\\w*|nichts|pas|rien|nada|non|niente|nao|niet|geen|niks|"
        "inte|ingen|ei|mitaan|nie|nic)\\b|"
        "\\b(?:not|haven'?t|hasn'?t|isn'?t|nicht|pas|no|non|nao|niet|inte|ei|nie)\\W+(?:\\w+\\W+){0,3}?"
        "(?:yet|still|noch|encore|todavia|aun|ancora|ainda|nog|annu|viela|jeszcze)\\b"_s);
    // Thanks for help still to come ("thanks in advance") close nothing.
    static const QRegularExpression advance(
        u"\\b(?:in advance|vorab|im voraus|d'?avance|par avance|de antemano|por adelantado|in anticipo|"
        "antecipadamente|desde ja|alvast|bij voorbaat|pa forhand|i forvag|etukateen|z gory|"
        "for (?:your|the) help)\\b"_s);
    // ("Muchas gracias otra vez", "thanks again": gratitude said again, no episode again.)
    static const QRegularExpression thanksAgain(
        u"\\b(?:thanks|thank you|gracias|merci|danke|grazie|obrigad[oa]|bedankt|dank je|tack|kiitos|"
        "dziekuje)\\W+(?:\\w+\\W+)?(?:again|otra vez|de nuevo|encore|nochmal|noch einmal|ancora|"
        "de novo|nogmaals|igen|taas|jeszcze raz)\\b|"
        "\\b(?:encore|again|nochmals|nochmal|noch einmal|otra vez|ancora|de novo|nogmaals|igen|taas|"
        "jeszcze raz)\\W+(?:\\w+\\W+)?(?:merci|thanks|danke|gracias|grazie|obrigad[oa]|bedankt|tack|"
        "kiitos|dziekuje)\\b"_s);
    const QString &text = m_text.text();
    // Years back, or a month or a season back ("vorige maand had ik een klacht ... Dank daarvoor!").
    TextSpans markers = m_lexicon.spans(u"context_long_ago", m_text);
    markers.append(m_lexicon.spans(u"context_months_ago", m_text));
    if (markers.isEmpty())
        return *m_pastEpisodes;
    const TextSpans noHarm = m_lexicon.spans(u"context_no_harm", m_text);
    // "... the money came back within a week and it has all long been sorted": said settled.
    const TextSpans settled = m_lexicon.spans(u"context_settled", m_text);
    for (const auto &[start, end] : markers) {
        const auto sentence = sentenceAround(text, start, end);
        if (since.match(QStringView(text).mid(sentence.first, start - sentence.first)).hasMatch())
            continue;
        QString episode = text.mid(sentence.first, sentence.second - sentence.first);
        episode.remove(thanksAgain);
        if (ongoing.match(episode).hasMatch())
            continue;
        // Closed in the sentence or the next one.
        const qsizetype next = std::min(sentence.second + 1, text.size());
        const qsizetype closeEnd =
            sentence.second < text.size() ? sentenceAround(text, next, next).second : sentence.second;
        const QString closing = text.mid(sentence.first, closeEnd - sentence.first);
        if ((thanks(closing) && !advance.match(closing).hasMatch()) ||
            overlaps(noHarm, sentence.first, closeEnd) || overlaps(settled, sentence.first, closeEnd))
            m_pastEpisodes->append(sentence);
    }
    return *m_pastEpisodes;
}

const TextSpans &WriterContext::past()
{
    if (m_past)
        return *m_past;
    m_past.emplace();
    const QString &text = m_text.text();
    TextSpans longAgo; // the sentence, and whether its phrase is only "last year"
    QList<bool> recent;
    for (const auto &[start, end] : m_lexicon.spans(u"context_long_ago", m_text)) {
        longAgo.append(sentenceAround(text, start, end));
        // "Last year" is not yet years back: a death then may still be raw.
        static const QRegularExpression lastYear(
            u"last (?:year|spring|summer|autumn|fall|winter)|year before|letzt|vergangen|vorjahr|"
            "dernier|passe|pasado|scorso|passato|vorig|afgelopen|forra|fjol|viime|zeszl|ubiegl|poprzedn"_s);
        recent.append(lastYear.match(QStringView(text).mid(start, end - start)).hasMatch());
    }
    for (const auto &s : pastYearSentences(text, m_currentYear, 2)) {
        longAgo.append(s);
        recent.append(false);
    }
    // "J'ai été hospitalisée trois semaines en février (tout va bien maintenant, je suis
    // rentrée)": a stay in hospital told in the sentence that says the writer is well again is
    // over, however recent. (A stay only: a death beside "I'm fine now" still weighs.)
    const auto wellNow = m_lexicon.spans(u"context_well_now", m_text);
    if (wellNow.isEmpty() && longAgo.isEmpty())
        return *m_past;
    const auto deaths = m_lexicon.spans(u"context_bereavement", m_text);
    if (!wellNow.isEmpty()) {
        const auto stays = m_lexicon.spans(u"care_stay", m_text);
        for (const auto &[start, end] : wellNow) {
            const TextSpans sentence{sentenceAround(text, start, end)};
            const auto in = [&sentence](const auto &s) {
                return inside(sentence, s.first, s.second);
            };
            if (std::any_of(stays.cbegin(), stays.cend(), in) &&
                std::none_of(deaths.cbegin(), deaths.cend(), in))
                m_past->append(sentence.first());
        }
    }
    if (longAgo.isEmpty())
        return *m_past;
    // "Five years ago I had a severe depression; today I'm well" / "... I manage everything".
    if (!wellNow.isEmpty() || !manages().isEmpty()) {
        m_past->append(longAgo);
        return *m_past;
    }
    // "My father died in 2016 and I closed his account then": a death years back is not a
    // bereavement now.
    // Not when the same sentence says it still weighs ("... and since then I can't cope"): any
    // other vulnerable word there keeps the sentence the writer's present.
    std::optional<TextSpans> vulnerable;
    const auto notTheDeath = [&deaths](const auto &v) {
        return std::none_of(deaths.cbegin(), deaths.cend(),
                            [&v](const auto &d) { return d.first < v.second && v.first < d.second; });
    };
    // "Mijn oma is vorig jaar overleden en ik kreeg haar naaimachine: verkopen jullie nog
    // spoeltjes?": a death last year is background too when nothing else in the whole message
    // weighs (no other vulnerable sign) and the message is not about the estate or the deceased's
    // account. Otherwise last year may still be raw.
    std::optional<bool> lastYearIsBackground;
    const auto lastYearBackground = [&] {
        if (!lastYearIsBackground) {
            if (!vulnerable)
                vulnerable = m_lexicon.spans(u"vulnerable", m_text);
            // ... and only beside a request about something we sell or hold ("my wife died last
            // year and I can't get by financially" names nothing of ours: still raw).
            lastYearIsBackground = std::none_of(vulnerable->cbegin(), vulnerable->cend(), notTheDeath) &&
                                   m_lexicon.find(u"context_estate", m_text).isEmpty() &&
                                   (!m_lexicon.find(u"domain", m_text).isEmpty() ||
                                    !m_lexicon.find(u"record_reference", m_text).isEmpty());
        }
        return *lastYearIsBackground;
    };
    for (qsizetype i = 0; i < longAgo.size(); ++i) {
        const qsizetype from = longAgo.at(i).first;
        const qsizetype to = longAgo.at(i).second;
        const auto inSentence = [from, to](const auto &d) {
            return from <= d.first && d.second <= to;
        };
        if (std::none_of(deaths.cbegin(), deaths.cend(), inSentence))
            continue;
        if (recent.at(i)) {
            if (lastYearBackground())
                m_past->append(longAgo.at(i));
            continue;
        }
        if (!vulnerable)
            vulnerable = m_lexicon.spans(u"vulnerable", m_text);
        const bool weighsNow = std::any_of(vulnerable->cbegin(), vulnerable->cend(),
                                           [&](const auto &v) { return inSentence(v) && notTheDeath(v); });
        if (!weighsNow)
            m_past->append(longAgo.at(i));
    }
    return *m_past;
}

const TextSpans &WriterContext::work()
{
    if (!m_work) {
        m_work.emplace();
        for (const auto &[start, end] : m_lexicon.spans(u"context_work", unblanked()))
            m_work->append(sentenceAround(m_text.text(), start, end));
    }
    return *m_work;
}

const TextSpans &WriterContext::manages()
{
    if (!m_manages) {
        m_manages.emplace();
        // "Ich komme mit dem Computer nicht gut zurecht", "nie radzę sobie dobrze": said with a
        // negation, managing is the need.
        static const QRegularExpression negation(
            u"\\b(?:not|never|nicht|kaum|inte|aldrig|niet|nooit|pas|jamais|no|nunca|non|mai|nao|nie|ei)\\b|n't\\b"_s);
        const QString &text = m_text.text();
        // ("Não preciso de ajuda", "I don't need any help" say they manage: their negation is
        // the pattern's own.)
        static const QRegularExpression needsNoHelp(
            u"preciso|need|brauche|behov|nodig|necesito|bisogno|tarvitse|potrzebuj|besoin"_s);
        for (const auto &[start, end] : m_lexicon.spans(u"context_manages", m_text)) {
            const qsizetype before = std::max(sentenceAround(text, start, end).first, start - 12);
            const QStringView span = QStringView(text).mid(start, end - start);
            const bool negated = negation.match(QStringView(text).mid(before, start - before)).hasMatch() ||
                                 (!needsNoHelp.match(span).hasMatch() && negation.match(span).hasMatch());
            if (!negated)
                m_manages->append(sentenceAround(text, start, end));
        }
    }
    return *m_manages;
}

const TextSpans &WriterContext::limitedCapacity()
{
    if (!m_capacity)
        m_capacity = m_lexicon.spans(u"limited_capacity", m_text);
    return *m_capacity;
}

bool WriterContext::boundedByTask(qsizetype start, qsizetype end)
{
    const TextSpans &spans = limitedCapacity();
    return std::any_of(spans.cbegin(), spans.cend(),
                       [start, end](const auto &s) { return s.first < end && start < s.second; });
}

bool WriterContext::aboutWriter(qsizetype start, qsizetype end) const
{
    // The phrase and the three words before it, inside its sentence: "since my husband died",
    // "I cannot cope"; not "des personnes en fin de vie".
    const QString &text = m_text.text();
    const qsizetype sentenceStart = sentenceAround(text, start, end).first;
    qsizetype from = start;
    for (int words = 0; words < 3 && from > sentenceStart; ++words) {
        from = text.lastIndexOf(u' ', from - 2) + 1;
        from = std::max(from, sentenceStart);
    }
    return speaksOfWriter(QStringView(text).mid(from, end - from));
}

bool WriterContext::describesWork(qsizetype start, qsizetype end)
{
    return !work().isEmpty() && inside(work(), start, end) && !aboutWriter(start, end);
}

bool WriterContext::caresForSomeone()
{
    if (!m_carer)
        m_carer = !m_lexicon.find(u"context_carer", m_text).isEmpty();
    return *m_carer;
}

QString WriterContext::carerStrain(const PrefilterText &text)
{
    if (!caresForSomeone())
        return {};
    const QString strain = m_lexicon.find(u"carer_strain", text);
    return strain.isEmpty() ? m_lexicon.find(u"concept_despair", text) : strain;
}

bool WriterContext::statesAge()
{
    if (!m_age)
        m_age = !m_lexicon.find(u"age_status", m_text).isEmpty();
    return *m_age;
}

const TextSpans &WriterContext::hypothetical()
{
    if (!m_hypothetical)
        m_hypothetical = m_lexicon.spans(u"context_hypothetical", m_text);
    return *m_hypothetical;
}

const TextSpans &WriterContext::settledLoss()
{
    if (m_settledLoss)
        return *m_settledLoss;
    m_settledLoss.emplace();
    const TextSpans estate = m_lexicon.spans(u"context_estate", m_text);
    if (estate.isEmpty())
        return *m_settledLoss;
    const TextSpans settled = m_lexicon.spans(u"context_settled", m_text);
    const bool estateSettled = std::any_of(estate.cbegin(), estate.cend(), [&settled](const auto &e) {
        return inside(settled, e.first, e.second);
    });
    if (estateSettled) {
        *m_settledLoss = m_lexicon.spans(u"context_bereavement", m_text);
        m_settledLoss->append(estate);
    }
    return *m_settledLoss;
}

qsizetype WriterContext::signatureAt(const QString &raw)
{
    // Formal closings only, as written: "thanks," may be followed by what the writer still says.
    static const QRegularExpression closing(
        u"^[ \\t]*(?:kind regards|best regards|warm regards|regards|yours sincerely|yours faithfully|"
        "sincerely|med v[aä]nliga h[aä]lsningar|v[aä]nliga h[aä]lsningar|mvh|mit freundlichen "
        "gr(?:ü|u|ue)(?:ß|ss)en|"
        "freundliche gr(?:ü|u|ue)(?:ß|ss)e|viele gr(?:ü|u|ue)(?:ß|ss)e|beste "
        "gr(?:ü|u|ue)(?:ß|ss)e|mfg|cordialement|"
        "bien cordialement|salutations distingu[ée]es|saludos cordiales|un saludo|atentamente|"
        "cordiali saluti|distinti saluti|atenciosamente|(?:com os )?melhores cumprimentos|"
        "met vriendelijke groet|vriendelijke groet|yst[aä]v[aä]llisin terveisin|parhain terveisin|"
        "z powa[zż]aniem|pozdrawiam serdecznie|pozdrawiam|(?:danke und )?(?:sch[oö]ne|liebe|herzliche) "
        "gr(?:ü|u|ue)(?:ß|ss)e|best wishes|all the best|un saluto|saluti|saludos|groetjes|h[aä]lsningar|"
        "terveisin)[ \\t]*[,.]?[ \\t]*$"_s,
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption |
            QRegularExpression::UseUnicodePropertiesOption);
    QRegularExpressionMatch last;
    for (auto it = closing.globalMatch(raw); it.hasNext();)
        last = it.next();
    if (!last.hasMatch())
        return -1;
    const QStringList tail = raw.mid(last.capturedEnd()).split(u'\n', Qt::SkipEmptyParts);
    const bool signatureOnly =
        tail.size() <= 6 && std::all_of(tail.cbegin(), tail.cend(), [](const QString &l) {
            const QString line = l.trimmed();
            return line.size() <= 80 && !line.endsWith(u'?') && !line.endsWith(u'!');
        });
    return signatureOnly ? last.capturedStart() : -1;
}

void WriterContext::clearBackground(RiskModel::Reading &r, const PrefilterText &read)
{
    // Signs in what the writer has put behind them (years back, beside "I'm well now"), in the
    // sentence that says they manage alone, describing their work, or despair bounded by a task
    // ("I can't face the forms"), are no signs now.
    static const int alone = int(RiskModel::signalNames().indexOf(u"concept_alone"_s));
    static const int despairSign = int(RiskModel::signalNames().indexOf(u"concept_despair"_s));
    static const int hopelessSign = int(RiskModel::signalNames().indexOf(u"crisis_hopeless"_s));
    static const int dying = int(RiskModel::signalNames().indexOf(u"concept_die"_s));
    static const int otherDeath = int(RiskModel::signalNames().indexOf(u"context_bereavement"_s));
    const bool bereaved = otherDeath >= 0 && r.present[size_t(otherDeath)];
    // A husband, a mother or a sister named beside a hospital, medicine or a death is the patient,
    // the carer or the one who died ("my wife's medicine", "Mum has Alzheimer's, I hold power of
    // attorney", "conto di mio marito, mancato il mese scorso"), not someone who may harm: a
    // person named counts as a danger only where a threat, violence or fear is read too.
    static const int aggressor = int(RiskModel::signalNames().indexOf(u"concept_aggressor"_s));
    static const std::array<int, 3> harmSigns{int(RiskModel::signalNames().indexOf(u"concept_violence"_s)),
                                              int(RiskModel::signalNames().indexOf(u"concept_hostile"_s)),
                                              int(RiskModel::signalNames().indexOf(u"concept_fear"_s))};
    const bool harmRead = std::any_of(harmSigns.cbegin(), harmSigns.cend(),
                                      [&r](int at) { return at >= 0 && r.present[size_t(at)]; });
    // "I look after Mum alone and I'm exhausted", "I'm 91 and live alone": the strain of caring
    // and an age are vulnerable circumstances, not signs of risk (a cue of risk still counts).
    const bool aloneRead = alone >= 0 && r.present[size_t(alone)];
    const bool carer =
        (aloneRead || (despairSign >= 0 && r.present[size_t(despairSign)])) && caresForSomeone();
    const bool old = aloneRead && statesAge();
    // "He has been in hospital since Monday after a heart attack": an emergency in the hospital
    // that treats it is cared for, not happening now.
    static const int emergency = int(RiskModel::signalNames().indexOf(u"concept_emergency"_s));
    std::optional<TextSpans> stays;
    const auto inCare = [&](qsizetype start, qsizetype end) {
        if (!stays)
            stays = m_lexicon.spans(u"care_stay", m_text);
        return inside(*stays, start, end);
    };
    for (size_t i = 0; i < r.present.size(); ++i) {
        if (!r.present[i] || RiskModel::isContext(int(i)))
            continue;
        const auto [start, end] = r.spans.at(qsizetype(i));
        if (inside(past(), start, end) || describesWork(start, end) ||
            (int(i) == alone && inside(manages(), start, end)) ||
            ((int(i) == despairSign || int(i) == hopelessSign) &&
             (boundedByTask(start, end) || inside(hypothetical(), start, end))) ||
            // "Min son dog i en olycka": the dying read inside someone else's death is theirs.
            (int(i) == dying && bereaved && inside({r.spans.at(otherDeath)}, start, end)) ||
            (int(i) == aggressor && !harmRead) || (carer && (int(i) == despairSign || int(i) == alone)) ||
            (int(i) == alone && old) || (int(i) == emergency && inCare(start, end)))
            r.present[i] = false;
    }
    // "Mam dosyć. Od miesiąca co chwila blokujecie mi kartę": having had enough, where the
    // frustration lists read the same words, is said of us, not of life. (Despair with more to
    // it, "mam dosyć wszystkiego", is not the same words; "I can't go on" beside it is a sign of
    // its own.)
    if (despairSign >= 0 && r.present[size_t(despairSign)]) {
        const std::pair<qsizetype, qsizetype> said = r.spans.at(despairSign);
        if (inside(m_lexicon.spans(u"frustration", read), said.first, said.second))
            r.present[size_t(despairSign)] = false;
    }
    // "Min fru Gunilla dog i mars": where every hit of dying overlaps someone else's death (not
    // only the first, inside the first, as above), none is the writer's own. "My late husband's
    // account ... I am frightened": where every person named as one who may harm is the one who
    // died, nobody is.
    if (!bereaved)
        return;
    std::optional<TextSpans> deaths;
    for (const auto &[sign, signal] :
         {std::pair{dying, u"concept_die"_s}, std::pair{aggressor, u"concept_aggressor"_s}}) {
        if (sign < 0 || !r.present[size_t(sign)])
            continue;
        if (!deaths)
            deaths = m_lexicon.spans(u"context_bereavement", read);
        const QList<SignalLexicon::Hit> hits = m_lexicon.findAll(signal, read);
        if (!hits.isEmpty() &&
            std::all_of(hits.cbegin(), hits.cend(),
                        [&deaths](const SignalLexicon::Hit &h) { return overlaps(*deaths, h.start, h.end); }))
            r.present[size_t(sign)] = false;
    }
}

} // namespace tandem::server::judgement
