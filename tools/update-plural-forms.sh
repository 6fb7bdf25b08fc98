#!/usr/bin/env bash
# Regenerates translations/tandem_en.ts: the English plural forms of every tr("... %n ...") in ui/
# and app/ (lupdate -pluralonly). A new entry arrives unfinished: give it its two forms ("%n
# draft" / "%n drafts") in Qt Linguist or by hand, then run the translations_plural_forms test.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate="$(command -v lupdate6 || command -v lupdate || echo /usr/lib/qt6/bin/lupdate)"
"$lupdate" -pluralonly -locations none -no-obsolete -target-language en ui app -ts translations/tandem_en.ts
