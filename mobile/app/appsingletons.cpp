// The app's singletons, built and installed together.
#include "appsingletons.h"

namespace mobile {

AppSingletons::AppSingletons(LocalStore &store, SyncClient &sync, const ledger::Scheme &scheme, QDate today)
    : drafts(store)
    , settings(scheme, today)
    , format(store, settings)
    , session(store, drafts, sync, format)
    , syncStatus(store, sync, format)
    , scores(store, sync, session, settings, format)
    , reviewInbox(store, sync, format, settings)
    , trips(store)
    , toDo(store, drafts, session, settings, format, scores)
    , poolShares(sync, session, scores)
{
}

AppSingletons::~AppSingletons()
{
    // No engine may be handed an object that is gone.
    if (Settings::isInstance(&settings)) {
        Settings::setInstance(nullptr);
        Format::setInstance(nullptr);
        Session::setInstance(nullptr);
        SyncStatus::setInstance(nullptr);
        Scores::setInstance(nullptr);
        ReviewInbox::setInstance(nullptr);
        Trips::setInstance(nullptr);
        ToDo::setInstance(nullptr);
        PoolShares::setInstance(nullptr);
    }
}

void AppSingletons::install()
{
    Settings::setInstance(&settings);
    Format::setInstance(&format);
    Session::setInstance(&session);
    SyncStatus::setInstance(&syncStatus);
    Scores::setInstance(&scores);
    ReviewInbox::setInstance(&reviewInbox);
    Trips::setInstance(&trips);
    ToDo::setInstance(&toDo);
    PoolShares::setInstance(&poolShares);
}

} // namespace mobile
