// SPDX-License-Identifier: GPL-3.0-or-later
#include "transcriptmodel.h"

#include <QDateTime>

double TranscriptModel::Message::tokensPerSecond() const
{
    // The first token starts the clock: n tokens over the time from the first to the last.
    return tokens > 1 && lastMs > firstMs ? (tokens - 1) * 1000.0 / double(lastMs - firstMs) : 0;
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &message = m_messages[std::size_t(index.row())];
    switch (role) {
    case TextRole:
    case Qt::DisplayRole:
        return message.text;
    case TokensRole:
        return message.tokens;
    case TokensPerSecondRole:
        return message.tokensPerSecond();
    case OpenRole:
        return message.open;
    case StartedRole:
        return QDateTime::fromMSecsSinceEpoch(message.firstMs).toString(QStringLiteral("HH:mm:ss"));
    default:
        return {};
    }
}

QHash<int, QByteArray> TranscriptModel::roleNames() const
{
    return {{TextRole, "text"},
            {TokensRole, "tokens"},
            {TokensPerSecondRole, "tokensPerSecond"},
            {OpenRole, "open"},
            {StartedRole, "started"}};
}

void TranscriptModel::append(const QList<TextPiece> &pieces)
{
    // The open message takes pieces in place; messages this batch begins are inserted as one.
    Message *open = !m_messages.empty() && m_messages.back().open ? &m_messages.back() : nullptr;
    const bool wasOpen = open != nullptr;
    std::deque<Message> begun; // a deque: the open message's address stays put as more are begun
    for (const TextPiece &piece : pieces) {
        if (!open) {
            if (piece.text.isEmpty() && piece.endsMessage)
                continue; // an end with nothing open: a stray marker
            begun.push_back({{}, 0, piece.receivedMs, piece.receivedMs, true});
            open = &begun.back();
        }
        if (!piece.text.isEmpty()) {
            open->text += piece.text;
            if (open->tokens++ == 0)
                open->firstMs = piece.receivedMs;
            open->lastMs = piece.receivedMs;
        }
        if (piece.endsMessage) {
            open->open = false;
            open = nullptr;
        }
    }
    const int before = int(m_messages.size());
    if (wasOpen)
        Q_EMIT dataChanged(index(before - 1), index(before - 1));
    if (begun.empty())
        return;
    beginInsertRows({}, before, before + int(begun.size()) - 1);
    m_messages.insert(m_messages.end(), begun.begin(), begun.end());
    endInsertRows();
    const int excess = int(m_messages.size()) - Capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_messages.erase(m_messages.begin(), m_messages.begin() + excess);
        endRemoveRows();
    }
    Q_EMIT countChanged();
}

double TranscriptModel::tokensPerSecond() const
{
    return m_messages.empty() ? 0 : m_messages.back().tokensPerSecond();
}
