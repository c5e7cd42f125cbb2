// One sync run as a chain of asynchronous steps (attachments → push → pull → conflicts), the
// session refresh, automatic syncing, and the Chinese messages the person sees.
#include "syncclient.h"

#include "ledger/syncprotocol.h"
#include "ledger/wire.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QSysInfo>

#include <algorithm>

namespace mobile {

namespace {

constexpr std::chrono::milliseconds SoonAfterEdit{1500};
constexpr std::chrono::milliseconds PeriodicSync{std::chrono::minutes(15)};
constexpr int MaxGapRounds = 3;
constexpr int MaxOffsetRestarts = 5;

// Progress shares of the steps: uploads first, then push, then pull.
constexpr double UploadShare = 0.3;
constexpr double PushShare = 0.3;
constexpr double PullShare = 0.35;

QString offline(const QString &detail)
{
    return SyncClient::tr("无法连接服务器，记录已保存在本机，联网后会自动同步（%1）").arg(detail);
}

QString serverBusy(const HttpResponse &r)
{
    return SyncClient::tr("服务器暂时无法处理（HTTP %1），稍后会自动重试").arg(r.status);
}

QString updateTheApp() { return SyncClient::tr("应用版本过旧，服务器已不再接受，请先更新应用再同步；未同步的记录仍保存在本机"); }
QString serverTooOld() { return SyncClient::tr("服务器版本比应用旧，请联系招商服务局更新服务器；未同步的记录仍保存在本机"); }
QString signInAgain() { return SyncClient::tr("登录已过期，请重新登录；未同步的记录仍保存在本机，登录后会继续同步"); }
QString notSignedIn() { return SyncClient::tr("请先登录"); }

// An answer nobody planned for: say so, with the server's own words for whoever helps.
QString unexpected(const QString &what, const HttpResponse &r)
{
    const QString detail = r.errorMessage().isEmpty() ? QStringLiteral("HTTP %1").arg(r.status)
                                                      : SyncClient::tr("HTTP %1：%2").arg(r.status).arg(r.errorMessage());
    return SyncClient::tr("%1失败（%2）").arg(what, detail);
}

// Whether the server refused with this code of the protocol.
bool refusedWith(const HttpResponse &r, ledger::sync::Code code) { return r.errorCode() == ledger::sync::toString(code); }

QString localProblem(const ledger::FieldError &e) { return SyncClient::tr("本机数据保存失败：%1").arg(e.toString()); }

} // namespace

SyncClient::SyncClient(LocalStore &store, Transport &transport, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_transport(transport)
    , m_lastSyncedAt(store.lastSyncedAt())
    , m_deviceName(QSysInfo::machineHostName() + QStringLiteral(" (") + QSysInfo::prettyProductName() + u')')
{
    if (!m_store.session().hasTokens())
        m_state = State::SignInNeeded;
    m_knownPending = m_store.pendingCount();
    connect(&m_store, &LocalStore::pendingCountChanged, this, &SyncClient::onPendingCountChanged);
    connect(&m_store, &LocalStore::sessionChanged, this, &SyncClient::signedInChanged);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncClient::syncNow);
    m_soonTimer.setSingleShot(true);
    m_soonTimer.setInterval(SoonAfterEdit);
    connect(&m_soonTimer, &QTimer::timeout, this, &SyncClient::syncNow);
    m_periodicTimer.setInterval(PeriodicSync);
    connect(&m_periodicTimer, &QTimer::timeout, this, &SyncClient::syncNow);
}

SyncClient::~SyncClient() = default;

// ---- requests ---------------------------------------------------------------------------------------

HttpRequest SyncClient::versioned(QByteArray method, const QString &path) const
{
    HttpRequest r;
    r.method = std::move(method);
    r.path = path;
    r.setHeader(ledger::sync::ProtocolHeader, QByteArray::number(ledger::sync::ProtocolVersion));
    r.setHeader(ledger::sync::SchemaHeader, QByteArray::number(ledger::wire::Version));
    return r;
}

void SyncClient::call(HttpRequest request, Answer onAnswer, Fail onFail, bool refreshed)
{
    const QString token = m_store.session().accessToken;
    if (token.isEmpty() && !refreshed) {
        // Signed out with a refresh token left (an expired access token was dropped): refresh first.
        refreshThen([this, request, onAnswer, onFail] { call(request, onAnswer, onFail, true); }, onFail);
        return;
    }
    request.setHeader("Authorization", "Bearer " + token.toLatin1());
    QPointer<SyncClient> self(this);
    m_transport.send(request, [self, request, token, onAnswer, onFail, refreshed](HttpResponse r) {
        if (!self)
            return;
        if (!r.arrived())
            return onFail({State::Waiting, offline(r.networkError)});
        if (r.status == 401) {
            if (self->m_store.session().accessToken != token && !self->m_store.session().accessToken.isEmpty()) {
                // Another request refreshed the session meanwhile: use its token.
                return self->call(request, onAnswer, onFail, true);
            }
            if (refreshed)
                return onFail({State::SignInNeeded, signInAgain()});
            return self->refreshThen([self, request, onAnswer, onFail] {
                if (self)
                    self->call(request, onAnswer, onFail, true);
            }, onFail);
        }
        if (refusedWith(r, ledger::sync::Code::UpgradeRequired) || r.status == 426)
            return onFail({State::Failed, updateTheApp()});
        if (refusedWith(r, ledger::sync::Code::ServerTooOld))
            return onFail({State::Failed, serverTooOld()});
        if (r.status >= 500 || r.status == 429)
            return onFail({State::Waiting, serverBusy(r)});
        onAnswer(r);
    });
}

void SyncClient::request(const QByteArray &method, const QString &path, const QUrlQuery &query, const QJsonObject &body,
                         std::function<void(const HttpResponse &)> answered, std::function<void(const QString &)> failed)
{
    if (!isSignedIn()) {
        failed(signInAgain());
        return;
    }
    m_transport.setBaseUrl(m_store.session().serverUrl);
    HttpRequest r = versioned(method, path);
    r.query = query;
    if (!body.isEmpty()) {
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        r.setHeader("Content-Type", "application/json");
    }
    QPointer<SyncClient> self(this);
    call(std::move(r), [answered](const HttpResponse &response) { answered(response); },
         [self, failed](const Failure &f) {
             if (self && f.state == State::SignInNeeded)
                 self->setState(State::SignInNeeded);
             failed(f.message);
         });
}

void SyncClient::refreshThen(std::function<void()> retry, Fail onFail)
{
    // Refresh tokens are single-use: a second refresh with the same one would end the session.
    m_waitingForRefresh.append({std::move(retry), std::move(onFail)});
    if (m_refreshing)
        return;
    const StoredSession session = m_store.session();
    const auto settle = [this](const std::optional<Failure> &failure) {
        m_refreshing = false;
        const auto waiting = std::exchange(m_waitingForRefresh, {});
        for (const auto &[retryOne, failOne] : waiting) {
            if (failure)
                failOne(*failure);
            else
                retryOne();
        }
    };
    if (session.refreshToken.isEmpty()) {
        settle(Failure{State::SignInNeeded, session.user.isEmpty() ? notSignedIn() : signInAgain()});
        return;
    }
    m_refreshing = true;
    HttpRequest r = versioned("POST", QStringLiteral("/api/v1/auth/refresh"));
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("refreshToken"), session.refreshToken},
                                       {QStringLiteral("device"), m_store.deviceId()}})
                 .toJson(QJsonDocument::Compact);
    QPointer<SyncClient> self(this);
    m_transport.send(r, [self, settle](HttpResponse response) {
        if (!self)
            return;
        if (!response.arrived())
            return settle(Failure{State::Waiting, offline(response.networkError)});
        if (response.status >= 500)
            return settle(Failure{State::Waiting, serverBusy(response)});
        if (response.status == 426)
            return settle(Failure{State::Failed, updateTheApp()});
        const QJsonObject json = response.json();
        const QString access = json.value(u"accessToken").toString();
        const QString refresh = json.value(u"refreshToken").toString();
        if (response.status != 200 || access.isEmpty())
            return settle(Failure{State::SignInNeeded, signInAgain()});
        if (auto e = self->m_store.setTokens(access, refresh))
            return settle(Failure{State::Failed, localProblem(*e)});
        settle(std::nullopt);
    });
}

