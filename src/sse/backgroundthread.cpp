// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundthread.h"

#ifdef Q_OS_LINUX
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

void BackgroundThread::run()
{
#ifdef Q_OS_LINUX
    // Best effort: a failure leaves the thread at the default policy and priority, only slower to yield.
    const sched_param batch{};
    sched_setscheduler(0, SCHED_BATCH, &batch);
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), Niceness);
#endif
    QThread::run();
}
