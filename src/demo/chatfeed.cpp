// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatfeed.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace {

const char *const Answers[] = {
    "Here is the plant's status. All four sensors report, and temperatures sit between 21 and 29 °C. "
    "Sensor 3 read 31.8 °C twice in the last hour, just under the 32 °C alert. Battery on sensor 2 is at "
    "18 % and falls about 1 % an hour: plan a swap within the next shift. No job has failed since "
    "midnight; the index rebuild should finish in about 6 minutes.",
    "Short answer: yes, the stream is healthy. Events arrive about 30 a second with no gaps in their ids, "
    "the last reconnect was 2 hours ago after a server restart, and Last-Event-ID resumed it without a "
    "missed event. If you want to be warned earlier, add a rule on the event rate.",
    "Three things changed since your last look. NVDA moved 1.7 % in ten minutes, which fired the change "
    "rule once. The nightly export finished and wrote 47 GB. A certificate on the ingest gateway expires "
    "in 20 days; renewing it now avoids a scramble later.",
};

} // namespace

ChatFeed::ChatFeed(const QString &id, const QString &prompt, int answer, double tokensPerSecond,
                   int repeatAfterMs)
    : m_id(id)
    , m_prompt(prompt)
    , m_answer(answer)
    , m_tokensPerSecond(tokensPerSecond)
    , m_repeatAfterMs(repeatAfterMs)
    , m_tokens(tokens(prompt, answer))
    , m_pacer(tokensPerSecond)
{}

QStringList ChatFeed::tokens(const QString &prompt, int answer)
{
    const QString said = prompt.simplified().left(120);
    const QString text = (said.isEmpty() ? QString() : QStringLiteral("On \u201c%1\u201d: ").arg(said)) +
                         QString::fromUtf8(Answers[std::size_t(answer) % std::size(Answers)]);
    // Words with the space before them, as language models' tokens mostly are.
    static const QRegularExpression word(QStringLiteral("\\s*\\S+"));
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    return out;
}

SseEvent ChatFeed::chunk(const QJsonObject &delta, const QJsonValue &finishReason) const
{
    return jsonEvent(QStringLiteral("message"),
                     {{QStringLiteral("id"), m_id},
                      {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                      {QStringLiteral("model"), QStringLiteral("eventscope-demo")},
                      {QStringLiteral("choices"),
                       QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                              {QStringLiteral("delta"), delta},
                                              {QStringLiteral("finish_reason"), finishReason}}}}});
}

void ChatFeed::advance(qint64 nowMs, QList<SseEvent> &out)
{
    if (answered() && m_repeatAfterMs > 0) {
        if (m_answeredMs == 0)
            m_answeredMs = nowMs;
        if (nowMs - m_answeredMs < m_repeatAfterMs)
            return;
        m_tokens = tokens(m_prompt, ++m_answer);
        m_pacer = RatePacer(m_tokensPerSecond);
        m_next = -1;
        m_answeredMs = 0;
    }
    for (int due = m_pacer.due(nowMs); due > 0 && !answered(); --due, ++m_next) {
        if (m_next < 0)
            out.append(chunk({{QStringLiteral("role"), QStringLiteral("assistant")}}, QJsonValue::Null));
        else if (m_next < m_tokens.size())
            out.append(chunk({{QStringLiteral("content"), m_tokens[m_next]}}, QJsonValue::Null));
        else if (m_next == m_tokens.size())
            out.append(chunk({}, QStringLiteral("stop")));
        else
            out.append({QStringLiteral("message"), QStringLiteral("[DONE]"), {}});
    }
}