// ---- sign-in ---------------------------------------------------------------------------------------------

void SyncClient::signIn(const QUrl &serverUrl, const QString &login, const QString &password)
{
    if (!serverUrl.isValid() || (serverUrl.scheme() != u"https" && serverUrl.scheme() != u"http") || serverUrl.host().isEmpty()) {
        Q_EMIT signInFinished(false, tr("服务器地址无效，应类似 https://zhaoshang.example.cn"));
        return;
    }
    if (!m_store.isOpen()) {
        Q_EMIT signInFinished(false, tr("本机数据库无法打开：%1").arg(m_store.openError()));
        return;
    }
    ++m_run; // a sync still running belongs to the previous session
    if (m_state == State::Syncing)
        setState(isSignedIn() ? State::Idle : State::SignInNeeded);
    m_transport.setBaseUrl(serverUrl);
    HttpRequest r = versioned("POST", QStringLiteral("/api/v1/auth/login"));
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("login"), login},
                                       {QStringLiteral("password"), password},
                                       {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), m_store.deviceId()},
                                                                              {QStringLiteral("name"), m_deviceName}}}})
                 .toJson(QJsonDocument::Compact);
    QPointer<SyncClient> self(this);
    m_transport.send(r, [self, serverUrl](HttpResponse response) {
        if (!self)
            return;
        QString error;
        if (!response.arrived())
            error = tr("无法连接服务器（%1）").arg(response.networkError);
        else if (response.status == 401)
            error = tr("用户名或密码不正确，或账号已停用");
        else if (response.status == 429)
            error = tr("登录失败次数过多，请稍后再试");
        else if (refusedWith(response, ledger::sync::Code::DeviceTaken))
            error = tr("这台设备已登记给其他人使用，请联系管理员");
        else if (refusedWith(response, ledger::sync::Code::DeviceRevoked))
            error = tr("这台设备已被管理员停用，请联系管理员");
        else if (response.status == 426)
            error = updateTheApp();
        else if (refusedWith(response, ledger::sync::Code::ServerTooOld))
            error = serverTooOld();
        else if (response.status != 200)
            error = unexpected(tr("登录"), response);
        if (error.isEmpty()) {
            const QJsonObject json = response.json();
            StoredSession session;
            session.serverUrl = serverUrl;
            session.user = json.value(u"user").toObject();
            session.accessToken = json.value(u"accessToken").toString();
            session.refreshToken = json.value(u"refreshToken").toString();
            if (session.accessToken.isEmpty())
                error = tr("服务器的登录答复不完整");
            else if (auto e = self->m_store.setSession(session))
                error = localProblem(*e);
        }
        if (!error.isEmpty()) {
            Q_EMIT self->signInFinished(false, error);
            return;
        }
        self->setLastError({});
        self->setState(State::Idle);
        Q_EMIT self->signInFinished(true, {});
        if (self->m_autoSync)
            self->syncNow();
    });
}

