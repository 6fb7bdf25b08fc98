#include "RequestReading.h"

#include "PatternPrefilter.h"
#include "Sentences.h"
#include "SignalLexicon.h"
#include "TextFolding.h"

#include "server/drafting/TextUtil.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

namespace {

//! A line that opens like an item of a list: "1)", "2.", "- ", "* ", "• ".
const QRegularExpression &lineItem()
{
    static const QRegularExpression re(u"^\\s*"_s + kListItemOpener + u"\\s+\\S"_s);
    return re;
}

//! An item numbered with a circled digit ("①注文の配送先を変更したい ②…"), wherever it stands.
const QRegularExpression &circledItem()
{
    static const QRegularExpression re(u"([\u2460-\u2468])\\s*[^\\s\u2460-\u2468]"_s);
    return re;
}

//! "Karen Bell", "M. Dąbrowski": one to four capitalised words and nothing else, a name signing off.
bool isSignOffName(const QString &line)
{
    static const QRegularExpression name(u"^\\s*[-–—]?\\s*(?:\\p{Lu}[\\p{L}'.-]*\\s*){1,4}$"_s,
                                         QRegularExpression::UseUnicodePropertiesOption);
    return name.match(line).hasMatch();
}

} // namespace

QStringList RequestReading::severalRequests(const CaseInput &input, const PrefilterText &prepared) const
{
    // The customer says there are several things ("three things:", "mehrere Anliegen", a numbered
    // list): then pieces the model reads less surely still count, and so does the whole message's
    // reading. Without such a cue, only pieces that each ask for something, read confidently, in
    // different families (queues) make a multi-request message: a stray clause ("bit annoying that
    // the app logs me out, but anyway...") must not turn one request into two.
    if (input.pieces.isEmpty())
        return {}; // one piece: one request, whatever the wording announces
    // "Three quick questions about swapping the card in:": several questions, one matter.
    if (!m_lexicon.find(u"one_matter", prepared).isEmpty())
        return {};
    bool enumerated = !m_lexicon.find(u"several_requests", prepared).isEmpty();
    if (!enumerated && listItems(input.customerText) >= 2) {
        // "Sobre el pedido 64081: 1) ¿cuándo llega? 2) ¿me avisan antes? 3) ¿se llevan el
        // embalaje?": a list introduced by one of our records asks about that record; its items
        // count only as surely as pieces nobody announced.
        const QString intro = fold(input.customerText.left(firstListItem(input.customerText)));
        enumerated = m_lexicon.find(u"record_reference", PrefilterText(intro)).isEmpty();
    }
    QStringList intents;
    QSet<QString> families;
    for (const PieceIntent &p : input.pieces) {
        if (p.intent.isEmpty() || p.contentWords < CaseAssessor::kPieceMinWords || intents.contains(p.intent))
            continue;
        const bool counts = enumerated
                                ? p.confidence >= CaseAssessor::kPieceConfidenceListed &&
                                      (p.asks || p.confidence >= CaseAssessor::kPieceConfidence)
                                : p.alsoWhole && p.asks && p.confidence >= CaseAssessor::kPieceConfidence;
        if (!counts)
            continue;
        // (Read last: the lexicon costs more than the checks above.)
        if (!asksAMatterOfItsOwn(fold(p.text)))
            continue;
        intents.append(p.intent);
        families.insert(input.intentFamilies.value(p.intent, p.intent));
    }
    if (enumerated && !input.intent.isEmpty() && !input.outOfScope && !intents.contains(input.intent) &&
        !intents.isEmpty()) {
        intents.prepend(input.intent);
        families.insert(input.intentFamilies.value(input.intent, input.intent));
    }
    if (families.size() >= 2 || intents.size() >= 3)
        return intents;
    return enumerated ? QStringList() : secondMatter(input, prepared);
}

