// Laying the notice out on A4 pages with Pango and Cairo.
#include "noticepdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace syncserver {

namespace {

// A4 in points, and the type area inside the margins.
constexpr double PageWidth = 595.28, PageHeight = 841.89;
constexpr double Left = 64, Right = PageWidth - 64, Top = 68, Bottom = PageHeight - 70;
constexpr double Width = Right - Left;
constexpr double CellPad = 3;

const char *const IssuerFont = "Noto Serif CJK SC Bold 20";
const char *const TitleFont = "Noto Serif CJK SC Bold 15";
const char *const BodyFont = "Noto Serif CJK SC 11";
const char *const HeadingFont = "Noto Sans CJK SC Bold 11.5";
const char *const TableFont = "Noto Sans CJK SC 7.5";
const char *const TableBoldFont = "Noto Sans CJK SC Bold 7.5";
const char *const SmallFont = "Noto Sans CJK SC 7.5";

struct LayoutDeleter
{
    void operator()(PangoLayout *l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

cairo_status_t appendTo(void *closure, const unsigned char *data, unsigned int length)
{
    static_cast<QByteArray *>(closure)->append(reinterpret_cast<const char *>(data), qsizetype(length));
    return CAIRO_STATUS_SUCCESS;
}

class PdfWriter
{
public:
    explicit PdfWriter(QByteArray *out, const QString &title)
        : m_surface(cairo_pdf_surface_create_for_stream(appendTo, out, PageWidth, PageHeight))
        , m_cr(cairo_create(m_surface))
    {
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE, title.toUtf8().constData());
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "syncserver");
    }
    ~PdfWriter()
    {
        cairo_destroy(m_cr);
        cairo_surface_destroy(m_surface);
    }
    PdfWriter(const PdfWriter &) = delete;
    PdfWriter &operator=(const PdfWriter &) = delete;

    // A layout of `text` in `font`, wrapped at `width` (no wrapping when width <= 0).
    Layout layout(const QString &text, const char *font, double width, PangoAlignment align = PANGO_ALIGN_LEFT) const
    {
        Layout l(pango_cairo_create_layout(m_cr));
        PangoFontDescription *d = pango_font_description_from_string(font);
        pango_layout_set_font_description(l.get(), d);
        pango_font_description_free(d);
        if (width > 0) {
            pango_layout_set_width(l.get(), pango_units_from_double(width));
            pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        }
        pango_layout_set_alignment(l.get(), align);
        const QByteArray utf8 = text.toUtf8();
        pango_layout_set_text(l.get(), utf8.constData(), int(utf8.size()));
        return l;
    }

    static double height(const Layout &l)
    {
        int w = 0, h = 0;
        pango_layout_get_size(l.get(), &w, &h);
        return pango_units_to_double(h);
    }
    static double naturalWidth(const Layout &l)
    {
        int w = 0, h = 0;
        pango_layout_get_size(l.get(), &w, &h);
        return pango_units_to_double(w);
    }

    void draw(const Layout &l, double x, double y, double r = 0, double g = 0, double b = 0)
    {
        cairo_set_source_rgb(m_cr, r, g, b);
        cairo_move_to(m_cr, x, y);
        pango_cairo_show_layout(m_cr, l.get());
    }

    // Room for `h` more points on this page, or a new page.
    void need(double h)
    {
        if (m_y + h > Bottom)
            newPage();
    }

    void newPage()
    {
        pageNumber();
        cairo_show_page(m_cr);
        ++m_page;
        m_y = Top;
    }

    void finish()
    {
        pageNumber();
        cairo_show_page(m_cr);
        cairo_surface_finish(m_surface);
        if (const cairo_status_t s = cairo_surface_status(m_surface); s != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("pdf: ") + cairo_status_to_string(s));
    }

    // A block of text across the type area, moved to the next page whole when it does not fit.
    void block(const QString &text, const char *font, PangoAlignment align = PANGO_ALIGN_LEFT, double spaceAfter = 4,
               double r = 0, double g = 0, double b = 0)
    {
        const Layout l = layout(text, font, Width, align);
        const double h = height(l);
        need(h);
        draw(l, Left, m_y, r, g, b);
        m_y += h + spaceAfter;
    }

    void space(double h) { m_y += h; }

