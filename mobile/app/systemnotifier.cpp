// SystemNotifier: reminders as freedesktop notifications over D-Bus, once a day each.
#include "systemnotifier.h"

#include "todo.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSettings>
#include <QVariantMap>

namespace mobile {

namespace {
// How often the reminders are looked at again with nothing changed (a new day, a month's last week).
constexpr int RecheckMs = 60 * 60 * 1000;
// How long the notification stays on screen (ms); the service may keep it in its list longer.
constexpr int ShownMs = 30 * 1000;
} // namespace

SystemNotifier::SystemNotifier(const ToDo &todo, const QString &memoryFile, QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_todo(todo)
    , m_memoryFile(memoryFile)
    , m_bus(std::move(bus))
    , m_today([] { return QDate::currentDate(); })
{
    connect(&m_todo, &ToDo::itemsChanged, this, [this] { (void)notifyNew(); });
    m_daily.setInterval(RecheckMs);
    connect(&m_daily, &QTimer::timeout, this, [this] { (void)notifyNew(); });
    m_daily.start();
}

bool SystemNotifier::available() const
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return false;
    const QString service = QString::fromLatin1(Service);
    // A notification daemon is often started by the bus on the first call, so not yet registered.
    return m_bus.interface()->isServiceRegistered(service).value() || m_bus.interface()->activatableServiceNames().value().contains(service);
}

void SystemNotifier::setToday(std::function<QDate()> today)
{
    m_today = std::move(today);
}

int SystemNotifier::notifyNew()
{
    if (!available())
        return 0;
    QSettings memory(m_memoryFile, QSettings::IniFormat);
    const QString today = m_today().toString(Qt::ISODate);
    int count = 0;
    for (const QVariant &v : m_todo.reminders()) {
        const QVariantMap r = v.toMap();
        const QString type = r.value(QStringLiteral("type")).toString();
        const QString text = r.value(QStringLiteral("text")).toString();
        const QString key = QStringLiteral("sent/") + type;
        const QString value = today + u'\t' + text;
        if (memory.value(key).toString() == value)
            continue;
        memory.setValue(key, value);

        QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(Service), QString::fromLatin1(Path),
                                                           QString::fromLatin1(Service), QStringLiteral("Notify"));
        call << QStringLiteral("ledgerapp") << m_shown.value(type, 0u) << QStringLiteral("ledgerapp") << tr("全员招商台账") << text
             << QStringList() << QVariantMap{{QStringLiteral("category"), QStringLiteral("x-ledger.reminder")}} << ShownMs;
        auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, type](QDBusPendingCallWatcher *w) {
            const QDBusPendingReply<uint> reply = *w;
            if (!reply.isError())
                m_shown.insert(type, reply.value());
            w->deleteLater();
        });
        emit sent(type, text);
        ++count;
    }
    return count;
}

} // namespace mobile
