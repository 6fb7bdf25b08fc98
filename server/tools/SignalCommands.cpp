#include "SignalCommands.h"

#include "server/drafting/LanguageDetector.h"
#include "server/drafting/ResolvedCsv.h"
#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/ReasonTextModels.h"
#include "server/drafting/judgement/RiskModel.h"
#include "server/drafting/judgement/RiskTextModel.h"
#include "server/drafting/judgement/SignalLexicon.h"

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
    std::fprintf(stderr, "usage: tandemd eval signals --csv CORPUS.csv [--show N] [--json]\n"
                         "       tandemd eval signals --explain TEXT\n");
    return 2;
}

// What a lexicon author needs to see: the text the signals read, each signal's phrases, and the
// concept model's reading with its probability against its threshold, and the text models'.
int explain(const QString &text)
{
    const judgement::CaseAssessor assessor;
    const judgement::SignalLexicon &lexicon = judgement::SignalLexicon::builtIn();
    const QString judged = assessor.judgedText(text);
    const QString language = LanguageDetector::decide(text, {});
    std::printf("judged: %s\nlanguage: %s\n", qPrintable(judged.simplified()), qPrintable(language));
    const judgement::PrefilterText prepared(judged);
    for (const QString &signal : lexicon.signalNames()) {
        QStringList phrases;
        for (const auto &hit : lexicon.findAll(signal, prepared))
            phrases.append(u'"' + hit.phrase + u'"');
        if (!phrases.isEmpty())
            std::printf("  %-22s %s\n", qPrintable(signal), qPrintable(phrases.join(u", "_s)));
    }
    const judgement::RiskModel &risk = judgement::RiskModel::builtIn();
    const judgement::RiskModel::Reading r = judgement::RiskModel::read(lexicon, prepared, language);
    std::printf("risk model: p=%.4f threshold %.4f -> %s\n", risk.probability(r.present), risk.threshold(),
                risk.saysCrisis(r.present) ? "crisis" : "no crisis");
    const judgement::RiskTextModel &textModel = judgement::RiskTextModel::builtIn();
    std::printf("text model: p=%.4f thresholds %.2f with a sign, %.2f alone; strongest words: %s\n",
                textModel.probability(judged), textModel.threshold(), textModel.aloneThreshold(),
                qPrintable(textModel.strongestWords(judged, 6).join(u", "_s)));
    for (const judgement::RiskTextModel &model : judgement::ReasonTextModels::builtIn().models()) {
        std::printf("%s text model: p=%.4f threshold %.2f; strongest words: %s\n", qPrintable(model.code()),
                    model.probability(judged), model.aloneThreshold(),
                    qPrintable(model.strongestWords(judged, 6).join(u", "_s)));
    }
    judgement::CaseInput input;
    input.customerText = text;
    input.messages = {text};
    input.language = language;
    input.languageServed = true; // the served languages are the running server's configuration
    input.intent = u"explain"_s;
    input.confidence = 1.0;
    const judgement::CaseAssessment a = assessor.assess(input);
    std::printf("codes: %s\nreason: %s\n", qPrintable(a.codes.join(u", "_s)), qPrintable(a.reason()));
    return 0;
}

} // namespace

int runSignalsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption csvOption(u"csv"_s, u"Corpus with a text column (banking77, Bitext)."_s,
                                       u"FILE"_s);
    const QCommandLineOption showOption(u"show"_s, u"Print up to N messages per code."_s, u"N"_s, u"5"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object."_s);
    const QCommandLineOption explainOption(
        u"explain"_s, u"Print every phrase each signal reads in TEXT and the risk model's reading."_s,
        u"TEXT"_s);
    parser.addOptions({csvOption, showOption, jsonOption, explainOption});
    if (!parser.parse(QStringList{u"tandemd eval signals"_s} + args.mid(2)))
        return usage(parser.errorText());
    if (parser.isSet(explainOption))
        return explain(parser.value(explainOption));
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
