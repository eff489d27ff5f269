#include "utctimestamp.h"

#include <QDateTime>
#include <QTimeZone>

void UtcTimestamp::append(QByteArray &out, qint64 msecsSinceEpoch)
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
    out.append(m_cachedPrefix);
    const char digits[4] = {char('0' + millis / 100), char('0' + millis / 10 % 10), char('0' + millis % 10),
                            'Z'};
    out.append(digits, 4);
}
