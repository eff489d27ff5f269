#pragma once

#include "recordformat.h"
#include "utctimestamp.h"

// DESIGN.md's NDJSON line: {"time":"…Z","source":"…","event":"…","id":"…","data":"…"}, one per line.
class NdjsonFormat : public RecordFormat
{
public:
    void append(QByteArray &out, const CapturedEvent &event) override;

    // A JSON string literal, quotes included, escaped per RFC 8259 and written as UTF-8.
    static void appendJsonString(QByteArray &out, const QString &text);

private:
    UtcTimestamp m_time;
};
