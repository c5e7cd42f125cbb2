// A helper process for tst_localstore: writes to a LocalStore and gets killed while doing it, by
// itself at a failpoint inside a transaction or by the test at a random moment. It prints a line
// for every save that returned, i.e. every edit the app would have confirmed to the person.
//
//   mobile_core_store_writer <data dir> die-in-new | die-in-edit | die-in-pull | die-in-remove | loop
#include "localstore.h"
#include "testentities.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <csignal>
#include <cstdio>

using namespace mobile;

namespace {

const QString Person = QStringLiteral("5d3c1e2a-7b4f-4c8d-9e0f-1a2b3c4d5e6f");

// "saving <id> <source>" before a save, "saved" once it returned: the test then knows which one
// edit may or may not have landed when the process died, and that every other one must have.
void saving(const QJsonObject &entity)
{
    std::printf("saving %s %s\n", qPrintable(entity.value(u"id").toString()), entity.value(u"source").toString().toUtf8().constData());
    std::fflush(stdout);
}

void confirmed()
{
    std::printf("saved\n");
    std::fflush(stdout);
}

[[noreturn]] void dieHard(QStringView) { std::raise(SIGKILL); std::abort(); }

int fail(const ledger::FieldError &e)
{
    std::fprintf(stderr, "save failed: %s\n", qPrintable(e.toString()));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return 2;
    LocalStore store(args.at(1));
    if (!store.isOpen())
        return 2;
    const QString mode = args.at(2);

    // Three confirmed leads first, so there is something that must survive.
    QList<QJsonObject> leads;
    for (int i = 0; i < 3; ++i) {
        leads << test::lead(QStringLiteral("PGO"), Person, QStringLiteral("企业%1").arg(i));
        saving(leads.last());
        if (auto e = store.save(leads.last()))
            return fail(*e);
        confirmed();
    }

    if (mode == u"die-in-new") {
        store.setFailpointForTesting([](QStringView point) {
            if (point == u"save:entity-written")
                dieHard(point);
        });
        store.save(test::lead(QStringLiteral("PGO"), Person, QStringLiteral("不该留下的企业")));
    } else if (mode == u"die-in-edit") {
        store.setFailpointForTesting([](QStringView point) {
            if (point == u"save:entity-written")
                dieHard(point);
        });
        store.save(test::with(leads.first(), QStringLiteral("source"), QStringLiteral("不该留下的修改")));
    } else if (mode == u"die-in-pull") {
        store.setFailpointForTesting([](QStringView point) {
            if (point == u"pull:applied")
                dieHard(point);
        });
        QJsonObject server = test::lead(QStringLiteral("PGO"), Person, QStringLiteral("服务器上的企业"));
        store.applyPull(QJsonObject{{QStringLiteral("changes"), QJsonArray{QJsonObject{{QStringLiteral("seq"), 41}, {QStringLiteral("entity"), server}}}},
                                    {QStringLiteral("cursor"), 41},
                                    {QStringLiteral("hasMore"), false}});
    } else if (mode == u"die-in-remove") {
        store.setFailpointForTesting([](QStringView point) {
            if (point == u"remove:entity-written")
                dieHard(point);
        });
        store.remove(leads.first().value(u"id").toString());
    } else if (mode == u"loop") {
        // New leads and edits of earlier ones, until the test kills the process.
        for (int i = 0;; ++i) {
            QJsonObject entity;
            if (i % 3 == 2) {
                entity = test::with(leads.at(i % leads.size()), QStringLiteral("source"), QStringLiteral("第%1次修改").arg(i));
                leads[i % leads.size()] = entity;
            } else {
                entity = test::lead(QStringLiteral("PGO"), Person, QStringLiteral("企业%1").arg(i + 3));
                leads << entity;
            }
            saving(entity);
            if (auto e = store.save(entity))
                return fail(*e);
            confirmed();
        }
    }
    return 3; // a failpoint should have ended the process
}