bool RequestReading::asksAMatterOfItsOwn(const QString &foldedPiece) const
{
    // "What happens if I report a fraud?" asks about the policy, not for a fraud to be handled;
    // "Is that still possible now?" asks about the matter the piece before raised; "Last year you
    // sorted out my broken order in no time, all perfect 🙂" tells a settled past.
    const PrefilterText piece(foldedPiece);
    return m_lexicon.find(u"context_hypothetical", piece).isEmpty() &&
           m_lexicon.find(u"continues_matter", piece).isEmpty() &&
           m_lexicon.find(u"context_settled", piece).isEmpty();
}

QStringList RequestReading::secondMatter(const CaseInput &input, const PrefilterText &prepared) const
{
    // "… when will the refund come? P.S. I can't log in to the app since the update": the writer
    // announces a second matter after the first ("P.S.", "while I'm writing", "au passage"). Only
    // what reaches past the cue is that second matter: a piece there that asks, read surely
    // enough, in another family than a request before the cue (or the message's own confident
    // reading). An aside with nothing asked ("Nebenbei: die neue App gefällt mir") is no request.
    const QList<std::pair<qsizetype, qsizetype>> cues = m_lexicon.spans(u"second_matter", prepared);
    if (cues.isEmpty() || input.outOfScope)
        return {};
    const QString &text = prepared.text();
    const auto [cueStart, cueEnd] = cues.first();
    QStringList first;
    if (!input.intent.isEmpty() && input.confidence >= CaseAssessor::kPieceConfidence &&
        !text::contentWords(text.left(cueStart)).isEmpty())
        first.append(input.intent);
    QStringList second;
    for (const PieceIntent &p : input.pieces) {
        if (p.intent.isEmpty() || p.contentWords < CaseAssessor::kPieceMinWords ||
            p.confidence < CaseAssessor::kPieceConfidenceListed ||
            !(p.asks || p.confidence >= CaseAssessor::kPieceConfidence))
            continue;
        const QString piece = fold(p.text).trimmed();
        const qsizetype at = piece.isEmpty() ? -1 : text.indexOf(piece);
        if (at < 0)
            continue;
        if (!asksAMatterOfItsOwn(piece))
            continue;
        if (at + piece.size() > cueEnd)
            second.append(p.intent);
        else if (at + piece.size() <= cueStart && !first.contains(p.intent))
            first.append(p.intent);
    }
    for (const QString &a : std::as_const(first)) {
        for (const QString &b : std::as_const(second)) {
            if (input.intentFamilies.value(a, a) != input.intentFamilies.value(b, b))
                return {a, b};
        }
    }
    return {};
}

qsizetype RequestReading::firstListItem(const QString &text)
{
    // The same items listItems() counts: the first line that opens like one, or an inline "1)".
    qsizetype at = text.size();
    qsizetype offset = 0;
    for (const QStringView line : QStringView(text).split(u'\n')) {
        if (lineItem().match(line).hasMatch()) {
            at = offset;
            break;
        }
        offset += line.size() + 1;
    }
    // An inline "1)" with the space before it; one that opens a line, where that line starts.
    if (const QList<qsizetype> items = numberedItems(text); !items.isEmpty()) {
        const qsizetype one = items.first();
        return std::min(at, one > 0 && text.at(one - 1) != u'\n' ? one - 1 : one);
    }
    if (const qsizetype circled = text.indexOf(QChar(0x2460)); circled >= 0)
        return std::min(at, circled);
    return at;
}

int RequestReading::listItems(const QString &text)
{
    int n = 0;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines)
        n += lineItem().match(line).hasMatch() ? 1 : 0;
    if (n >= 2)
        return n;
    // A list written on one line: "1) ...; 2) ...; 3) ..." (numberedItems).
    const int inlineItems = int(numberedItems(text).size());
    // "①…②…③…": the same, numbered with circled digits.
    int circled = 1;
    for (auto it = circledItem().globalMatch(text); it.hasNext();) {
        if (it.next().captured(1).at(0).unicode() - 0x2460 + 1 == circled)
            ++circled;
    }
    return std::max({n, inlineItems, circled - 1});
}

