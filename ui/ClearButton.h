#pragma once

class QLineEdit;
class QString;

namespace tandem::ui {

//! QLineEdit::setClearButtonEnabled(true), with the button named for screen readers and UI
//! automation ("Clear", and what it clears): Qt leaves it nameless.
void enableClearButton(QLineEdit *edit, const QString &what);

} // namespace tandem::ui
