// The store-backed list model base.
#include "storelistmodel.h"

#include <QCoreApplication>
#include <QEvent>

namespace mobile {

StoreListModel::StoreListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    // QCoreApplication tells itself of every translator installed or removed.
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool StoreListModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractListModel::eventFilter(watched, event);
}

void StoreListModel::retranslate()
{
    if (const int rows = rowCount(); rows > 0)
        emit dataChanged(index(0), index(rows - 1));
}

void StoreListModel::setStore(QObject *store)
{
    auto *s = qobject_cast<LocalStore *>(store);
    if (s == m_store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = s;
    if (m_store) {
        connect(m_store, &LocalStore::entityEdited, this, [this](const QString &id, const QString &kind) { edited(id, kind); });
        connect(m_store, &LocalStore::entitiesChanged, this, &StoreListModel::entitiesChanged);
    }
    emit storeChanged();
    refresh();
}

bool StoreListModel::dependsOn(const QStringList &) const { return true; }

void StoreListModel::update() { refresh(); }

void StoreListModel::entitiesChanged(const QStringList &kinds)
{
    if (dependsOn(kinds))
        update();
}

void StoreListModel::refresh()
{
    beginResetModel();
    reload();
    endResetModel();
    emit countChanged();
}

} // namespace mobile
