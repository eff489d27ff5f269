// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardcommand.h"

#include "aboutinfo.h"
#include "commandline.h"
#include "demoserverthread.h"
#include "exitcode.h"
#include "mainwindow.h"
#include "screenshottour.h"
#include "sqlitecapturebackend.h"
#include "trayicon.h"
#include "workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <cstdio>
#include <cstdlib>

namespace {

struct Options
{
    bool demo = false;
    QString profile;
    QString screenshots;
    int settleMs = 20000;
    QString replay;
};

// Parsed before any application object exists, so that --help and mistakes need no display.
std::optional<Options> parse(const QStringList &arguments, QString *message, bool *helpShown)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "EventScope: a dashboard for Server-Sent Events feeds.\n"
        "Without a command it opens the window with the subscriptions of your profile.\n"
        "\n"
        "Commands (eventscope COMMAND --help lists a command's options):\n"
        "  capture URL      print the events of a stream as NDJSON or CSV, or record them in a store\n"
        "  agent            record a profile's subscriptions without a window (a server, a service)\n"
        "  serve-demo       serve the demo feeds (stocks, IoT, progress, notifications)\n"
        "  export           write captured events as NDJSON, CSV, JSON or .sse"));
    const QCommandLineOption help = CommandLine::helpOption();
    const QCommandLineOption version(
        QStringLiteral("version"), QStringLiteral("Show the version, Qt's and the capture store schema's."));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Serve the demo feeds and watch them (the profile is not saved)."));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Use this profile file instead of the default one."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                         QStringLiteral("Save a PNG of each page into DIR, then quit."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption settle(
        QStringLiteral("settle"),
        QStringLiteral("With --screenshots: seconds to let the feeds fill the views first (default 20)."),
        QStringLiteral("SECONDS"), QStringLiteral("20"));
    const QCommandLineOption replay(QStringLiteral("replay"),
                                    QStringLiteral("Replay this NDJSON or .sse capture into the dashboard."),
                                    QStringLiteral("FILE"));
    parser.addOptions({help, version, demo, profile, screenshots, settle, replay});
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("A capture to replay, as with --replay (what a file manager opens EventScope with)."),
        QStringLiteral("[FILE]"));
    switch (CommandLine::parse(parser, help, arguments, *message, true)) {
    case CommandLine::Parse::Help:
        *helpShown = true;
        return std::nullopt;
    case CommandLine::Parse::Error:
        return std::nullopt;
    case CommandLine::Parse::Run:
        break;
    }
    if (parser.isSet(version)) {
        *message = AboutInfo::versionText();
        *helpShown = true;
        return std::nullopt;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1 || (files.size() == 1 && parser.isSet(replay))) {
        *message =
            QStringLiteral("one capture to replay at a time, not '%1'").arg(files.join(QLatin1Char(' ')));
        return std::nullopt;
    }
    if (parser.isSet(demo) && parser.isSet(profile)) {
        *message = QStringLiteral("--demo brings its own profile; leave out --profile");
        return std::nullopt;
    }
    bool ok = false;
    const double settleSeconds = parser.value(settle).toDouble(&ok);
    if (!ok || settleSeconds < 0 || settleSeconds > 600) {
        *message = QStringLiteral("--settle needs seconds from 0 to 600, not '%1'").arg(parser.value(settle));
        return std::nullopt;
    }
    return Options{parser.isSet(demo), parser.value(profile), parser.value(screenshots),
                   int(settleSeconds * 1000), files.isEmpty() ? parser.value(replay) : files.first()};
}

const char NoDisplay[] =
    "eventscope: no display to show the dashboard on%s: run it in a desktop session or under xvfb-run, or "
    "use eventscope capture, agent or serve-demo, which need no display\n";

// Qt ends with a fatal message when no platform plugin can start (no X server, no Wayland compositor),
// after warnings on the way, and its advice ("reinstalling the application may fix this problem") is
// wrong here. While the application object starts, the platform's warnings are held back; a fatal one
// becomes one line that says what to do, with the first warning as the reason, and exit status 2. When
// the application starts, the warnings held back are passed on.
QtMessageHandler qtHandler = nullptr;
QList<std::pair<QtMsgType, QString>> heldBack;

