#pragma once

#include <QWidget>

namespace tandem::ui {

//! A pill showing the AI's confidence in a draft ("82 % · High"), coloured green/amber/red.
//! The word is always shown too, so the colour is never the only signal. A draft the engine wrote
//! itself for a case a person must handle (a crisis holding reply, a reply for a language it does
//! not serve: confidence 0 on a ticket that needs a human) reads "Holding reply" in a neutral
//! colour: "0 % · Low" in red would look like a broken model rather than a deliberate choice.
//! Any other draft on a ticket that needs a person keeps its number but loses its colour
//! ("86 % · person first"): a green "High" beside the red needs-human banner would tell the agent
//! two opposite things; the reason chips say why. A draft for a message in which the AI recognised
//! no request reads "No topic": "76 % · Medium" beside "Intent: unknown" would say two things too.
class ConfidenceBadge : public QWidget
{
    Q_OBJECT

public:
    explicit ConfidenceBadge(QWidget *parent = nullptr);

    //! \a confidence in 0..1; a negative value hides the number ("No draft").
    void setConfidence(double confidence);
    //! A draft's \a confidence on a ticket that does (\a needsHuman) or does not need a person.
    //! Without a recognised request (\a topicKnown false: no intent) the score is about nothing
    //! the agent can check, so the badge reads "No topic" in a neutral colour instead of a number.
    void setDraft(double confidence, bool needsHuman, bool topicKnown = true);
    //! True when the draft answers no recognised request (see setDraft()).
    bool isWithoutTopic() const { return m_noTopic; }
    double confidence() const { return m_confidence; }
    bool isHoldingReply() const { return m_holding; }
    //! True when the ticket needs a person first: the score is shown without its colour.
    bool isPersonFirst() const { return m_personFirst; }
    //! True for a draft the engine wrote itself because a person must handle the ticket.
    static bool isHoldingReply(double confidence, bool needsHuman);
    QString text() const;
    //! "High", "Medium" or "Low" for \a confidence.
    static QString levelName(double confidence);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_confidence = -1.0;
    bool m_holding = false;
    bool m_personFirst = false;
    bool m_noTopic = false;
};

} // namespace tandem::ui
