#pragma once

#include "ReasonTextModels.h"
#include "RiskModel.h"
#include "RiskTextModel.h"
#include "SignalLexicon.h"

#include "core/Enums.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>

namespace tandem::server::judgement {

class WriterContext;

//! An earlier ticket of the same customer (what repeat contact is judged from).
struct PriorContact
{
    qint64 ticketId = 0;
    QString subject;
    QString text; //!< what the customer wrote on it
    QString intent;
    TicketStatus status = TicketStatus::Open;
    QDateTime createdAt;
    QString lastText; //!< the customer's last message on it (their own word that the matter is done)
};

//! One request-bearing piece of the message and what the intent model made of it.
struct PieceIntent
{
    QString text;
    QString intent;
    double confidence = 0;
    int contentWords = 0;
    bool asks = false; //!< reads as a request: a question, "please", "I want", "can you" ...
    //! The whole message's reading leans the same way, or the piece alone is unmistakable.
    bool alsoWhole = false;
};

//! Everything the judgement looks at for one ticket.
struct CaseInput
{
    QString customerText; //!< subject + every customer message, oldest first, quoted history cut
    //! The same as it came, with the history the messages quote, signatures and mail notices
    //! (empty: nothing was cut): a promise or an instruction planted in a "quoted" earlier reply
    //! or in a disclaimer is manipulation all the same.
    QString withHistory;
    QString subject;
    //! The subject is the quoted mail's (text::quotesItsSubject()): fraud and legal words in it
    //! are history, set aside like a settled past.
    bool subjectQuoted = false;
    QStringList messages;       //!< the customer's messages, oldest first
    QString language;           //!< the language the reply will be written in
    bool languageServed = true; //!< the knowledge base answers in that language
    QString intent;             //!< the intent model's answer for the whole text ("" = none)
    double confidence = 0;
    bool outOfScope = false;
    bool abstained = false;
    QList<PieceIntent> pieces;              //!< per request-bearing piece (see splitRequests())
    QHash<QString, QString> intentFamilies; //!< intent -> queue/family; same family = one matter
    double sentimentScore = 0;
    int customerMessages = 1;
    QList<PriorContact> history; //!< the customer's earlier tickets inside the repeat window
    QDateTime now;
    int recentSolvedDays = 7; //!< a matter solved this recently and raised again is a repeat
};

//! What the judgement found: reason codes (core/ReasonCodes.h) with the evidence for each.
struct CaseAssessment
{
    QStringList codes;                //!< most serious first
    QHash<QString, QString> evidence; //!< code -> what triggered it (a phrase, an earlier ticket)
    bool unclear = false;             //!< no request at all ("hello", "??"): ask, do not escalate
    bool recordCited = false;         //!< names one of our records ("order 40388"): never out of scope
    bool humanRequested = false;      //!< the customer asked for a person
    bool sarcasm = false;             //!< complaint wording on positive-sounding text
    QStringList requestIntents;       //!< distinct intents of a multi-request message
    QList<qint64> relatedTickets;     //!< earlier tickets on the same matter
    QStringList riskSigns;            //!< risk concepts read that did not make a crisis
    //! Codes whose words were read and every one explained away (a settled past, a planned stay
    //! in hospital, a question about what would happen if): no evidence for that topic.
    QStringList setAside;
    //! The newest message takes back what the earlier ones said ("sorry for the tone, all sorted
    //! now"): their mood is not the customer's now.
    bool earlierWithdrawn = false;

    bool has(QStringView code) const { return codes.contains(code); }
    //! "crisis: “end it all”; repeat contact: ticket #12 on the same matter is still open"
    QString reason() const;
};

//! The judgement on the hard cases: risk to life, vulnerability, fraud, legal threats,
//! complaints (sarcasm included), manipulation of the assistant, repeat contact across tickets,
//! several requests in one message, languages the knowledge base cannot answer, and messages
//! with no request in them. Multilingual phrase signals (SignalLexicon), the risk concepts read
//! together (RiskModel), the whole message as the crises it resembles (RiskTextModel) and as the
//! complaints, frauds or manipulations it resembles (ReasonTextModels), the intent model's view of
//! each sentence and the customer's history; a pure function of its input.
class CaseAssessor
{
public:
    explicit CaseAssessor(const SignalLexicon &lexicon = SignalLexicon::builtIn(),
                          const RiskModel &risk = RiskModel::builtIn(),
                          const RiskTextModel &text = RiskTextModel::builtIn(),
                          const ReasonTextModels &codeText = ReasonTextModels::builtIn())
        : m_lexicon(lexicon), m_risk(risk), m_text(text), m_codeText(codeText)
    {}

