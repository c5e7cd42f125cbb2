// Photos made fit to be proofs: a camera-sized photo comes out with its long side at 2048 pixels,
// as a much smaller JPEG; a photo stored sideways with an EXIF orientation comes out upright;
// small photos keep their size; files that are not images pass through untouched; a missing file
// is refused naming the field.
#include "photoprocessor.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace mobile;

namespace {

// A photo-like picture: smooth shades with grain, which JPEG cannot squeeze to nothing.
QImage photo(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator grain(42);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int g = int(grain.bounded(40));
            line[x] = qRgb((x * 255 / width + g) % 256, (y * 255 / height + g) % 256, (128 + g) % 256);
        }
    }
    return image;
}

// Writes `image` as a JPEG with an EXIF orientation of 6 ("turn 90° clockwise to view"), as a
// phone held upright stores its photos. Qt's writer writes no EXIF, so the APP1 segment is put
// in by hand after the start-of-image marker.
bool writeSideways(const QImage &image, const QString &path)
{
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "JPEG", 95))
        return false;
    const QByteArray tiff = QByteArray("MM\x00\x2a\x00\x00\x00\x08", 8)          // big-endian, IFD0 at 8
                            + QByteArray("\x00\x01", 2)                             // one entry
                            + QByteArray("\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00", 12) // Orientation, SHORT, 1, 6
                            + QByteArray("\x00\x00\x00\x00", 4);                  // no next IFD
    const QByteArray payload = QByteArray("Exif\x00\x00", 6) + tiff;
    const int length = int(payload.size()) + 2;
    const QByteArray app1 = QByteArray("\xff\xe1", 2) + char(length >> 8) + char(length & 0xff) + payload;
    jpeg.insert(2, app1);
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(jpeg) == jpeg.size();
}

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestPhotoProcessor : public QObject
{
    Q_OBJECT

private slots:
    void aCameraPhotoIsScaledAndCompressed()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("IMG_0001.jpg"));
        QImageWriter writer(original, "jpeg");
        writer.setQuality(100);
        QVERIFY(writer.write(photo(4000, 3000)));
        const qint64 originalSize = QFileInfo(original).size();
        QVERIFY2(originalSize > 4 * 1024 * 1024, qPrintable(QString::number(originalSize)));

        const auto prepared = PhotoProcessor::prepareFile(original, dir.filePath(QStringLiteral("out")));
        QVERIFY2(prepared, qPrintable(prepared ? QString() : prepared.error().toString()));
        QVERIFY(prepared.value().processed);
        QCOMPARE(prepared.value().size, QSize(2048, 1536));
        QCOMPARE(QFileInfo(prepared.value().path).fileName(), QStringLiteral("IMG_0001.jpg"));
        QVERIFY(prepared.value().path != original);
        QImageReader back(prepared.value().path);
        QCOMPARE(back.format(), QByteArray("jpeg"));
        QCOMPARE(back.size(), QSize(2048, 1536));
        const qint64 size = QFileInfo(prepared.value().path).size();
        QVERIFY2(size < originalSize / 4, qPrintable(QStringLiteral("%1 of %2").arg(size).arg(originalSize)));
        QVERIFY2(size < 2 * 1024 * 1024, qPrintable(QString::number(size)));
        // The original is left as it was.
        QCOMPARE(QFileInfo(original).size(), originalSize);
        // The same photo processed again gives the same bytes: the same hash, the same proof.
        const auto again = PhotoProcessor::prepareFile(original, dir.filePath(QStringLiteral("again")));
        QVERIFY(again);
        QCOMPARE(sha256Of(again.value().path), sha256Of(prepared.value().path));
    }

    void aPortraitPhotoStoredSidewaysComesOutUpright()
    {
        // Stored landscape, left half red and right half blue, with EXIF "rotate 90° clockwise":
        // upright it is portrait with red on top.
        QImage sideways(400, 300, QImage::Format_RGB32);
        for (int y = 0; y < sideways.height(); ++y)
            for (int x = 0; x < sideways.width(); ++x)
                sideways.setPixel(x, y, x < 200 ? qRgb(220, 0, 0) : qRgb(0, 0, 220));
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("portrait.jpg"));
        QVERIFY(writeSideways(sideways, original));
        QImageReader raw(original);
        QCOMPARE(raw.transformation(), QImageIOHandler::TransformationRotate90);

        const auto prepared = PhotoProcessor::prepareFile(original, dir.filePath(QStringLiteral("out")));
        QVERIFY(prepared);
        QCOMPARE(prepared.value().size, QSize(300, 400));
        QImageReader back(prepared.value().path);
        back.setAutoTransform(false); // the pixels themselves are upright, with no orientation left to apply
        const QImage upright = back.read();
        QCOMPARE(upright.size(), QSize(300, 400));
        QVERIFY(qRed(upright.pixel(150, 50)) > 150 && qBlue(upright.pixel(150, 50)) < 100);
        QVERIFY(qBlue(upright.pixel(150, 350)) > 150 && qRed(upright.pixel(150, 350)) < 100);
    }

    void aLargePortraitPhotoIsScaledUprightUndistorted()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("tall.jpg"));
        QVERIFY(writeSideways(photo(4000, 3000), original));
        const auto prepared = PhotoProcessor::prepareFile(original, dir.filePath(QStringLiteral("out")));
        QVERIFY(prepared);
        QCOMPARE(prepared.value().size, QSize(1536, 2048));
        QCOMPARE(QImageReader(prepared.value().path).size(), QSize(1536, 2048));
    }

    void aSmallPhotoKeepsItsSize()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("screenshot.png"));
        QImage image = photo(800, 600).convertToFormat(QImage::Format_ARGB32);
        image.setPixel(0, 0, qRgba(0, 0, 0, 0)); // transparent: put on white, not black
        QVERIFY(image.save(original));
        const auto prepared = PhotoProcessor::prepareFile(original, dir.filePath(QStringLiteral("out")));
        QVERIFY(prepared);
        QCOMPARE(prepared.value().size, QSize(800, 600));
        QCOMPARE(QFileInfo(prepared.value().path).fileName(), QStringLiteral("screenshot.jpg"));
        const QImage back(prepared.value().path);
        QVERIFY(qRed(back.pixel(0, 0)) > 200 && qGreen(back.pixel(0, 0)) > 200);
    }

    void otherFilesPassThrough()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("投资协议.pdf"));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4\n% the signed agreement\n%%EOF\n");
        f.close();
        const auto prepared = PhotoProcessor::prepareFile(pdf, dir.filePath(QStringLiteral("out")));
        QVERIFY(prepared);
        QCOMPARE(prepared.value().path, pdf);
        QVERIFY(!prepared.value().processed);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out"))));
    }

    void aMissingFileIsRefusedNamingTheField()
    {
        QTemporaryDir dir;
        const auto prepared = PhotoProcessor::prepareFile(dir.filePath(QStringLiteral("gone.jpg")), dir.filePath(QStringLiteral("out")));
        QVERIFY(!prepared);
        QCOMPARE(prepared.error().field, QStringLiteral("file"));
        QVERIFY(prepared.error().message.contains(QStringLiteral("gone.jpg")));

        // Through QML's entry point: an empty URL and the reason in `error`.
        PhotoProcessor processor;
        QVERIFY(processor.prepare(QUrl::fromLocalFile(dir.filePath(QStringLiteral("gone.jpg")))).isEmpty());
        QVERIFY(processor.error().contains(QStringLiteral("gone.jpg")));
    }
};

QTEST_GUILESS_MAIN(TestPhotoProcessor)
#include "tst_photoprocessor.moc"
