// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "workspace.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

// The QML modules are static libraries: importing their plugins here links them in with this function.
Q_IMPORT_QML_PLUGIN(EventScopePlugin)
Q_IMPORT_QML_PLUGIN(EventScope_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(EventScopeStylePlugin)

namespace {

// The OpenGL renderer this display offers, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"; empty without one.
QString openGlRenderer()
{
    QOffscreenSurface surface;
    surface.create();
    QOpenGLContext context;
    if (!context.create() || !context.makeCurrent(&surface))
        return {};
    const auto *name = reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    const QString renderer = name ? QString::fromLatin1(name) : QString();
    context.doneCurrent();
    return renderer;
}

} // namespace

bool MainWindow::chooseSceneGraph()
{
    if (qEnvironmentVariableIsSet("QT_QUICK_BACKEND") || qEnvironmentVariableIsSet("QSG_RHI_BACKEND"))
        return false; // the operator chose
    // OpenGL rasterized on the CPU (no GPU: a VM, a remote desktop) redraws the whole window for every
    // frame; Qt Quick's software renderer repaints only what changed. Measured with gui_ingest at 10 000
    // events/s on a 2-core VM: frame median 54 ms on llvmpipe, 16 ms with the software renderer, at half
    // the CPU.
    const QString renderer = openGlRenderer();
    const bool software = renderer.isEmpty() || renderer.contains(QLatin1String("llvmpipe")) ||
                          renderer.contains(QLatin1String("softpipe")) ||
                          renderer.contains(QLatin1String("Software Rasterizer"));
    if (software) {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        // Its default loop renders on the GUI thread, in step with nothing: a frame whose data came just
        // after a repaint waited for the next, and one run in three had over 5 % of its frame intervals at
        // 33 ms. The threaded loop renders on a thread of its own at the display's pace: with gui_ingest
        // at 10 000 events/s, frame p95 19.5-20.4 ms in three runs (before 19.8-33.0 ms) and the GUI
        // thread 15-17 % busy (before 23-24 %).
        if (!qEnvironmentVariableIsSet("QSG_RENDER_LOOP"))
            qputenv("QSG_RENDER_LOOP", "threaded");
    }
    return software;
}

QQuickWindow *MainWindow::load(QQmlApplicationEngine &engine, Workspace *workspace, bool demo)
{
    chooseSceneGraph();
    QQuickStyle::setStyle(QStringLiteral("EventScopeStyle")); // Material without shadow layers: qml/style
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties(
        {{QStringLiteral("workspace"), QVariant::fromValue(workspace)}, {QStringLiteral("demo"), demo}});
    engine.load(QUrl(QStringLiteral("qrc:/EventScope/Main.qml")));
    QQuickWindow *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    // Called on the render thread, directly: queued, each frame shown also woke the GUI thread, which
    // at rest (where it is not needed) cost more than the frames it paced.
    if (window)
        QObject::connect(window, &QQuickWindow::frameSwapped, workspace, &Workspace::frameShown,
                         Qt::DirectConnection);
    return window;
}
