// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include "captureimporter.h"
#include "feedhub.h"
#include "feedpanel.h"
#include "postgrescapturebackend.h"
#include "storebrowser.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace {

constexpr int IdleTickMs = 1000;

// The panel that suits a capture best, from its most common event type.
Subscription::Panel panelFor(const QList<CapturedEvent> &events)
{
    QHash<QString, int> types;
    for (const CapturedEvent &event : events)
        ++types[event.event.type];
    const auto most = std::max_element(types.cbegin(), types.cend());
    const QString type = most == types.cend() ? QString() : most.key();
    if (type == QLatin1String("quote"))
        return Subscription::Panel::Stock;
    if (type == QLatin1String("reading"))
        return Subscription::Panel::IoT;
    if (type == QLatin1String("progress"))
        return Subscription::Panel::Progress;
    if (type == QLatin1String("notification") || type == QLatin1String("alert"))
        return Subscription::Panel::Notifications;
    return Subscription::Panel::Raw;
}

} // namespace

Workspace::Workspace(const QString &profilePath, int batchIntervalMs, QObject *parent)
    : QObject(parent)
    , m_profilePath(profilePath)
    , m_hub(std::make_unique<FeedHub>(batchIntervalMs))
{
    m_events.setLog(&m_eventLog);
    connect(m_hub.get(), &FeedHub::frameArrived, this, [this](const FeedFrame &frame) {
        if (!m_paused) {
            apply(frame);
            return;
        }
        // Nothing older than the log could show is worth keeping while paused.
        m_buffer.merge(FeedFrame(frame), m_eventLog.capacity());
        Q_EMIT bufferedCountChanged();
    });
    connect(&m_dashboard, &Dashboard::chartViewChanged, m_hub.get(), &FeedHub::setChartView);
    connect(m_hub.get(), &FeedHub::statusesChanged, &m_subscriptions, &SubscriptionListModel::updateStatuses);
    connect(m_hub.get(), &FeedHub::statusesChanged, &m_dashboard, &Dashboard::updateStatuses);
    connect(m_hub.get(), &FeedHub::statusesChanged, this, &Workspace::logNewErrors);
    connect(m_hub.get(), &FeedHub::replayProgressed, this, [this](int position, int total) {
        m_replayPosition = position;
        m_replayTotal = total;
        if (FeedPanel *panel = m_dashboard.panelFor(QLatin1String(ReplayId)))
            panel->setStatus(position < total && !m_replayPaused ? QStringLiteral("open")
                                                                 : QStringLiteral("closed"),
                             0, {});
        Q_EMIT replayChanged();
    });
    connect(&m_subscriptions, &SubscriptionListModel::subscriptionsEdited, this,
            &Workspace::subscriptionsEdited);
    connect(&m_profiles, &ProfileStore::noticeChanged, this, &Workspace::secretsChanged);
    connect(&m_profiles, &ProfileStore::saved, this, [this](const QString &error) {
        m_profileProblem = error;
        Q_EMIT profileChanged();
        Q_EMIT secretsChanged(); // where the secrets went may have changed with the save
    });
    m_idleTick.setInterval(IdleTickMs);
    connect(&m_idleTick, &QTimer::timeout, this, [this] {
        if (!m_paused)
            m_dashboard.tick(QDateTime::currentMSecsSinceEpoch());
        updateLogNotice();
    });
    m_idleTick.start();
}

Workspace::~Workspace() = default;

void Workspace::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!m_paused && !m_buffer.isEmpty()) {
        apply(std::exchange(m_buffer, {}));
        Q_EMIT bufferedCountChanged();
    }
    Q_EMIT pausedChanged();
}

void Workspace::apply(const FeedFrame &frame)
{
    m_eventLog.append(frame.log);
    m_dashboard.apply(frame.panels, QDateTime::currentMSecsSinceEpoch());
    m_notifications.add(frame.notifications, frame.notificationsSkipped);
    m_alerts.offer(frame.notifications);
    m_eventsApplied += frame.events;
    m_logSkipped += frame.logSkipped;
    Q_EMIT frameApplied(frame);
}

