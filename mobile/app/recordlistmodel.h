// The records of one kind in the local store, for lists: newest first, with the fields a list
// row shows. Records the server returned or refused come first, so their author fixes them.
//
// The model holds the list's order as rowids only (8 bytes a row; SQLite sorts and filters,
// LocalStore::listKeys) and describes rows a page at a time as views ask for them, keeping the
// last few pages. A change of the store is applied as the rows inserted or removed when that is
// all it is, so a save adds one row instead of rebuilding the list.
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

    // Rows are described a page at a time as views ask; at most PageSize × PagesKept are kept.
    static constexpr int PageSize = 64;
    static constexpr int PagesKept = 8;

signals:
    void kindChanged();
    void searchChanged();
    void projectChanged();
    void onlyRejectedChanged();

private:
    void reload() override;
    [[nodiscard]] bool dependsOn(const QStringList &kinds) const override;
    void update() override;
    void retranslate() override;
    // Only an edit of one of this list's own records is an edit of one row; a renamed enterprise
    // renames every row that names it.
    void edited(const QString &id, const QString &kind) override
    {
        if (kind == m_kind || m_onlyRejected)
            m_edited = id;
    }
    [[nodiscard]] LocalStore::ListFilter filter() const;
    [[nodiscard]] QList<qint64> queryKeys() const;
    [[nodiscard]] const Row &rowAt(int row) const;
    void forget(qint64 key) const;
    void forgetAll() const;

    QString m_kind;
    QString m_search;
    QString m_project;
    bool m_onlyRejected = false;
    QList<qint64> m_keys;                 // the rows, as the store's rowids
    mutable QHash<qint64, Row> m_described; // rowid -> its row, for the rows views asked for lately
    mutable QList<qint64> m_describedOrder; // the same rowids, oldest described first
    QString m_edited;                     // the entity of a one-entity change, until update()
};

} // namespace mobile
