// Demo import.
#include "demoimport.h"

#include "demo.h"
#include "http.h"

#include "ledger/wire.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>

namespace syncserver {

QByteArray demoPdf(const QString &title)
{
    // PDF's base fonts cannot show Chinese: the page shows an ASCII line, and the document's
    // title (UTF-16BE in the info dictionary) carries the Chinese name for viewers that list it.
    QByteArray titleUtf16be;
    for (QChar c : title) {
        titleUtf16be.append(char(c.unicode() >> 8));
        titleUtf16be.append(char(c.unicode() & 0xff));
    }
    const QByteArray stream = "BT /F1 14 Tf 72 720 Td (Demo evidence document) Tj ET";
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Title <FEFF" + titleUtf16be.toHex() + "> >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R /Info 6 0 R >>\nstartxref\n"
           + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

namespace {

// Replaces every attachment of a record's JSON with a real PDF stored under the data folder.
QJsonObject materialise(const QJsonObject &record, Store &store, ledger::Database &db, int &stored)
{
    QJsonObject out = record;
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (!it->isArray())
            continue;
        QJsonArray list = it->toArray();
        bool changed = false;
        for (qsizetype i = 0; i < list.size(); ++i) {
            QJsonObject a = list[i].toObject();
            if (!a.contains(QStringLiteral("sha256")))
                continue;
            QString name = a.value(QStringLiteral("name")).toString();
            const QByteArray pdf = demoPdf(name);
            const QString sha = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
            const QString path = QDir(store.dataDir()).filePath(QStringLiteral("attachments/") + sha.left(2) + u'/' + sha);
            if (!QFile::exists(path)) {
                QDir().mkpath(QFileInfo(path).path());
                QFile f(path);
                if (!f.open(QIODevice::WriteOnly) || f.write(pdf) != pdf.size())
                    throw std::runtime_error("cannot write a demo attachment");
                ledger::Statement s = db.prepare(QStringLiteral(
                    "INSERT OR IGNORE INTO attachments(sha256, size, mime, received, complete, uploaded_by, created_at) VALUES(?,?,?,?,1,'demo',?)"));
                s.bind(1, sha).bind(2, qint64(pdf.size())).bind(3, QStringLiteral("application/pdf")).bind(4, qint64(pdf.size()))
                    .bind(5, store.clock().now().toString(Qt::ISODate));
                s.exec();
                ++stored;
            }
            if (!name.endsWith(QStringLiteral(".pdf")))
                name = name.section(u'.', 0, 0) + QStringLiteral(".pdf");
            a.insert(QStringLiteral("sha256"), sha);
            a.insert(QStringLiteral("name"), name);
            a.insert(QStringLiteral("mimeType"), QStringLiteral("application/pdf"));
            a.insert(QStringLiteral("size"), qint64(pdf.size()));
            list[i] = a;
            changed = true;
        }
        if (changed)
            *it = list;
    }
    return out;
}

} // namespace

DemoImport importDemo(Server &server, quint32 seed, const QString &password)
{
    Store &store = server.store();
    const bool empty = store.withLedger([](const ledger::Ledger &l) { return l.size() == 0 && l.enterprises().isEmpty(); });
    if (!empty)
        throw HttpError{409, QStringLiteral("not_empty"), QStringLiteral("the ledger already holds records; the demo goes into an empty data folder"), {}};
    const ledger::LedgerDocument doc = makeDemoLedger(server.scheme(), seed);
    const Actor importer{QStringLiteral("system"), QStringLiteral("demo")};
    DemoImport result;

    // Accounts: a login per person, "<unit><n>" (isb1, pgo2, …), plus an administrator.
    QHash<QString, int> perUnit;
    QList<ledger::Person> people(doc.ledger.people().begin(), doc.ledger.people().end());
    std::sort(people.begin(), people.end(), [](const ledger::Person &a, const ledger::Person &b) {
        return a.unit.code() != b.unit.code() ? a.unit.code() < b.unit.code() : a.id < b.id;
    });
    for (const ledger::Person &p : std::as_const(people)) {
        const QString login = p.unit.code().toLower() + QString::number(++perUnit[p.unit.code()]);
        server.accounts().createUser(login, p.name, p.unit.code(), p.roles, password, importer, p.id.toString());
        result.logins << login;
        ++result.people;
    }
    if (!server.accounts().user(QStringLiteral("admin"))) {
        server.accounts().createUser(QStringLiteral("admin"), QStringLiteral("系统管理员"), QStringLiteral("ISB"), {ledger::Role::Admin}, password, importer);
        result.logins << QStringLiteral("admin");
    }

    store.write([&](ledger::Database &db) {
        qint64 seq = store.nextSeq(db);
        auto put = [&](const QString &id, const QString &kind, const QString &unit, const QString &author, const QJsonObject &json) {
            StoredEntity e{id, kind, unit, author, json, {}, seq, false};
            for (auto it = json.begin(); it != json.end(); ++it)
                e.fieldSeq.insert(it.key(), seq);
            store.putEntity(db, e);
            ++seq;
        };
        for (const ledger::Enterprise &e : doc.ledger.enterprises()) {
            put(e.id.toString(), QStringLiteral("enterprise"), QString(), QString(), ledger::wire::encode(e));
            ++result.enterprises;
        }
        for (const ledger::Record &r : doc.ledger.records()) {
            const ledger::RecordMeta &meta = ledger::metaOf(r);
            const QJsonObject json = materialise(ledger::wire::encode(r), store, db, result.attachments);
            const QString author = meta.author.isNull() ? meta.credit.people.value(0).toString() : meta.author.toString();
            put(meta.id.toString(), ledger::toString(ledger::kindOf(r)), meta.credit.unit.code(), author, json);
            ++result.records;
        }
        store.audit(db, importer, QStringLiteral("import"), QStringLiteral("demo"),
                    QJsonObject{{QStringLiteral("seed"), qint64(seed)}, {QStringLiteral("records"), result.records},
                                {QStringLiteral("enterprises"), result.enterprises}});
    });
    return result;
}

} // namespace syncserver
