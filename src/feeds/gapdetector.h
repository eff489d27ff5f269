// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Counts events missing from a stream whose IDs number its events: "41" then "44" means two were lost.
// IDs may carry a prefix ("job-3:7"); only IDs with the same prefix are compared, and IDs that do not end
// in a number are not counted at all.
class GapDetector
{
public:
    // How many events are missing between the previous ID and this one.
    qint64 observe(const QString &id);

private:
    QString m_prefix;
    qint64 m_last = -1;
};
