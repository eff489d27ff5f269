// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundthread.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

void BackgroundThread::run()
{
#ifdef Q_OS_LINUX
    // Best effort: a failure leaves the thread at the default priority, which is only slower to yield.
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), Niceness);
#endif
    QThread::run();
}
