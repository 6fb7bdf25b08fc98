#include "RiskModel.h"

#include "server/drafting/LanguageDetector.h"

#include "core/Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {
namespace {

enum class Kind
{
    Concept, //!< a broad word list: counts only together with another signal
    Cue,     //!< a cue kind of the phrase layer: specific enough to weigh alone
    Context, //!< explains risk words away (a relative's death, a move abroad): only lowers
};

//! Whom a broad concept is about: the writer's own life (dying, ending it, despair, a burden,
//! farewell, means, self-harm), harm from someone (violence, fear, an aggressor, an emergency, a
//! threat), or neither (alone).
enum class Target
{
    Self,
    Others,
    None,
};

struct Concept
{
    QString signal;
    QString label;
    Kind kind = Kind::Concept;
    Target target = Target::None;
};

const QList<Concept> &concepts()
{
    static const QList<Concept> list{
        {u"concept_die"_s, u"dying"_s, Kind::Concept, Target::Self},
        {u"concept_end_all"_s, u"ending it all"_s, Kind::Concept, Target::Self},
        {u"concept_despair"_s, u"despair"_s, Kind::Concept, Target::Self},
        {u"concept_burden"_s, u"being a burden"_s, Kind::Concept, Target::Self},
        {u"concept_farewell"_s, u"farewell"_s, Kind::Concept, Target::Self},
        {u"concept_means"_s, u"means"_s, Kind::Concept, Target::Self},
        {u"concept_self_harm"_s, u"self-harm"_s, Kind::Concept, Target::Self},
        {u"concept_violence"_s, u"violence"_s, Kind::Concept, Target::Others},
        {u"concept_fear"_s, u"fear"_s, Kind::Concept, Target::Others},
        {u"concept_aggressor"_s, u"someone who may harm"_s, Kind::Concept, Target::Others},
        {u"concept_emergency"_s, u"an emergency"_s, Kind::Concept, Target::Others},
        {u"concept_hostile"_s, u"a threat"_s, Kind::Concept, Target::Others},
        {u"concept_alone"_s, u"alone"_s},
        {u"crisis_finality"_s, u"no future"_s, Kind::Cue},
        {u"crisis_preparation"_s, u"affairs in order"_s, Kind::Cue},
        {u"crisis_means"_s, u"means at hand"_s, Kind::Cue},
        {u"crisis_hopeless"_s, u"hopelessness"_s, Kind::Cue},
        {u"crisis_farewell"_s, u"goodbye"_s, Kind::Cue},
        // Context last (features() relies on it): weighs alone and with each risk signal.
        {u"context_bereavement"_s, u"someone else's death"_s, Kind::Context},
        {u"context_move"_s, u"a move or a long trip"_s, Kind::Context},
        {u"context_reported"_s, u"someone else's risk, at work or in fiction"_s, Kind::Context},
    };
    return list;
}

qsizetype raisingCount()
{
    return std::count_if(concepts().cbegin(), concepts().cend(),
                         [](const Concept &c) { return c.kind != Kind::Context; });
}

qsizetype contextCount()
{
    return concepts().size() - raisingCount();
}

// Counts that hold for pairs never seen in training: two different concepts about the writer's
// own life ("cutting myself" and "the blades", "a burden" and "can't go on"), two about harm from
// someone, three of any kind. A pair's own weight can only be learnt from a pair in the suites;
// these carry what the suites taught about pairs in general to the pairs they lack.
struct CountFeature
{
    QString name;
    Target target;
    int atLeast;
};

const QList<CountFeature> &countFeatures()
{
    static const QList<CountFeature> list{
        {u"count:self>=2"_s, Target::Self, 2},
        {u"count:others>=2"_s, Target::Others, 2},
        {u"count:any>=3"_s, Target::None, 3},
    };
    return list;
}

// First index of the context features (context alone, then context with each risk signal).
qsizetype contextFeaturesStart()
{
    const qsizetype raising = raisingCount();
    return raising + raising * (raising - 1) / 2;
}

// A broad concept alone decides nothing ("my husband", "tonight", "alone"): its own weight stays 0
// and it counts only together with another signal. The phrase layer's cue kinds are specific
// enough to weigh alone (a weight, not a verdict: the threshold still decides). Context weighs alone.
bool mayWeighAlone(size_t feature)
{
    return feature >= size_t(raisingCount()) || concepts().at(qsizetype(feature)).kind != Kind::Concept;
}

double sigmoid(double z)
{
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

} // namespace

const QStringList &RiskModel::signalNames()
{
    static const QStringList names = [] {
        QStringList out;
        for (const Concept &c : concepts())
            out.append(c.signal);
        return out;
    }();
    return names;
}

QString RiskModel::conceptLabel(int index)
{
    return index >= 0 && index < concepts().size() ? concepts().at(index).label : QString();
}

bool RiskModel::isSignAlone(int index)
{
    if (index < 0 || index >= concepts().size())
        return false;
    const QString &signal = concepts().at(index).signal;
    return concepts().at(index).kind != Kind::Context && signal != u"concept_aggressor";
}

bool RiskModel::onlyAmong(const std::vector<bool> &present, const QStringList &allowed)
{
    for (size_t i = 0; i < present.size() && i < size_t(concepts().size()); ++i) {
        const Concept &c = concepts().at(qsizetype(i));
        if (present[i] && c.kind != Kind::Context && !allowed.contains(c.signal))
            return false;
    }
    return true;
}

bool RiskModel::onlyEstateSigns(const std::vector<bool> &present)
{
    static const QStringList estate{u"concept_die"_s, u"concept_farewell"_s, u"concept_aggressor"_s,
                                    u"concept_alone"_s, u"crisis_preparation"_s};
    return onlyAmong(present, estate);
}

bool RiskModel::onlyCircumstances(const std::vector<bool> &present)
{
    static const QStringList circumstances{u"concept_alone"_s, u"concept_emergency"_s, u"concept_fear"_s,
                                           u"concept_aggressor"_s};
    return onlyAmong(present, circumstances);
}

bool RiskModel::isContext(int index)
{
    return index >= 0 && index < concepts().size() && concepts().at(index).kind == Kind::Context;
}

bool RiskModel::isForeignWord(const SignalLexicon::Hit &hit, const QString &language)
{
    if (language.isEmpty() || hit.language.isEmpty() || hit.phrase.size() > kForeignWordMaxChars ||
        hit.phrase.contains(u' '))
        return false;
    const QString own = language.section(u'-', 0, 0);
    const QString list = hit.language.section(u'-', 0, 0);
    // English is written inside every language ("pills", "overdose"), except its shortest words:
    // Turkish "5 gün" folds to "5 gun".
    const bool english = list == u"en" && hit.phrase.size() > kForeignEnglishMaxChars;
    return list != own && !english && list != u"any" && !LanguageDetector::areNeighbours(list, own);
}

RiskModel::Reading RiskModel::read(const SignalLexicon &lexicon, const PrefilterText &text,
                                   const QString &language)
{
    Reading r;
    const QStringList &names = signalNames();
    r.present.assign(size_t(names.size()), false);
    r.phrases.resize(names.size());
    r.spans.resize(names.size());
    // One phrase is one sign: "thanks for everything" is a farewell concept and a farewell cue,
    // "testament" a farewell and affairs in order; a signal counts only where it found words no
    // other risk signal has taken. The phrase layer's cue kinds are the more specific, so they
    // take their words first; context is read on its own.
    std::vector<std::pair<qsizetype, qsizetype>> taken;
    const auto isFree = [&](const SignalLexicon::Hit &h) {
        return std::none_of(taken.cbegin(), taken.cend(),
                            [&](const auto &t) { return h.start < t.second && t.first < h.end; });
    };
    std::vector<qsizetype> order;
    for (const Kind kind : {Kind::Cue, Kind::Concept, Kind::Context}) {
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (concepts().at(i).kind == kind)
                order.push_back(i);
        }
    }
    const QString known = text.text().size() >= kForeignWordMinText ? language : QString();
    for (const qsizetype i : order) {
        const bool context = concepts().at(i).kind == Kind::Context;
        QList<SignalLexicon::Hit> hits = lexicon.findAll(names.at(i), text, context ? 1 : 0);
        if (!context && !known.isEmpty())
            hits.removeIf([&known](const SignalLexicon::Hit &h) { return isForeignWord(h, known); });
        const auto free = context ? hits.cbegin() : std::find_if(hits.cbegin(), hits.cend(), isFree);
        if (free == hits.cend())
            continue;
        r.present[size_t(i)] = true;
        r.phrases[i] = free->phrase;
        r.spans[i] = {free->start, free->end};
        if (!context)
            taken.emplace_back(free->start, free->end);
    }
    // A move abroad, a switch of bank or a long trip explains the words of leaving ("I won't need
    // the card", "I've sorted everything", "thanks for everything, goodbye"): next to it they say
    // nothing. Despair, means, dying and the rest still count.
    if (const qsizetype move = names.indexOf(u"context_move"_s); move >= 0 && r.present[size_t(move)]) {
        for (const QString &leaving :
             {u"crisis_finality"_s, u"crisis_preparation"_s, u"crisis_farewell"_s, u"concept_farewell"_s}) {
            if (const qsizetype i = names.indexOf(leaving); i >= 0) {
                r.present[size_t(i)] = false;
                r.phrases[i].clear();
            }
        }
    }
    return r;
}

