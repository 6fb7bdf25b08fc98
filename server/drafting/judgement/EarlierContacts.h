#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace tandem::server::judgement {

struct CaseInput;

//! The customer's earlier tickets on the matter they write about now: the same intent, the same
//! words (content-word cosine above kSameMatter) or the same order or case number. A repeat
//! contact when one of them is still open, was solved within input.recentSolvedDays, or two or
//! more of them came before. A ticket that ends on the customer's own word that the matter is done
//! ("it arrived, thanks!") closes itself and the earlier tickets on its matter (same subject, number
//! or words): those count as neither open nor earlier; what the customer writes now is a new matter.
struct EarlierContacts
{
    //! Content-word cosine above which two tickets are about the same matter.
    static constexpr double kSameMatter = 0.3;

    QList<qint64> related; //!< every earlier ticket on the same matter
    QString repeat;        //!< why this is a repeat contact ("ticket #12 … is still open"); empty: none

    //! \a saysDone: the customer's message says the matter is done (the matter_settled signal).
    static EarlierContacts read(const CaseInput &input, const std::function<bool(const QString &)> &saysDone);
};

} // namespace tandem::server::judgement
