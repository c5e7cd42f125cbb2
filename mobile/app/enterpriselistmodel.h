// The enterprises in the local store, searchable by name or unified social credit code, for the
// enterprise list and the picker of the forms (EnterprisePicker.qml). The picker's order: nearest
// first when there is a position (with the distance to each registered site), otherwise the
// enterprises of the latest records first (recently used), then the rest by name.
#pragma once

#include "localstore.h"

#include "ledger/scheme.h"

#include "storelistmodel.h"

#include <QPointer>
#include <QQmlEngine>
#include <QVariantMap>

namespace mobile {

class PositionProvider;

class EnterpriseListModel : public StoreListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    // Where the person is: {latitude, longitude}; empty: unknown. Set, it orders by distance.
    Q_PROPERTY(QVariantMap near READ near WRITE setNear NOTIFY nearChanged)
    // Follows the app's position source (Settings) while true: starts it if it is idle (and stops
    // it again when done), and sets `near` from every fix.
    Q_PROPERTY(bool followPosition READ followPosition WRITE setFollowPosition NOTIFY followPositionChanged)
    // Without a position: enterprises of the latest records first.
    Q_PROPERTY(bool recentFirst READ recentFirst WRITE setRecentFirst NOTIFY recentFirstChanged)

public:
    enum Role {
        EnterpriseIdRole = Qt::UserRole + 1,
        NameRole,
        CreditCodeRole,
        IndustryRole,
        IndustryNameRole,
        ChainLinkRole,
        HasSiteRole,
        DistanceRole, // metres to the registered site; -1 without a position or a site
        LastUsedRole  // the date of the latest record about the enterprise; empty: none
    };
    Q_ENUM(Role)

    explicit EnterpriseListModel(QObject *parent = nullptr);
    ~EnterpriseListModel() override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE int indexOfId(const QString &id) const;
    // The stored name of an enterprise, whether or not the search shows it; empty: not stored.
    Q_INVOKABLE [[nodiscard]] QString nameOf(const QString &id) const;

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] QVariantMap near() const { return m_near; }
    void setNear(const QVariantMap &near);
    [[nodiscard]] bool followPosition() const { return m_followPosition; }
    void setFollowPosition(bool follow);
    [[nodiscard]] bool recentFirst() const { return m_recentFirst; }
    void setRecentFirst(bool on);

signals:
    void searchChanged();
    void nearChanged();
    void followPositionChanged();
    void recentFirstChanged();

private:
    struct Row
    {
        QJsonObject json;
        double distanceM = -1;
        QString lastUsed;
    };
    void reload() override;
    [[nodiscard]] bool dependsOn(const QStringList &kinds) const override;
    // The latest record date per enterprise id, over the kinds that name an enterprise.
    [[nodiscard]] QHash<QString, QString> lastUsed() const;
    void stopFollowing();

    QString m_search;
    QVariantMap m_near;
    bool m_followPosition = false;
    bool m_recentFirst = false;
    QPointer<PositionProvider> m_provider;
    bool m_startedProvider = false;
    QList<Row> m_rows;
    ledger::Scheme m_scheme = ledger::scheme2023();
};

} // namespace mobile
