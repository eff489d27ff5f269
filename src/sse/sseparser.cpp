// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseparser.h"

#include "utf8decoder.h"

#include <QtAlgorithms>
#include <cstring>
#include <limits>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace {

constexpr char Cr = '\r';
constexpr char Lf = '\n';
constexpr QByteArrayView Bom("\xEF\xBB\xBF");

bool allAsciiDigits(const char *value, qsizetype size)
{
    if (size == 0)
        return false;
    for (qsizetype i = 0; i < size; ++i) {
        if (value[i] < '0' || value[i] > '9')
            return false;
    }
    return true;
}

int parseRetry(const char *value, qsizetype size)
{
    constexpr qint64 Max = std::numeric_limits<int>::max();
    qint64 result = 0;
    for (qsizetype i = 0; i < size && result <= Max; ++i)
        result = result * 10 + (value[i] - '0');
    return int(qMin(result, Max));
}

// Reuses the buffer's capacity, so repeated fields cost no allocation (the buffers are never shared).
void assignBytes(QByteArray &target, const char *bytes, qsizetype size)
{
    target.resize(size);
    std::memcpy(target.data(), bytes, size_t(size));
}

// A field name against a literal of the same length, already checked: a compare the compiler inlines.
template<size_t N> bool nameIs(QByteArrayView name, const char (&literal)[N])
{
    return std::memcmp(name.data(), literal, N - 1) == 0;
}

// The first CR or LF in [p, end), or null. Lines are short in most streams, where a call to memchr per
// line end (and another for CR) costs more than the scan itself; sixteen bytes at a time where SSE2 is.
const char *findLineEnd(const char *p, const char *const end)
{
#ifdef __SSE2__
    const __m128i lf = _mm_set1_epi8(Lf);
    const __m128i cr = _mm_set1_epi8(Cr);
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int ends =
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, lf), _mm_cmpeq_epi8(bytes, cr)));
        if (ends != 0)
            return p + qCountTrailingZeroBits(uint(ends));
    }
#endif
    for (; p < end; ++p) {
        if (*p == Lf || *p == Cr)
            return p;
    }
    return nullptr;
}

// Field names are a few bytes long: a loop finds the colon sooner than a call to memchr.
const char *findColon(const char *p, const char *const end)
{
    for (; p < end; ++p) {
        if (*p == ':')
            return p;
    }
    return nullptr;
}

QString sizeText(qsizetype bytes)
{
    return QString::number(bytes) + QStringLiteral(" bytes");
}

} // namespace

SseParser::SseParser(SseParserSink *sink)
    : m_sink(sink)
{}

void SseParser::restart()
{
    m_lineBuffered = false;
    m_skipLeadingLf = false;
    m_atStreamStart = true;
    m_discardingLine = false;
    m_discardingEvent = false;
    dropEvent();
    m_idPending = false; // an id field of an event that was never dispatched does not count
}

QString SseParser::lastEventId() const
{
    return decodeUtf8(m_lastEventIdBytes.constData(), m_lastEventIdBytes.size());
}

void SseParser::setLastEventId(const QString &id)
{
    const QByteArray bytes = id.toUtf8();
    assignBytes(m_lastEventIdBytes, bytes.constData(), bytes.size());
    m_idPending = false;
}

bool SseParser::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return true;
    if (!parseLines(bytes.data(), bytes.data() + bytes.size()))
        return false;
    if (m_hasData)
        ownData(); // the chunk goes away when this returns; the pending event's data must not
    return true;
}

bool SseParser::parseLines(const char *p, const char *const end)
{
    while (p < end) {
        if (m_skipLeadingLf) {
            m_skipLeadingLf = false;
            if (*p == Lf) {
                ++p;
                continue;
            }
        }
        const char *lineEnd = findLineEnd(p, end);
        if (!lineEnd)
            return appendPartialLine(p, end - p);

        const qsizetype size = lineEnd - p;
        bool goOn = true;
        if (m_discardingLine) {
            m_discardingLine = false; // the rest of an over-long line is dropped; the next line counts
        } else if (partialLineSize() + size > m_maxLineSize) {
            goOn = rejectLongLine();
        } else if (!m_lineBuffered) {
            goOn = processLine(p, size); // the common case: the whole line is in this chunk, no copy
        } else {
            m_partialLine.append(p, size);
            m_lineBuffered = false; // complete now; its bytes stay until the next split line begins
            goOn = processLine(m_partialLine.constData(), m_partialLine.size());
        }
        if (!goOn)
            return false;

        p = lineEnd + 1;
        if (*lineEnd == Cr) {
            if (p < end) {
                if (*p == Lf)
                    ++p;
            } else {
                m_skipLeadingLf = true;
            }
        }
    }
    return true;
}