void SyncClient::signOut()
{
    ++m_run;
    const StoredSession session = m_store.session();
    if (!session.accessToken.isEmpty()) {
        // Best effort: the server forgets the tokens; the device forgets them regardless.
        HttpRequest r = versioned("POST", QStringLiteral("/api/v1/auth/logout"));
        r.setHeader("Authorization", "Bearer " + session.accessToken.toLatin1());
        m_transport.send(r, [](HttpResponse) {});
    }
    m_store.clearTokens();
    m_retryTimer.stop();
    setLastError({});
    setState(State::SignInNeeded);
}

// ---- one sync run --------------------------------------------------------------------------------------

void SyncClient::syncNow()
{
    if (m_state == State::Syncing) {
        m_syncAgain = true;
        return;
    }
    m_soonTimer.stop();
    m_retryTimer.stop();
    if (!m_store.isOpen()) {
        setLastError(tr("本机数据库无法打开：%1").arg(m_store.openError()));
        setState(State::Failed);
        Q_EMIT syncFinished(false);
        return;
    }
    const StoredSession session = m_store.session();
    if (!session.hasTokens() || !session.serverUrl.isValid()) {
        setLastError(session.user.isEmpty() ? notSignedIn() : signInAgain());
        setState(State::SignInNeeded);
        Q_EMIT syncFinished(false);
        return;
    }
    m_transport.setBaseUrl(session.serverUrl);
    const quint64 run = ++m_run;
    m_syncAgain = false;
    m_problems.clear();
    m_uploads = m_store.attachmentsToUpload();
    m_uploadsTotal = m_uploads.size();
    m_pushTotal = m_store.pendingCount();
    m_pushed = 0;
    m_gapRounds = 0;
    m_pullPages = 0;
    m_pulled = 0;
    m_pulledReturned = 0;
    setProgress(0);
    setState(State::Syncing);
    uploadNext(run);
}

