#pragma once

#include "core/Enums.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace tandem::ui {

//! Translated, human-readable names for domain values (status, priority, author, flags ...).
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(tandem::ui::DisplayText)

public:
    static QString status(TicketStatus status);
    static QString priority(Priority priority);
    static QString authorKind(AuthorKind kind, bool internal);
    //! "Needs a human", "Missing information", ... for a draft flag kind; the raw kind if unknown.
    static QString flagKind(const QString &kind);
    //! The language's native name for a BCP 47 tag ("sv" -> "svenska"), with the tag as fallback.
    static QString language(const QString &tag);
    //! An intent key such as "refund_request" as "Refund request".
    static QString intent(const QString &intent);
    //! "in 2 h 10 min", "overdue 15 min": time until \a due from \a now.
    static QString timeUntil(const QDateTime &due, const QDateTime &now);
    //! "5 min", "3 h", "2 d": an age.
    static QString duration(qint64 seconds);
    //! Local short date/time.
    static QString dateTime(const QDateTime &time);
    //! Removes control characters (except newline and tab) and bidirectional embeddings,
    //! overrides and isolates from untrusted text.
    static QString sanitize(const QString &text);
    //! \a text with a break opportunity (zero-width space) after every \a run characters of an
    //! unbroken word, so that a word-wrapped label wraps a 300-character token instead of growing.
    static QString breakable(const QString &text, int run = 24);
    //! \a text escaped for a tool tip: Qt would otherwise render text that looks like HTML as HTML.
    static QString plainToolTip(const QString &text);
    //! A menu or button text as read aloud or listed: mnemonic '&' dropped, a literal "&&" kept as
    //! one '&' ("Queues && team" -> "Queues & team").
    static QString withoutMnemonic(const QString &text);
};

} // namespace tandem::ui
