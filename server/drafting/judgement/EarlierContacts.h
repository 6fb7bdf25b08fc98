#pragma once

#include <QList>
#include <QString>

namespace tandem::server::judgement {

struct CaseInput;

//! The customer's earlier tickets on the matter they write about now: the same intent, the same
//! words (content-word cosine above kSameMatter) or the same order or case number. A repeat
//! contact when one of them is still open, was solved within input.recentSolvedDays, or two or
//! more of them came before.
struct EarlierContacts
{
    //! Content-word cosine above which two tickets are about the same matter.
    static constexpr double kSameMatter = 0.3;

    QList<qint64> related; //!< every earlier ticket on the same matter
    QString repeat;        //!< why this is a repeat contact ("ticket #12 … is still open"); empty: none

    static EarlierContacts read(const CaseInput &input);
};

} // namespace tandem::server::judgement
