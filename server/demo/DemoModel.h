#pragma once

#include "server/drafting/intent/IntentClassifier.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server {

class DemoContent;

//! The demo company's intent model: trained from the demo's own customer messages (plus its
//! off-topic ones, as the reserved "out_of_scope" intent). The model depends only on that content
//! and the program version, so it is trained at build time (`tandemd build-demo-model`, run by
//! the build and installed to share/tandem) and on first use otherwise, then cached; a demo start
//! loads it instead of training (docs/performance.md, "Demo start").
class DemoModel
{
public:
    explicit DemoModel(const DemoContent &content);

    //! Labelled examples, sorted: the same content always gives the same examples and model.
    const QList<QPair<QString, QString>> &examples() const { return m_examples; }
    //! "demo-intents-<16 hex digits of the content hash>.model".
    QString fileName() const { return m_fileName; }
    //! "demo-company-<same hash>.db": the seeded demo database written with the model (DemoTemplate).
    QString templateFileName() const { return m_templateFileName; }

    //! Where a prebuilt or cached model is looked for, in order: $TANDEM_DEMO_MODEL_DIR,
    //! <executable dir>/../share/tandem (the build tree and the installed layout), the user's cache.
    static QStringList searchDirs();
    //! The user's cache directory, where a model trained at start is kept.
    static QString cacheDir();

    //! The first model in searchDirs() that loads; nullopt when none does.
    std::optional<IntentClassifier> loadPrebuilt() const;
    //! The path of the first seeded template in searchDirs(); empty when there is none.
    QString findTemplate() const;

private:
    QList<QPair<QString, QString>> m_examples;
    QString m_fileName;
    QString m_templateFileName;
};

} // namespace tandem::server
