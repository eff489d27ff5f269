// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <memory>

class FeedHub;

// The editor's "test connection": connects a draft subscription on a network thread of its own, shows how
// the connection fares and the first few events, and stops after those or after ten seconds.
class ConnectionProbe : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ running NOTIFY changed)
    Q_PROPERTY(QString state READ state NOTIFY changed)     // connecting, open, closed, or invalid
    Q_PROPERTY(QString message READ message NOTIFY changed) // what went wrong, or how it went
    Q_PROPERTY(QStringList events READ events NOTIFY changed)

public:
    static constexpr int EventsShown = 5;
    static constexpr int TimeLimitMs = 10000;

    explicit ConnectionProbe(QObject *parent = nullptr);
    ~ConnectionProbe() override;

    bool running() const { return m_hub != nullptr; }
    QString state() const { return m_state; }
    QString message() const { return m_message; }
    QStringList events() const { return m_events; }

    Q_INVOKABLE void start(const QJsonObject &subscription);
    Q_INVOKABLE void stop();

Q_SIGNALS:
    void changed();

private:
    std::unique_ptr<FeedHub> m_hub;
    QTimer m_timeLimit;
    QString m_state;
    QString m_message;
    QStringList m_events;
};
