// The records of one kind in the local store, for lists: newest first, with the fields a list
// row shows. Records the server returned or refused come first, so their author fixes them.
#pragma once

#include "localstore.h"

#include "storelistmodel.h"

#include <QQmlEngine>

namespace mobile {

class RecordListModel : public StoreListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(QString project READ project WRITE setProject NOTIFY projectChanged)
    Q_PROPERTY(bool onlyRejected READ onlyRejected WRITE setOnlyRejected NOTIFY onlyRejectedChanged)

public:
    enum Role { RecordIdRole = Qt::UserRole + 1, KindRole, TitleRole, SubtitleRole, DateRole, ReviewStateRole, ReviewStateTextRole,
                AttentionRole, HasLocalChangesRole };
    Q_ENUM(Role)

    explicit RecordListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] QString project() const { return m_project; }
    void setProject(const QString &project);
    [[nodiscard]] bool onlyRejected() const { return m_onlyRejected; }
    void setOnlyRejected(bool on);

    // A row's title and subtitle, as the lists show them (also used by the reviewer's views).
    struct Row
    {
        QString id, kind, title, subtitle, date, reviewState, attention;
        bool localChanges = false;
    };
    [[nodiscard]] static Row describe(const LocalEntity &e, const LocalStore &store);

signals:
    void kindChanged();
    void searchChanged();
    void projectChanged();
    void onlyRejectedChanged();

private:
    void reload() override;

    QString m_kind;
    QString m_search;
    QString m_project;
    bool m_onlyRejected = false;
    QList<Row> m_rows;
};

} // namespace mobile