QString RequestReading::multiIssue(const CaseInput &input, const PrefilterText &prepared,
                                   QStringList *intents) const
{
    *intents = severalRequests(input, prepared);
    if (!intents->isEmpty())
        return u"several requests in one message: %1"_s.arg(intents->join(u", "_s));
    if (input.languageServed || input.language.isEmpty())
        return {};
    const int listed = listedRequests(input.customerText);
    return listed >= 2 ? u"a list of %1 requests"_s.arg(listed) : QString();
}

int RequestReading::listedRequests(const QString &text) const
{
    // Also "3 hal: 1. ganti email, 2. paket rusak, 3. cicilan" (numberedItems, in listItems).
    const int items = listItems(text);
    if (items < 2)
        return 0;
    // A list introduced by one of our records asks about that record (as severalRequests reads it);
    // in a language the lexicon may not name records in, a number of five to eight digits is one.
    const QString intro = text.left(firstListItem(text));
    if (!text::referenceNumbers(intro).isEmpty())
        return 0;
    return m_lexicon.find(u"record_reference", PrefilterText(fold(intro))).isEmpty() ? items : 0;
}

bool RequestReading::isUnclear(const CaseInput &input, const QString &folded) const
{
    auto greetingOnly = [this](const QString &text) {
        const QStringList lines = text.split(u'\n');
        bool said = false;
        return std::all_of(lines.cbegin(), lines.cend(), [this, &said](const QString &line) {
            const QString f = fold(line).trimmed();
            // Under a greeting, the writer's name ("hello\n\nKaren Bell") says nothing more.
            if (f.isEmpty() || (said && isSignOffName(line)))
                return true;
            said = true;
            return m_lexicon.isGreetingOnly(f);
        });
    };
    const bool weakModel =
        input.outOfScope || input.abstained || input.intent.isEmpty() || input.confidence < 0.6;
    // What the customer wrote says nothing ("hallo?"), and the subject either says nothing
    // either or is mail boilerplate ("(no subject)") the model cannot read.
    // (A subject that names nothing we deal in, "czat" over "halo? jest tu ktoś", says nothing either.)
    static const QRegularExpression digits(u"\\d{3,}"_s);
    const auto subjectSaysNothing = [&] {
        const QString subject = fold(input.subject);
        return greetingOnly(input.subject) ||
               (!subject.contains(digits) && m_lexicon.find(u"domain", subject).isEmpty());
    };
    if (!input.messages.isEmpty() &&
        std::all_of(input.messages.cbegin(), input.messages.cend(), greetingOnly) &&
        (weakModel || subjectSaysNothing()))
        return true;
    if (input.messages.isEmpty() && greetingOnly(input.customerText))
        return true;
    // Next to nothing to go on, and the model has no idea either.
    // Three different words or fewer that name nothing we deal in ("hello?? anyone", "hallo,
    // jemand da?"): too little to be out of scope or a request, whatever the intent model makes
    // of it (it read "hola?? alguien" as fraud at 0.95); a question back.
    const QString said =
        (greetingOnly(input.subject) ? QString() : input.subject) + u'\n' + input.messages.join(u'\n');
    const QStringList saidWords = text::words(said);
    if (!input.messages.isEmpty() && QSet<QString>(saidWords.cbegin(), saidWords.cend()).size() <= 3 &&
        !folded.contains(digits) && m_lexicon.find(u"domain", folded).isEmpty())
        return true;
    // (No content word at all; "Where is my parcel?" has one and is a request.)
    QString withoutMarks = input.customerText;
    withoutMarks.remove(u'?');
    return weakModel && text::contentWords(input.customerText).isEmpty() && !folded.contains(digits) &&
           !asksSomething(withoutMarks);
}

} // namespace tandem::server::judgement
