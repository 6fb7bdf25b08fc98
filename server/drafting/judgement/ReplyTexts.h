#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server::judgement {

//! Short, safe replies in many languages (replies.json, built in as
//! :/drafting/judgement/replies.json) for when no template may answer: a holding reply, one for
//! languages the knowledge base does not cover, a clarifying question, a crisis reply with the
//! company's signposting, a reply for vulnerable customers, a handover, and the sentences that
//! acknowledge a repeat contact or several requests. Placeholders: {name}, {signature},
//! {crisis_contacts} (crisis only; company configuration, never written here).
class ReplyTexts
{
public:
    enum class Kind
    {
        Holding,
        Unsupported,
        Clarify,
        Crisis,
        Vulnerable,
        Handover,
        RepeatAck,
        MultiAck
    };

    static const ReplyTexts &builtIn();
    static std::optional<ReplyTexts> fromJson(const QByteArray &json, QString *error);

    //! The text of \a kind in \a language ("sv", "zh-Hant"; a region suffix is dropped when
    //! only the base language is known); empty when that language has none.
    QString text(Kind kind, const QString &language) const;
    bool hasLanguage(const QString &language) const { return !resolve(language).isEmpty(); }
    QStringList languages() const { return m_texts.keys(); }
    static QString key(Kind kind);

private:
    QString resolve(const QString &language) const;
    QHash<QString, QHash<QString, QString>> m_texts; // language -> key -> text
};

} // namespace tandem::server::judgement