void Workspace::updateLogNotice()
{
    const qint64 events = m_eventsApplied - m_eventsAtNotice;
    const qint64 skipped = m_logSkipped - m_skippedAtNotice;
    m_eventsAtNotice = m_eventsApplied;
    m_skippedAtNotice = m_logSkipped;
    const QString notice =
        skipped == 0
            ? QString()
            : QStringLiteral("Showing the newest %1 of %2 events/s; every event is in the capture store")
                  .arg(QLocale().toString(events - skipped), QLocale().toString(events));
    if (notice == m_logNotice)
        return;
    m_logNotice = notice;
    Q_EMIT logNoticeChanged();
}

void Workspace::frameShown()
{
    m_hub->frameShown();
}

void Workspace::setCaptureStore(CaptureStore *store)
{
    m_store = store;
    // FeedHub records into the store from its own thread; the store hands the events to its writer.
    m_hub->setRecorder(store);
    m_captureRefresh.setInterval(1000);
    connect(&m_captureRefresh, &QTimer::timeout, this, &Workspace::showCaptureStatus);
    m_captureRefresh.start();
    connect(store, &CaptureStore::statusChanged, this, [this](const CaptureStatus &status) {
        const bool news = m_captureSummary.isEmpty() || status.error != m_captureProblem;
        m_latestCapture = status;
        if (news)
            showCaptureStatus();
    });
}

void Workspace::showCaptureStatus()
{
    const CaptureStatus &status = m_latestCapture;
    const QString summary =
        QStringLiteral("Captured %1 events · %2 MB")
            .arg(QLocale().toString(status.stats.events))
            .arg(double(status.stats.bytes) / (1024.0 * 1024.0), 0, 'f', 1) +
        (status.waiting > 1000 ? QStringLiteral(" · %1 waiting").arg(QLocale().toString(status.waiting))
                               : QString()) +
        (status.unsaved > 0 ? QStringLiteral(" · %1 not stored").arg(QLocale().toString(status.unsaved))
                            : QString());
    if (summary == m_captureSummary && status.error == m_captureProblem)
        return;
    m_captureSummary = summary;
    if (!status.error.isEmpty() && status.error != m_captureProblem)
        qWarning("eventscope: %s", qPrintable(status.error));
    m_captureProblem = status.error;
    Q_EMIT captureChanged();
}

void Workspace::setRetention(int maxAgeDays, int maxMegabytes)
{
    if (m_store)
        m_store->setRetention({std::max(0, maxAgeDays), qint64(std::max(0, maxMegabytes)) * 1024 * 1024});
}

void Workspace::setProfile(const Profile &profile)
{
    m_subscriptions.setSubscriptions(profile.subscriptions);
    follow(profile.subscriptions);
}

bool Workspace::loadProfile(QString *error)
{
    if (m_profilePath.isEmpty() || !QFileInfo::exists(m_profilePath))
        return true;
    if (!m_profiles.load(m_profilePath, error, [this](const Profile &profile) { setProfile(profile); })) {
        // Leave the file alone: saving over it would destroy what the operator can still repair.
        m_profileProblem = *error;
        Q_EMIT profileChanged();
        return false;
    }
    return true;
}

QJsonObject Workspace::subscriptionJson(const QString &id) const
{
    for (const Subscription &subscription : m_subscriptions.subscriptions()) {
        if (subscription.id == id)
            return subscription.toJson();
    }
    return {};
}

QJsonObject Workspace::newSubscriptionJson() const
{
    return Subscription::create(QStringLiteral("New subscription"), QUrl(QStringLiteral("https://")),
                                Subscription::Panel::Raw)
        .toJson();
}

QString Workspace::saveSubscription(const QJsonObject &object)
{
    QStringList problems;
    const Subscription subscription = Subscription::parse(object, &problems);
    if (!problems.isEmpty())
        return problems.join(QLatin1Char('\n'));
    QList<Subscription> subscriptions = m_subscriptions.subscriptions();
    const auto found =
        std::find_if(subscriptions.begin(), subscriptions.end(),
                     [&subscription](const Subscription &s) { return s.id == subscription.id; });
    if (found == subscriptions.end())
        subscriptions.append(subscription);
    else
        *found = subscription;
    m_subscriptions.setSubscriptions(subscriptions);
    subscriptionsEdited(subscriptions);
    return {};
}

void Workspace::removeSubscription(const QString &id)
{
    QList<Subscription> subscriptions = m_subscriptions.subscriptions();
    subscriptions.removeIf([&id](const Subscription &s) { return s.id == id; });
    m_subscriptions.setSubscriptions(subscriptions);
    subscriptionsEdited(subscriptions);
}

void Workspace::subscriptionsEdited(const QList<Subscription> &subscriptions)
{
    follow(subscriptions);
    save();
}

