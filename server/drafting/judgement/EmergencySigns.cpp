#include "EmergencySigns.h"

#include "PatternPrefilter.h"
#include "Sentences.h"
#include "SignalLexicon.h"

#include <array>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

EmergencyReading readEmergency(const SignalLexicon &lexicon, const PrefilterText &prepared)
{
    struct Emergency
    {
        QStringView kind;
        QStringView label;
        //! Whether one sign of the kind alone lowers the text layer's bar (oneSign). Not for the
        //! kinds whose every aspect is ordinary alone ("my boy ate the cake", "she locked herself
        //! in her room"): only both together say anything.
        bool signAlone = true;
    };
    static const std::array<Emergency, 14> emergencies{{
        {u"signs_stroke", u"signs of a stroke"},
        {u"signs_cardiac", u"signs of a heart attack"},
        {u"signs_allergy", u"signs of a severe allergic reaction"},
        {u"signs_unresponsive", u"someone unresponsive"},
        {u"signs_hypo", u"signs of a diabetic emergency"},
        {u"signs_fire", u"a fire"},
        {u"signs_gas", u"gas or carbon monoxide"},
        {u"signs_co", u"signs of carbon monoxide"},
        {u"signs_cold", u"exposure to the cold"},
        {u"signs_fall", u"a fall and no way up"},
        {u"signs_hot_car", u"a child left in a car"},
        {u"signs_violence_heard", u"violence heard"},
        {u"signs_poisoning", u"signs of poisoning", false},
        {u"signs_unreachable", u"someone out of reach in danger", false},
    }};
    EmergencyReading out;
    constexpr int kMaxAspects = 4;
    static const auto aspectNames = [] {
        std::array<QStringList, emergencies.size()> names;
        for (size_t k = 0; k < emergencies.size(); ++k) {
            for (int i = 1; i <= kMaxAspects; ++i)
                names[k].append(u"%1_%2"_s.arg(emergencies[k].kind).arg(i));
        }
        return names;
    }();
    for (size_t k = 0; k < emergencies.size(); ++k) {
        // The aspects this lexicon has for the kind: signs_<kind>_1, _2, ... while they exist.
        const QStringList &aspects = aspectNames[k];
        qsizetype count = 0;
        while (count < aspects.size() && lexicon.patternCount(aspects.at(count)) > 0)
            ++count;
        QStringList signs;
        // Stops as soon as two signs can no longer be found among the aspects left.
        for (qsizetype i = 0; i < count && signs.size() < 2 && signs.size() + count - i >= 2; ++i) {
            if (const QString p = lexicon.find(aspects.at(i), prepared); !p.isEmpty())
                signs.append(quotedPhrase(p));
        }
        if (signs.size() >= 2) {
            out.crisis =
                u"someone's safety is at risk, %1: %2"_s.arg(emergencies[k].label, signs.join(u" + "_s));
            return out;
        }
        if (!signs.isEmpty() && out.oneSign.isEmpty() && emergencies[k].signAlone)
            out.oneSign = emergencies[k].label + u' ' + signs.first();
    }
    return out;
}

} // namespace tandem::server::judgement
