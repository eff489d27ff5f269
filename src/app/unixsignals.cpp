// SPDX-License-Identifier: GPL-3.0-or-later
#include "unixsignals.h"

#include <QSocketNotifier>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalSockets[2] = {-1, -1}; // [0] written by the handler, [1] read by the event loop

void handle(int signalNumber)
{
    const unsigned char number = static_cast<unsigned char>(signalNumber);
    const int saved = errno;
    [[maybe_unused]] const ssize_t written = ::write(signalSockets[0], &number, 1);
    errno = saved;
}

} // namespace

UnixSignals::UnixSignals(QObject *parent)
    : QObject(parent)
{}

UnixSignals::~UnixSignals()
{
    for (const int signalNumber : {SIGHUP, SIGTERM, SIGINT})
        std::signal(signalNumber, SIG_DFL);
}

bool UnixSignals::watch(QString *error)
{
    if (signalSockets[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalSockets) != 0) {
        *error = QStringLiteral("cannot catch signals: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_notifier = new QSocketNotifier(signalSockets[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignals::readSignal);
    struct sigaction action = {};
    action.sa_handler = handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signalNumber : {SIGHUP, SIGTERM, SIGINT})
        sigaction(signalNumber, &action, nullptr);
    return true;
}

void UnixSignals::readSignal()
{
    unsigned char number = 0;
    if (::read(signalSockets[1], &number, 1) == 1)
        Q_EMIT received(number);
}
