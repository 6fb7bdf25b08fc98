#pragma once

#include "RiskTextModel.h"

#include <vector>

namespace tandem::server::judgement {

//! Text models for reason codes other than crisis (complaint, fraud, manipulation ...): the same
//! kind of model as the crisis text layer (RiskTextModel), trained by `tandemd eval risk --text-code
//! CODE --text-out`, asked after the phrase layer for what its word lists did not catch. Built in:
//! every `text-model-*.json` of the judgement's data (one file a code); a file that does not load is
//! skipped with an error in the log, so a code without a model falls back to its phrases.
class ReasonTextModels
{
public:
    static const ReasonTextModels &builtIn();

    //! Adds \a model, replacing one for the same code.
    void add(RiskTextModel model);
    const std::vector<RiskTextModel> &models() const { return m_models; }
    //! The model for \a code, or nullptr.
    const RiskTextModel *model(QStringView code) const;

private:
    std::vector<RiskTextModel> m_models;
};

} // namespace tandem::server::judgement
