// Records for the lists.
#include "recordlistmodel.h"

#include "ledger/amount.h"
#include "ledger/duplicates.h"
#include "ledger/reviewflow.h"

#include <QCoreApplication>

#include <optional>
#include <utility>

namespace mobile {

namespace {
// The state's name from shared/'s review table, in the person's language.
QString reviewText(const QString &state)
{
    const auto s = ledger::enumFromString<ledger::ReviewState>(state).value_or(ledger::ReviewState::Submitted);
    return QCoreApplication::translate(ledger::ReviewFlowContext, ledger::displayName(s));
}

QString money(const QJsonObject &m)
{
    const auto c = ledger::currencyFromCode(m.value(QStringLiteral("currency")).toString());
    const auto v = c ? ledger::Money::parse(m.value(QStringLiteral("amount")).toString(), *c) : std::nullopt;
    return v ? v->toDisplayString() : QString();
}
} // namespace

RecordListModel::RecordListModel(QObject *parent)
    : StoreListModel(parent)
{
}

RecordListModel::Row RecordListModel::describe(const LocalEntity &e, const LocalStore &store)
{
    const QJsonObject j = e.json;
    auto enterpriseName = [&](const QString &key) {
        const auto ent = store.entity(j.value(key).toString());
        return ent ? ent->json.value(QStringLiteral("name")).toString() : QString();
    };
    Row r;
    r.id = e.id;
    r.kind = e.kind;
    r.localChanges = e.localChanges;
    r.reviewState = j.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString();
    if (!e.rejectedReason.isEmpty())
        r.attention = tr("服务器未接收：%1").arg(e.rejectedReason);
    else if (r.reviewState == u"returned")
        r.attention = tr("已退回：%1").arg(j.value(QStringLiteral("review")).toObject().value(QStringLiteral("reason")).toString());
    else if (const auto decision = ledger::enumFromString<ledger::ClaimDecision>(j[u"claim"][u"decision"].toString()))
        r.attention = QCoreApplication::translate(ledger::ReviewFlowContext, ledger::displayName(*decision)); // 重复申报，待认定 …
    if (e.kind == u"visit") {
        r.title = enterpriseName(QStringLiteral("enterprise"));
        r.date = j.value(QStringLiteral("date")).toString();
        r.subtitle = r.date + QStringLiteral(" · ") + j.value(QStringLiteral("purpose")).toString()
                     + (j.contains(QStringLiteral("checkIn")) ? tr(" · 已签到") : tr(" · 未签到"));
    } else if (e.kind == u"trip") {
        r.title = j.value(QStringLiteral("destination")).toString();
        r.date = j.value(QStringLiteral("start")).toString();
        r.subtitle = tr("%1 至 %2 · 拜访机构 %3 家").arg(r.date, j.value(QStringLiteral("end")).toString())
                         .arg(j.value(QStringLiteral("institutions")).toArray().size());
    } else if (e.kind == u"lead") {
        r.title = j.value(QStringLiteral("enterpriseName")).toString();
        r.date = j.value(QStringLiteral("filed")).toString();
        r.subtitle = r.date + QStringLiteral(" · ") + j.value(QStringLiteral("intention")).toString();
    } else if (e.kind == u"project") {
        r.title = j.value(QStringLiteral("name")).toString();
        r.date = j.value(QStringLiteral("talksSince")).toString();
        r.subtitle = money(j.value(QStringLiteral("investment")).toObject()) + QStringLiteral(" · ") + enterpriseName(QStringLiteral("enterprise"));
    } else if (e.kind == u"milestone") {
        // Translated when described, in the language of the moment.
        static const QHash<QString, const char *> stages{{QStringLiteral("signed"), QT_TR_NOOP("签约")},
                                                         {QStringLiteral("landed"), QT_TR_NOOP("落地")},
                                                         {QStringLiteral("started"), QT_TR_NOOP("开工")}};
        if (const char *stage = stages.value(j.value(QStringLiteral("stage")).toString()))
            r.title = tr(stage);
        r.date = j.value(QStringLiteral("date")).toString();
        r.subtitle = r.date + tr(" · 证明材料 %1 份").arg(j.value(QStringLiteral("evidence")).toArray().size());
    } else if (e.kind == u"funds") {
        r.title = money(j.value(QStringLiteral("amount")).toObject()) + QStringLiteral(" · ") + enterpriseName(QStringLiteral("enterprise"));
        r.date = j.value(QStringLiteral("date")).toString();
        r.subtitle = r.date + QStringLiteral(" · ") + j.value(QStringLiteral("payer")).toString();
    } else if (e.kind == u"referral") {
        r.title = enterpriseName(QStringLiteral("enterprise"));
        r.date = j.value(QStringLiteral("date")).toString();
        r.subtitle = r.date + (j.value(QStringLiteral("foreign")).toBool() ? tr(" · 外资企业") : tr(" · 主导产业关联企业"));
    } else {
        for (const char *f : {"title", "reason", "notes"}) {
            r.title = j.value(QString::fromLatin1(f)).toString();
            if (!r.title.isEmpty())
                break;
        }
        r.date = j.value(QStringLiteral("date")).toString();
        r.subtitle = r.date;
    }
    if (r.title.isEmpty())
        r.title = tr("（未命名）");
    return r;
}

LocalStore::ListFilter RecordListModel::filter() const
{
    LocalStore::ListFilter f;
    f.kind = m_onlyRejected ? QString() : m_kind;
    f.project = m_project;
    f.search = m_search;
    f.onlyRejected = m_onlyRejected;
    return f;
}

QList<qint64> RecordListModel::queryKeys() const
{
    // Without a kind (and not the list of refused records) the list is empty, as it always was.
    if (!localStore() || (m_kind.isEmpty() && !m_onlyRejected))
        return {};
    return localStore()->listKeys(filter());
}

void RecordListModel::forget(qint64 key) const
{
    if (m_described.remove(key))
        m_describedOrder.removeOne(key);
}

void RecordListModel::forgetAll() const
{
    m_described.clear();
    m_describedOrder.clear();
}

void RecordListModel::reload()
{
    forgetAll();
    m_keys = queryKeys();
}

bool RecordListModel::dependsOn(const QStringList &kinds) const
{
    if (m_onlyRejected)
        return true;
    if (kinds.contains(m_kind))
        return true;
    // Titles of these kinds show the name of the enterprise they refer to.
    static const QStringList namedAfterEnterprise{QStringLiteral("visit"), QStringLiteral("project"), QStringLiteral("funds"),
                                                  QStringLiteral("referral")};
    return kinds.contains(QStringLiteral("enterprise")) && namedAfterEnterprise.contains(m_kind);
}

void RecordListModel::update()
{
    const QString edited = std::exchange(m_edited, QString());
    QList<qint64> keys = queryKeys();
    const qsizetype before = m_keys.size();
    // The first place where the two orders differ.
    qsizetype first = 0;
    while (first < before && first < keys.size() && keys[first] == m_keys[first])
        ++first;
    auto sameAfter = [&](qsizetype fromOld, qsizetype fromNew) {
        return std::equal(m_keys.cbegin() + fromOld, m_keys.cend(), keys.cbegin() + fromNew, keys.cend());
    };
    // The row of the edited entity, if it was described (otherwise no view shows it).
    auto editedKey = [&]() -> std::optional<qint64> {
        for (auto it = m_described.cbegin(); it != m_described.cend(); ++it)
            if (!edited.isEmpty() && it->id == edited)
                return it.key();
        return std::nullopt;
    };
    if (keys.size() == before + 1 && sameAfter(first, first + 1)) {
        beginInsertRows({}, int(first), int(first));
        m_keys = std::move(keys);
        endInsertRows();
        emit countChanged();
    } else if (keys.size() + 1 == before && sameAfter(first + 1, first)) {
        beginRemoveRows({}, int(first), int(first));
        forget(m_keys[first]);
        m_keys = std::move(keys);
        endRemoveRows();
        emit countChanged();
    } else if (keys != m_keys) {
        refresh();
        return;
    }
    if (edited.isEmpty()) {
        // A pull or a push answer may have changed any row: describe them again.
        forgetAll();
        if (!m_keys.isEmpty())
            emit dataChanged(index(0), index(int(m_keys.size()) - 1));
    } else if (const auto key = editedKey()) {
        // One entity saved on this device: only its row shows something new.
        forget(*key);
        if (const qsizetype row = m_keys.indexOf(*key); row >= 0)
            emit dataChanged(index(int(row)), index(int(row)));
    }
}

void RecordListModel::retranslate()
{
    // The rows described lately hold texts in the old language.
    forgetAll();
    StoreListModel::retranslate();
}

const RecordListModel::Row &RecordListModel::rowAt(int row) const
{
    const qint64 key = m_keys[row];
    if (auto it = m_described.constFind(key); it != m_described.cend())
        return *it;
    // Describe the page around the row (what a view is about to show), keep the newest ones.
    const qsizetype first = qsizetype(row / PageSize) * PageSize;
    QList<qint64> missing;
    for (qsizetype r = first; r < std::min<qsizetype>(first + PageSize, m_keys.size()); ++r)
        if (!m_described.contains(m_keys[r]))
            missing << m_keys[r];
    const QList<LocalEntity> entities = localStore() ? localStore()->entitiesByKeys(missing) : QList<LocalEntity>(missing.size());
    for (qsizetype i = 0; i < missing.size(); ++i) {
        // A row deleted since the keys were read shows empty until the store's change arrives.
        m_described.insert(missing[i], entities[i].id.isEmpty() ? Row{} : describe(entities[i], *localStore()));
        m_describedOrder << missing[i];
    }
    while (m_describedOrder.size() > qsizetype(PageSize) * PagesKept && m_describedOrder.first() != missing.value(0))
        m_described.remove(m_describedOrder.takeFirst());
    return m_described.find(key).value();
}

int RecordListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_keys.size()); }

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return r.title;
    case RecordIdRole: return r.id;
    case KindRole: return r.kind;
    case SubtitleRole: return r.subtitle;
    case DateRole: return r.date;
    case ReviewStateRole: return r.reviewState;
    case ReviewStateTextRole: return reviewText(r.reviewState);
    case AttentionRole: return r.attention;
    case HasLocalChangesRole: return r.localChanges;
    default: return {};
    }
}

QHash<int, QByteArray> RecordListModel::roleNames() const
{
    return {{RecordIdRole, "recordId"}, {KindRole, "kind"}, {TitleRole, "title"}, {SubtitleRole, "subtitle"}, {DateRole, "date"},
            {ReviewStateRole, "reviewState"}, {ReviewStateTextRole, "reviewStateText"}, {AttentionRole, "attention"},
            {HasLocalChangesRole, "hasLocalChanges"}};
}

void RecordListModel::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    emit kindChanged();
    refresh();
}

void RecordListModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    emit searchChanged();
    refresh();
}

void RecordListModel::setProject(const QString &project)
{
    if (project == m_project)
        return;
    m_project = project;
    emit projectChanged();
    refresh();
}

void RecordListModel::setOnlyRejected(bool on)
{
    if (on == m_onlyRejected)
        return;
    m_onlyRejected = on;
    emit onlyRejectedChanged();
    refresh();
}

} // namespace mobile
