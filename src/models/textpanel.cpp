// SPDX-License-Identifier: GPL-3.0-or-later
#include "textpanel.h"

TextPanel::TextPanel(const QString &subscriptionId, QObject *parent)
    : FeedPanel(subscriptionId, QStringLiteral("text"), parent)
{}

void TextPanel::ingestText(const QList<TextPiece> &pieces, qint64 skipped)
{
    if (pieces.isEmpty() && skipped == 0)
        return;
    m_skipped += skipped;
    m_transcript.append(pieces);
    Q_EMIT transcriptChanged();
}
