// intent_cli: `tandemd`'s intent commands as a standalone program, e.g.
//   intent_cli eval intents --train train.csv --cv 5 --oos oos.txt --json
//   intent_cli train-intents --data train.csv --out model.tim
#include "server/tools/IntentCommands.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return tandem::server::runIntentCommand(QCoreApplication::arguments().mid(1));
}
