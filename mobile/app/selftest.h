// SelfTest (ledgerapp --self-test): opens every page of the window (each destination of the rail),
// the form of every kind of record, the enterprise form and a record's page, and on each every
// dialog it declares (file and camera dialogs, viewers, confirmations); it fails when a page does
// not load, a dialog does not open, or anything prints a QML warning (the ctest ledgerapp_selftest).
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace mobile {

class SelfTest : public QObject
{
    Q_OBJECT

public:
    // Collects every warning from now on (make it before the QML is loaded).
    explicit SelfTest(QObject *parent = nullptr);
    ~SelfTest() override;

    // Walks the window (Main.qml's root: its destinations, go() and navigator); then reports on
    // stderr and exits the application with 0 when nothing failed, 1 otherwise.
    void run(QObject *window);

private:
    using Step = std::function<void()>;
    // Queues a step; each runs a moment after the one before, once the page or dialog it opened
    // has had time to load.
    void then(Step step);
    void next();
    // The page on top of the window's stack.
    [[nodiscard]] QObject *currentPage() const;
    [[nodiscard]] QObject *navigator() const;
    // After a page was asked for: checks it is there, then queues the opening and closing of every
    // dialog it declares and `after`, in front of the steps already queued.
    void checkPage(const QString &what, const Step &after);
    [[nodiscard]] QList<Step> dialogSteps(const QString &what, QObject *page);
    void finish();

    QPointer<QObject> m_window;
    QList<Step> m_steps;
    QStringList m_failures;
    int m_pages = 0;
    int m_dialogs = 0;
};

} // namespace mobile