    void rule(double r, double g, double b, double width)
    {
        cairo_set_source_rgb(m_cr, r, g, b);
        cairo_set_line_width(m_cr, width);
        cairo_move_to(m_cr, Left, m_y);
        cairo_line_to(m_cr, Right, m_y);
        cairo_stroke(m_cr);
    }

    void table(const Sheet &sheet);

private:
    void pageNumber()
    {
        const Layout l = layout(QStringLiteral("— %1 —").arg(m_page), SmallFont, Width, PANGO_ALIGN_CENTER);
        draw(l, Left, PageHeight - 48, 0.3, 0.3, 0.3);
    }

    std::vector<double> columnWidths(const Sheet &sheet) const;
    double rowHeight(const QList<Cell> &cells, const std::vector<double> &widths, const char *font) const;
    void row(const QList<Cell> &cells, const std::vector<double> &widths, const char *font, bool shaded);

    cairo_surface_t *m_surface;
    cairo_t *m_cr;
    double m_y = Top;
    int m_page = 1;
};

QString cellText(const Cell &c) { return c.toString(); }

// Each column as wide as its widest cell when the table fits; otherwise the narrow columns keep
// their width and the wide ones share what is left in proportion to their width, their text wrapped.
std::vector<double> PdfWriter::columnWidths(const Sheet &sheet) const
{
    const std::size_t n = std::size_t(sheet.headers.size());
    std::vector<double> natural(n, 0);
    for (std::size_t c = 0; c < n; ++c)
        natural[c] = naturalWidth(layout(sheet.headers[qsizetype(c)], TableBoldFont, -1)) + 2 * CellPad;
    for (qsizetype r = 0; r < sheet.rows.size(); ++r) {
        if (sheet.kindOf(r) == RowKind::Heading)
            continue;
        const QList<Cell> &cells = sheet.rows[r];
        for (std::size_t c = 0; c < n && qsizetype(c) < cells.size(); ++c)
            natural[c] = std::max(natural[c], naturalWidth(layout(cellText(cells[qsizetype(c)]), TableBoldFont, -1)) + 2 * CellPad);
    }
    double total = 0;
    for (double w : natural)
        total += w;
    std::vector<double> widths(n, 0);
    if (total <= Width) {
        for (std::size_t c = 0; c < n; ++c)
            widths[c] = natural[c] * Width / total;
        return widths;
    }
    std::vector<bool> fixed(n, false);
    double remaining = Width;
    std::size_t open = n;
    for (bool changed = true; changed && open > 0;) {
        changed = false;
        const double share = remaining / double(open);
        for (std::size_t c = 0; c < n; ++c) {
            if (!fixed[c] && natural[c] <= share) {
                fixed[c] = true;
                widths[c] = natural[c];
                remaining -= natural[c];
                --open;
                changed = true;
            }
        }
    }
    double wide = 0; // what the columns left open would take unwrapped
    for (std::size_t c = 0; c < n; ++c)
        if (!fixed[c])
            wide += natural[c];
    for (std::size_t c = 0; c < n; ++c)
        if (!fixed[c])
            widths[c] = remaining * natural[c] / wide;
    return widths;
}

double PdfWriter::rowHeight(const QList<Cell> &cells, const std::vector<double> &widths, const char *font) const
{
    double h = 0;
    for (std::size_t c = 0; c < widths.size() && qsizetype(c) < cells.size(); ++c)
        h = std::max(h, height(layout(cellText(cells[qsizetype(c)]), font, widths[c] - 2 * CellPad)));
    return std::max(h, height(layout(QStringLiteral("国"), font, -1))) + 2 * CellPad;
}

void PdfWriter::row(const QList<Cell> &cells, const std::vector<double> &widths, const char *font, bool shaded)
{
    const double h = rowHeight(cells, widths, font);
    double x = Left;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        cairo_rectangle(m_cr, x, m_y, widths[c], h);
        if (shaded) {
            cairo_set_source_rgb(m_cr, 0.85, 0.88, 0.95);
            cairo_fill_preserve(m_cr);
        }
        cairo_set_source_rgb(m_cr, 0.25, 0.25, 0.25);
        cairo_set_line_width(m_cr, 0.5);
        cairo_stroke(m_cr);
        if (qsizetype(c) < cells.size()) {
            const Cell &cell = cells[qsizetype(c)];
            const PangoAlignment align = cell.kind == CellKind::Number ? PANGO_ALIGN_RIGHT
                                         : shaded                      ? PANGO_ALIGN_CENTER
                                                                       : PANGO_ALIGN_LEFT;
            draw(layout(cellText(cell), font, widths[c] - 2 * CellPad, align), x + CellPad, m_y + CellPad);
        }
        x += widths[c];
    }
    m_y += h;
}