bool SseParser::appendPartialLine(const char *bytes, qsizetype size)
{
    if (m_discardingLine)
        return true;
    if (partialLineSize() + size > m_maxLineSize) {
        m_discardingLine = true; // until the line's end arrives
        return rejectLongLine();
    }
    if (!m_lineBuffered) {
        if (m_hasData)
            ownData(); // the pending data may be a view of the last split line, about to be overwritten
        m_partialLine.resize(0);
        m_lineBuffered = true;
    }
    m_partialLine.append(bytes, size);
    return true;
}

bool SseParser::rejectLongLine()
{
    m_lineBuffered = false;
    m_atStreamStart = false; // a rejected first line still ends the place where a BOM may stand
    m_discardingEvent = true;
    m_hasData = false;
    // How much of the line had arrived depends on where the chunks split, so the message leaves it out:
    // the same stream reports the same way however it comes.
    return m_sink->limitExceeded(QStringLiteral("a line longer than the limit of %1; its event is discarded")
                                     .arg(sizeText(m_maxLineSize)));
}

bool SseParser::processLine(const char *line, qsizetype size)
{
    if (m_atStreamStart) {
        m_atStreamStart = false;
        if (QByteArrayView(line, size).startsWith(Bom)) {
            line += Bom.size();
            size -= Bom.size();
        }
    }
    if (size == 0)
        return dispatch();
    if (line[0] == ':') {
        qsizetype skip = (size > 1 && line[1] == ' ') ? 2 : 1;
        return m_sink->commentParsed(QByteArrayView(line + skip, size - skip));
    }
    const char *colon = findColon(line, line + size);
    if (!colon)
        return processField(QByteArrayView(line, size), line + size, 0);
    const char *value = colon + 1;
    if (value < line + size && *value == ' ')
        ++value;
    return processField(QByteArrayView(line, colon - line), value, line + size - value);
}

bool SseParser::processField(QByteArrayView name, const char *value, qsizetype valueSize)
{
    switch (name.size()) { // one comparison per line, not one per field name
    case 2:
        if (nameIs(name, "id") && !std::memchr(value, '\0', valueSize)) {
            assignBytes(m_idBuffer, value, valueSize);
            m_idPending = true;
        }
        break;
    case 4:
        if (nameIs(name, "data"))
            return appendData(value, valueSize);
        break;
    case 5:
        if (nameIs(name, "event")) {
            if (m_eventType.size() != valueSize ||
                std::memcmp(m_eventType.constData(), value, valueSize) != 0)
                assignBytes(m_eventType, value, valueSize); // most streams name the same type every time
            m_typeSet = true;
        } else if (nameIs(name, "retry") && allAsciiDigits(value, valueSize)) {
            return m_sink->retryParsed(parseRetry(value, valueSize));
        }
        break;
    }
    return true;
}

bool SseParser::appendData(const char *value, qsizetype valueSize)
{
    if (m_discardingEvent)
        return true;
    // What the spec's data buffer would hold: each line's value followed by LF.
    const qsizetype buffered = m_hasData ? pendingData().size() + 1 : 0;
    if (buffered + valueSize + 1 > m_maxEventSize) {
        m_discardingEvent = true;
        m_hasData = false;
        return m_sink->limitExceeded(QStringLiteral("event data of more than ") +
                                     sizeText(buffered + valueSize) +
                                     QStringLiteral(" exceeds the limit of ") + sizeText(m_maxEventSize) +
                                     QStringLiteral("; the event is discarded"));
    }
    if (!m_hasData) {
        m_hasData = true;
        m_dataOwned = false;
        m_dataView = QByteArrayView(value, valueSize);
        return true;
    }
    ownData();
    m_data.append(Lf);
    m_data.append(value, valueSize);
    return true;
}

void SseParser::ownData()
{
    if (m_dataOwned)
        return;
    assignBytes(m_data, m_dataView.data(), m_dataView.size());
    m_dataOwned = true;
}

void SseParser::dropEvent()
{
    m_hasData = false;
    m_dataOwned = false;
    m_typeSet = false;
}

bool SseParser::dispatch()
{
    if (std::exchange(m_idPending, false))
        m_lastEventIdBytes.swap(m_idBuffer); // what was last stays behind as the next id field's buffer
    const bool discarded = std::exchange(m_discardingEvent, false);
    const bool hasEvent = m_hasData && !discarded;
    const SseEventView event{m_typeSet ? QByteArrayView(m_eventType) : QByteArrayView(), pendingData(),
                             QByteArrayView(m_lastEventIdBytes)};
    dropEvent(); // only flags: the bytes the view shows stay untouched until the next field
    return !hasEvent || m_sink->eventParsed(event);
}
