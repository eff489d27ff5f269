#pragma once

#include "capturedevent.h"

#include <QByteArray>
#include <QStringList>
#include <memory>

// One text format for captured events, written as a header, one record per event and a footer.
// The CLI and the exporters stream through it, so a format is written in one place only.
class RecordFormat
{
public:
    virtual ~RecordFormat() = default;

    virtual QByteArray header() const { return {}; }
    virtual void append(QByteArray &out, const CapturedEvent &event) = 0;
    virtual QByteArray footer() const { return {}; }

    // "ndjson", "csv", "json" (an array) or "sse"; null for any other name.
    static std::unique_ptr<RecordFormat> create(const QString &name);
    static QStringList names();
};
