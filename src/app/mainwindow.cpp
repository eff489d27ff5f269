#include "mainwindow.h"

#include "workspace.h"

#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

// The QML modules are static libraries: importing their plugins here links them in with this function.
Q_IMPORT_QML_PLUGIN(EventScopePlugin)
Q_IMPORT_QML_PLUGIN(EventScope_ModelsPlugin)

QQuickWindow *MainWindow::load(QQmlApplicationEngine &engine, Workspace *workspace, bool demo)
{
    QQuickStyle::setStyle(QStringLiteral("Material"));
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties(
        {{QStringLiteral("workspace"), QVariant::fromValue(workspace)}, {QStringLiteral("demo"), demo}});
    engine.load(QUrl(QStringLiteral("qrc:/EventScope/Main.qml")));
    return engine.rootObjects().isEmpty() ? nullptr
                                          : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
}
