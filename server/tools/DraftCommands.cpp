#include "DraftCommands.h"

#include "server/drafting/DraftEvaluator.h"
#include "server/drafting/ResolvedCsv.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

int usage(const QString &message)
{
    std::fprintf(stderr, "tandemd eval drafts: %s\n", qPrintable(message));
    std::fprintf(stderr, "usage: tandemd eval drafts --corpus R.csv (--test T.csv | --cv K) [--json]\n"
                         "       [--pad-index N] [--limit N] [--seed S] [--company company.json]\n");
    return 2;
}

bool positiveInt(const QCommandLineParser &parser, const QCommandLineOption &option, int *out)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    *out = parser.value(option).toInt(&ok);
    return ok && *out >= 0;
}

} // namespace

int runDraftCommand(const QStringList &args)
{
    if (args.size() < 2 || args.at(0) != u"eval" || args.at(1) != u"drafts")
        return usage(u"expected \"eval drafts\""_s);

    QCommandLineParser parser;
    const QCommandLineOption corpusOption(u"corpus"_s, u"Resolved corpus (text,intent,response)."_s,
                                          u"CSV"_s);
    const QCommandLineOption testOption(u"test"_s, u"Test set with reference replies."_s, u"CSV"_s);
    const QCommandLineOption cvOption(u"cv"_s, u"K-fold cross-validation on the corpus."_s, u"K"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object."_s);
    const QCommandLineOption padOption(u"pad-index"_s, u"Index at least N examples (latency at scale)."_s,
                                       u"N"_s);
    const QCommandLineOption limitOption(u"limit"_s, u"Draft at most N test rows per run."_s, u"N"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Fold assignment seed."_s, u"S"_s);
    const QCommandLineOption companyOption(u"company"_s, u"Company facts (JSON) for slot filling."_s,
                                           u"FILE"_s);
    parser.addOptions(
        {corpusOption, testOption, cvOption, jsonOption, padOption, limitOption, seedOption, companyOption});
    if (!parser.parse(QStringList{u"tandemd eval drafts"_s} + args.mid(2)))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().first()));
    if (!parser.isSet(corpusOption))
        return usage(u"--corpus is required"_s);
    if (parser.isSet(testOption) == parser.isSet(cvOption))
        return usage(u"give either --test or --cv"_s);

    DraftEvaluator::Options options;
    int seed = int(options.seed);
    if (!positiveInt(parser, cvOption, &options.folds) ||
        !positiveInt(parser, padOption, &options.padIndexTo) ||
        !positiveInt(parser, limitOption, &options.limit) || !positiveInt(parser, seedOption, &seed))
        return usage(u"--cv, --pad-index, --limit and --seed take whole numbers >= 0"_s);
    options.seed = unsigned(seed);
    if (parser.isSet(cvOption) && options.folds < 2)
        return usage(u"--cv needs at least 2 folds"_s);

    QString error;
    if (parser.isSet(companyOption)) {
        auto company = GroundedEngineOptions::fromCompanyFile(parser.value(companyOption), &error);
        if (!company) {
            std::fprintf(stderr, "tandemd eval drafts: %s\n", qPrintable(error));
            return 1;
        }
        options.engine = *company;
    }
    const auto corpus = readResolvedCsv(parser.value(corpusOption), &error);
    if (!corpus) {
        std::fprintf(stderr, "tandemd eval drafts: %s\n", qPrintable(error));
        return 1;
    }
    std::optional<DraftEvaluator::Report> report;
    if (parser.isSet(cvOption)) {
        report = DraftEvaluator::crossValidate(*corpus, options, &error);
    } else {
        const auto test = readResolvedCsv(parser.value(testOption), &error);
        if (!test) {
            std::fprintf(stderr, "tandemd eval drafts: %s\n", qPrintable(error));
            return 1;
        }
        report = DraftEvaluator::evaluate(*corpus, *test, options, &error);
    }
    if (!report) {
        std::fprintf(stderr, "tandemd eval drafts: %s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(jsonOption)) {
        std::printf("%s\n", QJsonDocument(report->toJson()).toJson(QJsonDocument::Compact).constData());
    } else {
        std::printf("drafts               %d (%d fold%s, %lld examples indexed)\n", report->drafts,
                    report->folds, report->folds == 1 ? "" : "s",
                    static_cast<long long>(report->indexedExamples));
        std::printf("intent precision@1   %.4f\n", report->precisionAt1);
        std::printf("intent precision@3   %.4f\n", report->precisionAt3);
        std::printf("token F1             %.4f\n", report->tokenF1);
        std::printf("ROUGE-L              %.4f\n", report->rougeL);
        std::printf("leaked placeholders  %d\n", report->leakedPlaceholders);
        std::printf("latency ms           p50 %.3f  p99 %.3f\n", report->latencyP50, report->latencyP99);
        std::printf("training seconds     %.2f\n", report->trainSeconds);
    }
    std::fflush(stdout);
    return 0;
}

} // namespace tandem::server
