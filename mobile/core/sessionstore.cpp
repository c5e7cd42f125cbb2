// The session, the last sync time and the device id, kept in the local store's meta table.
#include "sessionstore.h"

#include "jsontext.h"
#include "metatable.h"

namespace mobile {

StoredSession SessionStore::session() const
{
    StoredSession s;
    const QString url = m_meta.valueOrEmpty(metakey::ServerUrl);
    s.serverUrl = url.isEmpty() ? QUrl() : QUrl(url);
    s.user = objectFrom(m_meta.valueOrEmpty(metakey::User));
    s.accessToken = m_meta.valueOrEmpty(metakey::AccessToken);
    s.refreshToken = m_meta.valueOrEmpty(metakey::RefreshToken);
    return s;
}

QDateTime SessionStore::lastSyncedAt() const
{
    const QString text = m_meta.valueOrEmpty(metakey::LastSyncedAt);
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString SessionStore::deviceId() const { return m_meta.value(metakey::DeviceId); }

void SessionStore::setSession(const StoredSession &session)
{
    m_meta.setValue(metakey::ServerUrl, session.serverUrl.toString());
    m_meta.setValue(metakey::User, QString::fromUtf8(jsonText(session.user)));
    setTokens(session.accessToken, session.refreshToken);
}

void SessionStore::setTokens(const QString &accessToken, const QString &refreshToken)
{
    m_meta.setValue(metakey::AccessToken, accessToken);
    m_meta.setValue(metakey::RefreshToken, refreshToken);
}

void SessionStore::setServerUrl(const QUrl &url) { m_meta.setValue(metakey::ServerUrl, url.toString()); }

void SessionStore::setLastSyncedAt(const QDateTime &at) { m_meta.setValue(metakey::LastSyncedAt, at.toUTC().toString(Qt::ISODateWithMs)); }

} // namespace mobile
