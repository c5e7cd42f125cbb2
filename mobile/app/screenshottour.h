// ScreenshotTour: visits every screen of the app's window — each destination, then the forms
// behind the quick actions (a new visit with its check-in panel, a trip with its visits, a lead,
// funds) — and, given a folder, saves a PNG of each (scripts/screenshots.sh), then takes the main
// screens again at a phone's size (412×915) into the folder's phone/. The self-test takes the same
// tour without a folder.
#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>

namespace mobile {

class LocalStore;
class SyncClient;

class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    // `window`: Main.qml's root (go(key) and its navigator); `folder` empty: no pictures.
    ScreenshotTour(QObject *window, const LocalStore &store, const QString &folder, QObject *parent = nullptr);

    // The destinations visited, in order.
    [[nodiscard]] static QStringList destinations();
    // The forms opened, in order.
    [[nodiscard]] static QStringList formKinds();
    // The screens pictured again at a phone's size: destinations, and forms as "form-<kind>".
    [[nodiscard]] static QStringList phoneScreens();
    [[nodiscard]] static QSize phoneSize() { return {412, 915}; }

    // Starts the tour after `delayMs`.
    void start(int delayMs);
    // Screenshots show a synced ledger: pictures the sign-in page, calls `begin` (sign in or sync),
    // and starts once that sync has finished and the scores have had time to arrive.
    void startAfterSync(SyncClient &sync, const std::function<void()> &begin);

signals:
    void finished();

private:
    void step(qsizetype index);
    // The phone pass: the window at phoneSize(), each of phoneScreens() into <folder>/phone.
    void phoneStep(qsizetype index);
    void grab(const QString &name) const;
    // Opens the form of `kind` from its own list, as a person would (the rail shows where they are).
    void openForm(const QString &kind);

    QPointer<QObject> m_window;
    const LocalStore &m_store;
    QString m_folder;
    QString m_grabFolder; // where grab() saves: the folder, then its phone/
};

} // namespace mobile
