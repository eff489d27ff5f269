// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"
#include "profile.h"

// Profile loading on any file: a profile loads, or loading refuses it with one line saying why; one that
// loads saves to JSON that loads again to the same profile.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<Profile> profile = Profile::fromJson(json, &error);
    if (!profile) {
        FUZZ_CHECK(!error.isEmpty() && !error.contains(u'\n'));
        return 0;
    }
    const QByteArray saved = profile->toJson();
    const std::optional<Profile> reloaded = Profile::fromJson(saved, &error);
    FUZZ_CHECK(reloaded);
    FUZZ_CHECK(reloaded->toJson() == saved);
    return 0;
}
