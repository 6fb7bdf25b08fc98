#include "DisplayText.h"

#include "app/InboxView.h"
#include "app/IntentText.h"

#include <QHash>
#include <QLocale>
#include <QTextDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::ui {

QString DisplayText::status(TicketStatus status)
{
    return app::statusDisplayName(status);
}

QString DisplayText::priority(Priority priority)
{
    return app::priorityDisplayName(priority);
}

QString DisplayText::authorKind(AuthorKind kind, bool internal)
{
    if (internal)
        return tr("Internal note");
    switch (kind) {
    case AuthorKind::Customer:
        return tr("Customer");
    case AuthorKind::Agent:
        return tr("Agent");
    case AuthorKind::Ai:
        return tr("AI");
    case AuthorKind::System:
        return tr("System");
    }
    return {};
}

QString DisplayText::flagKind(const QString &kind)
{
    if (kind == u"needs_human")
        return tr("Needs a human");
    if (kind == u"missing_slot")
        return tr("Missing information");
    if (kind == u"promise")
        return tr("Makes a promise");
    if (kind == u"unsupported_fact")
        return tr("Unverified fact");
    if (kind == u"language")
        return tr("Language");
    if (kind == u"unverified_fact")
        return tr("Customer's figure, unchecked");
    if (kind == u"claimed_action")
        return tr("Claims an action");
    if (kind == u"manipulation")
        return tr("From a message steering the reply");
    return intent(kind);
}

QString DisplayText::language(const QString &tag)
{
    if (tag.isEmpty())
        return tr("Unknown");
    const QLocale locale(tag);
    if (locale.language() == QLocale::C)
        return tag;
    // A bare tag ("en", "es") names the language, not the default country's variant ("American
    // English", "español de España"): the customer wrote English or Spanish, nothing more is known.
    const bool bare = !tag.contains(u'-') && !tag.contains(u'_');
    QString name = bare ? QLocale::languageToString(locale.language()) : locale.nativeLanguageName();
    if (name.isEmpty())
        return tag;
    name[0] = name.at(0).toUpper();
    return name;
}

QString DisplayText::intent(const QString &intent)
{
    return app::IntentText::label(intent);
}

QString DisplayText::duration(qint64 seconds)
{
    seconds = std::abs(seconds);
    if (seconds < 60)
        return tr("<1 min");
    if (seconds < 3600)
        return tr("%n min", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 86400) {
        const int hours = static_cast<int>(seconds / 3600);
        const int minutes = static_cast<int>((seconds % 3600) / 60);
        return minutes == 0 ? tr("%n h", nullptr, hours) : tr("%1 h %2 min").arg(hours).arg(minutes);
    }
    return tr("%n d", nullptr, static_cast<int>(seconds / 86400));
}

QString DisplayText::timeUntil(const QDateTime &due, const QDateTime &now)
{
    if (!due.isValid())
        return tr("No SLA");
    const qint64 seconds = now.secsTo(due);
    if (seconds < 0)
        return tr("Overdue %1").arg(duration(seconds));
    return tr("Due in %1").arg(duration(seconds));
}

QString DisplayText::dateTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    // The locale's short date and time, without seconds (some locales' short time has them).
    const QLocale locale;
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(u":ss"_s);
    const QDateTime local = time.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + u' ' +
           locale.toString(local.time(), timeFormat);
}

QString DisplayText::withoutMnemonic(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i; // the next character is the mnemonic (or the second '&' of a literal one)
        else if (text.at(i) == u'&')
            continue;
        out.append(text.at(i));
    }
    return out;
}

QString DisplayText::plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

QString DisplayText::breakable(const QString &text, int run)
{
    QString out;
    out.reserve(text.size() + text.size() / std::max(run, 1));
    int unbroken = 0;
    for (const QChar c : text) {
        out.append(c);
        unbroken = c.isSpace() ? 0 : unbroken + 1;
        if (unbroken >= run && !c.isHighSurrogate()) {
            out.append(QChar(0x200B));
            unbroken = 0;
        }
    }
    return out;
}

QString DisplayText::sanitize(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\r')
            continue;
        // Embeddings, overrides and isolates let untrusted text reorder what is shown after it
        // ("invoice\u202Efdp.exe"); the bidirectional algorithm lays out RTL text without them.
        if ((c.unicode() >= 0x202A && c.unicode() <= 0x202E) ||
            (c.unicode() >= 0x2066 && c.unicode() <= 0x2069))
            continue;
        if (c == u'\n' || c == u'\t' || !(c.category() == QChar::Other_Control))
            out.append(c);
    }
    return out;
}

} // namespace tandem::ui
