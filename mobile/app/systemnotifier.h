// SystemNotifier: the home page's reminders (ToDo) also as the system's notifications, where the
// platform has a notification service. On Linux (desktops, and Phosh or Plasma Mobile tablets) that
// is the freedesktop Notifications service on the session bus; Qt 6.4 has no notification API of
// its own for a Qt Quick app, so this speaks to the service directly. Each reminder is sent at most
// once a day, and again that day only when its words change (one more record returned); what was
// sent is remembered in a small file in the app's data folder, so a restart does not send it again.
// With no service on the bus nothing is sent: the reminders stay on the home page, where they always are.
#pragma once

#include <QDBusConnection>
#include <QDate>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mobile {

class ToDo;

class SystemNotifier : public QObject
{
    Q_OBJECT

public:
    // memoryFile: where the reminders already sent are remembered.
    SystemNotifier(const ToDo &todo, const QString &memoryFile, QDBusConnection bus = QDBusConnection::sessionBus(),
                   QObject *parent = nullptr);

    static constexpr auto Service = "org.freedesktop.Notifications";
    static constexpr auto Path = "/org/freedesktop/Notifications";

    // The bus has a notification service, running or started on demand.
    [[nodiscard]] bool available() const;
    // The date reminders are counted by (tests set one).
    void setToday(std::function<QDate()> today);
    // Sends the reminders not yet sent today (or whose words changed); returns how many it sent.
    int notifyNew();

signals:
    // A reminder was handed to the notification service.
    void sent(const QString &type, const QString &text);

private:
    const ToDo &m_todo;
    QString m_memoryFile;
    QDBusConnection m_bus;
    std::function<QDate()> m_today;
    QTimer m_daily;                 // the leads reminder starts in a month's last week with no change at all
    QHash<QString, uint> m_shown;   // type → the notification to replace, so one type shows once
};

} // namespace mobile
