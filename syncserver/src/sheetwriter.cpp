// Writing a sheet as CSV and as .xlsx.
#include "sheetwriter.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace syncserver {

// ---- CSV ---------------------------------------------------------------------------------------

namespace {

// A spreadsheet opening the CSV would run a cell starting with these as a formula (tab and CR
// too, which some programs strip before looking).
bool looksLikeFormula(const QString &s)
{
    if (s.isEmpty())
        return false;
    const QChar c = s.front();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

QString csvField(QString s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r')) {
        s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + s + u'"';
    }
    return s;
}

QString csvText(const QString &s) { return csvField(looksLikeFormula(s) ? u'\'' + s : s); }

} // namespace

QByteArray toCsv(const Sheet &sheet)
{
    QString out;
    QStringList fields;
    for (const QString &h : sheet.headers)
        fields << csvText(h);
    out += fields.join(u',') + QStringLiteral("\r\n");
    for (const QList<Cell> &row : sheet.rows) {
        fields.clear();
        for (const Cell &c : row)
            fields << (c.kind == CellKind::Text ? csvText(c.value) : csvField(c.toString()));
        out += fields.join(u',') + QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

// ---- xlsx --------------------------------------------------------------------------------------

namespace {

[[noreturn]] void fail(const char *what, lxw_error error)
{
    throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(error));
}

void check(lxw_error error, const char *what)
{
    if (error != LXW_NO_ERROR)
        fail(what, error);
}

// East Asian wide characters take about two columns of Excel's width unit; a surrogate pair
// (CJK extension B) counts as two halves of one each.
bool isWide(char16_t u)
{
    return (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
           || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
           || (u >= 0xFFE0 && u <= 0xFFE6);
}

int displayWidth(const QString &s)
{
    int widest = 0;
    int line = 0;
    for (const QChar c : s) {
        if (c == u'\n') {
            widest = std::max(widest, line);
            line = 0;
            continue;
        }
        line += isWide(c.unicode()) ? 2 : 1;
    }
    return std::max(widest, line);
}

// How wide a number looks once formatted ("#,##0.00" adds separators and two decimals).
int numberWidth(const Cell &c)
{
    QString whole = c.value.section(u'.', 0, 0);
    const bool negative = whole.startsWith(u'-');
    if (negative)
        whole.remove(0, 1);
    switch (c.format) {
    case NumberFormat::Count: return int(c.value.size());
    case NumberFormat::WanYuan: return int(whole.size() + (whole.size() - 1) / 3 + 3 + (negative ? 1 : 0));
    case NumberFormat::Points: return int(whole.size() + 5 + (negative ? 1 : 0));
    }
    return int(c.value.size());
}

struct WorkbookDeleter
{
    void operator()(lxw_workbook *wb) const { lxw_workbook_free(wb); }
};

// Excel's limit on a sheet name: 31 characters, none of []:*?/\ .
QByteArray sheetName(const QString &title)
{
    QString name;
    for (const QChar c : title)
        if (!QStringView(u"[]:*?/\\").contains(c))
            name += c;
    name = name.trimmed().left(31);
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    while (name.endsWith(u'\''))
        name.chop(1);
    return (name.isEmpty() ? QStringLiteral("Sheet1") : name).toUtf8();
}

// The cell formats of one workbook.
struct Formats
{
    lxw_format *title = nullptr;
    lxw_format *subtitle = nullptr;
    lxw_format *header = nullptr;
    lxw_format *text = nullptr;
    lxw_format *count = nullptr;
    lxw_format *wan = nullptr;
    lxw_format *points = nullptr;
    lxw_format *date = nullptr;
    lxw_format *foot = nullptr;
};

// The body formats in bold are the 合计 row's (`bold`); titles, headers and notes are the same.
Formats addFormats(lxw_workbook *wb, bool bold = false)
{
    Formats f;
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 16);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
    f.subtitle = workbook_add_format(wb);
    format_set_align(f.subtitle, LXW_ALIGN_CENTER);
    format_set_align(f.subtitle, LXW_ALIGN_VERTICAL_CENTER);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f.header);
    format_set_pattern(f.header, LXW_PATTERN_SOLID);
    format_set_bg_color(f.header, 0xD9E1F2);
    const auto bodyFormat = [&](const char *numFormat) {
        lxw_format *body = workbook_add_format(wb);
        if (bold)
            format_set_bold(body);
        format_set_border(body, LXW_BORDER_THIN);
        format_set_align(body, LXW_ALIGN_VERTICAL_CENTER);
        if (numFormat)
            format_set_num_format(body, numFormat);
        return body;
    };
    f.text = bodyFormat(nullptr);
    format_set_text_wrap(f.text);
    f.count = bodyFormat("0");
    f.wan = bodyFormat("#,##0.00");
    f.points = bodyFormat("0.0000");
    f.date = bodyFormat("yyyy-mm-dd");
    format_set_align(f.date, LXW_ALIGN_CENTER);
    f.foot = workbook_add_format(wb);
    return f;
}

// Writes one cell; returns how wide it shows, for the column's width.
int writeCell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const Cell &cell, const Formats &formats)
{
    switch (cell.kind) {
    case CellKind::Empty:
        check(worksheet_write_blank(ws, row, col, formats.text), "cell");
        return 0;
    case CellKind::Text:
        // A string cell is never evaluated, so no formula guard is needed here.
        check(worksheet_write_string(ws, row, col, cell.value.toUtf8().constData(), formats.text), "cell");
        return displayWidth(cell.value);
    case CellKind::Number: {
        // The one place an exact decimal becomes a double: a spreadsheet number is one.
        bool ok = false;
        const double number = cell.value.toDouble(&ok);
        if (!ok)
            throw std::runtime_error("xlsx: not a number: " + cell.value.toStdString());
        lxw_format *f = cell.format == NumberFormat::WanYuan ? formats.wan
                        : cell.format == NumberFormat::Points ? formats.points
                                                              : formats.count;
        check(worksheet_write_number(ws, row, col, number, f), "cell");
        return numberWidth(cell);
    }
    case CellKind::Date: {
        lxw_datetime dt{cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0.0};
        check(worksheet_write_datetime(ws, row, col, &dt, formats.date), "cell");
        return 10;
    }
    }
    return 0;
}

