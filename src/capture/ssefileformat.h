// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordformat.h"
#include "sseformat.h"

// A `.sse` file: a valid text/event-stream whose parse gives back the same events, types and ids included
// (an id is written when it changes, as the last event ID carries over). Receipt times and sources are not
// part of the stream format and are left out.
class SseFileFormat : public RecordFormat
{
public:
    void appendRecord(QByteArray &out, const RecordBytes &record) override
    {
        m_formatter.appendEvent(out, SseEventView{record.type, record.data, record.id});
    }

private:
    SseFormatter m_formatter;
};