SyncClient::Fail SyncClient::failRun(quint64 run)
{
    return [this, run](const Failure &f) { finish(run, f.state, f.message); };
}

void SyncClient::uploadNext(quint64 run)
{
    if (run != m_run)
        return;
    if (m_uploads.isEmpty()) {
        pushNext(run);
        return;
    }
    setProgress(UploadShare * double(m_uploadsTotal - m_uploads.size()) / double(std::max<qsizetype>(1, m_uploadsTotal)));
    const PendingAttachment a = m_uploads.first();
    // Ask first: the upload may have been cut off after the server kept some chunks, or another
    // device may have sent the same file already.
    call(versioned("GET", QStringLiteral("/api/v1/attachments/%1/status").arg(a.sha256)),
         [this, run, a](const HttpResponse &r) {
             if (run != m_run)
                 return;
             if (r.status != 200)
                 return skipUpload(run, tr("附件“%1”无法上传：%2").arg(a.name, unexpected(tr("查询"), r)));
             const QJsonObject status = r.json();
             if (status.value(u"complete").toBool()) {
                 if (auto e = m_store.markAttachmentUploaded(a.sha256))
                     return finish(run, State::Failed, localProblem(*e));
                 m_uploads.removeFirst();
                 return uploadNext(run);
             }
             if (a.path.isEmpty())
                 return skipUpload(run, tr("附件“%1”不在这台设备上，无法上传；相关记录会被退回，请重新添加附件").arg(a.name));
             uploadChunk(run, a, status.value(u"received").toInteger(), 0);
         },
         failRun(run));
}

void SyncClient::skipUpload(quint64 run, const QString &problem)
{
    // The records that need it will be refused with "attachment_missing" and come back to their
    // author; the rest of the outbox goes on.
    m_problems << problem;
    m_uploads.removeFirst();
    uploadNext(run);
}

