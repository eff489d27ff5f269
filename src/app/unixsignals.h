// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

// SIGHUP, SIGTERM and SIGINT as a Qt signal on the thread that made this: the handler only writes the
// signal's number to a socket pair (all a handler may safely do), and the event loop reads it.
class UnixSignals : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

    // False, with the reason, when the signals could not be caught.
    bool watch(QString *error);

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};
