#pragma once

#include "LlmClient.h"

#include <QList>
#include <QString>

namespace tandem::server {

//! Everything the prompt is built from: the grounded engine's triage and sources.
struct LlmPromptInput
{
    QString company;        //!< the company's name ("" for none)
    QString customerName;   //!< as the ticket has it
    QString customerText;   //!< untrusted: goes inside <customer_message>
    QString language;       //!< the customer's language code (the reply's language)
    QString intent;         //!< the intent model's decision ("" when none)
    QString tone;           //!< "", "empathetic", "concise" or "formal"
    QString referenceDraft; //!< the grounded engine's draft (its template, slots filled)
    struct Source
    {
        QString id; //!< citation id ("kb:3", "resolved:17", ...)
        QString title;
        QString text;
    };
    QList<Source> sources;
};

//! Builds the chat-completions messages. The system message holds every instruction; the
//! user message holds only data, each part in its own tag (<source>, <reference_draft>,
//! <customer_message>). Everything put inside a tag is escaped (&, <, >), so no text, in
//! particular the customer's, can close its tag or open another: the customer's words stay
//! data however they are phrased.
class LlmPrompt
{
public:
    static QList<ChatMessage> build(const LlmPromptInput &input);
    //! The text with &, < and > escaped as &amp; &lt; &gt;.
    static QString escape(const QString &untrusted);
    //! English name of a language code ("sv" -> "Swedish"); the code itself when unknown.
    static QString languageName(const QString &code);
    //! The prompt's own tag names; an answer that contains one of them echoed the prompt.
    static QStringList tagNames();
};

} // namespace tandem::server
