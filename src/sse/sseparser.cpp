#include "sseparser.h"

#include "utf8decoder.h"

#include <cstring>
#include <limits>
#include <utility>

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

// Reuses the buffer's capacity when it is not shared, so repeated fields cost no allocation.
void assignBytes(QByteArray &target, const char *bytes, qsizetype size)
{
    target.resize(0);
    target.append(bytes, size);
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
    m_partialLine.clear();
    m_skipLeadingLf = false;
    m_atStreamStart = true;
    m_discardingLine = false;
    m_discardingEvent = false;
    m_data.clear();
    m_eventType.clear();
    m_idBuffer = m_lastEventIdBytes;
}

void SseParser::setLastEventId(const QString &id)
{
    m_lastEventId = id;
    m_lastEventIdBytes = id.toUtf8();
    m_idBuffer = m_lastEventIdBytes;
}

const char *SseParser::findLineEnd(const char *from, const char *end)
{
    if (m_nextLf && m_nextLf < from)
        m_nextLf = static_cast<const char *>(std::memchr(from, Lf, end - from));
    if (m_nextCr && m_nextCr < from)
        m_nextCr = static_cast<const char *>(std::memchr(from, Cr, end - from));
    if (!m_nextLf)
        return m_nextCr;
    if (!m_nextCr)
        return m_nextLf;
    return qMin(m_nextLf, m_nextCr);
}

bool SseParser::feed(QByteArrayView bytes)
{
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    if (p == end)
        return true;

    m_nextLf = static_cast<const char *>(std::memchr(p, Lf, end - p));
    m_nextCr = static_cast<const char *>(std::memchr(p, Cr, end - p));

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
        } else if (m_partialLine.size() + size > m_maxLineSize) {
            goOn = rejectLongLine(m_partialLine.size() + size);
        } else if (m_partialLine.isEmpty()) {
            goOn = processLine(p, size); // the common case: the whole line is in this chunk, no copy
        } else {
            m_partialLine.append(p, size);
            const QByteArray line = std::exchange(m_partialLine, QByteArray());
            goOn = processLine(line.constData(), line.size());
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
    if (m_partialLine.size() + size > m_maxLineSize) {
        m_discardingLine = true; // until the line's end arrives
        return rejectLongLine(m_partialLine.size() + size);
    }
    m_partialLine.append(bytes, size);
    return true;
}

bool SseParser::rejectLongLine(qsizetype seenBytes)
{
    m_partialLine.clear();
    m_atStreamStart = false; // a rejected first line still ends the place where a BOM may stand
    m_discardingEvent = true;
    m_data.clear();
    return reportLimit(QStringLiteral("a line of %1 or more exceeds the limit of %2; its event is discarded")
                           .arg(sizeText(seenBytes), sizeText(m_maxLineSize)));
}

bool SseParser::reportLimit(const QString &message)
{
    return m_sink->limitExceeded(message);
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
        return m_sink->commentParsed(decodeUtf8(line + skip, size - skip));
    }
    const char *colon = static_cast<const char *>(std::memchr(line, ':', size));
    if (!colon)
        return processField(QByteArrayView(line, size), line + size, 0);
    const char *value = colon + 1;
    if (value < line + size && *value == ' ')
        ++value;
    return processField(QByteArrayView(line, colon - line), value, line + size - value);
}

bool SseParser::processField(QByteArrayView name, const char *value, qsizetype valueSize)
{
    if (name == "data") {
        if (m_discardingEvent)
            return true;
        if (m_data.size() + valueSize + 1 > m_maxEventSize) {
            m_discardingEvent = true;
            const qsizetype seen = m_data.size() + valueSize;
            m_data.clear();
            return reportLimit(QStringLiteral("event data of more than ") + sizeText(seen) +
                               QStringLiteral(" exceeds the limit of ") + sizeText(m_maxEventSize) +
                               QStringLiteral("; the event is discarded"));
        }
        m_data.append(value, valueSize);
        m_data.append(Lf);
    } else if (name == "event") {
        assignBytes(m_eventType, value, valueSize);
    } else if (name == "id") {
        if (!std::memchr(value, '\0', valueSize))
            assignBytes(m_idBuffer, value, valueSize);
    } else if (name == "retry") {
        if (allAsciiDigits(value, valueSize))
            return m_sink->retryParsed(parseRetry(value, valueSize));
    }
    return true;
}

bool SseParser::dispatch()
{
    if (m_idBuffer != m_lastEventIdBytes) {
        m_lastEventIdBytes = m_idBuffer;
        m_lastEventId = decodeUtf8(m_idBuffer.constData(), m_idBuffer.size());
    }
    const bool discarded = std::exchange(m_discardingEvent, false);
    if (m_data.isEmpty() || discarded) {
        m_data.clear();
        m_eventType.clear();
        return true;
    }

    SseEvent event;
    event.data = decodeUtf8(m_data.constData(), m_data.size() - 1); // without the trailing LF
    if (!m_eventType.isEmpty()) {
        if (m_eventType != m_cachedTypeBytes) {
            m_cachedTypeBytes = QByteArray(m_eventType.constData(), m_eventType.size()); // a copy, not shared
            m_cachedType = decodeUtf8(m_eventType.constData(), m_eventType.size());
        }
        event.type = m_cachedType;
    }
    event.id = m_lastEventId;
    m_data.resize(0);
    m_eventType.resize(0);
    return m_sink->eventParsed(event);
}
