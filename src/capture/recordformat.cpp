#include "recordformat.h"

#include "csvformat.h"
#include "ndjsonformat.h"

std::unique_ptr<RecordFormat> RecordFormat::create(const QString &name)
{
    if (name == QLatin1String("ndjson"))
        return std::make_unique<NdjsonFormat>();
    if (name == QLatin1String("csv"))
        return std::make_unique<CsvFormat>();
    return nullptr;
}

QStringList RecordFormat::names()
{
    return {QStringLiteral("ndjson"), QStringLiteral("csv")};
}