std::vector<double> RiskModel::features(const std::vector<bool> &present)
{
    const size_t raising = size_t(raisingCount());
    std::vector<double> f;
    f.reserve(present.size() + raising * (raising - 1) / 2);
    for (size_t a = 0; a < raising && a < present.size(); ++a)
        f.push_back(present[a] ? 1.0 : 0.0);
    for (size_t a = 0; a < raising; ++a) {
        for (size_t b = a + 1; b < raising; ++b)
            f.push_back(a < present.size() && b < present.size() && present[a] && present[b] ? 1.0 : 0.0);
    }
    for (size_t c = raising; c < present.size(); ++c)
        f.push_back(present[c] ? 1.0 : 0.0);
    // Context with each risk signal: a relative's death explains "death" and "executor", not "pills".
    for (size_t c = raising; c < present.size(); ++c) {
        for (size_t a = 0; a < raising; ++a)
            f.push_back(present[c] && present[a] ? 1.0 : 0.0);
    }
    for (const CountFeature &count : countFeatures()) {
        int n = 0;
        for (size_t a = 0; a < raising && a < present.size(); ++a) {
            const Concept &c = concepts().at(qsizetype(a));
            n += present[a] && c.kind == Kind::Concept &&
                         (count.target == Target::None || c.target == count.target)
                     ? 1
                     : 0;
        }
        f.push_back(n >= count.atLeast ? 1.0 : 0.0);
    }
    return f;
}

