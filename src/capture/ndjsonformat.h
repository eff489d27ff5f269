// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordformat.h"
#include "utctimestamp.h"

// DESIGN.md's NDJSON line: {"time":"…Z","source":"…","event":"…","id":"…","data":"…"}, one per line.
class NdjsonFormat : public RecordFormat
{
public:
    void appendRecord(QByteArray &out, const RecordBytes &record) override;

private:
    UtcTimestamp m_time;
};
