// PhotoProcessor: makes a photo fit to be a proof before it is hashed and kept — turned upright as
// its EXIF orientation says, scaled so its long side is at most MaxSide pixels, and saved as JPEG
// at JpegQuality (a 12 MB camera photo becomes a few hundred KB, still legible). Files that are not
// images (PDF, Word, …) pass through unchanged. QML makes one per proof field (`store`: the
// device's LocalStore, for the thumbnails of proofs already attached).
#pragma once

#include "ledger/result.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSize>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace mobile {

class LocalStore;

class PhotoProcessor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // Why the last prepare() failed; empty when it did not.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    static constexpr int MaxSide = 2048;
    static constexpr int JpegQuality = 85;

    struct Prepared
    {
        QString path;           // the file to attach: the processed copy, or the original
        bool processed = false; // an image that was re-encoded
        QSize size;             // its pixels, when it is an image
    };

    explicit PhotoProcessor(QObject *parent = nullptr);
    ~PhotoProcessor() override;

    // Processes the file at `path` into `folder` (named as the original, with .jpg). The error
    // names "file" and says why (an image that cannot be decoded, a folder that cannot be written).
    [[nodiscard]] static ledger::Result<Prepared> prepareFile(const QString &path, const QString &folder);
    // Whether files of this MIME type are shown as pictures (thumbnails, the full-size view).
    Q_INVOKABLE [[nodiscard]] static bool isImage(const QString &mimeType);

    [[nodiscard]] QObject *store() const;
    void setStore(QObject *store);
    [[nodiscard]] QString error() const { return m_error; }

    // For QML: the file to attach for a chosen or captured file (a processed copy in this
    // object's temporary folder for an image); an empty URL with error set on failure.
    Q_INVOKABLE QUrl prepare(const QUrl &file);
    // Where the camera should write its next photo (in this object's temporary folder).
    Q_INVOKABLE [[nodiscard]] QString captureFile();
    // The file URL of an attachment kept on this device; empty when it is not here.
    Q_INVOKABLE [[nodiscard]] QString localUrl(const QString &sha256) const;

signals:
    void storeChanged();
    void errorChanged();

private:
    [[nodiscard]] QString folder();

    QPointer<LocalStore> m_store;
    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_error;
    int m_captures = 0;
};

} // namespace mobile
