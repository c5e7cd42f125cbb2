// The enterprises in the local store, searchable by name or unified social credit code.
#pragma once

#include "localstore.h"

#include "ledger/scheme.h"

#include "storelistmodel.h"

#include <QQmlEngine>

namespace mobile {

class EnterpriseListModel : public StoreListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)

public:
    enum Role { EnterpriseIdRole = Qt::UserRole + 1, NameRole, CreditCodeRole, IndustryRole, IndustryNameRole, ChainLinkRole, HasSiteRole };
    Q_ENUM(Role)

    explicit EnterpriseListModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE int indexOfId(const QString &id) const;

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);

signals:
    void searchChanged();

private:
    void reload() override;
    [[nodiscard]] bool dependsOn(const QStringList &kinds) const override { return kinds.contains(QStringLiteral("enterprise")); }
    QString m_search;
    QList<QJsonObject> m_rows;
    ledger::Scheme m_scheme = ledger::scheme2023();
};

} // namespace mobile
