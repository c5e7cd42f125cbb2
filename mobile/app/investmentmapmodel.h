// The investment map (招商图谱): one row per industry of the scheme, with the links of its chain
// and, on each link, the enterprises placed there and how far each has come.
#pragma once

#include "localstore.h"

#include "ledger/scheme.h"

#include "storelistmodel.h"

#include <QQmlEngine>

namespace mobile {

class InvestmentMapModel : public StoreListModel
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { IndustryRole = Qt::UserRole + 1, IndustryNameRole, LeadingRole, LinksRole };
    Q_ENUM(Role)

    explicit InvestmentMapModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;


    // How far an enterprise has come, from the records about it: none, visited, talks, signed,
    // landed, started (only recognised milestones move it past "talks").
    [[nodiscard]] static QHash<QString, QString> stages(const LocalStore &store);

private:
    void reload() override;
    [[nodiscard]] bool dependsOn(const QStringList &kinds) const override;
    ledger::Scheme m_scheme = ledger::scheme2023();
    QList<QVariantList> m_links; // per industry: [{name, enterprises: [{name, stage}]}]
};

} // namespace mobile