void sayWhatToDoWithoutDisplay(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtFatalMsg && message.contains(QLatin1String("platform plugin"))) {
        const QString reason =
            heldBack.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(heldBack.first().second);
        std::fprintf(stderr, NoDisplay, qPrintable(reason));
        std::fflush(stderr);
        std::_Exit(ExitUsage);
    }
    if (context.category && qstrncmp(context.category, "qt.qpa", 6) == 0) {
        heldBack.append({type, message});
        return;
    }
    qtHandler(type, context, message);
}

// The same said at once, before Qt tries, where the platform it would use has nothing to connect to.
bool displayExpected()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && !platform.startsWith("xcb") && !platform.startsWith("wayland"))
        return true; // offscreen, vnc, eglfs, …: not a desktop's display
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace

int DashboardCommand::run(int &argc, char **argv)
{
    QStringList arguments{QStringLiteral("eventscope")};
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QString message;
    bool helpShown = false;
    const std::optional<Options> options = parse(arguments, &message, &helpShown);
    if (helpShown) {
        std::fputs(qPrintable(message), stdout);
        return ExitOk;
    }
    if (!options) {
        std::fprintf(stderr, "eventscope: %s\n", qPrintable(message));
        return ExitUsage;
    }
    if (!displayExpected()) {
        std::fprintf(stderr, NoDisplay, " (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        return ExitUsage;
    }
    qtHandler = qInstallMessageHandler(sayWhatToDoWithoutDisplay);
    QApplication app(argc, argv); // Qt Charts draws with QGraphicsView, which needs QApplication
    qInstallMessageHandler(qtHandler);
    for (const auto &[type, message] : std::as_const(heldBack))
        qtHandler(type, QMessageLogContext(), message);
    // The desktop entry's name ties the window to the menu entry and its icon (Wayland's app_id); the
    // icon theme's icon is preferred, the built-in one is for a build tree or a desktop without it.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.eventscope.EventScope"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("org.eventscope.EventScope"),
                         QIcon(QStringLiteral(":/icons/org.eventscope.EventScope.png"))));
    if (!options->screenshots.isEmpty() && !QDir().mkpath(options->screenshots)) {
        std::fprintf(stderr, "eventscope: cannot create the directory %s\n",
                     qPrintable(options->screenshots));
        return ExitUsage;
    }

    DemoServerThread demoServer;
    // Every event is recorded; the demo's go to a store of their own so they never mix with real ones.
    const QString storePath = options->demo ? QFileInfo(SqliteCaptureBackend::defaultPath())
                                                  .dir()
                                                  .filePath(QStringLiteral("demo-capture.sqlite"))
                                            : SqliteCaptureBackend::defaultPath();
    CaptureStore store(std::make_unique<SqliteCaptureBackend>(storePath),
                       options->demo ? QStringLiteral("dashboard (demo)") : QStringLiteral("dashboard"));
    Workspace workspace(options->demo                ? QString()
                        : options->profile.isEmpty() ? Profile::defaultPath()
                                                     : options->profile);
    workspace.setCaptureStore(&store);
    if (options->demo) {
        if (!demoServer.start(&message)) {
            std::fprintf(stderr, "eventscope: cannot serve the demo feeds: %s\n", qPrintable(message));
            return ExitFailure;
        }
        workspace.setProfile(Profile::demo(demoServer.url()));
    } else if (!workspace.loadProfile(&message)) {
        // The window still opens and says so; the file is left for the operator to fix.
        std::fprintf(stderr, "eventscope: %s\n", qPrintable(message));
    }

    if (!options->replay.isEmpty()) {
        // Problems go to stderr; what could be read replays.
        const QString problem = workspace.openReplay(QUrl::fromLocalFile(options->replay));
        if (!problem.isEmpty())
            std::fprintf(stderr, "eventscope: replay: %s\n", qPrintable(problem));
    }

    QQmlApplicationEngine engine;
    QQuickWindow *window = MainWindow::load(engine, &workspace, options->demo);
    if (!window)
        return ExitFailure;
    // Where the desktop has a tray (none under Xvfb), the unread count stays in sight there too.
    if (QSystemTrayIcon::isSystemTrayAvailable())
        new TrayIcon(window, workspace.notifications(), QApplication::windowIcon());
    if (!options->screenshots.isEmpty())
        new ScreenshotTour(window, QDir(options->screenshots), options->settleMs);
    return app.exec();
}
