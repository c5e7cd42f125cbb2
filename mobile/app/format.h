// The `Format` singleton: how the app names things in the person's language — kinds of record,
// units, industries, bonuses — and how it shows amounts, quantities and a record in one line.
// The names come from the scheme (shared/); the tables are properties, so a binding that reads
// one renders again when the language changes.
#pragma once

#include "qmlsingleton.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace mobile {

class LocalStore;
class Settings;

class Format : public QObject, public QmlSingleton<Format>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Every table follows the language: the bindings that read one read it again.
    Q_PROPERTY(QVariantMap kindNames READ kindNames NOTIFY languageChanged)
    Q_PROPERTY(QVariantMap industryNames READ industryNames NOTIFY languageChanged)
    Q_PROPERTY(QVariantMap bonusNames READ bonusNames NOTIFY languageChanged)
    Q_PROPERTY(QVariantList industries READ industries NOTIFY languageChanged)
    Q_PROPERTY(QVariantList units READ units NOTIFY languageChanged)

public:
    Format(const LocalStore &store, Settings &settings, QObject *parent = nullptr);

    [[nodiscard]] QVariantMap kindNames() const;
    [[nodiscard]] QVariantMap industryNames() const;
    [[nodiscard]] QVariantMap bonusNames() const;
    // [{key, name, leading}] in the scheme's order.
    [[nodiscard]] QVariantList industries() const;
    // [{code, name}] in the scheme's order.
    [[nodiscard]] QVariantList units() const;

    Q_INVOKABLE [[nodiscard]] QString kindName(const QString &kind) const;
    Q_INVOKABLE [[nodiscard]] QString unitName(const QString &code) const;
    Q_INVOKABLE [[nodiscard]] QString industryName(const QString &key) const;
    // The links of an industry's chain, in order.
    Q_INVOKABLE [[nodiscard]] QStringList chain(const QString &industry) const;
    Q_INVOKABLE [[nodiscard]] QString money(const QVariantMap &money) const;
    Q_INVOKABLE [[nodiscard]] QString quantity(const QString &taskId, qint64 quantity) const;
    // A record in one line: its kind and what it is about ("项目节点：签约 · 示范项目").
    Q_INVOKABLE [[nodiscard]] QString describeRecord(const QVariantMap &entity) const;
    Q_INVOKABLE [[nodiscard]] QString describeRecordId(const QString &id) const;

signals:
    void languageChanged();

private:
    [[nodiscard]] bool english() const;

    const LocalStore &m_store;
    Settings &m_settings;
};

} // namespace mobile
