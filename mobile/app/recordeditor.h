// RecordEditor: the backend of one open form (QML creates one per form, as Tokodon gives each
// post editor its own). It loads a stored record or starts a new one of a kind (an enterprise is
// the kind "enterprise"), takes the person's edits, attaches files, starts the check-in, and saves
// through the local store, which decodes it with the wire decoder and writes it and its outbox
// entry in one transaction. A refused save names the field and says why in the person's language:
// every field at once — the form's required fields left empty, values the form's inputs could not
// read (markInvalid), the wire decoder's refusal, and the proofs shared/'s recognition rule requires
// (missingEvidence: a record is not submitted without them). What would keep a filled-in record from
// counting (an emerging industry on a trip) is a warning, not a refusal.
// As the person types, the form is kept as a draft (DraftStore, written a moment after the last
// change); opening a record with a draft reopens the draft, saving forgets it.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>

namespace mobile {

class Session;
class Settings;
class Trips;

class RecordEditor : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    // The kind of a new record (visit, trip, lead, …, enterprise); a loaded record's own kind.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    // The stored record edited; empty for a new one (and the new one's id once it is saved).
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    // Fields preset by the form's opener on a new record (a milestone's project, …).
    Q_PROPERTY(QVariantMap defaults READ defaults WRITE setDefaults NOTIFY defaultsChanged)
    // The record as the wire format's JSON.
    Q_PROPERTY(QVariantMap record READ record WRITE setRecord NOTIFY recordChanged)
    // Why the server refused this device's last change of the record; empty when it did not.
    Q_PROPERTY(QString rejectedReason READ rejectedReason NOTIFY recordChanged)
    // The field a refused save named ("amount", "checkIn.accuracyM") and why.
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)
    // The person changed something since the form was opened, saved or kept as a draft.
    Q_PROPERTY(bool dirty READ dirty NOTIFY draftChanged)
    // A draft of this record is kept on the device (reopened, or written as the person typed).
    Q_PROPERTY(bool hasDraft READ hasDraft NOTIFY draftChanged)
    // Every field the last refused save named, top-level key → why (errorField is the first).
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY errorChanged)
    // The form's fields in order (forms.js: {key, type, optional}); the required ones must be filled.
    Q_PROPERTY(QVariantList fields READ fields WRITE setFields NOTIFY fieldsChanged)
    // Filled-in fields that keep the record from counting as they are, key → why (shared/'s rule).
    Q_PROPERTY(QVariantMap warnings READ warnings NOTIFY recordChanged)

public:
    // For QML: its collaborators are the singletons of the engine that creates it.
    explicit RecordEditor(QObject *parent = nullptr);
    RecordEditor(Session &session, Trips &trips, Settings &settings, QObject *parent = nullptr);
    ~RecordEditor() override;

    void classBegin() override;
    void componentComplete() override;

    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    [[nodiscard]] QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);
    [[nodiscard]] QVariantMap defaults() const { return m_defaults; }
    void setDefaults(const QVariantMap &defaults);
    [[nodiscard]] QVariantMap record() const;
    void setRecord(const QVariantMap &record);
    [[nodiscard]] QString rejectedReason() const;
    [[nodiscard]] QString errorField() const { return m_errorField; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] bool dirty() const { return m_dirty; }
    [[nodiscard]] bool hasDraft() const { return m_hasDraft; }

    // How long after the last change the draft is written: typing never waits for the disk.
    static constexpr int DraftDelayMs = 700;
    [[nodiscard]] QVariantMap fieldErrors() const { return m_fieldErrors; }
    [[nodiscard]] QVariantList fields() const { return m_fields; }
    void setFields(const QVariantList &fields);
    [[nodiscard]] QVariantMap warnings() const;

    // Reads the record again: the stored one, or a new one of the kind with the defaults.
    Q_INVOKABLE void load();
    // Sets a top-level field (an empty or undefined value removes it) and clears its error.
    Q_INVOKABLE void setField(const QString &key, const QVariant &value);
    // Validates and saves; false with every problem in fieldErrors (the first also in errorField
    // and errorMessage) when refused. A visit whose check-in is farther from the site than the
    // scheme allows needs farCheckInReason.
    Q_INVOKABLE bool save();
    // Writes the draft now (the person leaves and keeps it); dirty is false afterwards.
    Q_INVOKABLE void keepDraft();
    // Forgets the draft and reads the record again as stored (or new).
    Q_INVOKABLE void discardDraft();
    // An input could not read what the person typed into `key` (an amount "3..5"): the field is
    // marked at once and a save is refused until the field is set again.
    Q_INVOKABLE void markInvalid(const QString &key, const QString &message);
    // Copies a chosen file into the store and appends it to the list `field`; false with the
    // error on that field when the file cannot be kept.
    Q_INVOKABLE bool attach(const QString &field, const QUrl &file);
    // Check-in: gives the controller the position source, the scheme's rules, the person's
    // earlier check-ins and the enterprise's site, and starts it.
    Q_INVOKABLE void prepareCheckIn(QObject *controller, const QString &enterpriseId);
    // What is wrong with a unified social credit code (GB 32100-2015); empty when nothing.
    Q_INVOKABLE [[nodiscard]] QString creditCodeProblem(const QString &code) const;

signals:
    void kindChanged();
    void recordIdChanged();
    void defaultsChanged();
    void recordChanged();
    void errorChanged();
    void fieldsChanged();
    void saved(const QString &id);
    void draftChanged();

private:
    RecordEditor(Session *session, Trips *trips, Settings *settings, QObject *parent);
    // The record from the store or new, without telling anyone (load() tells).
    void read();
    // kind, recordId or defaults changed.
    void changed();
    [[nodiscard]] QJsonObject newRecord() const;
    void setError(const QString &field, const QString &message);
    void writeDraft();
    void setDraftState(bool dirty, bool hasDraft);
    // (field path, why) pairs in the form's order; the first is errorField.
    void setErrors(const QList<QPair<QString, QString>> &errors);
    // Everything that refuses `json` before the store sees it.
    [[nodiscard]] QList<QPair<QString, QString>> problems(const QJsonObject &json) const;

    Session *m_session = nullptr;
    Trips *m_trips = nullptr;
    Settings *m_settings = nullptr;
    bool m_complete = true; // false while QML sets the initial properties
    bool m_loaded = false;  // m_record is the one kind, recordId and defaults say
    QString m_kind;
    QString m_recordId;
    QVariantMap m_defaults;
    QJsonObject m_record;
    QString m_rejectedReason;
    QString m_errorField;
    QString m_errorMessage;
    bool m_dirty = false;
    bool m_hasDraft = false;
    QTimer m_draftTimer;
    QVariantMap m_fieldErrors;
    QVariantList m_fields;
    QHash<QString, QString> m_invalid; // markInvalid: key → why
};

} // namespace mobile
