// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordformat.h"

#include "csvformat.h"
#include "jsonarrayformat.h"
#include "ndjsonformat.h"
#include "ssefileformat.h"

void RecordFormat::append(QByteArray &out, const CapturedEvent &event)
{
    const QByteArray source = event.source.toUtf8();
    const QByteArray type = event.event.type.toUtf8();
    const QByteArray id = event.event.id.toUtf8();
    const QByteArray data = event.event.data.toUtf8();
    appendRecord(out, {event.receivedMs, source, type, id, data});
}

std::unique_ptr<RecordFormat> RecordFormat::create(const QString &name)
{
    if (name == QLatin1String("ndjson"))
        return std::make_unique<NdjsonFormat>();
    if (name == QLatin1String("csv"))
        return std::make_unique<CsvFormat>();
    if (name == QLatin1String("json"))
        return std::make_unique<JsonArrayFormat>();
    if (name == QLatin1String("sse"))
        return std::make_unique<SseFileFormat>();
    return nullptr;
}

QStringList RecordFormat::names()
{
    return {QStringLiteral("ndjson"), QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("sse")};
}
