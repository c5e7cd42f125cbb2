// The base of the app's list models: a model over the local store that rebuilds its rows when
// the store changes. Subclasses say how (reload()) and add their own filters.
#pragma once

#include "localstore.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

namespace mobile {

class StoreListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] QObject *store() const { return m_store; }
    void setStore(QObject *store);
    [[nodiscard]] int count() const { return rowCount(); }

signals:
    void storeChanged();
    void countChanged();

protected:
    [[nodiscard]] LocalStore *localStore() const { return m_store; }
    // Rebuilds every row from the store (inside begin/endResetModel), then emits countChanged.
    virtual void reload() = 0;
    void refresh();

private:
    QPointer<LocalStore> m_store;
};

} // namespace mobile
