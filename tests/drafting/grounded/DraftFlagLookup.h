#pragma once

#include "core/Draft.h"

#include <QList>
#include <QString>

// Looking up a draft's flags in the grounded drafting suites (tst_drafting_grounded,
// tst_drafting_facts): one copy, so both read flags the same way.
namespace tandem::test {

//! The flag of \a kind whose span in \a body is exactly \a span; nullptr when there is none.
const DraftFlag *findFlag(const QList<DraftFlag> &flags, const QString &kind, const QString &body,
                          const QString &span);

//! How many flags of \a kind there are, with or without a span.
int countKind(const QList<DraftFlag> &flags, const QString &kind);

} // namespace tandem::test
