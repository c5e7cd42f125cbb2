// The store-backed list model base.
#include "storelistmodel.h"

namespace mobile {

void StoreListModel::setStore(QObject *store)
{
    auto *s = qobject_cast<LocalStore *>(store);
    if (s == m_store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = s;
    if (m_store)
        connect(m_store, &LocalStore::changed, this, &StoreListModel::refresh);
    emit storeChanged();
    refresh();
}

void StoreListModel::refresh()
{
    beginResetModel();
    reload();
    endResetModel();
    emit countChanged();
}

} // namespace mobile
