// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldmapping.h"
#include "fuzzcheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

// Field mapping on any pointer and any event data: a pointer is accepted or named as malformed, resolving
// and extracting never fail on data of any shape, and a sample found has a finite value.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = bytes.indexOf('\n');
    const QString pointer = QString::fromUtf8(newline < 0 ? bytes : bytes.first(newline));
    const QByteArray eventData = newline < 0 ? QByteArray() : bytes.sliced(newline + 1).toByteArray();

    const QString problem = FieldMapping::pointerProblem(pointer);
    FUZZ_CHECK(!problem.contains(u'\n'));
    if (!problem.isEmpty())
        return 0;
    const QJsonDocument document = QJsonDocument::fromJson(eventData);
    const QJsonValue root = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    FieldMapping::resolve(root, pointer);

    const FieldMapping mapping{{pointer}, pointer, pointer};
    if (const std::optional<FieldMapping::Sample> sample = mapping.extract(QString::fromUtf8(eventData), 0))
        FUZZ_CHECK(std::isfinite(sample->value));
    QStringList errors;
    const FieldMapping reread = FieldMapping::fromJson(mapping.toJson(), &errors);
    FUZZ_CHECK(errors.isEmpty() && reread.value == pointer && reread.seriesKey == mapping.seriesKey);
    return 0;
}