bool RiskModel::mayLower(int feature)
{
    const qsizetype start = contextFeaturesStart();
    return feature >= start && feature < start + contextCount() * (1 + raisingCount());
}

QStringList RiskModel::featureNames()
{
    const QStringList &names = signalNames();
    const qsizetype raising = raisingCount();
    QStringList out = names.mid(0, raising);
    for (qsizetype a = 0; a < raising; ++a) {
        for (qsizetype b = a + 1; b < raising; ++b)
            out.append(names.at(a) + u'+' + names.at(b));
    }
    out.append(names.mid(raising));
    for (qsizetype c = raising; c < names.size(); ++c) {
        for (qsizetype a = 0; a < raising; ++a)
            out.append(names.at(c) + u'+' + names.at(a));
    }
    for (const CountFeature &count : countFeatures())
        out.append(count.name);
    return out;
}

const RiskModel &RiskModel::builtIn()
{
    static const RiskModel model = [] {
        // TANDEM_JUDGEMENT_LEXICON_DIR: measured from a source tree, like the lexicon.
        const QString dir = qEnvironmentVariable("TANDEM_JUDGEMENT_LEXICON_DIR");
        QFile file((dir.isEmpty() ? u":/drafting/judgement"_s : dir) + u"/risk-model.json"_s);
        QString error = u"the built-in risk model is missing"_s;
        if (file.open(QIODevice::ReadOnly)) {
            if (auto parsed = fromJson(file.readAll(), &error))
                return std::move(*parsed);
        }
        // The phrase layer still decides; only a broken build gets here (the tests load it).
        tandem::logging::get("draft")->critical("risk model unusable: {}", error.toStdString());
        return RiskModel{};
    }();
    return model;
}

