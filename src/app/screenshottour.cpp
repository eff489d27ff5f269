// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshottour.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickWindow>

namespace {

struct Stop
{
    const char *page; // what Main.qml's showPage() shows: a page or a dialog
    const char *file;
};

constexpr Stop Stops[] = {
    {"dashboard", "dashboard.png"}, {"text", "text.png"},         {"editor", "editor.png"},
    {"curl", "curl.png"},           {"events", "events.png"},     {"notifications", "notifications.png"},
    {"store", "store.png"},         {"settings", "settings.png"}, {"export", "export.png"},
    {"about", "about.png"},
};

// One colour all over: the scene was not rendered.
bool isBlank(const QImage &image)
{
    if (image.isNull())
        return true;
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            if (image.pixel(x, y) != first)
                return false;
        }
    }
    return true;
}

} // namespace

ScreenshotTour::ScreenshotTour(QQuickWindow *window, const QDir &directory, int settleMs)
    : QObject(window)
    , m_window(window)
    , m_directory(directory)
{
    // Room for all four demo panels on the dashboard, as a full-HD screen gives.
    m_window->resize(1600, 1060);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ScreenshotTour::next);
    m_timer.start(settleMs);
}

void ScreenshotTour::next()
{
    const int shown = m_step / 2;
    if (m_step % 2 == 1) { // the page has had a moment to draw: take it
        const QImage image = m_window->grabWindow();
        const QString path = m_directory.filePath(QString::fromLatin1(Stops[shown].file));
        if (isBlank(image)) {
            qCritical("eventscope: the screenshot %s came out blank", qPrintable(path));
            QCoreApplication::exit(1);
            return;
        }
        if (!image.save(path)) {
            qCritical("eventscope: could not save the screenshot %s", qPrintable(path));
            QCoreApplication::exit(1);
            return;
        }
        qInfo("eventscope: wrote %s", qPrintable(path));
        if (shown + 1 == int(std::size(Stops))) {
            QCoreApplication::exit(0);
            return;
        }
    } else {
        QMetaObject::invokeMethod(m_window, "showPage",
                                  Q_ARG(QVariant, QString::fromLatin1(Stops[shown].page)));
    }
    ++m_step;
    m_timer.start(m_step % 2 == 1 ? 1500 : 0);
}
