// SPDX-License-Identifier: GPL-3.0-or-later
// The main window and the subscription editor by keyboard alone: Tab walks through every control and comes
// back round, each control it reaches shows that it has the focus (visualFocus), icon-only buttons and
// the sidebar's rows and switches say what they are to a screen reader, and the editor, opened with
// Ctrl+N, keeps Tab inside itself.
#include "mainwindow.h"
#include "workspace.h"

#include <QAccessible>
#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

class TestKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tabWalksTheMainWindow();
    void tabWalksTheEditorAndStaysInside();

private:
    // Presses Tab until the focus comes back to where it started (at most `limit` times): what it reached.
    QList<QQuickItem *> tabRound(int limit = 300);

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QQmlApplicationEngine m_engine;
    QQuickWindow *m_window = nullptr;
};

namespace {

constexpr int Bound = 10000;

QString accessibleName(QQuickItem *item)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(item);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

// What an item is called, for the test's checks and messages: its accessible name, its text and its
// object name (those it has), else its type.
QStringList namesOf(QQuickItem *item)
{
    QStringList names{accessibleName(item), item->property("text").toString(), item->objectName()};
    names.removeAll(QString());
    names.removeDuplicates();
    return names.isEmpty() ? QStringList{QString::fromLatin1(item->metaObject()->className())} : names;
}

QString describe(QQuickItem *item)
{
    return namesOf(item).join(QLatin1Char('/'));
}

// Every name of every item reached, for "is it in the Tab order" checks.
QStringList allNames(const QList<QQuickItem *> &items)
{
    QStringList names;
    for (QQuickItem *item : items)
        names += namesOf(item);
    return names;
}

QString shown(const QList<QQuickItem *> &items)
{
    QStringList described;
    for (QQuickItem *item : items)
        described << describe(item);
    return described.join(QStringLiteral(" | "));
}

bool isVisiblyFocused(QQuickItem *item)
{
    // Controls show the focus when they have it from the keyboard; text fields by their caret and line.
    const QVariant visualFocus = item->property("visualFocus");
    return visualFocus.isValid() ? visualFocus.toBool() : item->hasActiveFocus();
}

} // namespace

void TestKeyboard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Focus, not frames, is what is tested: the basic render loop, whose rendering stays on this thread.
    // The threaded software loop's render thread object outlives the test, which LeakSanitizer reports.
    qputenv("QSG_RENDER_LOOP", "basic");
    QAccessible::setActive(true);
    m_workspace = std::make_unique<Workspace>(m_dir.filePath("profile.json"));
    Profile profile;
    // Nothing answers on port 1: the subscriptions stay closed or connecting, which the test does not mind.
    profile.subscriptions = {
        Subscription::create("Quotes", QUrl("http://127.0.0.1:1/stocks"), Subscription::Panel::Stock),
        Subscription::create("Log", QUrl("http://127.0.0.1:1/log"), Subscription::Panel::Raw)};
    m_workspace->setProfile(profile);
    m_window = MainWindow::load(m_engine, m_workspace.get(), false);
    QVERIFY(m_window);
    m_window->show();
    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window, Bound));
}

QList<QQuickItem *> TestKeyboard::tabRound(int limit)
{
    QList<QQuickItem *> reached;
    QTest::keyClick(m_window, Qt::Key_Tab);
    QQuickItem *first = m_window->activeFocusItem();
    for (int press = 0; first && press < limit; ++press) {
        QQuickItem *item = m_window->activeFocusItem();
        if (press > 0 && item == first)
            break;
        reached << item;
        QTest::keyClick(m_window, Qt::Key_Tab);
    }
    return reached;
}

void TestKeyboard::tabWalksTheMainWindow()
{
    const QList<QQuickItem *> reached = tabRound();
    const QStringList names = allNames(reached);
    QVERIFY2(reached.size() < 300, "Tab never came back round");
    for (const QString &expected :
         {QString("Dashboard"), QString("Events"), QString("Notifications"), QString("Store"),
          QString("+ Subscription"), QString("More: export, replay, profiles, theme, settings, about"),
          QString("New subscription"), QString("Edit Quotes, connecting"), QString("Disconnect Quotes"),
          QString("Edit Log, connecting"), QString("Disconnect Log")}) {
        QVERIFY2(names.contains(expected),
                 qPrintable(QString("'%1' is not in the Tab order: %2").arg(expected, shown(reached))));
    }
    // Each stop shows its focus when Tab lands on it, and every button that is only a symbol has a name.
    for (QQuickItem *item : reached) {
        m_window->contentItem()->forceActiveFocus();
        item->forceActiveFocus(Qt::TabFocusReason);
        QVERIFY2(isVisiblyFocused(item), qPrintable(describe(item) + " does not show that it has the focus"));
        const QString text = item->property("text").toString();
        QVERIFY2(!accessibleName(item).isEmpty() || !text.isEmpty(),
                 qPrintable(describe(item) + " says nothing about what it is to a screen reader"));
        if (!text.isEmpty() && text.size() <= 2)
            QVERIFY2(!accessibleName(item).isEmpty() && accessibleName(item) != text,
                     qPrintable("the button '" + text + "' has no accessible name"));
    }
}

void TestKeyboard::tabWalksTheEditorAndStaysInside()
{
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QObject *editor = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((editor = m_window->findChild<QObject *>("subscriptionEditor")) &&
                                 editor->property("opened").toBool(),
                             Bound);
    // A POST shows the body: a text area that Tab must pass through, not type into.
    editor->findChild<QObject *>("methodField")->setProperty("editText", "POST");
    const QList<QQuickItem *> reached = tabRound();
    const QStringList names = allNames(reached);
    QVERIFY2(reached.size() < 300, "Tab never came back round");
    for (const QString &expected :
         {QString("nameField"), QString("urlField"), QString("Body"), QString("Paste curl…"),
          QString("Series key"), QString("Value"), QString("Time"), QString("Add rule"),
          QString("Copy as curl"), QString("Cancel")}) {
        QVERIFY2(
            names.contains(expected),
            qPrintable(QString("'%1' is not in the editor's Tab order: %2").arg(expected, shown(reached))));
    }
    QList<QQuickItem *> nameless;
    for (QQuickItem *item : reached) {
        if (accessibleName(item).isEmpty() && item->property("text").toString().isEmpty())
            nameless << item;
    }
    QVERIFY2(nameless.isEmpty(), qPrintable("these say nothing about what they are to a screen reader: " +
                                            shown(nameless) + " (in " + shown(reached) + ")"));
    // The dialog is modal: Tab never reaches the window behind it.
    QVERIFY2(!names.contains("Dashboard") && !names.contains("addSubscriptionButton"),
             qPrintable(shown(reached)));
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->property("visible").toBool(), Bound);
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