std::optional<RiskModel> RiskModel::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(json, &parseError).object();
    if (o.isEmpty()) {
        *error = parseError.errorString();
        return std::nullopt;
    }
    QStringList names;
    for (const QJsonValue &v : o.value(u"features"_s).toArray())
        names.append(v.toString());
    if (names != featureNames()) {
        *error = u"the model was trained on other concepts than this build reads"_s;
        return std::nullopt;
    }
    const QJsonArray weights = o.value(u"weights"_s).toArray();
    const QJsonValue bias = o.value(u"bias"_s);
    const QJsonValue threshold = o.value(u"threshold"_s);
    if (weights.size() != names.size() || !bias.isDouble() || !threshold.isDouble()) {
        *error = u"weights, bias or threshold missing"_s;
        return std::nullopt;
    }
    RiskModel model;
    for (const QJsonValue &w : weights) {
        const bool lowering = mayLower(int(model.m_weights.size()));
        if (!w.isDouble() || (lowering ? w.toDouble() > 0 : w.toDouble() < 0)) {
            *error = u"a weight is not a number, or has the wrong sign (concepts raise, context lowers)"_s;
            return std::nullopt;
        }
        model.m_weights.push_back(w.toDouble());
    }
    model.m_bias = bias.toDouble();
    model.m_threshold = threshold.toDouble();
    return model;
}

