// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the Qt Quick tests (tst_*.qml here) against the application's own QML modules, linked in
// statically as in the application, under a QApplication because Qt Charts needs one.
#include <QApplication>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(EventScopePlugin)
Q_IMPORT_QML_PLUGIN(EventScope_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(EventScopeStylePlugin)

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "eventscope_qml", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_qml.moc"
