// The fuzz targets' main when libFuzzer is not linked (gcc builds: dev and asan): runs every file
// of the given files and folders through LLVMFuzzerTestOneInput once, so the seed corpus and the
// inputs that once crashed are replayed in every build, under the sanitizers in the asan one.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

void replay(const QString &path, int &count)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "replay: cannot read %s\n", qPrintable(path));
        std::exit(2);
    }
    const QByteArray bytes = f.readAll();
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
    ++count;
}

} // namespace

int main(int argc, char **argv)
{
    int count = 0;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            QDirIterator it(arg, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                replay(it.next(), count);
        } else {
            replay(arg, count);
        }
    }
    if (count == 0) {
        std::fprintf(stderr, "replay: no input given\n");
        return 2;
    }
    std::printf("replay: %d inputs, no failure\n", count);
    return 0;
}
