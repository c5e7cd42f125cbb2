// The `ToDo` singleton: what the home page lists for the person to do — drafts to finish, records
// a reviewer returned (with the reason) or the server refused, records of this quarter still
// missing what recognition needs — and the reminders over them: the unit short of 4 valuable leads
// in the last week of a month, a returned record, missing evidence, a draft older than a day.
// Reminders are shown in the app, and sent as the system's notifications by SystemNotifier where the
// platform has a notification service (the freedesktop one on Linux). The lists are worked out when read after a change, never on
// the save path: a save only marks them stale and tells QML a moment later.
#pragma once

#include "qmlsingleton.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

#include <functional>

namespace mobile {

class DraftStore;
class Format;
class LocalStore;
class Scores;
class Session;
class Settings;

class ToDo : public QObject, public QmlSingleton<ToDo>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{type: draft | returned | rejected | evidence, recordId, kind, title, detail, page}]: page is
    // the form that opens it (RecordForm.qml or EnterpriseForm.qml), drafts first (newest first).
    Q_PROPERTY(QVariantList items READ items NOTIFY itemsChanged)
    // [{type: leads | returned | evidence | oldDraft, text}]
    Q_PROPERTY(QVariantList reminders READ reminders NOTIFY itemsChanged)

public:
    ToDo(const LocalStore &store, const DraftStore &drafts, const Session &session, const Settings &settings,
         const Format &format, const Scores &scores, QObject *parent = nullptr);

    [[nodiscard]] QVariantList items() const;
    [[nodiscard]] QVariantList reminders() const;

    // The clock drafts are aged by (tests set one).
    void setClock(std::function<QDateTime()> now);

    // A draft this old is a reminder.
    static constexpr qint64 OldDraftSecs = 24 * 3600;
    // How long after a change QML is told (several saves in a row are one refresh).
    static constexpr int SettleMs = 300;

signals:
    void itemsChanged();

private:
    void stale();
    void refresh() const;

    const LocalStore &m_store;
    const DraftStore &m_drafts;
    const Session &m_session;
    const Settings &m_settings;
    const Format &m_format;
    const Scores &m_scores;
    std::function<QDateTime()> m_now;
    QTimer m_settle;
    mutable bool m_fresh = false;
    mutable QVariantList m_items;
    mutable QVariantList m_reminders;
};

} // namespace mobile
