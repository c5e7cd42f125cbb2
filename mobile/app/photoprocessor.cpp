// Photos made fit to be proofs.
#include "photoprocessor.h"

#include "errortext.h"
#include "localstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

#include <algorithm>

namespace mobile {

PhotoProcessor::PhotoProcessor(QObject *parent)
    : QObject(parent)
{
}

PhotoProcessor::~PhotoProcessor() = default;

bool PhotoProcessor::isImage(const QString &mimeType)
{
    return mimeType == u"image/jpeg" || mimeType == u"image/png" || mimeType == u"image/webp" || mimeType == u"image/gif"
           || mimeType == u"image/bmp";
}

ledger::Result<PhotoProcessor::Prepared> PhotoProcessor::prepareFile(const QString &path, const QString &folder)
{
    const auto problem = [&path](const QString &why) {
        return ledger::FieldError(QStringLiteral("file"), QCoreApplication::translate("mobile::PhotoProcessor", "无法处理照片 %1：%2")
                                                              .arg(QFileInfo(path).fileName(), why));
    };
    if (!QFileInfo(path).isFile())
        return problem(QCoreApplication::translate("mobile::PhotoProcessor", "文件不存在"));
    QImageReader reader(path);
    // Camera photos are stored sideways with an EXIF orientation; the proof is turned upright.
    reader.setAutoTransform(true);
    if (!reader.canRead())
        return Prepared{path, false, {}}; // not an image Qt reads (PDF, HEIC, …): kept as it is
    const QSize stored = reader.size();
    if (stored.isValid() && std::max(stored.width(), stored.height()) > MaxSide)
        reader.setScaledSize(stored.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio)); // decoded smaller, not decoded whole
    QImage image = reader.read();
    if (image.isNull())
        return problem(reader.errorString());
    if (std::max(image.width(), image.height()) > MaxSide) // no size known before reading
        image = image.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (image.hasAlphaChannel()) {
        // JPEG has no transparency: a transparent screenshot is put on white, not black.
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QImage source = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < flat.height(); ++y) {
            auto *to = reinterpret_cast<QRgb *>(flat.scanLine(y));
            const auto *from = reinterpret_cast<const QRgb *>(source.constScanLine(y));
            for (int x = 0; x < flat.width(); ++x) {
                const int a = qAlpha(from[x]);
                to[x] = qRgb(qRed(from[x]) + (255 - a), qGreen(from[x]) + (255 - a), qBlue(from[x]) + (255 - a));
            }
        }
        image = flat;
    }
    if (!QDir().mkpath(folder))
        return problem(QCoreApplication::translate("mobile::PhotoProcessor", "无法写入文件夹 %1").arg(folder));
    const QString target = QDir(folder).filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".jpg"));
    QImageWriter writer(target, "jpeg");
    writer.setQuality(JpegQuality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return problem(writer.errorString());
    return Prepared{target, true, image.size()};
}

QObject *PhotoProcessor::store() const { return m_store.data(); }

void PhotoProcessor::setStore(QObject *store)
{
    auto *s = qobject_cast<LocalStore *>(store);
    if (s == m_store)
        return;
    m_store = s;
    emit storeChanged();
}

QString PhotoProcessor::folder()
{
    if (!m_folder)
        m_folder = std::make_unique<QTemporaryDir>();
    return m_folder->path();
}

QUrl PhotoProcessor::prepare(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    // Each file in a folder of its own: two photos named alike never overwrite each other.
    const auto prepared = prepareFile(path, QDir(folder()).filePath(QString::number(++m_captures)));
    const QString error = prepared ? QString() : errorText(prepared.error());
    if (error != m_error) {
        m_error = error;
        emit errorChanged();
    }
    return prepared ? QUrl::fromLocalFile(prepared.value().path) : QUrl();
}

QString PhotoProcessor::captureFile()
{
    return QDir(folder()).filePath(QStringLiteral("照片-%1.jpg").arg(++m_captures));
}

QString PhotoProcessor::localUrl(const QString &sha256) const
{
    const QString path = m_store ? m_store->attachmentPath(sha256) : QString();
    return path.isEmpty() ? QString() : QUrl::fromLocalFile(path).toString();
}

} // namespace mobile
