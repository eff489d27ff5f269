// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <cstdio>

// Runs a fuzz target once over its corpus, as `fuzzer -runs=0 DIR` would, where the build has no libFuzzer
// (any compiler): every file named, or found under a directory named, is one input. A broken property
// aborts, so the test fails on the first input that breaks one; an empty corpus fails too, as a test that
// ran nothing would pass whatever the code did.
int main(int argc, char **argv)
{
    int inputs = 0;
    const auto run = [&inputs](const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(path), qPrintable(file.errorString()));
            std::exit(1);
        }
        const QByteArray bytes = file.readAll();
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
        ++inputs;
    };
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (!QFileInfo(path).isDir()) {
            run(path);
            continue;
        }
        QDirIterator files(path, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext())
            run(files.next());
    }
    std::printf("%d inputs, every check held\n", inputs);
    return inputs > 0 ? 0 : 1;
}