void PdfWriter::table(const Sheet &sheet)
{
    const std::vector<double> widths = columnWidths(sheet);
    QList<Cell> header;
    for (const QString &h : sheet.headers)
        header << Cell::ofText(h);
    const double headerHeight = rowHeight(header, widths, TableBoldFont);
    need(headerHeight + 20);
    row(header, widths, TableBoldFont, true);
    for (qsizetype r = 0; r < sheet.rows.size(); ++r) {
        const RowKind kind = sheet.kindOf(r);
        if (kind == RowKind::Heading) {
            const Layout l = layout(sheet.rows[r].value(0).toString(), TableBoldFont, Width - 2 * CellPad);
            const double h = height(l) + 2 * CellPad;
            if (m_y + h > Bottom) {
                newPage();
                row(header, widths, TableBoldFont, true);
            }
            cairo_rectangle(m_cr, Left, m_y, Width, h);
            cairo_set_source_rgb(m_cr, 0.25, 0.25, 0.25);
            cairo_set_line_width(m_cr, 0.5);
            cairo_stroke(m_cr);
            draw(l, Left + CellPad, m_y + CellPad);
            m_y += h;
            continue;
        }
        const char *font = kind == RowKind::Total ? TableBoldFont : TableFont;
        if (m_y + rowHeight(sheet.rows[r], widths, font) > Bottom) {
            newPage();
            row(header, widths, TableBoldFont, true);
        }
        row(sheet.rows[r], widths, font, false);
    }
    m_y += 4;
    for (const QString &note : sheet.footnotes)
        block(note, SmallFont, PANGO_ALIGN_LEFT, 2, 0.2, 0.2, 0.2);
}

} // namespace

QByteArray toPdf(const Notice &notice)
{
    QByteArray out;
    {
        PdfWriter pdf(&out, notice.title);
        // The header of an official notice: the issuer in red, the number, a red rule.
        pdf.block(notice.issuer, IssuerFont, PANGO_ALIGN_CENTER, 8, 0.75, 0.05, 0.05);
        pdf.block(notice.number, BodyFont, PANGO_ALIGN_CENTER, 6);
        // Signed or provisional, where the reader looks first (a provisional notice in red).
        if (!notice.mark.isEmpty()) {
            const bool provisional = notice.mark.startsWith(QStringLiteral("暂定"));
            pdf.block(notice.mark, SmallFont, PANGO_ALIGN_CENTER, 4, provisional ? 0.75 : 0.1, provisional ? 0.05 : 0.45, provisional ? 0.05 : 0.2);
        }
        pdf.rule(0.75, 0.05, 0.05, 1.5);
        pdf.space(18);
        pdf.block(notice.title, TitleFont, PANGO_ALIGN_CENTER, 14);
        for (const QString &p : notice.opening.split(u'\n'))
            pdf.block(p, BodyFont, PANGO_ALIGN_LEFT, 6);
        for (const NoticeSection &s : notice.sections) {
            pdf.space(6);
            pdf.block(s.heading, HeadingFont, PANGO_ALIGN_LEFT, 6);
            for (const QString &p : s.paragraphs)
                pdf.block(QStringLiteral("　　") + p, BodyFont, PANGO_ALIGN_LEFT, 4);
            if (s.table)
                pdf.table(*s.table);
        }
        pdf.space(24);
        pdf.block(notice.issuer, BodyFont, PANGO_ALIGN_RIGHT, 2);
        pdf.block(notice.dateText, BodyFont, PANGO_ALIGN_RIGHT, 16);
        for (const QString &f : notice.footer)
            pdf.block(f, SmallFont, PANGO_ALIGN_LEFT, 2, 0.35, 0.35, 0.35);
        pdf.finish();
    }
    return out;
}

} // namespace syncserver