constexpr lxw_row_t TitleRow = 0, SubtitleRow = 1, HeaderRow = 2, FirstDataRow = 3;

// Title, subtitle and header row, then the data rows, each column as wide as its widest cell;
// returns the last row written (the header row when there is no data).
lxw_row_t writeTable(lxw_worksheet *ws, const Sheet &sheet, const Formats &formats, const Formats &totals, lxw_col_t lastCol)
{
    const auto banner = [&](lxw_row_t row, const QString &text, lxw_format *format, const char *what) {
        const QByteArray utf8 = text.toUtf8();
        if (lastCol == 0) // libxlsxwriter refuses to merge a single cell
            check(worksheet_write_string(ws, row, 0, utf8.constData(), format), what);
        else
            check(worksheet_merge_range(ws, row, 0, row, lastCol, utf8.constData(), format), what);
    };
    check(worksheet_set_row(ws, TitleRow, 30, nullptr), "title row");
    banner(TitleRow, sheet.title, formats.title, "title");
    banner(SubtitleRow, sheet.subtitle, formats.subtitle, "subtitle");

    std::vector<int> widths(std::size_t(lastCol) + 1, 0);
    for (qsizetype c = 0; c < sheet.headers.size(); ++c) {
        check(worksheet_write_string(ws, HeaderRow, lxw_col_t(c), sheet.headers[c].toUtf8().constData(), formats.header), "header");
        widths[std::size_t(c)] = displayWidth(sheet.headers[c]);
    }

    lxw_row_t row = FirstDataRow;
    for (qsizetype r = 0; r < sheet.rows.size(); ++r) {
        const QList<Cell> &cells = sheet.rows[r];
        const RowKind kind = sheet.kindOf(r);
        if (kind == RowKind::Heading) { // a block's heading across the whole table, not a column's width
            banner(row++, cells.value(0).toString(), totals.text, "block heading");
            continue;
        }
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const int width = writeCell(ws, row, lxw_col_t(c), cells[c], kind == RowKind::Total ? totals : formats);
            if (std::size_t(c) < widths.size())
                widths[std::size_t(c)] = std::max(widths[std::size_t(c)], width);
        }
        ++row;
    }
    for (std::size_t c = 0; c < widths.size(); ++c)
        check(worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), std::clamp(widths[c] + 2, 6, 50), nullptr), "column width");
    return row - 1;
}