void Workspace::follow(const QList<Subscription> &subscriptions)
{
    updateDashboard();
    m_hub->setSubscriptions(subscriptions);
    if (m_store)
        m_store->recordSubscriptions(subscriptions);
}

void Workspace::save()
{
    if (!m_profilePath.isEmpty())
        m_profiles.save(m_profilePath, Profile{m_subscriptions.subscriptions()});
}

QString Workspace::importProfile(const QUrl &file)
{
    QString error;
    const bool read = m_profiles.load(file.toLocalFile(), &error, [this](const Profile &profile) {
        setProfile(profile);
        save();
    });
    return read ? QString() : error;
}

QString Workspace::exportProfile(const QUrl &file) const
{
    // Secrets stay on this machine: an exported profile names the headers but leaves their values blank.
    QString error;
    return Profile{m_subscriptions.subscriptions()}.save(file.toLocalFile(), &error,
                                                         Profile::Secrets::LeftOut)
               ? QString()
               : error;
}

void Workspace::updateDashboard()
{
    QList<Subscription> shown = m_subscriptions.subscriptions();
    if (m_replay)
        shown.append(*m_replay);
    m_dashboard.setSubscriptions(shown);
}

QString Workspace::openReplay(const QUrl &file)
{
    const CaptureImporter::Result imported = CaptureImporter::importFile(file.toLocalFile());
    if (!imported.error.isEmpty())
        return imported.error;
    const QString skipped = imported.malformed == 0 ? QString()
                                                    : QStringLiteral("%1 malformed lines skipped:\n%2")
                                                          .arg(imported.malformed)
                                                          .arg(imported.problems.join(QLatin1Char('\n')));
    if (imported.events.isEmpty())
        return QStringLiteral("'%1' holds no events. %2").arg(file.fileName(), skipped);
    startReplay(imported.events, file.fileName());
    return skipped;
}

QString Workspace::replayStore(StoreBrowser *browser)
{
    const QList<CapturedEvent> events = browser ? browser->shownEvents() : QList<CapturedEvent>();
    if (events.isEmpty())
        return QStringLiteral("The search found no events to replay.");
    const QString location = browser->location();
    startReplay(events, PostgresCaptureBackend::isUrl(location) ? QUrl(location).path().mid(1)
                                                                : QFileInfo(location).fileName());
    return QString();
}

void Workspace::startReplay(const QList<CapturedEvent> &events, const QString &name)
{
    closeReplay();
    Subscription replay = Subscription::create(QStringLiteral("Replay · ") + name, {}, panelFor(events));
    replay.id = QLatin1String(ReplayId);
    replay.mapping.time.clear(); // played events carry the replay's clock, not their data's old times
    m_replay = replay;
    m_replayName = name;
    m_replayPosition = 0;
    m_replayTotal = int(events.size());
    m_replaySpeed = 1;
    m_replayPaused = false;
    updateDashboard();
    m_hub->startReplay(replay, events);
    Q_EMIT replayChanged();
}

void Workspace::setReplaySpeed(double speed)
{
    m_replaySpeed = speed;
    m_hub->controlReplay(m_replaySpeed, m_replayPaused);
    Q_EMIT replayChanged();
}

void Workspace::setReplayPaused(bool paused)
{
    m_replayPaused = paused;
    m_hub->controlReplay(m_replaySpeed, m_replayPaused);
    Q_EMIT replayChanged();
}

void Workspace::seekReplay(int position)
{
    m_hub->seekReplay(position);
}

void Workspace::closeReplay()
{
    if (!m_replay)
        return;
    m_hub->stopReplay();
    m_replay.reset();
    m_replayName.clear();
    updateDashboard();
    Q_EMIT replayChanged();
}

void Workspace::logNewErrors(const QList<SubscriptionStatus> &statuses)
{
    // Each new error once, so the log tells what went wrong and when without repeating every retry.
    for (const SubscriptionStatus &status : statuses) {
        QString &logged = m_loggedErrors[status.id];
        if (status.lastError.isEmpty() || status.lastError == logged)
            continue;
        logged = status.lastError;
        QString name = status.id;
        for (const Subscription &subscription : m_subscriptions.subscriptions()) {
            if (subscription.id == status.id)
                name = subscription.name;
        }
        qWarning("eventscope: %s: %s", qPrintable(name), qPrintable(status.lastError));
    }
}
