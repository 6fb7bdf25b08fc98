#pragma once

class QTableView;

namespace tandem::ui {

//! Columns sized to their contents, none wider than \a maxWidth (a long queue or agent name is
//! elided there, its tooltip has it whole) and no column stretched: the figures stay beside the
//! names at any window width instead of being pushed to the far edge, and what is left over
//! stays empty on the right. Sorting and moving columns keep working.
void fitColumnsToContents(QTableView *view, int maxWidth = 320);

} // namespace tandem::ui
