#include "JudgementCommands.h"

#include "JudgementEvaluator.h"

#include "server/Server.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

int usage(const QString &message)
{
    std::fprintf(stderr, "tandemd eval judgement: %s\n", qPrintable(message));
    std::fprintf(stderr, "usage: tandemd eval judgement --cases CASES.jsonl [--json] [--check] [--cold]\n");
    return 2;
}

void printRow(const char *name, const QJsonObject &o)
{
    auto f = [&](const char *key) {
        const QJsonValue v = o.value(QString::fromLatin1(key));
        return v.isUndefined() ? QStringLiteral("   -") : QString::number(v.toDouble(), 'f', 2);
    };
    std::printf("%-22s %5d  crisis %s  escalation %s  reason %s  false %s  language %s  facts %d\n", name,
                o.value(u"cases").toInt(), qPrintable(f("crisis_recall")), qPrintable(f("escalation_recall")),
                qPrintable(f("reason_accuracy")), qPrintable(f("false_escalation")),
                qPrintable(f("language_ok")), o.value(u"unflagged_facts").toInt());
}

} // namespace

int runJudgementCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption casesOption(u"cases"_s, u"Labelled cases, one JSON object a line."_s, u"FILE"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object."_s);
    const QCommandLineOption checkOption(u"check"_s, u"Exit 1 when a target is missed."_s);
    const QCommandLineOption coldOption(u"cold"_s,
                                        u"Time from the first draft of a fresh process (no warm-up pass)."_s);
    parser.addOptions({casesOption, jsonOption, checkOption, coldOption});
    if (!parser.parse(QStringList{u"tandemd eval judgement"_s} + args.mid(2)))
        return usage(parser.errorText());
    if (!parser.isSet(casesOption))
        return usage(u"--cases is required"_s);
    QString error;
    const auto cases = JudgementEvaluator::readCases(parser.value(casesOption), &error);
    if (!cases)
        return usage(error);

    // The demo company, fresh, in a scratch directory: its knowledge base, model and policy.
    QTemporaryDir scratch;
    ServerConfig config;
    config.databasePath = scratch.filePath(u"judgement.db"_s);
    config.port = 0;
    config.demo = true;
    Server server(config);
    if (!server.start(&error)) {
        std::fprintf(stderr, "tandemd eval judgement: %s\n", qPrintable(error));
        return 1;
    }
    JudgementEvaluator evaluator(server.tickets(), server.database());
    evaluator.setWarmUp(!parser.isSet(coldOption));
    const JudgementEvaluator::Report report = evaluator.run(*cases);
    const QJsonObject json = report.toJson();
    if (parser.isSet(jsonOption)) {
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    } else {
        printRow("overall", json);
        const QJsonObject byCategory = json.value(u"by_category").toObject();
        for (auto it = byCategory.begin(); it != byCategory.end(); ++it)
            printRow(qPrintable(u"  "_s + it.key()), it.value().toObject());
        const QJsonObject byLanguage = json.value(u"by_language").toObject();
        for (auto it = byLanguage.begin(); it != byLanguage.end(); ++it)
            printRow(qPrintable(u"  lang "_s + it.key()), it.value().toObject());
        std::printf("draft ms p50 %.2f  p99 %.2f\n", report.draftP50Ms, report.draftP99Ms);
        std::printf("confidence as 'no person needed': AUROC %.3f  ECE %.3f\n",
                    json.value(u"confidence_auroc").toDouble(), json.value(u"confidence_ece").toDouble());
        if (json.contains(u"intent_cases"))
            std::printf(
                "confidence vs right intent (%d labelled cases): accuracy %.3f  AUROC %s  ECE %.3f\n",
                json.value(u"intent_cases").toInt(), json.value(u"intent_accuracy").toDouble(),
                json.value(u"intent_confidence_auroc").isDouble()
                    ? qPrintable(QString::number(json.value(u"intent_confidence_auroc").toDouble(), 'f', 3))
                    : "n/a (all right or all wrong)",
                json.value(u"intent_confidence_ece").toDouble());
        for (const QJsonObject &f : report.failures)
            std::printf("FAIL %s\n", QJsonDocument(f).toJson(QJsonDocument::Compact).constData());
    }
    const QStringList missed = report.missedTargets();
    for (const QString &m : missed)
        std::fprintf(stderr, "target missed: %s\n", qPrintable(m));
    std::fflush(stdout);
    return parser.isSet(checkOption) && !missed.isEmpty() ? 1 : 0;
}

} // namespace tandem::server
