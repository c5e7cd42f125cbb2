// Every page and form of the app fits a phone and a tablet: the real window (Main.qml) over a
// ledger synced from the real syncserver's demo year, shown at 360×800, 412×915 (phones, portrait),
// 800×360 (a phone turned) and 1280×800 (a tablet). On each screen the test walks the item tree and
// fails when a visible item reaches past the window's right edge, when two visible texts are
// painted over each other or a text over a control it is not part of, when a form leaves a field
// taller than its editor, or when a text is cut short ("新乡…") where the person cannot reach the
// whole of it (elision is allowed only inside a row that opens the whole record when tapped).
#include "appsingletons.h"
#include "localstore.h"
#include "networktransport.h"
#include "screenshottour.h"
#include "syncclient.h"

#include "../../support/syncserverprocess.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>

Q_IMPORT_QML_PLUGIN(Ledger_AppPlugin)
Q_IMPORT_QML_PLUGIN(Ledger_PositioningPlugin)

using namespace mobile;
using namespace ledger::test;

namespace {

bool inherits(const QObject *o, const char *className)
{
    for (const QMetaObject *m = o->metaObject(); m; m = m->superClass())
        if (qstrcmp(m->className(), className) == 0)
            return true;
    return false;
}

// Shadows of the style (Material's elevation: shader effects and box shadows) spread past their
// item by design; they are decoration, not content, and are not judged.
bool isDecoration(const QQuickItem *item)
{
    if (inherits(item, "QQuickShaderEffect") || inherits(item, "QQuickShaderEffectSource"))
        return true;
    for (const QMetaObject *m = item->metaObject(); m; m = m->superClass()) {
        const QByteArray name(m->className());
        if (name.startsWith("BoxShadow") || name.startsWith("ElevationEffect") || name.startsWith("RectangularGlow"))
            return true;
    }
    return false;
}

// Where a text is painted, in window coordinates: its lines, as wide and as tall as they are, placed
// by its alignment in its box — wider than the box where the text runs past it (neither wrapped nor
// elided); a label stretched wider or taller than its lines paints only its lines.
QRectF paintedRect(const QQuickItem *text)
{
    const QRectF box = text->mapRectToScene(QRectF(0, 0, text->width(), text->height()));
    const qreal contentWidth = text->property("contentWidth").toReal();
    const qreal contentHeight = std::min(text->property("contentHeight").toReal(), box.height());
    QRectF painted = box;
    painted.setWidth(contentWidth);
    const int align = text->property("effectiveHorizontalAlignment").toInt();
    if (align == Qt::AlignRight)
        painted.moveRight(box.right());
    else if (align == Qt::AlignHCenter)
        painted.moveLeft(box.center().x() - contentWidth / 2);
    const int valign = text->property("verticalAlignment").toInt();
    painted.setHeight(contentHeight);
    if (valign == Qt::AlignBottom)
        painted.moveBottom(box.bottom());
    else if (valign == Qt::AlignVCenter)
        painted.moveTop(box.center().y() - contentHeight / 2);
    return painted;
}

struct Walk
{
    QSizeF window;
    QStringList problems;
    QList<QPair<const QQuickItem *, QRectF>> texts;
    // The controls a person taps or types into (buttons, boxes, fields, rows), where seen.
    QList<QPair<const QQuickItem *, QRectF>> controls;

    static bool isControl(const QQuickItem *item)
    {
        return inherits(item, "QQuickAbstractButton") || inherits(item, "QQuickComboBox") || inherits(item, "QQuickTextField")
               || inherits(item, "QQuickTextArea") || inherits(item, "QQuickSpinBox") || inherits(item, "QQuickSlider");
    }

    // `clip`: the visible part of the window the item's clipping ancestors leave.
    void visit(const QQuickItem *item, QRectF clip, bool inRow)
    {
        if (!item->isVisible() || item->opacity() <= 0.01 || isDecoration(item))
            return;
        const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        const bool text = inherits(item, "QQuickText") && !item->property("text").toString().isEmpty();
        // Only what paints counts; a container is judged by its children.
        const bool paints = text || item->flags().testFlag(QQuickItem::ItemHasContents);
        const QRectF painted = text ? paintedRect(item) : box;
        // Off screen above or below (a list scrolled away), or outside a clipping ancestor: not seen.
        const bool seen = painted.width() > 0.5 && painted.height() > 0.5 && painted.bottom() > clip.top() + 0.5
                          && painted.top() < clip.bottom() - 0.5;
        // A control paints through its background and content items; it is seen where its box is.
        if (isControl(item) && seen && box.left() < clip.right() - 0.5) {
            // Drawn inside its insets (Material's buttons leave room for their shadow).
            const QRectF drawn = box.adjusted(item->property("leftInset").toReal(), item->property("topInset").toReal(),
                                              -item->property("rightInset").toReal(), -item->property("bottomInset").toReal());
            controls.append({item, drawn.intersected(clip)});
        }
        if (paints && seen && painted.left() < clip.right() - 0.5) {
            if (painted.right() > window.width() + 1.0)
                problems << QStringLiteral("%1 reaches x=%2 past the window's right edge (%3)").arg(describe(item)).arg(painted.right()).arg(window.width());
            if (text) {
                texts.append({item, painted.intersected(clip)});
                if (item->property("truncated").toBool() && !inRow)
                    problems << QStringLiteral("%1 is cut short and cannot be read whole").arg(describe(item));
            }
        }
        if (item->clip())
            clip = clip.intersected(box);
        const bool row = inRow || inherits(item, "QQuickItemDelegate");
        for (const QQuickItem *child : item->childItems())
            visit(child, clip, row);
    }

