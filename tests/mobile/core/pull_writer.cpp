// A helper process for tst_pullpagetext: applies pull pages, given as files of the server's text,
// to a LocalStore with LocalStore::applyPullText, and kills itself inside the transaction of the
// last one (at the "pull:applied" failpoint, after its rows and cursor are written, before the
// commit). It prints "applied <cursor>" for every page whose apply returned.
//
//   mobile_core_pull_writer <data dir> <page file>...
#include "localstore.h"

#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <cstdlib>

using namespace mobile;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    LocalStore store(args.at(1));
    if (!store.isOpen())
        return 2;
    for (qsizetype i = 2; i < args.size(); ++i) {
        QFile file(args.at(i));
        if (!file.open(QIODevice::ReadOnly))
            return 2;
        if (i == args.size() - 1) {
            store.setFailpointForTesting([](QStringView point) {
                if (point == u"pull:applied") {
                    std::raise(SIGKILL);
                    std::abort();
                }
            });
        }
        const auto applied = store.applyPullText(file.readAll());
        if (!applied) {
            std::fprintf(stderr, "pull refused: %s\n", qPrintable(applied.error().toString()));
            return 2;
        }
        std::printf("applied %lld\n", qlonglong(applied.value().cursor));
        std::fflush(stdout);
    }
    return 0;
}
