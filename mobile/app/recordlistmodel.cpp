// Records for the lists.
#include "recordlistmodel.h"

#include "ledger/amount.h"

namespace mobile {

namespace {
QString reviewText(const QString &state)
{
    if (state == u"recognised") return RecordListModel::tr("已认定");
    if (state == u"returned") return RecordListModel::tr("已退回");
    if (state == u"revoked") return RecordListModel::tr("认定虚假");
    return RecordListModel::tr("待认定");
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
        static const QHash<QString, QString> stages{{QStringLiteral("signed"), tr("签约")}, {QStringLiteral("landed"), tr("落地")},
                                                    {QStringLiteral("started"), tr("开工")}};
        r.title = stages.value(j.value(QStringLiteral("stage")).toString());
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

void RecordListModel::reload()
{
    m_rows.clear();
    if (localStore()) {
        const QList<LocalEntity> all = m_onlyRejected ? localStore()->rejected() : localStore()->entities(m_kind);
        for (const LocalEntity &e : all) {
            if (e.deleted)
                continue;
            if (!m_project.isEmpty() && e.json.value(QStringLiteral("project")).toString() != m_project)
                continue;
            Row r = describe(e, *localStore());
            if (!m_search.isEmpty() && !r.title.contains(m_search, Qt::CaseInsensitive) && !r.subtitle.contains(m_search, Qt::CaseInsensitive))
                continue;
            m_rows.append(r);
        }
        std::sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
            if (a.attention.isEmpty() != b.attention.isEmpty())
                return !a.attention.isEmpty();
            return a.date != b.date ? a.date > b.date : a.id < b.id;
        });
    }
}

int RecordListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
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
