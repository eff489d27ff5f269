// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The installed tree and the documents that describe the program: a desktop that installs EventScope
// gets a complete, valid set, and the manual page and completion name every option the program has.
class TestInstallation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void installsEveryFile();
    void iconsHaveTheirSizes();
    void desktopEntryAndMetainfoValidate_data();
    void desktopEntryAndMetainfoValidate();
    void manPageAndCompletionNameEveryOption_data();
    void manPageAndCompletionNameEveryOption();
    void versionIsTheProjectsEverywhere();
    void helpAndMistakesNeedNoDisplay();

private:
    QTemporaryDir m_prefix;
};

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.err = program + " did not finish within 60 s";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The options a --help lists ("  -H, --header <K: V>  ..."): each long name, and each short one.
QStringList optionsIn(const QString &help)
{
    QStringList options;
    static const QRegularExpression optionLine(QStringLiteral(R"(^\s{2}(-\w, )?(--[\w-]+))"),
                                               QRegularExpression::MultilineOption);
    for (auto match = optionLine.globalMatch(help); match.hasNext();) {
        const QRegularExpressionMatch m = match.next();
        if (!m.captured(1).isEmpty())
            options << m.captured(1).left(2);
        options << m.captured(2);
    }
    return options;
}

// The man page's section for one command ("eventscope capture"), with troff's escaped hyphens plain.
QString manSection(const QString &page, const QString &heading)
{
    const QString start = QStringLiteral(".SS \"%1").arg(heading);
    const qsizetype from = page.indexOf(start);
    if (from < 0)
        return QString();
    qsizetype to = page.indexOf(QStringLiteral("\n.S"), from + start.size());
    return page.mid(from, to < 0 ? -1 : to - from).replace(QStringLiteral("\\-"), QStringLiteral("-"));
}

// The completion's case branch for one command ("capture)" or the dashboard's "*)").
QString completionBranch(const QString &script, const QString &label)
{
    const qsizetype from = script.indexOf(QStringLiteral("        %1)\n").arg(label));
    if (from < 0)
        return QString();
    return script.mid(from, script.indexOf(QStringLiteral(";;"), from) - from);
}

const QStringList InstalledFiles = {
    "bin/eventscope",
    "share/applications/org.eventscope.EventScope.desktop",
    "share/metainfo/org.eventscope.EventScope.metainfo.xml",
    "share/mime/packages/org.eventscope.EventScope.xml",
    "share/icons/hicolor/scalable/apps/org.eventscope.EventScope.svg",
    "share/man/man1/eventscope.1.gz",
    "share/bash-completion/completions/eventscope",
    "share/doc/eventscope/copyright",
    "share/doc/eventscope/changelog.gz",
};
const int IconSizes[] = {16, 22, 24, 32, 48, 64, 128, 256, 512};

} // namespace

void TestInstallation::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    const Run install = run(CMAKE_COMMAND, {"--install", BUILD_DIR, "--prefix", m_prefix.path()});
    QVERIFY2(install.exitCode == 0, qPrintable(install.out + install.err));
}

void TestInstallation::installsEveryFile()
{
    for (const QString &file : InstalledFiles) {
        const QFileInfo info(m_prefix.filePath(file));
        QVERIFY2(info.isFile() && info.size() > 0, qPrintable(file + " is missing or empty"));
    }
    QVERIFY(QFileInfo(m_prefix.filePath("bin/eventscope")).isExecutable());
    const Run version = run(m_prefix.filePath("bin/eventscope"), {"--version"});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.section('\n', 0, 0), QString("eventscope " PROJECT_VERSION));
}

void TestInstallation::iconsHaveTheirSizes()
{
    for (const int size : IconSizes) {
        const QString file = m_prefix.filePath(
            QString("share/icons/hicolor/%1x%1/apps/org.eventscope.EventScope.png").arg(size));
        const QImage icon(file);
        QVERIFY2(!icon.isNull(), qPrintable(file + " is not a PNG"));
        QCOMPARE(icon.size(), QSize(size, size));
        // Drawn, not blank: the middle of the icon is its screen, not a transparent hole.
        QVERIFY2(qAlpha(icon.pixel(size / 2, size / 2)) > 200, qPrintable(file));
    }
}

void TestInstallation::desktopEntryAndMetainfoValidate_data()
{
    QTest::addColumn<QString>("validator");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("desktop entry") << "desktop-file-validate"
                                   << QStringList{m_prefix.filePath(
                                          "share/applications/org.eventscope.EventScope.desktop")};
    QTest::newRow("metainfo") << "appstreamcli"
                              << QStringList{"validate", "--no-net", "--explain",
                                             m_prefix.filePath(
                                                 "share/metainfo/org.eventscope.EventScope.metainfo.xml")};
}

void TestInstallation::desktopEntryAndMetainfoValidate()
{
    QFETCH(QString, validator);
    QFETCH(QStringList, arguments);
    QVERIFY2(!QStandardPaths::findExecutable(validator).isEmpty(),
             qPrintable(validator + " is not installed (scripts/setup installs it)"));
    const Run check = run(validator, arguments);
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
}

