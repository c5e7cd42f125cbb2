// The self-test.
#include "selftest.h"

#include <QCoreApplication>

#include <cstdio>

namespace mobile {

namespace {
QStringList g_warnings;
QtMessageHandler g_previous = nullptr;

void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_warnings << message;
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

SelfTest::SelfTest(QObject *parent)
    : QObject(parent)
{
    g_warnings.clear();
    g_previous = qInstallMessageHandler(collectWarnings);
}

SelfTest::~SelfTest() { qInstallMessageHandler(g_previous); }

void SelfTest::run(QObject *window, const LocalStore &store)
{
    m_tour = std::make_unique<ScreenshotTour>(window, store, QString());
    connect(m_tour.get(), &ScreenshotTour::finished, this, &SelfTest::finish);
    m_tour->start(1500);
}

void SelfTest::finish()
{
    for (const QString &w : std::as_const(g_warnings))
        fprintf(stderr, "QML WARNING: %s\n", qPrintable(w));
    fprintf(stderr, "self-test: %d pages and %d forms loaded, %lld warnings\n", int(ScreenshotTour::destinations().size()),
            int(ScreenshotTour::formKinds().size()), qsizetype(g_warnings.size()));
    QCoreApplication::exit(g_warnings.isEmpty() ? 0 : 1);
}

} // namespace mobile
