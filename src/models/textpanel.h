// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedpanel.h"
#include "transcriptmodel.h"

// A text stream as a transcript: the token streams of language model APIs, logs. Each event's text (its
// data, or what the mapping's value pointer finds in it, such as /choices/0/delta/content) is appended to
// the open message until the subscription's message end ("[DONE]", or an event type) closes it.
class TextPanel : public FeedPanel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard creates panels for its subscriptions")
    Q_PROPERTY(TranscriptModel *transcript READ transcript CONSTANT)
    Q_PROPERTY(double tokensPerSecond READ tokensPerSecond NOTIFY transcriptChanged)
    Q_PROPERTY(double skipped READ skipped NOTIFY transcriptChanged) // pieces a flood made it leave out

public:
    TextPanel(const QString &subscriptionId, QObject *parent);

    TranscriptModel *transcript() { return &m_transcript; }
    double tokensPerSecond() const { return m_transcript.tokensPerSecond(); }
    double skipped() const { return double(m_skipped); }

    void ingestText(const QList<TextPiece> &pieces, qint64 skipped) override;

Q_SIGNALS:
    void transcriptChanged();

private:
    TranscriptModel m_transcript;
    qint64 m_skipped = 0;
};
