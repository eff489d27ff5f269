// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QQmlApplicationEngine;
class QQuickWindow;
class Workspace;

// Starts the dashboard's main window (Main.qml, Material style) on `workspace`, the same way for the
// application and the benchmark that measures it. Returns the window, or null when QML failed to load.
// `workspace` must outlive `engine` (the window's render thread calls it as frames are shown).
namespace MainWindow {
QQuickWindow *load(QQmlApplicationEngine &engine, Workspace *workspace, bool demo);
// Picks Qt Quick's software renderer, with its threaded render loop unless QSG_RENDER_LOOP names another,
// where OpenGL would be rasterized on the CPU, unless QT_QUICK_BACKEND or
// QSG_RHI_BACKEND says otherwise; returns whether it did. Called by load(), before any window exists.
bool chooseSceneGraph();
} // namespace MainWindow
