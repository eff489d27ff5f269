// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedgenerator.h"
#include "ratepacer.h"

// One answer of POST /chat, token by token, as OpenAI-style chat completion chunks: a first chunk with
// the assistant's role, one chunk per token ({"choices":[{"delta":{"content":" token"}}]}), a last one
// with finish_reason "stop", then `data: [DONE]`, after which the stream ends, as a chat API's does; or,
// with `repeatAfterMs`, the next answer to the same prompt begins that long after, on the same stream
// (for a dashboard that shows answers coming without a stream that keeps ending).
class ChatFeed : public FeedGenerator
{
public:
    ChatFeed(const QString &id, const QString &prompt, int answer, double tokensPerSecond,
             int repeatAfterMs = 0);
    void advance(qint64 nowMs, QList<SseEvent> &out) override;
    bool finished() const override { return m_repeatAfterMs == 0 && answered(); }

    // The canned answer `answer` to `prompt`, cut into tokens (words with their leading space).
    static QStringList tokens(const QString &prompt, int answer);

private:
    SseEvent chunk(const QJsonObject &delta, const QJsonValue &finishReason) const;
    bool answered() const { return m_next > m_tokens.size() + 1; }

    QString m_id;
    QString m_prompt;
    int m_answer;
    double m_tokensPerSecond;
    int m_repeatAfterMs;
    QStringList m_tokens;
    RatePacer m_pacer;
    qint64 m_answeredMs = 0;
    qsizetype m_next = -1; // -1: the role chunk; then tokens; size(): finish; size() + 1: [DONE]
};
