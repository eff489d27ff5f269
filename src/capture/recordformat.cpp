#include "recordformat.h"

#include "csvformat.h"
#include "jsonarrayformat.h"
#include "ndjsonformat.h"
#include "ssefileformat.h"

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
