// AppSingletons: the objects behind the app's QML singletons (Settings, Format, Session,
// SyncStatus, Scores, ReviewInbox, Trips, ToDo, PoolShares), built over one store and sync client and
// handed to QML
// by install(). main.cpp makes one; so do the tests and the benchmark, to drive the real screens.
#pragma once

#include "draftstore.h"
#include "format.h"
#include "poolshares.h"
#include "reviewinbox.h"
#include "scores.h"
#include "session.h"
#include "settings.h"
#include "syncstatus.h"
#include "todo.h"
#include "trips.h"

#include <QDate>

namespace mobile {

class LocalStore;
class SyncClient;

struct AppSingletons
{
    AppSingletons(LocalStore &store, SyncClient &sync, const ledger::Scheme &scheme, QDate today);
    AppSingletons(const AppSingletons &) = delete;
    AppSingletons &operator=(const AppSingletons &) = delete;
    ~AppSingletons();

    // Makes these the instances QML's singletons return (until the next install or destruction).
    void install();

    DraftStore drafts; // before Session, which hands it to the forms
    Settings settings;
    Format format;
    Session session;
    SyncStatus syncStatus;
    Scores scores;
    ReviewInbox reviewInbox;
    Trips trips;
    ToDo toDo;
    PoolShares poolShares;
};

} // namespace mobile
