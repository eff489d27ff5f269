// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoserverthread.h"

#include "demoserver.h"

DemoServerThread::DemoServerThread()
{
    m_thread.setObjectName(QStringLiteral("eventscope-demo"));
    m_context.moveToThread(&m_thread);
}

DemoServerThread::~DemoServerThread()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.stop();
    }
}

bool DemoServerThread::start(QString *error)
{
    m_thread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        &m_context,
        [this, error, &listening] {
            m_server = new DemoServer();
            listening = m_server->listen(error);
            m_url = m_server->url();
        },
        Qt::BlockingQueuedConnection);
    return listening;
}
