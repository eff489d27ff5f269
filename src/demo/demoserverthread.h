// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backgroundthread.h"

#include <QUrl>

class DemoServer;

// The demo feeds for `eventscope --demo`, served from a thread of their own so the GUI thread never
// touches a socket, not even the server's. It yields to the window as the network and capture threads do:
// it stands in for servers that are on other machines, not on the operator's CPU.
class DemoServerThread
{
public:
    DemoServerThread();
    ~DemoServerThread();

    // Listens on a free loopback port; on failure says why.
    bool start(QString *error);
    QUrl url() const { return m_url; }

private:
    BackgroundThread m_thread;
    QObject m_context; // lives in m_thread: where the server is made and deleted
    DemoServer *m_server = nullptr;
    QUrl m_url;
};
