#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tandem::app {

//! One run of a word-level diff: text both sides share, or text only one side has.
struct DiffSegment
{
    enum class Kind
    {
        Equal,    //!< in both texts
        Inserted, //!< only in the new text (what was sent)
        Removed   //!< only in the old text (the AI's draft)
    };
    Kind kind = Kind::Equal;
    QString text;
    bool operator==(const DiffSegment &) const = default;
};

//! A word-level diff of two texts (Myers' O(ND) algorithm over word, whitespace and punctuation
//! tokens). Bounded: beyond Limits the changed middle is reported as one removal plus one
//! insertion ("replaced"), so a huge or unrelated pair never costs more than a few milliseconds.
class WordDiff
{
public:
    struct Limits
    {
        int maxTokens = 5000; //!< per side, after the common prefix and suffix are taken off
        int maxEdits = 2000;  //!< Myers' D: inserted + removed tokens
    };

    struct Result
    {
        QList<DiffSegment> segments;
        bool complete = true; //!< false when the limits made the middle a whole replacement
    };

    //! Segments that rebuild \a before from the Equal + Removed ones and \a after from the
    //! Equal + Inserted ones, in order. Adjacent segments never share a kind.
    static Result diff(const QString &before, const QString &after, const Limits &limits);
    static Result diff(const QString &before, const QString &after) { return diff(before, after, Limits{}); }

    //! Words (letters, digits, marks, inner apostrophes), whitespace runs and single other
    //! characters (punctuation, symbols, emoji), in order; concatenated they give \a text back.
    static QStringList tokenize(const QString &text);
};

} // namespace tandem::app