// One sheet of the workbook: the table, its footnotes, and the print setup.
void writeWorksheet(lxw_worksheet *ws, const Sheet &sheet, const Formats &formats, const Formats &totals)
{
    const lxw_col_t lastCol = lxw_col_t(std::max<qsizetype>(sheet.headers.size(), 1) - 1);
    const lxw_row_t lastDataRow = writeTable(ws, sheet, formats, totals, lastCol);
    check(worksheet_autofilter(ws, HeaderRow, 0, lastDataRow, lastCol), "autofilter");
    worksheet_freeze_panes(ws, FirstDataRow, 0);

    lxw_row_t row = lastDataRow + 2; // one blank row between the table and its notes
    for (const QString &note : sheet.footnotes)
        check(worksheet_write_string(ws, row++, 0, note.toUtf8().constData(), formats.foot), "footnote");

    // Printed on A4 landscape, one page wide, the header row repeated on every page.
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, HeaderRow, HeaderRow), "print titles");
}

} // namespace

QByteArray toXlsx(const Sheet &sheet) { return toXlsx(QList<Sheet>{sheet}); }

QByteArray toXlsx(const QList<Sheet> &sheets)
{
    if (sheets.isEmpty())
        throw std::invalid_argument("xlsx: a workbook needs at least one sheet");
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/ledger-export-XXXXXX.xlsx"));
    if (!file.open())
        throw std::runtime_error("xlsx: cannot create a temporary file: " + file.errorString().toStdString());
    file.close(); // libxlsxwriter opens the path itself; the QTemporaryFile removes it afterwards
    const QByteArray path = QFile::encodeName(file.fileName());

    std::unique_ptr<lxw_workbook, WorkbookDeleter> wb(workbook_new(path.constData()));
    if (!wb)
        throw std::runtime_error("xlsx: cannot create the workbook");
    const Formats formats = addFormats(wb.get());
    const Formats totals = addFormats(wb.get(), true);
    QSet<QByteArray> names;
    for (const Sheet &sheet : sheets) {
        QByteArray name = sheetName(sheet.title);
        for (int n = 2; names.contains(name); ++n) // Excel refuses two sheets of one name
            name = sheetName(sheet.title.left(28) + QString::number(n));
        names.insert(name);
        lxw_worksheet *ws = workbook_add_worksheet(wb.get(), name.constData());
        if (!ws)
            throw std::runtime_error("xlsx: cannot add the worksheet \"" + name.toStdString() + "\"");
        writeWorksheet(ws, sheet, formats, totals);
    }

    const lxw_error closed = workbook_close(wb.release()); // frees the workbook whatever happens
    if (closed != LXW_NO_ERROR)
        fail("cannot write the workbook", closed);

    QFile written(file.fileName());
    if (!written.open(QIODevice::ReadOnly))
        throw std::runtime_error("xlsx: cannot read back the workbook: " + written.errorString().toStdString());
    return written.readAll();
}

} // namespace syncserver
