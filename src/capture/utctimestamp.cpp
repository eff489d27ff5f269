// SPDX-License-Identifier: GPL-3.0-or-later
#include "utctimestamp.h"

#include <QDateTime>
#include <QTimeZone>
#include <cstring>

void UtcTimestamp::append(QByteArray &out, qint64 msecsSinceEpoch)
{
    const qsizetype start = out.size();
    out.resize(start + MaxSize);
    out.resize(write(out.data() + start, msecsSinceEpoch) - out.constData());
}

char *UtcTimestamp::write(char *to, qint64 msecsSinceEpoch)
{
    // Floor division, so times before 1970 still get a millisecond part in 0..999.
    qint64 second = msecsSinceEpoch / 1000;
    int millis = int(msecsSinceEpoch % 1000);
    if (millis < 0) {
        millis += 1000;
        --second;
    }
    if (second != m_cachedSecond) {
        m_cachedSecond = second;
        m_cachedPrefix = QDateTime::fromSecsSinceEpoch(second, QTimeZone::utc())
                             .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss."))
                             .toLatin1();
    }
    std::memcpy(to, m_cachedPrefix.constData(), size_t(m_cachedPrefix.size()));
    to += m_cachedPrefix.size();
    *to++ = char('0' + millis / 100);
    *to++ = char('0' + millis / 10 % 10);
    *to++ = char('0' + millis % 10);
    *to++ = 'Z';
    return to;
}
