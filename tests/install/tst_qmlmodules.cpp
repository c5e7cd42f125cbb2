// A fresh machine has only what scripts/setup.sh installs. Every QML module the app imports — and
// every module those modules' own QML files import at run time (QtQuick.Dialogs' file dialog
// loads Qt.labs.folderlistmodel only when it opens) — must be installed, by a package that
// setup.sh lists or that one of its packages depends on. Otherwise the app crashes on the person's
// tablet the first time a page or dialog needs it.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

const QString sourceDir = QStringLiteral(LEDGER_SOURCE_DIR);

// "import A.B.C" lines of the .qml files below `dir`, not descending into folders that are modules
// of their own (they have a qmldir) unless `intoModules`, nor into Qt Design Studio's `designer`
// folders (never loaded by an app).
QSet<QString> importsUnder(const QString &dir, bool intoModules)
{
    static const QRegularExpression import(QStringLiteral("^\\s*import\\s+([A-Za-z][A-Za-z0-9_.]*)"), QRegularExpression::MultilineOption);
    QSet<QString> modules;
    QStringList folders{dir};
    while (!folders.isEmpty()) {
        const QDir d(folders.takeFirst());
        for (const QFileInfo &f : d.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (f.isDir()) {
                if (f.fileName() == u"designer")
                    continue;
                if (intoModules || !QFile::exists(f.filePath() + QStringLiteral("/qmldir")))
                    folders << f.filePath();
                continue;
            }
            if (f.suffix() != u"qml")
                continue;
            QFile file(f.filePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            // Comments aside: QtMultimedia's Video.qml shows "import QtSystemInfo" in its documentation.
            static const QRegularExpression comment(QStringLiteral("/\\*.*?\\*/|//[^\\n]*"), QRegularExpression::DotMatchesEverythingOption);
            auto it = import.globalMatch(QString::fromUtf8(file.readAll()).remove(comment));
            while (it.hasNext())
                modules << it.next().captured(1);
        }
    }
    return modules;
}

QString moduleDir(const QString &module)
{
    return QLibraryInfo::path(QLibraryInfo::QmlImportsPath) + u'/' + QString(module).replace(u'.', u'/');
}

// What a module loads besides its QML files' imports: the `import` and `depends` lines of its
// qmldir, and its implementation modules (Qt names them `impl` and `quickimpl`, nested in the
// module's folder: QtQuick.Dialogs' file dialog lives in QtQuick.Dialogs.quickimpl).
QSet<QString> loadedBy(const QString &module)
{
    QSet<QString> modules = importsUnder(moduleDir(module), false);
    QFile qmldir(moduleDir(module) + QStringLiteral("/qmldir"));
    if (qmldir.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : qmldir.readAll().split('\n')) {
            const QList<QByteArray> words = line.simplified().split(' ');
            if (words.size() >= 2 && (words[0] == "import" || words[0] == "depends"))
                modules << QString::fromUtf8(words[1]);
        }
    }
    for (const char *impl : {"impl", "quickimpl"})
        if (QFile::exists(moduleDir(module) + u'/' + QLatin1String(impl) + QStringLiteral("/qmldir")))
            modules << module + u'.' + QLatin1String(impl);
    return modules;
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The packages scripts/setup.sh installs: the words of its `packages=(` … `)` array, comments aside.
QSet<QString> setupPackages()
{
    QFile f(sourceDir + QStringLiteral("/scripts/setup.sh"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> packages;
    bool inside = false;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).section(u'#', 0, 0).trimmed();
        if (!inside) {
            inside = line.startsWith(QStringLiteral("packages=("));
            continue;
        }
        if (line == u")")
            break;
        for (const QString &word : line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
            packages << word;
    }
    return packages;
}

// The packages and everything they depend on, among the installed ones, by name.
QSet<QString> withDependencies(QSet<QString> packages)
{
    static const QRegularExpression name(QStringLiteral("^\\s*([a-z0-9][a-z0-9+.-]*)"));
    QHash<QString, QStringList> dependsOn;
    const QString all = run(QStringLiteral("dpkg-query"), {QStringLiteral("-W"), QStringLiteral("-f=${Package}\t${Depends}, ${Pre-Depends}\n")});
    for (const QString &line : all.split(u'\n', Qt::SkipEmptyParts)) {
        QStringList &deps = dependsOn[line.section(u'\t', 0, 0)];
        for (const QString &clause : line.section(u'\t', 1).split(u',', Qt::SkipEmptyParts))
            for (const QString &alternative : clause.split(u'|'))
                if (const auto m = name.match(alternative); m.hasMatch())
                    deps << m.captured(1);
    }
    QStringList todo(packages.begin(), packages.end());
    while (!todo.isEmpty()) {
        for (const QString &d : dependsOn.value(todo.takeFirst())) {
            if (!packages.contains(d)) {
                packages << d;
                todo << d;
            }
        }
    }
    return packages;
}

} // namespace

class TestQmlModules : public QObject
{
    Q_OBJECT

private slots:
    void everyModuleIsInstalledBySetup()
    {
        // The app's own modules come from the build, not from a package.
        QSet<QString> wanted;
        for (const QString &m : importsUnder(sourceDir + QStringLiteral("/mobile"), true))
            if (!m.startsWith(QStringLiteral("Ledger.")))
                wanted << m;
        QVERIFY2(wanted.contains(QStringLiteral("QtQuick.Controls")), "the app's QML files were not found");

        // Follow what those modules import in their own QML files, to the end.
        QSet<QString> seen;
        QStringList todo(wanted.begin(), wanted.end());
        QStringList missing;
        while (!todo.isEmpty()) {
            const QString m = todo.takeFirst();
            // QtQml is the engine's own (builtins.qmltypes), not a folder.
            if (seen.contains(m) || m == u"QtQml")
                continue;
            seen << m;
            if (!QFile::exists(moduleDir(m) + QStringLiteral("/qmldir"))) {
                missing << m;
                continue;
            }
            for (const QString &next : loadedBy(m))
                if (!seen.contains(next))
                    todo << next;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("QML modules the app needs at run time are not installed: %1 (add their qml6-module-* package to scripts/setup.sh)")
                                                   .arg(missing.join(QStringLiteral(", ")))));

        const QSet<QString> installedBySetup = withDependencies(setupPackages());
        QVERIFY2(installedBySetup.contains(QStringLiteral("qml6-module-qtquick")), "scripts/setup.sh's package list was not read");
        // One dpkg look-up for every module's qmldir: "package: path" lines.
        QStringList paths;
        for (const QString &m : std::as_const(seen))
            paths << moduleDir(m) + QStringLiteral("/qmldir");
        QHash<QString, QString> ownerOf;
        for (const QString &line : run(QStringLiteral("dpkg"), QStringList{QStringLiteral("-S")} + paths).split(u'\n', Qt::SkipEmptyParts))
            ownerOf.insert(line.section(QStringLiteral(": "), 1).trimmed(), line.section(u':', 0, 0).trimmed());
        QStringList notListed;
        for (const QString &m : std::as_const(seen)) {
            const QString owner = ownerOf.value(moduleDir(m) + QStringLiteral("/qmldir"));
            if (owner.isEmpty())
                notListed << m + QStringLiteral(" (no package owns it)");
            else if (!installedBySetup.contains(owner))
                notListed << m + QStringLiteral(" (") + owner + u')';
        }
        notListed.sort();
        QVERIFY2(notListed.isEmpty(), qPrintable(QStringLiteral("installed here, but not by scripts/setup.sh: %1").arg(notListed.join(QStringLiteral(", ")))));
    }
};

QTEST_GUILESS_MAIN(TestQmlModules)
#include "tst_qmlmodules.moc"
