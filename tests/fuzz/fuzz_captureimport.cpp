// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureimporter.h"
#include "fuzzcheck.h"
#include "recordformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The capture importer on any file: it imports what it can, counts the rest as malformed with one-line
// reasons, and never loses what it imported on the way back out: exported in a format and imported again,
// the events come back the same (NDJSON keeps everything; `.sse` keeps type, data and id, which is all an
// event stream carries; a JSON array is read back with Qt's JSON parser).

namespace {

QByteArray exportAs(const QString &formatName, const QList<CapturedEvent> &events)
{
    const std::unique_ptr<RecordFormat> format = RecordFormat::create(formatName);
    QByteArray out = format->header();
    for (const CapturedEvent &event : events)
        format->append(out, event);
    out += format->footer();
    return out;
}

void checkResult(const CaptureImporter::Result &result)
{
    FUZZ_CHECK(result.error.isEmpty()); // only a file that cannot be read has one
    FUZZ_CHECK(result.problems.size() <= CaptureImporter::ProblemsKept);
    FUZZ_CHECK(result.problems.size() <= result.malformed);
    for (const QString &problem : result.problems)
        FUZZ_CHECK(!problem.isEmpty() && !problem.contains(u'\n'));
}

bool sameEvent(const CapturedEvent &a, const CapturedEvent &b, bool withSourceAndTime)
{
    return a.event == b.event &&
           (!withSourceAndTime || (a.source == b.source && a.receivedMs == b.receivedMs));
}

void checkJsonArray(const QList<CapturedEvent> &events)
{
    QJsonParseError error;
    const QJsonArray array =
        QJsonDocument::fromJson(exportAs(QStringLiteral("json"), events), &error).array();
    FUZZ_CHECK(error.error == QJsonParseError::NoError);
    FUZZ_CHECK(array.size() == events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject object = array[i].toObject();
        FUZZ_CHECK(object.value(QLatin1String("data")).toString() == events[i].event.data);
        FUZZ_CHECK(object.value(QLatin1String("event")).toString() == events[i].event.type);
        FUZZ_CHECK(object.value(QLatin1String("id")).toString() == events[i].event.id);
        FUZZ_CHECK(object.value(QLatin1String("source")).toString() == events[i].source);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const bool sse = input.takeByte() & 1;
    const QByteArray file = input.rest().toByteArray();
    const QString name = QStringLiteral("fuzz");

    const CaptureImporter::Result imported =
        sse ? CaptureImporter::fromSse(file, name) : CaptureImporter::fromNdjson(file, name);
    checkResult(imported);

    const QString format = sse ? QStringLiteral("sse") : QStringLiteral("ndjson");
    const QByteArray exported = exportAs(format, imported.events);
    const CaptureImporter::Result back =
        sse ? CaptureImporter::fromSse(exported, name) : CaptureImporter::fromNdjson(exported, name);
    checkResult(back);
    FUZZ_CHECK(back.malformed == 0);
    FUZZ_CHECK(back.events.size() == imported.events.size());
    for (qsizetype i = 0; i < imported.events.size(); ++i)
        FUZZ_CHECK(sameEvent(back.events[i], imported.events[i], !sse));
    if (!sse)
        checkJsonArray(imported.events);
    return 0;
}
