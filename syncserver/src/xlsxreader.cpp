// The workbook's parts: xl/workbook.xml and its relationships name the sheets' parts,
// xl/sharedStrings.xml holds the text most cells point at, each worksheet its rows.
#include "xlsxreader.h"

#include "http.h"

#include <QHash>
#include <QXmlStreamReader>

#include <memory>
#include <zip.h>

namespace syncserver {

namespace {

HttpError badXlsx(const QString &message)
{
    return HttpError{422, QStringLiteral("bad_xlsx"), message, QStringLiteral("file")};
}

class Archive
{
public:
    Archive(const QByteArray &bytes, qint64 maxPartBytes)
        : m_maxPartBytes(maxPartBytes)
    {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t *source = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
        if (source)
            m_zip = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!m_zip) {
            if (source)
                zip_source_free(source);
            const QString why = QString::fromUtf8(zip_error_strerror(&error));
            zip_error_fini(&error);
            throw badXlsx(QStringLiteral("not a readable .xlsx workbook: %1").arg(why));
        }
        zip_error_fini(&error);
    }
    ~Archive() { zip_discard(m_zip); }
    Archive(const Archive &) = delete;
    Archive &operator=(const Archive &) = delete;

    [[nodiscard]] bool has(const QString &name) const { return zip_name_locate(m_zip, name.toUtf8().constData(), 0) >= 0; }

    // The part unpacked; read in chunks with a cap, since the sizes a zip states can lie.
    [[nodiscard]] QByteArray part(const QString &name) const
    {
        zip_file_t *f = zip_fopen(m_zip, name.toUtf8().constData(), 0);
        if (!f)
            throw badXlsx(QStringLiteral("the workbook has no part %1").arg(name));
        QByteArray out;
        char buffer[65536];
        for (;;) {
            const zip_int64_t n = zip_fread(f, buffer, sizeof buffer);
            if (n < 0) {
                zip_fclose(f);
                throw badXlsx(QStringLiteral("the part %1 cannot be unpacked").arg(name));
            }
            if (n == 0)
                break;
            if (out.size() + n > m_maxPartBytes) {
                zip_fclose(f);
                throw badXlsx(QStringLiteral("the part %1 unpacks to more than %2 bytes").arg(name).arg(m_maxPartBytes));
            }
            out.append(buffer, qsizetype(n));
        }
        zip_fclose(f);
        return out;
    }

private:
    zip_t *m_zip = nullptr;
    qint64 m_maxPartBytes;
};

void checkXml(const QXmlStreamReader &xml, const QString &part)
{
    if (xml.hasError())
        throw badXlsx(QStringLiteral("%1 is not well-formed XML (line %2): %3").arg(part).arg(xml.lineNumber()).arg(xml.errorString()));
}

// The text of an <si> or <is>: its <t>, or its rich-text runs' <t>s; phonetic hints (<rPh>) left out.
QString stringItem(QXmlStreamReader &xml)
{
    const QString end = xml.name().toString();
    QString text;
    int phonetic = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"rPh")
                ++phonetic;
            else if (xml.name() == u"t" && phonetic == 0)
                text += xml.readElementText();
        } else if (xml.isEndElement()) {
            if (xml.name() == u"rPh")
                --phonetic;
            else if (xml.name() == end)
                break;
        }
    }
    return text;
}

QStringList sharedStrings(const Archive &zip)
{
    const QString name = QStringLiteral("xl/sharedStrings.xml");
    QStringList out;
    if (!zip.has(name))
        return out;
    QXmlStreamReader xml(zip.part(name));
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"si")
            out << stringItem(xml);
    }
    checkXml(xml, name);
    return out;
}

// "B12" → column 1 (0-based); -1 when it names no column.
int columnOf(QStringView ref)
{
    int col = 0;
    qsizetype i = 0;
    for (; i < ref.size() && ref[i] >= u'A' && ref[i] <= u'Z'; ++i)
        col = col * 26 + (ref[i].unicode() - u'A' + 1);
    return i == 0 || col > 16384 ? -1 : col - 1;
}

