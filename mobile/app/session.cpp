// The Session singleton.
#include "session.h"

#include "format.h"
#include "localstore.h"
#include "syncclient.h"

#include "ledger/reviewflow.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mobile {

Session::Session(LocalStore &store, DraftStore &drafts, SyncClient &sync, const Format &format, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_drafts(drafts)
    , m_sync(sync)
    , m_format(format)
{
    connect(&m_sync, &SyncClient::signedInChanged, this, &Session::signedInChanged);
    connect(&m_sync, &SyncClient::signedInChanged, this, &Session::unitNameChanged);
    connect(&m_format, &Format::languageChanged, this, &Session::unitNameChanged);
    connect(&m_sync, &SyncClient::signInFinished, this, [this](bool ok, const QString &error) {
        m_busy = false;
        m_signInError = ok ? QString() : error;
        emit busyChanged();
        emit signInErrorChanged();
        if (ok)
            m_sync.syncNow();
    });
}

QObject *Session::storeObject() const { return &m_store; }

bool Session::signedIn() const { return m_sync.isSignedIn(); }

QString Session::user(const QString &key) const { return m_sync.user().value(key).toString(); }

QString Session::unitName() const { return m_format.unitName(unitCode()); }

QList<ledger::Role> Session::roles() const
{
    QList<ledger::Role> out;
    for (const QJsonValue &r : m_sync.user().value(QStringLiteral("roles")).toArray())
        if (const auto role = ledger::enumFromString<ledger::Role>(r.toString()))
            out << *role;
    return out;
}

bool Session::isReviewer() const { return ledger::mayDecide(roles()); }

QVariantList Session::reviewActions(const QString &state, const QVariantMap &record) const
{
    QVariantList out;
    const auto s = ledger::enumFromString<ledger::ReviewState>(state);
    if (!s)
        return out;
    // Who has a stake in the record: its author and the people credited on it.
    ledger::RecordMeta stake;
    stake.author = ledger::PersonId::parse(record.value(QStringLiteral("author")).toString()).value_or(ledger::PersonId());
    for (const QVariant &p : record.value(QStringLiteral("credit")).toMap().value(QStringLiteral("people")).toList())
        if (const auto id = ledger::PersonId::parse(p.toString()))
            stake.credit.people << *id;
    const ledger::PersonId me = ledger::PersonId::parse(userId()).value_or(ledger::PersonId());
    for (const ledger::ReviewAction a : ledger::allowedActions(*s, roles(), me, stake)) {
        const ledger::ReviewMove &move = ledger::reviewMove(a);
        if (!move.byReviewer)
            continue; // resubmitting is what saving an edit does, not a button of the inbox
        out.append(QVariantMap{{QStringLiteral("action"), ledger::toString(a)},
                               {QStringLiteral("label"), QCoreApplication::translate(ledger::ReviewFlowContext, ledger::displayName(a))},
                               {QStringLiteral("needsReason"), move.needsReason},
                               {QStringLiteral("checksEvidence"), move.checksEvidence},
                               {QStringLiteral("needsMeetingDate"), move.needsMeetingDate}});
    }
    return out;
}

QString Session::deviceId() const { return m_store.deviceId(); }

QString Session::serverUrl() const
{
    const QUrl url = m_store.session().serverUrl;
    return url.isEmpty() ? QStringLiteral("http://127.0.0.1:8080") : url.toString();
}

void Session::setServerUrl(const QString &url)
{
    if (url == serverUrl())
        return;
    (void)m_store.setServerUrl(QUrl::fromUserInput(url));
    emit serverUrlChanged();
}

void Session::signIn(const QString &serverUrl, const QString &login, const QString &password)
{
    m_busy = true;
    m_signInError.clear();
    emit busyChanged();
    emit signInErrorChanged();
    m_sync.signIn(QUrl::fromUserInput(serverUrl), login.trimmed(), password);
}

void Session::signOut() { m_sync.signOut(); }

} // namespace mobile