    void checkOverlaps()
    {
        for (qsizetype i = 0; i < texts.size(); ++i)
            for (qsizetype j = i + 1; j < texts.size(); ++j) {
                const QRectF both = texts[i].second.intersected(texts[j].second);
                if (both.width() > 2 && both.height() > 2)
                    problems << QStringLiteral("%1 and %2 are painted over each other").arg(describe(texts[i].first), describe(texts[j].first));
            }
        // A text over a control it is not part of hides the control or is hidden by it.
        for (const auto &[text, textRect] : std::as_const(texts))
            for (const auto &[control, controlRect] : std::as_const(controls)) {
                if (control->isAncestorOf(text))
                    continue;
                const QRectF both = textRect.intersected(controlRect);
                if (both.width() > 2 && both.height() > 2)
                    problems << QStringLiteral("%1 is painted over %2").arg(describe(text), describe(control));
            }
    }

    static QString describe(const QQuickItem *item)
    {
        QString text = item->property("text").toString();
        if (text.isEmpty())
            text = item->objectName();
        const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        return QStringLiteral("%1 「%2」 at (%3,%4 %5×%6; text %7×%8)")
            .arg(QString::fromLatin1(item->metaObject()->className()), text.left(40))
            .arg(r.x(), 0, 'f', 0)
            .arg(r.y(), 0, 'f', 0)
            .arg(r.width(), 0, 'f', 0)
            .arg(r.height(), 0, 'f', 0)
            .arg(item->property("contentWidth").toReal(), 0, 'f', 0)
            .arg(item->property("contentHeight").toReal(), 0, 'f', 0);
    }
};

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        QVERIFY(m_serverDir.isValid() && m_appDir.isValid());
        QByteArray output;
        QCOMPARE(runSyncserver({QStringLiteral("demo"), QStringLiteral("--data"), m_serverDir.path()}, QStringLiteral("demo-2023"), &output), 0);
        m_server = std::make_unique<ServedSyncserver>(m_serverDir.path());

