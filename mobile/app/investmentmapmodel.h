// The investment map (招商图谱): one row per industry of the scheme, with the links of its chain
// and, on each link, the enterprises placed there and how far each has come.
#pragma once

#include "localstore.h"

#include "ledger/scheme.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

namespace mobile {

class InvestmentMapModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)

public:
    enum Role { IndustryRole = Qt::UserRole + 1, IndustryNameRole, LeadingRole, LinksRole };
    Q_ENUM(Role)

    explicit InvestmentMapModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QObject *store() const { return m_store; }
    void setStore(QObject *store);

    // How far an enterprise has come, from the records about it: none, visited, talks, signed,
    // landed, started (only recognised milestones move it past "talks").
    [[nodiscard]] static QHash<QString, QString> stages(const LocalStore &store);

signals:
    void storeChanged();

private:
    void reload();
    QPointer<LocalStore> m_store;
    ledger::Scheme m_scheme = ledger::scheme2023();
    QList<QVariantList> m_links; // per industry: [{name, enterprises: [{name, stage}]}]
};

} // namespace mobile