SourceTable worksheet(const Archive &zip, const QString &part, const QString &name, const QStringList &strings)
{
    SourceTable table;
    table.sheet = name;
    QXmlStreamReader xml(zip.part(part));
    SourceRow *row = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"row") {
            const int number = xml.attributes().value(QLatin1StringView("r")).toInt();
            table.rows.append(SourceRow{number > 0 ? number : int(table.rows.size()) + 1, {}});
            row = &table.rows.last();
        } else if (xml.name() == u"c" && row) {
            const QXmlStreamAttributes a = xml.attributes();
            const QString type = a.value(QLatin1StringView("t")).toString();
            int col = columnOf(a.value(QLatin1StringView("r")));
            if (col < 0)
                col = int(row->cells.size());
            SourceCell cell;
            QString value;
            bool hasValue = false;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == u"v") {
                    value = xml.readElementText();
                    hasValue = true;
                } else if (xml.isStartElement() && xml.name() == u"is") {
                    value = stringItem(xml);
                    hasValue = true;
                } else if (xml.isEndElement() && xml.name() == u"c") {
                    break;
                }
            }
            if (!hasValue)
                continue;
            if (type == u"s") {
                bool ok = false;
                const int index = value.toInt(&ok);
                if (!ok || index < 0 || index >= strings.size())
                    throw badXlsx(QStringLiteral("%1 row %2 points at shared string %3, which does not exist").arg(name).arg(row->number).arg(value));
                cell.text = strings[index];
            } else if (type == u"inlineStr" || type == u"str" || type == u"d") {
                cell.text = value;
            } else if (type == u"b") {
                cell.text = value == u"1" ? QStringLiteral("是") : QStringLiteral("否");
            } else if (type == u"e") {
                cell.text = value; // #N/A, #VALUE!: left as they are, so the importer names them
            } else {
                cell.text = value;
                cell.isNumber = true;
            }
            if (row->cells.size() <= col)
                row->cells.resize(col + 1);
            row->cells[col] = cell;
        }
    }
    checkXml(xml, part);
    return table;
}

} // namespace

QList<SourceTable> readXlsx(const QByteArray &bytes, qint64 maxPartBytes)
{
    const Archive zip(bytes, maxPartBytes);
    const QString workbookPart = QStringLiteral("xl/workbook.xml");
    if (!zip.has(workbookPart))
        throw badXlsx(QStringLiteral("a zip file, but not an .xlsx workbook (it has no xl/workbook.xml)"));

    QHash<QString, QString> targets; // relationship id → part
    const QString relsPart = QStringLiteral("xl/_rels/workbook.xml.rels");
    {
        QXmlStreamReader xml(zip.part(relsPart));
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"Relationship") {
                QString target = xml.attributes().value(QLatin1StringView("Target")).toString();
                target = target.startsWith(u'/') ? target.mid(1) : QStringLiteral("xl/") + target;
                targets.insert(xml.attributes().value(QLatin1StringView("Id")).toString(), target);
            }
        }
        checkXml(xml, relsPart);
    }
    QList<std::pair<QString, QString>> sheets; // name, part
    {
        QXmlStreamReader xml(zip.part(workbookPart));
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"sheet") {
                QString rid;
                for (const QXmlStreamAttribute &a : xml.attributes())
                    if (a.name() == u"id") // r:id, whatever the prefix
                        rid = a.value().toString();
                const QString part = targets.value(rid);
                if (part.isEmpty())
                    throw badXlsx(QStringLiteral("the workbook names a sheet without a part"));
                sheets.append(std::pair{xml.attributes().value(QLatin1StringView("name")).toString(), part});
            }
        }
        checkXml(xml, workbookPart);
    }
    if (sheets.isEmpty())
        throw badXlsx(QStringLiteral("the workbook has no worksheet"));
    const QStringList strings = sharedStrings(zip);
    QList<SourceTable> out;
    for (const auto &[name, part] : std::as_const(sheets))
        out.append(worksheet(zip, part, name, strings));
    return out;
}

} // namespace syncserver
