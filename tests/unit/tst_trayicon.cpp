// SPDX-License-Identifier: GPL-3.0-or-later
// The tray icon's badge: the unread count drawn in red at the icon's top right, "99+" above 99, and the
// plain icon when nothing is unread. (A system tray itself is not there to test under Xvfb.)
#include "trayicon.h"

#include <QTest>

class TestTrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badgeShowsTheUnreadCount();
};

namespace {

bool isBadgeRed(QRgb pixel)
{
    return qRed(pixel) > 200 && qGreen(pixel) < 110 && qBlue(pixel) < 110;
}

// How many pixels of `image` within `area` are the badge's red.
int redIn(const QImage &image, const QRect &area)
{
    int red = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            red += isBadgeRed(image.pixel(x, y));
    }
    return red;
}

} // namespace

void TestTrayIcon::badgeShowsTheUnreadCount()
{
    QPixmap plain(64, 64);
    plain.fill(QColor(0x30, 0x60, 0xc0));
    const QIcon icon(plain);
    QCOMPARE(TrayIcon::withBadge(icon, 0).cacheKey(), icon.cacheKey());

    const QImage seven = TrayIcon::withBadge(icon, 7).pixmap(64, 64).toImage();
    QVERIFY(redIn(seven, QRect(40, 4, 20, 20)) > 150); // the badge, top right
    QCOMPARE(redIn(seven, QRect(0, 40, 24, 24)), 0);   // the icon's own corner untouched
    const QImage many = TrayIcon::withBadge(icon, 250).pixmap(64, 64).toImage();
    QVERIFY(many != seven); // "99+" is drawn, not "7"
    QCOMPARE(TrayIcon::withBadge(icon, 250).pixmap(64, 64).toImage(),
             TrayIcon::withBadge(icon, 100).pixmap(64, 64).toImage()); // both "99+"
}

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