void SyncClient::uploadChunk(quint64 run, const PendingAttachment &a, qint64 offset, int restarts)
{
    if (run != m_run)
        return;
    QFile file(a.path);
    if (!file.open(QIODevice::ReadOnly))
        return skipUpload(run, tr("附件“%1”无法读取：%2").arg(a.name, file.errorString()));
    const qint64 size = file.size();
    if (size <= 0 || offset < 0 || offset > size)
        return skipUpload(run, tr("附件“%1”是空文件或已损坏").arg(a.name));
    file.seek(offset);
    HttpRequest r = versioned("PUT", QStringLiteral("/api/v1/attachments/%1").arg(a.sha256));
    r.query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    r.query.addQueryItem(QStringLiteral("size"), QString::number(size));
    r.body = file.read(ChunkSize);
    r.setHeader("Content-Type", a.mimeType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : a.mimeType.toLatin1());
    const double done = double(m_uploadsTotal - m_uploads.size()) + double(offset) / double(size);
    setProgress(UploadShare * done / double(std::max<qsizetype>(1, m_uploadsTotal)));
    call(std::move(r),
         [this, run, a, restarts](const HttpResponse &response) {
             if (run != m_run)
                 return;
             const QJsonObject json = response.json();
             if (response.status == 200) {
                 if (json.value(u"complete").toBool()) {
                     if (auto e = m_store.markAttachmentUploaded(a.sha256))
                         return finish(run, State::Failed, localProblem(*e));
                     m_uploads.removeFirst();
                     return uploadNext(run);
                 }
                 return uploadChunk(run, a, json.value(u"received").toInteger(), restarts);
             }
             if (refusedWith(response, ledger::sync::Code::WrongOffset) && restarts < MaxOffsetRestarts)
                 return uploadChunk(run, a, response.error().value(u"received").toInteger(), restarts + 1);
             QString why;
             if (response.status == 413)
                 why = tr("文件太大（服务器最多接收 20 MiB）");
             else if (response.status == 415)
                 why = tr("文件类型不受支持（仅限 PDF、JPEG、PNG、HEIC 和 Office 文档）");
             else if (response.status == 422)
                 why = tr("文件内容与校验值不符，请重新添加附件");
             else
                 why = unexpected(tr("上传"), response);
             skipUpload(run, tr("附件“%1”无法上传：%2").arg(a.name, why));
         },
         failRun(run));
}

void SyncClient::pushNext(quint64 run)
{
    if (run != m_run)
        return;
    QList<OutboxEntry> batch = m_store.outboxBatch(PushBatchSize);
    if (batch.isEmpty()) {
        pullNext(run);
        return;
    }
    // Entries sent before whose answer was lost go again on their own, exactly as before. Their
    // answers ("skipped" with the original versions) then rebase later edits of the same records
    // before those are sent; sent together, such an edit would conflict with its own record.
    if (batch.first().attempts > 0) {
        const auto fresh = std::find_if(batch.begin(), batch.end(), [](const OutboxEntry &e) { return e.attempts == 0; });
        batch.erase(fresh, batch.end());
    }
    setProgress(UploadShare + PushShare * double(m_pushed) / double(std::max(1, m_pushTotal)));
    QList<qint64> numbers;
    QJsonArray mutations;
    for (const OutboxEntry &e : batch) {
        numbers << e.n;
        mutations.append(e.toMutation());
    }
    // Counted before it leaves: from now on the server may apply it even if no answer comes back.
    if (auto e = m_store.markAttempted(numbers))
        return finish(run, State::Failed, localProblem(*e));
    HttpRequest r = versioned("POST", QStringLiteral("/api/v1/sync/push"));
    r.body = QJsonDocument(ledger::sync::encodePushRequest(m_store.deviceId(), mutations)).toJson(QJsonDocument::Compact);
    const qint64 first = batch.first().n;
    const int count = int(batch.size());
    call(std::move(r),
         [this, run, first, count](const HttpResponse &response) {
             if (run != m_run)
                 return;
             if (response.status == 200) {
                 if (auto e = m_store.markPushed(response.json()))
                     return finish(run, State::Failed, localProblem(*e));
                 const QList<OutboxEntry> next = m_store.outboxBatch(1);
                 if (!next.isEmpty() && next.first().n == first)
                     return finish(run, State::Failed, tr("服务器没有确认已发送的记录，请稍后再试"));
                 m_pushed += count;
                 return pushNext(run);
             }
             if (refusedWith(response, ledger::sync::Code::Gap)) {
                 // The server needs older numbers than this device has queued: it was restored
                 // from a backup. Send again from the number it names.
                 if (++m_gapRounds > MaxGapRounds)
                     return finish(run, State::Failed, unexpected(tr("同步"), response));
                 const auto gap = ledger::sync::decodeError(response.error());
                 const qint64 expected = gap ? gap.value().extra.value(u"expected").toInteger() : 0;
                 if (auto e = m_store.requeueFrom(expected))
                     return finish(run, State::Failed, tr("同步编号与服务器不一致：%1").arg(e->message));
                 return pushNext(run);
             }
             if (refusedWith(response, ledger::sync::Code::WrongDevice))
                 return finish(run, State::SignInNeeded, signInAgain());
             finish(run, State::Failed, unexpected(tr("上传记录"), response));
         },
         failRun(run));
}

