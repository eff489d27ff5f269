// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"
#include "retrypolicy.h"

#include <QTimeZone>
#include <algorithm>
#include <limits>

// Retry-After as a server sends it, any bytes: delay-seconds or an HTTP-date give a delay of zero or more
// milliseconds, anything else -1; never a negative delay, however far the date or large the number.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value(reinterpret_cast<const char *>(data), qsizetype(size));
    const QDateTime now(QDate(2026, 11, 28), QTime(12, 0), QTimeZone::utc());
    const int delayMs = RetryPolicy::parseRetryAfterMs(value, now);
    FUZZ_CHECK(delayMs >= -1);
    bool isNumber = false;
    const qulonglong seconds = value.toULongLong(&isNumber);
    const bool digitsOnly = !value.isEmpty() && std::all_of(value.cbegin(), value.cend(),
                                                            [](char c) { return c >= '0' && c <= '9'; });
    if (digitsOnly && isNumber) { // delay-seconds: whole seconds, capped where an int ends
        constexpr qulonglong intMax = std::numeric_limits<int>::max();
        FUZZ_CHECK(qulonglong(delayMs) == (seconds > intMax / 1000 ? intMax : seconds * 1000));
    }
    return 0;
}
