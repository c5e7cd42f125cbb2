// Bringing the office's existing ledgers in: a CSV (csvreader.h) or .xlsx (xlsxreader.h) file whose
// header row is one of the tables this project exports (签约/落地/开工/在谈项目表, 招商信息台账,
// 到位资金台账) becomes records waiting for review, credited as the row says. Enterprises are
// matched by unified social credit code (else by name) or created; people by name within the
// row's unit; projects by enterprise and name. The 合计 row, and what our own exports list below it
// (records waiting, returned or revoked, and the notes), are skipped. Every row is accepted,
// refused (with the column and the reason) or skipped; one refused row and nothing is written.
// What was written carries, in its audit entry, who imported it and from which file and row.
#pragma once

#include "accounts.h"
#include "store.h"

#include "ledger/scheme.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace syncserver {

struct ImportLimits
{
    qint64 maxBytes = 16 * 1024 * 1024; // the file
    int maxRows = 20000;                // rows read, over every sheet
};

enum class ImportRowStatus { Accepted, Refused, Skipped };

struct ImportRow
{
    QString sheet;   // the worksheet, empty for a CSV file
    int row = 0;     // as Excel numbers it
    ImportRowStatus status = ImportRowStatus::Accepted;
    QString table;   // the table key it was read as ("signed_projects", …)
    QString what;    // accepted: what it becomes ("签约项目「…」"); skipped: why
    // refused: the one error shape's members; `field` is the column's header ("统一社会信用代码")
    QString code;
    QString message;
    QString field;
};

struct ImportReport
{
    QString file;
    QString sha256;
    QString encoding;    // "UTF-8", "GB18030" or "xlsx"
    bool dryRun = false;
    bool written = false; // the records are in the ledger
    int accepted = 0;
    int refused = 0;
    int skipped = 0;
    int records = 0;     // records the accepted rows make (a signed row may make a project and its signing)
    int enterprises = 0; // enterprises created
    QList<ImportRow> rows;

    [[nodiscard]] QJsonObject toJson() const;
};

class Importer
{
public:
    Importer(Store &store, const ledger::Scheme &scheme, ImportLimits limits = {});

    // Reads the file and, unless `dryRun` or a row is refused, writes every record it makes in one
    // transaction. Only a reviewer imports (HttpError 403). A file that cannot be read as a whole
    // (size, encoding, no known header row, a column no table has, too many rows) throws HttpError
    // 413/422 naming the file or the column, and nothing is written.
    [[nodiscard]] ImportReport run(const User &importer, const QString &deviceId, const QString &fileName, const QByteArray &bytes,
                                   bool dryRun);

private:
    Store &m_store;
    const ledger::Scheme &m_scheme;
    ImportLimits m_limits;
};

} // namespace syncserver
