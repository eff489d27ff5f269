// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QObject>
#include <QTimer>

class QQuickWindow;

// Visits the dashboard, the subscription editor, the Events page and the Notifications page once the
// feeds have had time to fill them, saves a PNG of each into a directory and quits the application.
class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(QQuickWindow *window, const QDir &directory, int settleMs);

private:
    void next();

    QQuickWindow *m_window;
    QDir m_directory;
    QTimer m_timer;
    int m_step = 0;
};
