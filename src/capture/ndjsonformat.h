#pragma once

#include "recordformat.h"
#include "utctimestamp.h"

// DESIGN.md's NDJSON line: {"time":"…Z","source":"…","event":"…","id":"…","data":"…"}, one per line.
class NdjsonFormat : public RecordFormat
{
public:
    void appendRecord(QByteArray &out, const RecordBytes &record) override;

    // A JSON string literal of UTF-8 text, quotes included, escaped per RFC 8259.
    static void appendJsonString(QByteArray &out, QByteArrayView utf8);

private:
    UtcTimestamp m_time;
};
