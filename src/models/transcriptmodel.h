// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedframe.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <deque>

// A text panel's transcript: messages, oldest first, the last one open while its pieces come. Pieces are
// applied a frame's worth at a time (one change for the open message, one insertion for new ones); the
// oldest messages go beyond `Capacity`.
class TranscriptModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A text panel provides its transcript")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        TextRole = Qt::UserRole + 1,
        TokensRole,          // pieces with text
        TokensPerSecondRole, // over the message's time so far
        OpenRole,            // still being written
        StartedRole,         // "13:01:02", local time
    };
    Q_ENUM(Role)

    static constexpr int Capacity = 200;

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void append(const QList<TextPiece> &pieces);
    // Tokens a second of the open message, or of the last one when none is open; 0 before any.
    double tokensPerSecond() const;

Q_SIGNALS:
    void countChanged();

private:
    struct Message
    {
        QString text;
        int tokens = 0;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
        bool open = true;

        double tokensPerSecond() const;
    };

    std::deque<Message> m_messages;
};