void SyncClient::pullNext(quint64 run)
{
    if (run != m_run)
        return;
    // Pages of unknown number: each brings the bar a bit closer to the end of its share.
    setProgress(UploadShare + PushShare + PullShare * (1.0 - 1.0 / double(1 + m_pullPages)));
    HttpRequest r = versioned("GET", QStringLiteral("/api/v1/sync/pull"));
    r.query.addQueryItem(QStringLiteral("cursor"), QString::number(m_store.pullCursor()));
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(PullPageSize));
    call(std::move(r),
         [this, run](const HttpResponse &response) {
             if (run != m_run)
                 return;
             if (response.status != 200)
                 return finish(run, State::Failed, unexpected(tr("下载更新"), response));
             // Applied from the body's text: the entities are stored as the server wrote them.
             const auto page = m_store.applyPullText(response.body);
             if (!page)
                 return finish(run, State::Failed, localProblem(page.error()));
             ++m_pullPages;
             // Counted for the summary: the changes, and the records of this person's unit a
             // reviewer returned (a reviewer's device pulls every unit's).
             m_pulled += page.value().changes;
             m_pulledReturned += page.value().returnedByUnit.value(m_store.session().user.value(u"unit").toString());
             if (page.value().hasMore)
                 return pullNext(run);
             fetchConflicts(run);
         },
         failRun(run));
}

void SyncClient::fetchConflicts(quint64 run)
{
    if (run != m_run)
        return;
    call(versioned("GET", QStringLiteral("/api/v1/conflicts")),
         [this, run](const HttpResponse &response) {
             if (run != m_run)
                 return;
             if (response.status != 200)
                 return finish(run, State::Failed, unexpected(tr("读取冲突"), response));
             const QJsonArray conflicts = response.json().value(u"conflicts").toArray();
             if (conflicts != m_conflicts) {
                 m_conflicts = conflicts;
                 Q_EMIT conflictsChanged();
             }
             finish(run, State::UpToDate);
         },
         failRun(run));
}

void SyncClient::finish(quint64 run, State state, const QString &error)
{
    if (run != m_run)
        return;
    ++m_run; // nothing of this run may act any more
    QString message = error;
    if (state == State::UpToDate) {
        setProgress(1);
        m_lastSyncedAt = QDateTime::currentDateTimeUtc();
        m_store.setLastSyncedAt(m_lastSyncedAt);
        Q_EMIT lastSyncedAtChanged(m_lastSyncedAt);
        m_backoff = m_backoffFirst;
        message = m_problems.join(u'\n');
    }
    if (state == State::SignInNeeded)
        m_store.clearTokens(); // the outbox stays exactly as it is
    setLastError(message);
    setState(state);
    if (state == State::Waiting && m_autoSync) {
        m_retryTimer.start(m_backoff);
        m_backoff = std::min(m_backoff * 2, m_backoffMax);
    }
    Q_EMIT syncFinished(state == State::UpToDate);
    // Asked again while it ran (edits it may have missed, a conflict settled after its pull).
    if (state == State::UpToDate && m_syncAgain)
        QTimer::singleShot(0, this, &SyncClient::syncNow);
    m_syncAgain = false;
}

// ---- conflicts ----------------------------------------------------------------------------------------