        m_store = std::make_unique<LocalStore>(m_appDir.path());
        QVERIFY(m_store->isOpen());
        m_sync = std::make_unique<SyncClient>(*m_store, m_transport);
        m_app = std::make_unique<AppSingletons>(*m_store, *m_sync, m_scheme, QDate(2023, 12, 15));
        m_app->install();
        // A reviewer of the bureau: every destination, the review inbox too.
        QSignalSpy synced(m_sync.get(), &SyncClient::syncFinished);
        m_app->session.signIn(m_server->url().toString(), QStringLiteral("isb1"), QStringLiteral("demo-2023"));
        QVERIFY(synced.wait(60000));
        QVERIFY(synced.first().first().toBool());

        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->load(QUrl(QStringLiteral("qrc:/qt-project.org/imports/Ledger/App/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        // The scores the home and score pages show.
        QSignalSpy scores(&m_app->scores, &Scores::reportChanged);
        m_app->scores.refresh(4, false);
        QVERIFY(scores.count() > 0 || scores.wait(30000));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_app.reset();
    }

    void fits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("screen");
        const QList<QPair<const char *, QSize>> sizes{
            {"360x800", {360, 800}}, {"412x915", {412, 915}}, {"800x360", {800, 360}}, {"1280x800", {1280, 800}}};
        for (const auto &[name, size] : sizes) {
            for (const QString &key : ScreenshotTour::destinations())
                QTest::addRow("%s %s", name, qPrintable(key)) << size << key;
            for (const QString &kind : ScreenshotTour::formKinds() + QStringList{QStringLiteral("project"), QStringLiteral("referral"), QStringLiteral("enterprise")})
                QTest::addRow("%s form-%s", name, qPrintable(kind)) << size << (QStringLiteral("form-") + kind);
            QTest::addRow("%s signin", name) << size << QStringLiteral("signin");
        }
    }

    void fits()
    {
        QFETCH(QSize, size);
        QFETCH(QString, screen);
        m_window->resize(size);
        QObject *navigator = m_window->property("navigator").value<QObject *>();
        QVERIFY(navigator);
        if (screen == u"signin") {
            QMetaObject::invokeMethod(navigator, "show", Q_ARG(QVariant, QStringLiteral("SignInPage.qml")), Q_ARG(QVariant, QVariantMap()),
                                      Q_ARG(QVariant, false));
        } else if (screen.startsWith(u"form-")) {
            const QString kind = screen.mid(5);
            QMetaObject::invokeMethod(m_window, "go", Q_ARG(QVariant, QStringLiteral("home")));
            const QString page = kind == u"enterprise" ? QStringLiteral("EnterpriseForm.qml") : QStringLiteral("RecordForm.qml");
            const QVariantMap properties = kind == u"enterprise" ? QVariantMap() : QVariantMap{{QStringLiteral("kind"), kind}};
            QMetaObject::invokeMethod(navigator, "open", Q_ARG(QVariant, page), Q_ARG(QVariant, properties));
        } else {
            QMetaObject::invokeMethod(m_window, "go", Q_ARG(QVariant, screen));
        }
        settle();

        Walk walk;
        walk.window = size;
        walk.visit(m_window->contentItem(), QRectF(QPointF(0, 0), QSizeF(size)), false);
        QVERIFY(!walk.controls.isEmpty()); // every screen has something to tap: the walk sees controls
        walk.checkOverlaps();
        // A form's field is as tall as its editor: no gap left under an editor whose height follows
        // the width (the industries' check boxes wrap into more rows on a phone).
        QList<const QQuickItem *> hosts;
        collectNamed(m_window->contentItem(), "editorHost", hosts);
        if (screen.startsWith(u"form-") && screen != u"form-enterprise") // RecordForm's fields
            QVERIFY(!hosts.isEmpty());
        for (const QQuickItem *host : std::as_const(hosts)) {
            const auto *editor = host->property("item").value<QQuickItem *>();
            if (host->isVisible() && editor && std::abs(host->height() - editor->implicitHeight()) > 1)
                walk.problems << QStringLiteral("the field %1 is %2 px tall, its editor %3 px")
                                     .arg(host->parentItem()->property("key").toString())
                                     .arg(host->height())
                                     .arg(editor->implicitHeight());
        }
        if (!walk.problems.isEmpty())
            QFAIL(qPrintable(walk.problems.join(QLatin1Char('\n'))));
    }

    // In English the scheme's industries are named in English wherever a list shows them (the
    // enterprise list, the picker's rows, the investment map), not in the scheme's Chinese.
    void industriesInTheUiLanguage()
    {
        m_window->resize(QSize(1280, 800));
        m_app->settings.setLanguage(QStringLiteral("en"));
        for (const QString &screen : {QStringLiteral("enterprises"), QStringLiteral("map")}) {
            QMetaObject::invokeMethod(m_window, "go", Q_ARG(QVariant, screen));
            settle();
            QStringList texts;
            collectTexts(m_window->contentItem(), texts);
            // A list row names the industry as one part of "code · industry · link"; the map heads
            // each industry's block with its name. Enterprise names are data, left as entered.
            QStringList parts;
            for (const QString &text : std::as_const(texts))
                parts << text.split(QStringLiteral(" · "));
            int english = 0;
            for (const ledger::Industry &i : m_scheme.industries) {
                for (const QString &part : std::as_const(parts))
                    QVERIFY2(!part.startsWith(i.name), qPrintable(screen + QStringLiteral(": ") + part));
                english += std::count_if(parts.cbegin(), parts.cend(), [&i](const QString &p) { return p.startsWith(i.nameEn); }) > 0 ? 1 : 0;
            }
            QVERIFY2(english > 0, qPrintable(screen + QStringLiteral(": no industry named in English")));
        }
        m_app->settings.setLanguage(QStringLiteral("zh_CN"));
    }

private:
    static void collectTexts(const QQuickItem *item, QStringList &texts)
    {
        if (!item->isVisible())
            return;
        if (::inherits(item, "QQuickText"))
            texts << item->property("text").toString();
        for (const QQuickItem *child : item->childItems())
            collectTexts(child, texts);
    }

    static void collectNamed(const QQuickItem *item, const char *name, QList<const QQuickItem *> &found)
    {
        if (!item->isVisible())
            return;
        if (item->objectName() == QLatin1String(name))
            found << item;
        for (const QQuickItem *child : item->childItems())
            collectNamed(child, name, found);
    }

    // Lets the stack's transition end and layouts settle.
    void settle()
    {
        QObject *stack = m_window->property("navigator").value<QObject *>()->property("stack").value<QObject *>();
        QTRY_VERIFY_WITH_TIMEOUT(!stack->property("busy").toBool(), 5000);
        QTest::qWait(150);
    }

    const ledger::Scheme m_scheme = ledger::scheme2023();
    QTemporaryDir m_serverDir;
    QTemporaryDir m_appDir;
    std::unique_ptr<ServedSyncserver> m_server;
    std::unique_ptr<LocalStore> m_store;
    NetworkTransport m_transport;
    std::unique_ptr<SyncClient> m_sync;
    std::unique_ptr<AppSingletons> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
