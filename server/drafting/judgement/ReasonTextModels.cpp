#include "ReasonTextModels.h"

#include "core/Logging.h"

#include <QDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

const ReasonTextModels &ReasonTextModels::builtIn()
{
    static const ReasonTextModels models = [] {
        ReasonTextModels loaded;
        const QString dir = qEnvironmentVariable("TANDEM_JUDGEMENT_LEXICON_DIR");
        const QStringList files = QDir(dir.isEmpty() ? u":/drafting/judgement"_s : dir)
                                      .entryList({u"text-model-*.json"_s}, QDir::Files, QDir::Name);
        for (const QString &file : files) {
            QString error;
            auto model = RiskTextModel::fromData(file, &error);
            if (model && model->code() == u"crisis")
                error = u"a crisis model belongs in risk-text-model.json"_s;
            if (!model || !error.isEmpty()) {
                tandem::logging::get("draft")->error("text model {} skipped: {}", file.toStdString(),
                                                     error.toStdString());
                continue;
            }
            loaded.add(std::move(*model));
        }
        return loaded;
    }();
    return models;
}

void ReasonTextModels::add(RiskTextModel model)
{
    const auto same = std::find_if(m_models.begin(), m_models.end(),
                                   [&](const RiskTextModel &m) { return m.code() == model.code(); });
    if (same != m_models.end())
        *same = std::move(model);
    else
        m_models.push_back(std::move(model));
}

const RiskTextModel *ReasonTextModels::model(QStringView code) const
{
    const auto it = std::find_if(m_models.cbegin(), m_models.cend(),
                                 [&](const RiskTextModel &m) { return m.code() == code; });
    return it == m_models.cend() ? nullptr : &*it;
}

} // namespace tandem::server::judgement