void SyncClient::resolveConflict(qint64 conflictId, const QString &keep)
{
    if (keep != u"server" && keep != u"device") {
        Q_EMIT conflictResolved(conflictId, false, tr("请选择保留服务器的值或本机的值"));
        return;
    }
    const StoredSession session = m_store.session();
    if (!session.hasTokens()) {
        Q_EMIT conflictResolved(conflictId, false, notSignedIn());
        return;
    }
    m_transport.setBaseUrl(session.serverUrl);
    HttpRequest r = versioned("POST", QStringLiteral("/api/v1/conflicts/%1/resolve").arg(conflictId));
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("keep"), keep}}).toJson(QJsonDocument::Compact);
    call(std::move(r),
         [this, conflictId](const HttpResponse &response) {
             if (response.status != 200 && !refusedWith(response, ledger::sync::Code::Resolved)) {
                 Q_EMIT conflictResolved(conflictId, false, unexpected(tr("处理冲突"), response));
                 return;
             }
             QJsonArray rest;
             for (const QJsonValue &c : std::as_const(m_conflicts))
                 if (c.toObject().value(u"id").toInteger() != conflictId)
                     rest.append(c);
             m_conflicts = rest;
             Q_EMIT conflictsChanged();
             Q_EMIT conflictResolved(conflictId, true, {});
             syncNow(); // bring the settled value to this device
         },
         [this, conflictId](const Failure &f) {
             if (f.state == State::SignInNeeded && m_state != State::Syncing) {
                 m_store.clearTokens();
                 setLastError(f.message);
                 setState(State::SignInNeeded);
             }
             Q_EMIT conflictResolved(conflictId, false, f.message);
         });
}

// ---- automatic sync ----------------------------------------------------------------------------------

void SyncClient::setAutoSync(bool on)
{
    if (m_autoSync == on)
        return;
    m_autoSync = on;
    if (on) {
        // Reachability where the platform has a backend (Android, NetworkManager, glib); the
        // timers work everywhere, so a missing backend only means later, not never.
        if (!QNetworkInformation::instance())
            QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
        if (QNetworkInformation *info = QNetworkInformation::instance()) {
            connect(info, &QNetworkInformation::reachabilityChanged, this, &SyncClient::onReachabilityChanged,
                    Qt::UniqueConnection);
        }
        m_periodicTimer.start();
        m_backoff = m_backoffFirst;
        if (m_store.pendingCount() > 0 || m_state == State::Waiting)
            m_soonTimer.start();
    } else {
        m_periodicTimer.stop();
        m_soonTimer.stop();
        m_retryTimer.stop();
    }
    Q_EMIT autoSyncChanged(on);
}

void SyncClient::setRetryBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max)
{
    m_backoffFirst = first;
    m_backoffMax = std::max(first, max);
    m_backoff = first;
}

void SyncClient::onPendingCountChanged(int count)
{
    const bool grew = count > m_knownPending; // an edit, not a push answer
    m_knownPending = count;
    Q_EMIT pendingCountChanged(count);
    if (!m_autoSync || count == 0 || m_state == State::SignInNeeded)
        return;
    if (m_state == State::Syncing) {
        if (grew)
            m_syncAgain = true; // the running push may already be past it
    } else if (!m_retryTimer.isActive()) {
        m_soonTimer.start();
    }
}

void SyncClient::onReachabilityChanged(QNetworkInformation::Reachability reachability)
{
    if (!m_autoSync || reachability != QNetworkInformation::Reachability::Online)
        return;
    if (m_state == State::Waiting || m_store.pendingCount() > 0) {
        m_backoff = m_backoffFirst;
        m_retryTimer.stop();
        m_soonTimer.start();
    }
}

// ---- properties ----------------------------------------------------------------------------------------

void SyncClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncClient::setProgress(double progress)
{
    progress = std::clamp(progress, 0.0, 1.0);
    if (qFuzzyCompare(m_progress + 1, progress + 1))
        return;
    m_progress = progress;
    Q_EMIT progressChanged(progress);
}

void SyncClient::setLastError(const QString &error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged(error);
}

} // namespace mobile
