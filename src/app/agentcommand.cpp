// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentcommand.h"

#include "commandline.h"
#include "console.h"
#include "exitcode.h"
#include "storecheck.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <csignal>
#include <cstdio>

namespace {

const QString Command = QStringLiteral("agent");

} // namespace

int AgentCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Records every enabled subscription of a profile into a capture store, without a window, until "
        "stopped. Each state change is one line on stderr. SIGHUP reads the profile again; SIGTERM or "
        "SIGINT stops and writes what is waiting. Exit codes: 0 stopped, 2 usage or profile, 3 store "
        "unreachable."));
    const QCommandLineOption help = CommandLine::helpOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("The profile whose enabled subscriptions to record."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("The capture store: a SQLite file or a postgresql:// URL (password from ~/.pgpass or "
                       "PGPASSWORD)."),
        QStringLiteral("STORE"));
    const QCommandLineOption logFormat(QStringLiteral("log-format"),
                                       QStringLiteral("text (default) or json: one JSON object a line."),
                                       QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption label(
        QStringLiteral("label"),
        QStringLiteral("How this agent's sessions are named in the store (default: agent on HOST)."),
        QStringLiteral("NAME"));
    parser.addOptions({help, profile, db, logFormat, label});
    QString message;
    switch (CommandLine::parse(parser, help, QStringList{QStringLiteral("eventscope agent")} + arguments,
                               message)) {
    case CommandLine::Parse::Help:
        std::fputs(qPrintable(message), stdout);
        return ExitOk;
    case CommandLine::Parse::Error:
        Console::error(Command, message + QStringLiteral(" (see eventscope agent --help)"));
        return ExitUsage;
    case CommandLine::Parse::Run:
        break;
    }
    const QString format = parser.value(logFormat);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        Console::error(Command, QStringLiteral("--log-format is text or json, not '%1'").arg(format));
        return ExitUsage;
    }
    Console::setJsonLines(format == QLatin1String("json"));
    for (const QCommandLineOption *required : {&profile, &db}) {
        if (!parser.isSet(*required)) {
            Console::error(Command, QStringLiteral("--%1 is needed (see eventscope agent --help)")
                                        .arg(required->names().constFirst()));
            return ExitUsage;
        }
    }
    if (const std::optional<int> refused = refuseUnusableStore(Command, parser.value(db)))
        return *refused;

    AgentCommand agent({parser.value(profile), parser.value(db),
                        parser.isSet(label) ? parser.value(label)
                                            : QStringLiteral("agent on ") + QHostInfo::localHostName()});
    if (!agent.start(&message)) {
        Console::error(Command, message);
        return ExitUsage;
    }
    return QCoreApplication::exec();
}

AgentCommand::AgentCommand(const Options &options)
    : m_options(options)
    , m_store(captureBackendFor(options.db), options.label)
    , m_profiles(&m_vault)
{
    m_hub.setRecorder(&m_store);
    connect(&m_hub, &FeedHub::statusesChanged, this, &AgentCommand::report);
    connect(&m_store, &CaptureStore::statusChanged, this, [this](const CaptureStatus &store) {
        if (store.error != m_storeError && !store.error.isEmpty())
            Console::error(Command, store.error); // events wait in memory and are written when it can again
        else if (store.error.isEmpty() && !m_storeError.isEmpty())
            Console::status(Command, QStringLiteral("capture store: writing again"));
        m_storeError = store.error;
    });
    connect(&m_signals, &UnixSignals::received, this, [this](int signalNumber) {
        QString problem;
        if (signalNumber != SIGHUP)
            stop();
        else if (!loadProfile(true, &problem)) // what runs goes on as it was
            Console::error(Command,
                           problem + QStringLiteral(" (the subscriptions keep running as they were)"));
    });
}

bool AgentCommand::start(QString *error)
{
    if (!m_signals.watch(error) || !loadProfile(false, error))
        return false;
    Console::status(Command, QStringLiteral("recording into %1").arg(m_options.db));
    return true;
}

bool AgentCommand::loadProfile(bool reload, QString *error)
{
    return m_profiles.load(m_options.profile, error, [this, reload](const Profile &profile) {
        if (reload)
            Console::status(Command, QStringLiteral("profile read again"));
        follow(profile);
    });
}

void AgentCommand::follow(const Profile &profile)
{
    QList<Subscription> enabled;
    m_names.clear();
    for (const Subscription &subscription : profile.subscriptions) {
        m_names.insert(subscription.id, subscription.name);
        if (subscription.enabled)
            enabled.append(subscription);
    }
    Console::status(Command, QStringLiteral("%1 of %2 subscriptions enabled")
                                 .arg(enabled.size())
                                 .arg(profile.subscriptions.size()));
    m_hub.setSubscriptions(enabled);
    m_store.recordSubscriptions(enabled);
}

void AgentCommand::report(const QList<SubscriptionStatus> &statuses)
{
    for (const SubscriptionStatus &status : statuses) {
        if (!status.enabled)
            continue;
        const QString line = status.lastError.isEmpty() ? SubscriptionStatus::stateName(status.state)
                                                        : SubscriptionStatus::stateName(status.state) +
                                                              QStringLiteral(": ") + status.lastError;
        if (m_reported.value(status.id) == line)
            continue;
        m_reported.insert(status.id, line);
        const QString subject = m_names.value(status.id, status.id) + QStringLiteral(": ");
        if (status.lastError.isEmpty())
            Console::status(Command, subject + line);
        else
            Console::error(Command, subject + line);
    }
}

void AgentCommand::stop()
{
    Console::status(Command, QStringLiteral("stopping"));
    m_hub.stop(); // every event received is with the store when this returns
    const CaptureStatus last = m_store.flush();
    if (!last.error.isEmpty())
        Console::error(Command, last.error);
    if (last.waiting > 0)
        Console::error(Command,
                       QStringLiteral("%1 events received are not in the capture store").arg(last.waiting));
    Console::status(Command,
                    QStringLiteral("stopped; the capture store holds %1 events").arg(last.stats.events));
    QCoreApplication::exit(last.waiting > 0 ? ExitFailure : ExitOk);
}
