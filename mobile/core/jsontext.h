// The local store keeps JSON as compact text in its columns: objects (entities) and string lists
// (an outbox entry's changed fields). These read and write that text.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mobile {

inline QByteArray jsonText(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
inline QByteArray jsonText(const QStringList &list) { return QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact); }
inline QJsonObject objectFrom(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

inline QStringList listFrom(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

} // namespace mobile
