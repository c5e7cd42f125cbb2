// The self-test.
#include "selftest.h"

#include "ledger/entities.h"

#include <QCoreApplication>
#include <QQuickItem>
#include <QSet>
#include <QTimer>
#include <QVariant>

#include <cstdio>

namespace mobile {

namespace {
QStringList g_warnings;
QtMessageHandler g_previous = nullptr;

// Qt Multimedia, asked whether there is a camera, also connects to the sound server, and says so
// when the machine has none (the test machines); the app plays and records no sound.
bool isAboutTheSoundServer(const QString &message) { return message.startsWith(u"PulseAudioService:"); }

void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg && !isAboutTheSoundServer(message))
        g_warnings << message;
    if (g_previous)
        g_previous(type, context, message);
}

// A popup or dialog of Qt Quick Controls (Popup, Dialog, Drawer, Menu) or of Qt Quick Dialogs
// (FileDialog, …), known by its class: both are private types.
bool isDialog(const QObject *o)
{
    for (const QMetaObject *m = o->metaObject(); m; m = m->superClass()) {
        const QByteArray name = m->className();
        if (name == "QQuickPopup" || name == "QQuickAbstractDialog")
            return true;
    }
    return false;
}

QString describe(const QObject *o)
{
    return o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : o->objectName();
}

// Every object below `root`: its QObject children and, since a Repeater's or ListView's delegates
// have no QObject parent, its visual children too, each once.
QList<QObject *> everythingUnder(QObject *root)
{
    QList<QObject *> out;
    QSet<QObject *> seen{root};
    QList<QObject *> todo{root};
    while (!todo.isEmpty()) {
        QObject *o = todo.takeFirst();
        QList<QObject *> next(o->children().begin(), o->children().end());
        if (auto *item = qobject_cast<QQuickItem *>(o))
            for (QQuickItem *child : item->childItems())
                next.append(child);
        for (QObject *child : std::as_const(next)) {
            if (seen.contains(child))
                continue;
            seen.insert(child);
            out.append(child);
            todo.append(child);
        }
    }
    return out;
}

constexpr int LoadMs = 400; // a page or dialog is given this long to load
} // namespace

SelfTest::SelfTest(QObject *parent)
    : QObject(parent)
{
    g_warnings.clear();
    g_previous = qInstallMessageHandler(collectWarnings);
}

SelfTest::~SelfTest() { qInstallMessageHandler(g_previous); }

QObject *SelfTest::navigator() const { return m_window ? m_window->property("navigator").value<QObject *>() : nullptr; }

QObject *SelfTest::currentPage() const
{
    QObject *nav = navigator();
    QObject *stack = nav ? nav->property("stack").value<QObject *>() : nullptr;
    return stack ? stack->property("currentItem").value<QObject *>() : nullptr;
}

void SelfTest::then(Step step) { m_steps.append(std::move(step)); }

void SelfTest::next()
{
    if (m_steps.isEmpty() || !m_window)
        return finish();
    const Step step = m_steps.takeFirst();
    step();
    QTimer::singleShot(LoadMs, this, &SelfTest::next);
}

void SelfTest::run(QObject *window)
{
    m_window = window;
    // Every destination of the rail, each checked with its dialogs.
    for (const QVariant &d : window->property("destinations").toList()) {
        const QString key = d.toMap().value(QStringLiteral("key")).toString();
        then([this, key] { QMetaObject::invokeMethod(m_window, "go", Q_ARG(QVariant, key)); });
        then([this, key] { checkPage(QStringLiteral("page ") + key, {}); });
    }
    // Every kind's form, the enterprise form and a record's page, on top of the home page.
    QList<std::pair<QString, QVariantMap>> opened;
    for (int k = 0; k <= int(ledger::RecordKind::MapCompletion); ++k)
        opened.append({QStringLiteral("RecordForm.qml"), {{QStringLiteral("kind"), ledger::toString(ledger::RecordKind(k))}}});
    opened.append({QStringLiteral("EnterpriseForm.qml"), {}});
    opened.append({QStringLiteral("RecordDetailPage.qml"), {{QStringLiteral("recordId"), QString()}}});
    then([this] { QMetaObject::invokeMethod(m_window, "go", Q_ARG(QVariant, QStringLiteral("home"))); });
    for (const auto &[file, properties] : opened) {
        const QString what = file + u' ' + properties.value(QStringLiteral("kind")).toString();
        then([this, file, properties] {
            QMetaObject::invokeMethod(navigator(), "open", Q_ARG(QVariant, file), Q_ARG(QVariant, QVariant(properties)));
        });
        // Its dialogs, then back to the home page.
        then([this, what] { checkPage(what, [this] { QMetaObject::invokeMethod(navigator(), "back"); }); });
    }
    QTimer::singleShot(1500, this, &SelfTest::next);
}

void SelfTest::checkPage(const QString &what, const Step &after)
{
    QObject *page = currentPage();
    QList<Step> steps;
    if (page) {
        ++m_pages;
        steps = dialogSteps(what, page);
    } else {
        m_failures << what + QStringLiteral(": did not load");
    }
    if (after)
        steps.append(after);
    m_steps = steps + m_steps;
}

QList<SelfTest::Step> SelfTest::dialogSteps(const QString &what, QObject *page)
{
    // Opened one at a time, each closed before the next.
    QList<Step> steps;
    for (QObject *o : everythingUnder(page)) {
        if (!isDialog(o))
            continue;
        QPointer<QObject> dialog(o);
        const QString name = what + QStringLiteral(": dialog ") + describe(o);
        steps.append([dialog] {
            if (dialog)
                QMetaObject::invokeMethod(dialog, "open");
        });
        steps.append([this, dialog, name] {
            if (!dialog || !dialog->property("visible").toBool()) {
                m_failures << name + QStringLiteral(": did not open");
                return;
            }
            ++m_dialogs;
            QMetaObject::invokeMethod(dialog, "close");
        });
    }
    return steps;
}

void SelfTest::finish()
{
    for (const QString &w : std::as_const(g_warnings))
        fprintf(stderr, "QML WARNING: %s\n", qPrintable(w));
    for (const QString &f : std::as_const(m_failures))
        fprintf(stderr, "FAILED: %s\n", qPrintable(f));
    fprintf(stderr, "self-test: %d pages and %d dialogs opened, %lld failures, %lld warnings\n", m_pages, m_dialogs,
            qsizetype(m_failures.size()), qsizetype(g_warnings.size()));
    QCoreApplication::exit(g_warnings.isEmpty() && m_failures.isEmpty() ? 0 : 1);
}

} // namespace mobile
