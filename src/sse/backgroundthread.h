// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QThread>
#include <atomic>
#include <functional>

// A thread that yields the CPU to the GUI thread when both want it: on a busy two-core machine a burst on
// the network or the disk then slows those threads (and, through backpressure, the servers) rather than
// the window's frames. Linux schedules threads by their own nice value; elsewhere this is a plain QThread.
class BackgroundThread : public QThread
{
public:
    static constexpr int Niceness = 10; // about a tenth of a default thread's share under contention

    using QThread::QThread;
    // Runs `work` instead of an event loop.
    explicit BackgroundThread(std::function<void()> work, QObject *parent = nullptr)
        : QThread(parent)
        , m_work(std::move(work))
    {}

    // Ends the event loop (work must be told to end by its own means) and waits until the system thread
    // itself is gone, not only run(). Qt's threads are detached and QThread::wait() returns before the
    // thread has run its libraries' thread-exit destructors (libpq's Kerberos and OpenSSL state); a
    // process that exits meanwhile tears those libraries down under the exiting thread and corrupts the
    // heap (seen once in a few hundred `capture --db postgresql://…` runs). At most a second: the thread
    // has nothing left to wait for.
    void stop();

protected:
    void run() override;

private:
    std::function<void()> m_work;
    std::atomic<qint64> m_systemId{0};
};
