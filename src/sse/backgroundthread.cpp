// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundthread.h"

#include <QDeadlineTimer>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

void BackgroundThread::run()
{
#ifdef Q_OS_LINUX
    const auto id = pid_t(syscall(SYS_gettid));
    m_systemId = id;
    // Best effort: a failure leaves the thread at the default priority, which is only slower to yield.
    setpriority(PRIO_PROCESS, id_t(id), Niceness);
#endif
    if (m_work)
        m_work();
    else
        QThread::run();
}

void BackgroundThread::stop()
{
    quit();
    wait();
#ifdef Q_OS_LINUX
    // Signal 0 checks that the thread exists; the kernel removes it once its exit is complete.
    const auto id = pid_t(m_systemId.exchange(0));
    const QDeadlineTimer deadline(1000);
    while (id > 0 && syscall(SYS_tgkill, getpid(), id, 0) == 0 && !deadline.hasExpired())
        QThread::usleep(100);
#endif
}
