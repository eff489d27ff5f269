// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"
#include "httprequestreader.h"

#include <QStringList>

// The demo server's request reader on any bytes from the network: it ends in requests or one failure,
// within its limits, and the same bytes give the same requests and the same failure however the network
// splits them.

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
    QString errorMessage;
};

bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.path == b.path && a.query.query() == b.query.query() &&
           a.headers == b.headers && a.body == b.body && a.keepAlive == b.keepAlive;
}

Outcome read(const QList<QByteArrayView> &chunks, const HttpLimits &limits)
{
    HttpRequestReader reader(limits);
    Outcome outcome;
    for (QByteArrayView chunk : chunks) {
        HttpRequestReader::State state = reader.feed(chunk.toByteArray());
        while (state == HttpRequestReader::State::Complete) {
            const HttpRequest &request = reader.request();
            FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes);
            FUZZ_CHECK(request.headers.size() <= limits.maxHeaders);
            outcome.requests.append(request);
            state = reader.next();
        }
        if (state == HttpRequestReader::State::Failed) {
            outcome.errorStatus = reader.errorStatus();
            outcome.errorMessage = reader.errorMessage();
            FUZZ_CHECK(outcome.errorStatus >= 400 && outcome.errorStatus < 600);
            FUZZ_CHECK(!outcome.errorMessage.isEmpty() && !outcome.errorMessage.contains(u'\n'));
            break; // the server answers the error and closes the connection
        }
    }
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const quint32 seed = input.takeByte();
    // Small limits, so inputs of a few hundred bytes reach them.
    const HttpLimits limits{qsizetype(64 + input.takeByte() * 4), qsizetype(input.takeByte() * 8),
                            1 + input.takeByte() % 16};
    const Outcome whole = read({input.rest()}, limits);
    const Outcome split = read(FuzzInput::split(input.rest(), seed), limits);
    FUZZ_CHECK(split.requests.size() == whole.requests.size());
    for (qsizetype i = 0; i < whole.requests.size(); ++i)
        FUZZ_CHECK(sameRequest(split.requests[i], whole.requests[i]));
    FUZZ_CHECK(split.errorStatus == whole.errorStatus);
    FUZZ_CHECK(split.errorMessage == whole.errorMessage);
    return 0;
}
