// SPDX-License-Identifier: GPL-3.0-or-later
#include "gapdetector.h"

qint64 GapDetector::observe(const QString &id)
{
    qsizetype digits = id.size();
    while (digits > 0 && id.at(digits - 1).isDigit())
        --digits;
    bool ok = false;
    const qint64 number = QStringView(id).mid(digits).toLongLong(&ok);
    if (!ok) {
        m_last = -1;
        return 0;
    }
    const QStringView prefix = QStringView(id).left(digits);
    const qint64 missing =
        (m_last >= 0 && prefix == m_prefix && number > m_last + 1) ? number - m_last - 1 : 0;
    if (prefix != m_prefix)
        m_prefix = prefix.toString();
    m_last = number;
    return missing;
}
