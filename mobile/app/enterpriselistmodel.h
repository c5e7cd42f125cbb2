// The enterprises in the local store, searchable by name or unified social credit code.
#pragma once

#include "localstore.h"

#include "ledger/scheme.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

namespace mobile {

class EnterpriseListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { EnterpriseIdRole = Qt::UserRole + 1, NameRole, CreditCodeRole, IndustryRole, IndustryNameRole, ChainLinkRole, HasSiteRole };
    Q_ENUM(Role)

    explicit EnterpriseListModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE int indexOfId(const QString &id) const;

    [[nodiscard]] QObject *store() const { return m_store; }
    void setStore(QObject *store);
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);

signals:
    void storeChanged();
    void searchChanged();
    void countChanged();

private:
    void reload();
    QPointer<LocalStore> m_store;
    QString m_search;
    QList<QJsonObject> m_rows;
    ledger::Scheme m_scheme = ledger::scheme2023();
};

} // namespace mobile