void TestInstallation::manPageAndCompletionNameEveryOption_data()
{
    QTest::addColumn<QStringList>("helpArguments");
    QTest::addColumn<QString>("manHeading");
    QTest::addColumn<QString>("completionLabel");
    QTest::newRow("dashboard") << QStringList{"--help"} << "eventscope (the dashboard)"
                               << "*";
    QTest::newRow("capture") << QStringList{"capture", "--help"} << "eventscope capture"
                             << "capture";
    QTest::newRow("export") << QStringList{"export", "--help"} << "eventscope export"
                            << "export";
    QTest::newRow("agent") << QStringList{"agent", "--help"} << "eventscope agent"
                           << "agent";
    QTest::newRow("serve-demo") << QStringList{"serve-demo", "--help"} << "eventscope serve\\-demo"
                                << "serve-demo";
}

void TestInstallation::manPageAndCompletionNameEveryOption()
{
    QFETCH(QStringList, helpArguments);
    QFETCH(QString, manHeading);
    QFETCH(QString, completionLabel);
    const Run help = run(EVENTSCOPE_BIN, helpArguments);
    QCOMPARE(help.exitCode, 0);
    const QStringList options = optionsIn(help.out);
    QVERIFY2(options.size() >= 5, qPrintable(help.out));

    const QString section = manSection(readText(SOURCE_DIR "/resources/eventscope.1"), manHeading);
    QVERIFY2(!section.isEmpty(), qPrintable("no section " + manHeading + " in the manual page"));
    const QString branch =
        completionBranch(readText(SOURCE_DIR "/resources/eventscope.bash-completion"), completionLabel);
    QVERIFY2(!branch.isEmpty(), qPrintable("no branch " + completionLabel + ") in the completion"));
    QStringList missingFromManPage;
    QStringList missingFromCompletion;
    for (const QString &option : options) {
        const QRegularExpression named("(^|[^\\w-])" + QRegularExpression::escape(option) + "($|[^\\w-])");
        if (!section.contains(named))
            missingFromManPage << option;
        if (option.startsWith("--") && !branch.contains(named))
            missingFromCompletion << option;
    }
    QVERIFY2(missingFromManPage.isEmpty(),
             qPrintable("resources/eventscope.1 lacks " + missingFromManPage.join(", ")));
    QVERIFY2(missingFromCompletion.isEmpty(),
             qPrintable("resources/eventscope.bash-completion lacks " + missingFromCompletion.join(", ")));
}

void TestInstallation::versionIsTheProjectsEverywhere()
{
    const QString version = PROJECT_VERSION;
    QVERIFY2(readText(SOURCE_DIR "/resources/eventscope.1").contains("\"EventScope " + version + "\""),
             "the manual page's .TH line names another version");
    const QString metainfo = readText(SOURCE_DIR "/resources/org.eventscope.EventScope.metainfo.xml");
    const QRegularExpressionMatch newest =
        QRegularExpression(R"re(<release version="([^"]+)")re").match(metainfo);
    QCOMPARE(newest.captured(1), version);
    QVERIFY2(readText(SOURCE_DIR "/packaging/debian/changelog").startsWith("eventscope (" + version + ")"),
             "packaging/debian/changelog does not start with this version");
}

void TestInstallation::helpAndMistakesNeedNoDisplay()
{
    // What is parsed before a window exists answers on a machine without a display.
    QProcessEnvironment headless = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        headless.remove(name);
    const Run help = run(EVENTSCOPE_BIN, {"--help"}, headless);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains("capture URL") && help.out.contains("[FILE]"), qPrintable(help.out));
    const Run unknown = run(EVENTSCOPE_BIN, {"captur"}, headless);
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.err.trimmed(),
             QString("eventscope: unknown command 'captur' (eventscope --help lists them)"));
    const Run twoFiles = run(EVENTSCOPE_BIN, {"a.ndjson", "b.sse"}, headless);
    QCOMPARE(twoFiles.exitCode, 2);
    QCOMPARE(twoFiles.err.trimmed(),
             QString("eventscope: one capture to replay at a time, not 'a.ndjson b.sse'"));

    // The dashboard itself says in one line what to do instead of Qt's abort, with no display set and
    // with one set where no X server answers.
    const QString advice =
        ": run it in a desktop session or under xvfb-run, or use eventscope capture, agent "
        "or serve-demo, which need no display";
    for (const auto &[display, reason] :
         {std::pair{QString(), QString(" (neither DISPLAY nor WAYLAND_DISPLAY is set)")},
          std::pair{QString(":4711"), QString(" (could not connect to display :4711)")}}) {
        if (!display.isEmpty())
            headless.insert("DISPLAY", display);
        const Run refused = run(EVENTSCOPE_BIN, {"--demo"}, headless);
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(refused.err.trimmed(), "eventscope: no display to show the dashboard on" + reason + advice);
    }
}

QTEST_GUILESS_MAIN(TestInstallation)
#include "tst_installation.moc"
