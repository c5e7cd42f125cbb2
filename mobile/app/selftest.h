// SelfTest (ledgerapp --self-test): loads every page and form of the window through the screen
// tour and fails on any QML warning (the ctest ledgerapp_selftest).
#pragma once

#include "screenshottour.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace mobile {

class LocalStore;

class SelfTest : public QObject
{
    Q_OBJECT

public:
    // Collects every warning from now on (make it before the QML is loaded).
    explicit SelfTest(QObject *parent = nullptr);
    ~SelfTest() override;

    // Tours the window; then reports the warnings on stderr and exits the application with 0 when
    // there were none, 1 otherwise.
    void run(QObject *window, const LocalStore &store);

private:
    void finish();

    std::unique_ptr<ScreenshotTour> m_tour;
};

} // namespace mobile
