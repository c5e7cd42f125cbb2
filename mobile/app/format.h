// The `Format` singleton: how the app names things in the person's language — kinds of record,
// units, industries, bonuses — and how it shows dates, numbers, amounts, quantities and a record in
// one line, in the UI's language (not the machine's locale); and how an amount typed in 万元 or 亿元
// becomes the exact decimal in 元 the record stores (AmountField.qml).
// The names come from the scheme (shared/); the tables are properties, so a binding that reads
// one renders again when the language changes.
#pragma once

#include "qmlsingleton.h"

#include <QLocale>
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
    // The UI's language: a binding that calls a method (date(), money()) reads it to render again.
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)

public:
    Format(const LocalStore &store, Settings &settings, QObject *parent = nullptr);

    [[nodiscard]] QVariantMap kindNames() const;
    [[nodiscard]] QVariantMap industryNames() const;
    [[nodiscard]] QVariantMap bonusNames() const;
    // [{key, name, leading}] in the scheme's order.
    [[nodiscard]] QVariantList industries() const;
    // [{code, name}] in the scheme's order.
    [[nodiscard]] QVariantList units() const;
    [[nodiscard]] QString language() const;

    Q_INVOKABLE [[nodiscard]] QString kindName(const QString &kind) const;
    Q_INVOKABLE [[nodiscard]] QString unitName(const QString &code) const;
    Q_INVOKABLE [[nodiscard]] QString industryName(const QString &key) const;
    // The links of an industry's chain, in order.
    Q_INVOKABLE [[nodiscard]] QStringList chain(const QString &industry) const;
    Q_INVOKABLE [[nodiscard]] QString money(const QVariantMap &money) const;
    // A wire date ("2026-11-30") as the person reads it: 2026年11月30日, or 30 Nov 2026 in English;
    // anything that is not a date comes back as it was.
    Q_INVOKABLE [[nodiscard]] QString date(const QString &isoDate) const;
    // The short name of a month and the weekday initials, for the calendar (DateField.qml).
    Q_INVOKABLE [[nodiscard]] QString monthTitle(int year, int month) const;
    Q_INVOKABLE [[nodiscard]] QStringList weekdayNames() const;
    // A number with the language's digit grouping and `decimals` decimals.
    Q_INVOKABLE [[nodiscard]] QString number(double value, int decimals) const;

    // Amounts typed by people. `unit`: "yuan", "wan" (万) or "yi" (亿); `currency`: CNY or USD.
    // The unit as shown beside the field: 万元, 亿美元, …
    Q_INVOKABLE [[nodiscard]] QString amountUnitName(const QString &unit, const QString &currency) const;
    // Typed text in `unit` → {amount: "800000000.00"} (exact, in 元 or dollars, as stored) or
    // {error: why}; grouping commas and spaces are ignored.
    Q_INVOKABLE [[nodiscard]] QVariantMap parseAmount(const QString &text, const QString &unit) const;
    // A stored amount ("800000000.00") written in `unit` ("8"), exactly, without trailing zeros.
    Q_INVOKABLE [[nodiscard]] QString amountIn(const QString &amount, const QString &unit) const;
    // The unit a stored amount reads best in: yi from 1亿, wan from 1万, else yuan.
    Q_INVOKABLE [[nodiscard]] QString bestAmountUnit(const QString &amount) const;
    Q_INVOKABLE [[nodiscard]] QString quantity(const QString &taskId, qint64 quantity) const;
    // A record in one line: its kind and what it is about ("项目节点：签约 · 示范项目").
    Q_INVOKABLE [[nodiscard]] QString describeRecord(const QVariantMap &entity) const;
    Q_INVOKABLE [[nodiscard]] QString describeRecordId(const QString &id) const;

signals:
    void languageChanged();

private:
    [[nodiscard]] bool english() const;
    [[nodiscard]] QLocale locale() const;

    const LocalStore &m_store;
    Settings &m_settings;
};

} // namespace mobile