QByteArray RiskModel::toJson() const
{
    QJsonArray weights;
    for (const double w : m_weights)
        weights.append(std::round(w * 1e6) / 1e6);
    const QJsonObject o{
        {u"version"_s, 1},
        {u"comment"_s,
         u"Crisis model of the judgement (server/drafting/judgement/RiskModel): logistic weights over "
         "the risk concepts and their pairs, written by `tandemd eval risk --out`; do not edit by hand."_s},
        {u"features"_s, QJsonArray::fromStringList(featureNames())},
        {u"weights"_s, weights},
        {u"bias"_s, m_bias},
        {u"threshold"_s, m_threshold},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

double RiskModel::probability(const std::vector<bool> &present) const
{
    if (!isValid())
        return 0.0;
    const std::vector<double> f = features(present);
    double z = m_bias;
    for (size_t k = 0; k < f.size() && k < m_weights.size(); ++k)
        z += m_weights[k] * f[k];
    return sigmoid(z);
}

RiskModel RiskModel::train(const std::vector<std::vector<bool>> &rows, const std::vector<bool> &isCrisis,
                           double l2, double missCost)
{
    RiskModel model;
    // Identical readings with the same label are one row with a count: a corpus of ordinary
    // requests is mostly a few thousand copies of "no concept at all".
    std::map<std::pair<std::vector<bool>, bool>, double> counted;
    for (size_t i = 0; i < rows.size(); ++i)
        counted[{rows[i], bool(isCrisis[i])}] += 1.0;
    struct Row
    {
        std::vector<int> active; // indices of the features that are 1
        bool crisis = false;
        double count = 0;
        double z = 0;
    };
    std::vector<Row> data;
    const size_t d = size_t(featureNames().size());
    std::vector<std::vector<size_t>> rowsOf(d); // feature -> rows where it is 1
    for (const auto &[key, count] : counted) {
        Row r;
        const std::vector<double> f = features(key.first);
        for (size_t k = 0; k < f.size(); ++k) {
            if (f[k] != 0.0) {
                r.active.push_back(int(k));
                rowsOf[k].push_back(data.size());
            }
        }
        r.crisis = key.second;
        r.count = count;
        data.push_back(std::move(r));
    }
    const double positives = double(std::count(isCrisis.cbegin(), isCrisis.cend(), true));
    if (positives == 0 || positives == double(isCrisis.size()))
        return model;

    // L2-penalised logistic regression by coordinate descent (one Newton step per weight, kept
    // at or above zero: a concept may only ever raise the risk; context only ever lowers it).
    std::vector<double> w(d, 0.0);
    double bias = std::log(positives / (double(isCrisis.size()) - positives));
    for (Row &r : data)
        r.z = bias;
    const auto newtonStep = [&](const auto &indices, double current, double penalty) {
        double g = penalty * current;
        double h = penalty;
        for (const size_t i : indices) {
            const Row &r = data[i];
            const double p = sigmoid(r.z);
            g += r.count * (p - (r.crisis ? 1.0 : 0.0));
            h += r.count * p * (1.0 - p);
        }
        return h > 0 ? std::clamp(-g / h, -2.0, 2.0) : 0.0;
    };
    std::vector<size_t> all(data.size());
    std::iota(all.begin(), all.end(), size_t(0));
    for (int sweep = 0; sweep < 1000; ++sweep) {
        double moved = 0;
        for (size_t k = 0; k < d; ++k) {
            if (rowsOf[k].empty() || !mayWeighAlone(k))
                continue;
            const double step = w[k] + newtonStep(rowsOf[k], w[k], l2);
            const double next = mayLower(int(k)) ? std::min(0.0, step) : std::max(0.0, step);
            const double delta = next - w[k];
            if (delta == 0.0)
                continue;
            w[k] = next;
            for (const size_t i : rowsOf[k])
                data[i].z += delta;
            moved = std::max(moved, std::abs(delta));
        }
        const double delta = newtonStep(all, 0.0, 0.0);
        bias += delta;
        for (Row &r : data)
            r.z += delta;
        moved = std::max(moved, std::abs(delta));
        if (moved < 1e-7)
            break;
    }
    model.m_weights = w;
    model.m_bias = bias;

    // The threshold, from the model's own errors on the training rows.
    std::vector<std::pair<double, bool>> open; // probability, is a crisis
    for (size_t i = 0; i < rows.size(); ++i)
        open.emplace_back(model.probability(rows[i]), isCrisis[i]);
    std::sort(open.begin(), open.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    double missed = double(std::count_if(open.cbegin(), open.cend(), [](const auto &r) { return r.second; }));
    double alarms = 0;
    double best = missCost * missed; // a threshold above every row: the model never speaks
    double chosen = 1.0 + 1e-9;
    for (size_t i = 0; i < open.size(); ++i) {
        if (open[i].second)
            missed -= 1.0;
        else
            alarms += 1.0;
        if (i + 1 < open.size() && open[i + 1].first == open[i].first)
            continue; // equal probabilities fall on the same side
        const double cost = missCost * missed + alarms;
        if (cost < best) {
            best = cost;
            // Halfway to the next lower probability: a message a little less sure still counts.
            chosen = i + 1 < open.size() ? (open[i].first + open[i + 1].first) / 2 : open[i].first;
        }
    }
    model.m_threshold = chosen;
    return model;
}

} // namespace tandem::server::judgement
