// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QThread>
#include <QUrl>

class DemoServer;

// The demo feeds for `eventscope --demo`, served from a thread of their own so the GUI thread never
// touches a socket, not even the server's.
class DemoServerThread
{
public:
    DemoServerThread();
    ~DemoServerThread();

    // Listens on a free loopback port; on failure says why.
    bool start(QString *error);
    QUrl url() const { return m_url; }

private:
    QThread m_thread;
    QObject m_context; // lives in m_thread: where the server is made and deleted
    DemoServer *m_server = nullptr;
    QUrl m_url;
};
