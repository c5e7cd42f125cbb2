// The base of the app's list models: a model over the local store that follows its changes.
// Subclasses say how to build their rows (reload()), which kinds of entity they show
// (dependsOn()), and may apply a change as row insertions and removals instead of a reset
// (update()). A save of a visit does not rebuild a list of leads. A change of language (a
// translator installed or removed) describes every row again.
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
    explicit StoreListModel(QObject *parent = nullptr);

    [[nodiscard]] QObject *store() const { return m_store; }
    void setStore(QObject *store);
    [[nodiscard]] int count() const { return rowCount(); }

signals:
    void storeChanged();
    void countChanged();

protected:
    [[nodiscard]] LocalStore *localStore() const { return m_store; }
    // Rebuilds every row from the store (inside begin/endResetModel).
    virtual void reload() = 0;
    // Whether a change of entities of these kinds can change the rows.
    [[nodiscard]] virtual bool dependsOn(const QStringList &kinds) const;
    // Applies a change of the store; by default a reset (refresh()).
    virtual void update();
    // One entity was saved or deleted on this device; update() follows.
    virtual void edited(const QString &id, const QString &kind)
    {
        Q_UNUSED(id)
        Q_UNUSED(kind)
    }
    // Resets the model from reload(), then emits countChanged.
    void refresh();
    // The language changed: rows show their texts again (by default every row changed).
    virtual void retranslate();

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void entitiesChanged(const QStringList &kinds);

    QPointer<LocalStore> m_store;
};

} // namespace mobile
