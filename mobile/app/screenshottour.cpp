// The tour of every screen.
#include "screenshottour.h"

#include "localstore.h"
#include "syncclient.h"

#include <QDir>
#include <QJsonArray>
#include <QQuickWindow>
#include <QTimer>
#include <QVariantMap>

#include <algorithm>

namespace mobile {

ScreenshotTour::ScreenshotTour(QObject *window, const LocalStore &store, const QString &folder, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_store(store)
    , m_folder(folder)
    , m_grabFolder(folder)
{
    if (!m_folder.isEmpty())
        QDir().mkpath(m_folder);
}

QStringList ScreenshotTour::phoneScreens()
{
    return {QStringLiteral("home"), QStringLiteral("visits"), QStringLiteral("enterprises"), QStringLiteral("scores"),
            QStringLiteral("map"), QStringLiteral("inbox"), QStringLiteral("sync"), QStringLiteral("form-lead"),
            QStringLiteral("form-funds"), QStringLiteral("form-trip")};
}

QStringList ScreenshotTour::destinations()
{
    return {QStringLiteral("home"), QStringLiteral("enterprises"), QStringLiteral("visits"), QStringLiteral("trips"),
            QStringLiteral("leads"), QStringLiteral("projects"), QStringLiteral("funds"), QStringLiteral("referrals"),
            QStringLiteral("inbox"), QStringLiteral("scores"), QStringLiteral("map"), QStringLiteral("sync"),
            QStringLiteral("settings")};
}

QStringList ScreenshotTour::formKinds()
{
    return {QStringLiteral("visit"), QStringLiteral("trip"), QStringLiteral("lead"), QStringLiteral("funds")};
}

void ScreenshotTour::start(int delayMs)
{
    QTimer::singleShot(delayMs, this, [this] { step(0); });
}

void ScreenshotTour::startAfterSync(SyncClient &sync, const std::function<void()> &begin)
{
    connect(&sync, &SyncClient::syncFinished, this, [this] { start(2500); }, Qt::SingleShotConnection);
    QTimer::singleShot(800, this, [this, begin] {
        grab(QStringLiteral("signin"));
        begin();
    });
}

void ScreenshotTour::grab(const QString &name) const
{
    if (m_grabFolder.isEmpty())
        return;
    if (auto *w = qobject_cast<QQuickWindow *>(m_window.data()))
        w->grabWindow().save(QDir(m_grabFolder).filePath(name + QStringLiteral(".png")));
}

void ScreenshotTour::step(qsizetype index)
{
    const QStringList keys = destinations();
    const QStringList kinds = formKinds();
    if (!m_window) {
        emit finished();
        return;
    }
    if (index >= keys.size() + kinds.size()) {
        // Pictures only: the self-test has seen every screen.
        if (m_folder.isEmpty()) {
            emit finished();
            return;
        }
        m_grabFolder = QDir(m_folder).filePath(QStringLiteral("phone"));
        QDir().mkpath(m_grabFolder);
        if (auto *w = qobject_cast<QQuickWindow *>(m_window.data()))
            w->resize(phoneSize());
        phoneStep(0);
        return;
    }
    if (index < keys.size()) {
        QMetaObject::invokeMethod(m_window, "go", Q_ARG(QVariant, keys[index]));
        QTimer::singleShot(700, this, [this, index, key = keys[index]] {
            grab(key);
            step(index + 1);
        });
        return;
    }
    const QString kind = kinds[index - keys.size()];
    openForm(kind);
    // The check-in panel of a visit waits for its replayed position.
    QTimer::singleShot(kind == u"visit" ? 7000 : 700, this, [this, index, kind] {
        grab(QStringLiteral("form-") + kind);
        if (m_window)
            QMetaObject::invokeMethod(m_window->property("navigator").value<QObject *>(), "back");
        step(index + 1);
    });
}

void ScreenshotTour::phoneStep(qsizetype index)
{
    const QStringList screens = phoneScreens();
    if (!m_window || index >= screens.size()) {
        emit finished();
        return;
    }
    const QString screen = screens[index];
    const bool form = screen.startsWith(u"form-");
    if (form)
        openForm(screen.mid(5));
    else
        QMetaObject::invokeMethod(m_window, "go", Q_ARG(QVariant, screen));
    QTimer::singleShot(900, this, [this, index, screen, form] {
        grab(screen);
        if (form && m_window)
            QMetaObject::invokeMethod(m_window->property("navigator").value<QObject *>(), "back");
        phoneStep(index + 1);
    });
}

void ScreenshotTour::openForm(const QString &kind)
{
    QVariantMap properties{{QStringLiteral("kind"), kind}};
    if (kind == u"trip") {
        // A trip on the device with the most visits made on it, to show them.
        qsizetype most = 0;
        for (const LocalEntity &t : m_store.entities(QStringLiteral("trip"))) {
            const qsizetype visits = std::max(t.json.value(QStringLiteral("visits")).toArray().size(), m_store.visitsOfTrip(t.id).size());
            if (visits > most) {
                most = visits;
                properties.insert(QStringLiteral("recordId"), t.id);
            }
        }
    } else if (kind == u"visit") {
        // A visit at an enterprise with a registered site, so the check-in has something to measure.
        for (const LocalEntity &e : m_store.entities(QStringLiteral("enterprise")))
            if (e.json.contains(QStringLiteral("site"))) {
                properties.insert(QStringLiteral("defaults"), QVariantMap{{QStringLiteral("enterprise"), e.id}});
                break;
            }
    }
    const QString list = kind == u"funds" ? kind : kind + u's';
    QMetaObject::invokeMethod(m_window, "go", Q_ARG(QVariant, list));
    QMetaObject::invokeMethod(m_window->property("navigator").value<QObject *>(), "open",
                              Q_ARG(QVariant, QStringLiteral("RecordForm.qml")), Q_ARG(QVariant, QVariant(properties)));
}

} // namespace mobile
