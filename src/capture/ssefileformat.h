#pragma once

#include "recordformat.h"
#include "sseformat.h"

// A `.sse` file: a valid text/event-stream whose parse gives back the same events, types and ids included
// (an id is written when it changes, as the last event ID carries over). Receipt times and sources are not
// part of the stream format and are left out.
class SseFileFormat : public RecordFormat
{
public:
    void append(QByteArray &out, const CapturedEvent &event) override
    {
        m_formatter.appendEvent(out, event.event);
    }

private:
    SseFormatter m_formatter;
};
