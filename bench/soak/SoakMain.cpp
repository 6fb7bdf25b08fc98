// lossless-soak: kills the desktop engine or tandemd at random points of the send path, N times,
// and reconciles the server's messages with what was queued. See docs/reliability.md.
#include "SoakClient.h"
#include "SoakRunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lossless-soak"));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QStringLiteral("--client")))
        return tandem::soak::runSoakClient(arguments);
    return tandem::soak::runSoak(arguments);
}