    CaseAssessment assess(const CaseInput &input) const;
    //! The text every signal reads: the newest kMaxJudgedChars of \a customerText, folded, with
    //! wording that is not meant literally blanked (lexicon signal "not_literal": "dead tired",
    //! "dying of laughter", "not stolen", a planned stay in hospital).
    QString judgedText(const QString &customerText) const;
    //! \a text as written, with the same not-literal wording blanked: what the intent model and
    //! the sentiment read, so "dead tired" or "dying of laughter" steers neither.
    QString literalText(const QString &text) const;

    //! Minimum confidence for one piece of a message to count as a request of its own.
    static constexpr double kPieceConfidence = 0.6;
    //! The same when the customer announced several requests ("a few things:", a numbered list).
    static constexpr double kPieceConfidenceListed = 0.35;
    static constexpr int kPieceMinWords = 3;
    //! Below this model confidence a message without any domain anchor (lexicon signal
    //! "domain") is out of scope.
    static constexpr double kConfidentInScope = 0.9;
    //! The crisis text layer's threshold without a risk sign, at most, for a message in a language
    //! the knowledge base does not serve (measured in docs/drafting.md, round 11).
    static constexpr double kUnservedAloneThreshold = 0.3;
    //! The manipulation text model on the message with the history it quotes.
    static constexpr double kQuotedClaimThreshold = 0.5;
    //! The same beside a risk sign (0.2 in a served language).
    static constexpr double kUnservedSignThreshold = 0.15;
    //! The text layer's bar in a served language where the only sign is one sign of an
    //! emergency (round 12): between the bar beside a risk concept and the bar alone.
    static constexpr double kEmergencySignThreshold = 0.4;
    //! The message's sentiment (SentimentAnalyzer, -1..1) at or above which the complaint text
    //! model alone does not say complaint ...
    static constexpr double kWarmTone = 0.3;
    //! ... unless the model is this sure (sarcasm: "Truly amazing service. Third window missed").
    static constexpr double kWarmComplaintBar = 0.3;
    //! The sentiment above which a writer's "I'm not complaining" holds for the whole message.
    static constexpr double kSourTone = -0.2;
    //! Characters of the thread the signals read, newest last (keeps a draft within its budget).
    static constexpr qsizetype kMaxJudgedChars = 12000;

private:
    using Spans = QList<std::pair<qsizetype, qsizetype>>;
    //! Spans read on first use, then kept for the rest of one assessment.
    using LazySpans = std::function<const Spans &()>;
    //! [0, start of the newest message) of \a folded when that message withdraws or settles
    //! what came before (lexicon signals earlier_withdrawn, context_retracted); else empty.
    Spans withdrawnEarlier(const CaseInput &input, const QString &folded) const;
    //! The text layers' features of the judged text, computed once for all of them.
    using LazyFeatures = std::function<const std::vector<RiskTextModel::Feature> &()>;
    //! \a settled: the context_settled spans (a past matter the writer calls settled, a pet's
    //! death); a risk sign inside one is no evidence for a sensitive topic.
    //! \a served: the message is in a language the knowledge base answers.
    void assessCrisis(const PrefilterText &prepared, const QString &language, bool served, CaseAssessment &a,
                      const LazySpans &settled, const LazyFeatures &features,
                      const std::function<bool()> &ownWork, WriterContext &writer) const;
    QString vulnerablePhrase(const PrefilterText &prepared, const LazySpans &aside,
                             const std::function<bool()> &ownWork, WriterContext &writer) const;
    //! The codes' text models, for the codes no phrase gave; a model's reading must hold without
    //! the spans \a aside gives (what the writer sets aside as not their matter).
    //! They read the writer's own words; the manipulation model reads \a claims too (the message
    //! with the history it quotes), at kQuotedClaimThreshold: a forwarded order confirmation is
    //! worded a little like a claim, a planted promise very much.
    void assessCodeText(const PrefilterText &prepared, const PrefilterText &claims, CaseAssessment &a,
                        const LazySpans &aside, const LazyFeatures &features, double tone) const;

    const SignalLexicon &m_lexicon;
    const RiskModel &m_risk;
    const RiskTextModel &m_text;
    const ReasonTextModels &m_codeText;
};

} // namespace tandem::server::judgement
