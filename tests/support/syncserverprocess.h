// The real syncserver binary for end-to-end tests: run a subcommand, or serve a data folder on a
// port (0: any free one) until the object goes out of scope or kill() is called (SIGKILL).
#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QUrl>
#include <csignal>

namespace ledger::test {

inline const QString &syncserverBinary()
{
    static const QString path = QStringLiteral(SYNCSERVER_BINARY);
    return path;
}

// Runs `syncserver <args>` with LEDGER_PASSWORD set; stdout and stderr go to `output`.
inline int runSyncserver(const QStringList &args, const QString &password, QByteArray *output = nullptr)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LEDGER_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(syncserverBinary(), args);
    p.waitForFinished(120000);
    if (output)
        *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

class ServedSyncserver
{
public:
    explicit ServedSyncserver(const QString &dataDir, int port = 0, const QStringList &extra = {})
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(syncserverBinary(), QStringList{QStringLiteral("serve"), QStringLiteral("--data"), dataDir, QStringLiteral("--port"),
                                                        QString::number(port), QStringLiteral("--fast-hash")} + extra);
        static const QRegularExpression listening(QStringLiteral("listening on (https?://127.0.0.1:(\\d+))"));
        QByteArray seen;
        while (m_url.isEmpty() && m_process.waitForReadyRead(20000)) {
            seen += m_process.readAll();
            if (const auto m = listening.match(QString::fromUtf8(seen)); m.hasMatch())
                m_url = QUrl(m.captured(1));
        }
        if (m_url.isEmpty())
            qFatal("syncserver did not start: %s", seen.constData());
    }
    ~ServedSyncserver() { kill(); }
    ServedSyncserver(const ServedSyncserver &) = delete;
    ServedSyncserver &operator=(const ServedSyncserver &) = delete;

    void kill()
    {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process.processId()), SIGKILL);
            m_process.waitForFinished(10000);
        }
    }
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] int port() const { return m_url.port(); }

private:
    QProcess m_process;
    QUrl m_url;
};

} // namespace ledger::test
