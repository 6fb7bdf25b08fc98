#include "SignalCommands.h"

#include "server/drafting/ResolvedCsv.h"
#include "server/drafting/judgement/CaseAssessor.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

int usage(const QString &message)
{
    std::fprintf(stderr, "tandemd eval signals: %s\n", qPrintable(message));
    std::fprintf(stderr, "usage: tandemd eval signals --csv CORPUS.csv [--show N] [--json]\n");
    return 2;
}

} // namespace

int runSignalsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption csvOption(u"csv"_s, u"Corpus with a text column (banking77, Bitext)."_s,
                                       u"FILE"_s);
    const QCommandLineOption showOption(u"show"_s, u"Print up to N messages per code."_s, u"N"_s, u"5"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object."_s);
    parser.addOptions({csvOption, showOption, jsonOption});
    if (!parser.parse(QStringList{u"tandemd eval signals"_s} + args.mid(2)))
        return usage(parser.errorText());
    if (!parser.isSet(csvOption))
        return usage(u"--csv is required"_s);
    QString error;
    const auto rows = readResolvedCsv(parser.value(csvOption), &error);
    if (!rows)
        return usage(error);
    const int show = parser.value(showOption).toInt();

    // Phrase signals only: a request the model reads confidently, in a served language, so that
    // neither "out of scope" nor "unclear" can fire; what remains is what the wording raised.
    const judgement::CaseAssessor assessor;
    QMap<QString, int> counts;
    QMap<QString, QStringList> examples;
    for (const ResolvedRow &row : *rows) {
        judgement::CaseInput input;
        input.customerText = row.text;
        input.messages = {row.text};
        input.intent = u"corpus"_s;
        input.confidence = 1.0;
        const judgement::CaseAssessment a = assessor.assess(input);
        for (const QString &code : a.codes) {
            ++counts[code];
            if (examples[code].size() < show)
                examples[code].append(row.text.simplified().left(160) + u"  <- "_s + a.evidence.value(code));
        }
    }
    const int total = int(rows->size());
    if (parser.isSet(jsonOption)) {
        QJsonObject byCode;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            byCode.insert(it.key(),
                          QJsonObject{{u"messages"_s, it.value()},
                                      {u"rate"_s, double(it.value()) / qMax(1, total)},
                                      {u"examples"_s, QJsonArray::fromStringList(examples.value(it.key()))}});
        std::printf("%s\n", QJsonDocument(QJsonObject{{u"messages"_s, total}, {u"by_code"_s, byCode}})
                                .toJson(QJsonDocument::Compact)
                                .constData());
        return 0;
    }
    std::printf("%d messages\n", total);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        std::printf("%-22s %6d  %.4f\n", qPrintable(it.key()), it.value(),
                    double(it.value()) / qMax(1, total));
        for (const QString &e : examples.value(it.key()))
            std::printf("    %s\n", qPrintable(e));
    }
    return 0;
}

} // namespace tandem::server
