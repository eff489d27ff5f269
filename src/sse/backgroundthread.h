// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QThread>

// A thread that yields the CPU to the GUI thread when both want it: on a busy two-core machine a burst on
// the network or the disk then slows those threads (and, through backpressure, the servers) rather than
// the window's frames. On Linux the thread runs at a higher nice value and as SCHED_BATCH (its wakeups, an
// event or a write completing, never preempt the GUI or render thread mid-frame); elsewhere this is a plain
// QThread.
class BackgroundThread : public QThread
{
public:
    static constexpr int Niceness = 10; // about a tenth of a default thread's share under contention

    using QThread::QThread;

protected:
    void run() override;
};
