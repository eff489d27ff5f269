// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturestore.h"
#include "dashboard.h"
#include "desktopalerts.h"
#include "eventfiltermodel.h"
#include "eventlogmodel.h"
#include "notificationmodel.h"
#include "profile.h"
#include "profilestore.h"
#include "subscriptionlistmodel.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class FeedHub;
class StoreBrowser;

// What the window works on: the profile's subscriptions running in FeedHub, and the models their events
// feed (sidebar, dashboard, event log, notifications). Each FeedHub frame is applied to every model in
// one go; while paused, frames fold into one that is applied on resume. Every live event is recorded in the
// capture store from FeedHub's thread, whatever the views do.
class Workspace : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application provides the workspace")
    Q_PROPERTY(SubscriptionListModel *subscriptions READ subscriptions CONSTANT)
    Q_PROPERTY(Dashboard *dashboard READ dashboard CONSTANT)
    Q_PROPERTY(EventLogModel *eventLog READ eventLog CONSTANT)
    Q_PROPERTY(EventFilterModel *events READ events CONSTANT)
    Q_PROPERTY(NotificationModel *notifications READ notifications CONSTANT)
    Q_PROPERTY(DesktopAlerts *alerts READ alerts CONSTANT)
    Q_PROPERTY(bool paused READ paused WRITE setPaused NOTIFY pausedChanged)
    Q_PROPERTY(int bufferedCount READ bufferedCount NOTIFY bufferedCountChanged)
    Q_PROPERTY(QString logNotice READ logNotice NOTIFY logNoticeChanged)
    Q_PROPERTY(QString profilePath READ profilePath NOTIFY profileChanged)
    Q_PROPERTY(QString profileProblem READ profileProblem NOTIFY profileChanged)
    Q_PROPERTY(QString secretsNotice READ secretsNotice NOTIFY secretsChanged)
    Q_PROPERTY(bool secretsOnlyInMemory READ secretsOnlyInMemory NOTIFY secretsChanged)
    Q_PROPERTY(QString captureSummary READ captureSummary NOTIFY captureChanged)
    Q_PROPERTY(QString captureProblem READ captureProblem NOTIFY captureChanged)
    Q_PROPERTY(QString capturePath READ capturePath NOTIFY captureChanged)
    Q_PROPERTY(bool replayActive READ replayActive NOTIFY replayChanged)
    Q_PROPERTY(QString replayName READ replayName NOTIFY replayChanged)
    Q_PROPERTY(int replayPosition READ replayPosition NOTIFY replayChanged)
    Q_PROPERTY(int replayTotal READ replayTotal NOTIFY replayChanged)
    Q_PROPERTY(double replaySpeed READ replaySpeed NOTIFY replayChanged)
    Q_PROPERTY(bool replayPaused READ replayPaused NOTIFY replayChanged)

public:
    // `profilePath` empty: the profile lives in memory only (the demo).
    explicit Workspace(const QString &profilePath, int batchIntervalMs = 16, QObject *parent = nullptr);
    ~Workspace() override;

    SubscriptionListModel *subscriptions() { return &m_subscriptions; }
    Dashboard *dashboard() { return &m_dashboard; }
    EventLogModel *eventLog() { return &m_eventLog; }
    EventFilterModel *events() { return &m_events; }
    NotificationModel *notifications() { return &m_notifications; }
    DesktopAlerts *alerts() { return &m_alerts; }
    bool paused() const { return m_paused; }
    void setPaused(bool paused);
    int bufferedCount() const { return int(m_buffer.events); }
    // Said while the event log shows only the newest of what comes (or nothing when it shows every event).
    QString logNotice() const { return m_logNotice; }
    QString profilePath() const { return m_profilePath; }
    QString profileProblem() const { return m_profileProblem; }
    // Where secret header values went when that is news (see ProfileStore), for the status bar.
    QString secretsNotice() const { return m_profiles.notice(); }
    // No keychain answered: secret values are kept for this session only, until the operator agrees to
    // keepSecretsInPrivateFile().
    bool secretsOnlyInMemory() const { return m_profiles.secretHome() == ProfileStore::SecretHome::Memory; }
    Q_INVOKABLE void keepSecretsInPrivateFile() { m_profiles.keepSecretsInPrivateFile(); }
    qint64 eventsApplied() const { return m_eventsApplied; }
    // The window showing the workspace swapped a frame to the screen: frames follow its refresh. Safe to
    // call from any thread.
    void frameShown();

    // Records every batch (paused or not) into `store`, which outlives the workspace's use of it.
    void setCaptureStore(CaptureStore *store);
    QString captureSummary() const { return m_captureSummary; }
    QString captureProblem() const { return m_captureProblem; }
    QString capturePath() const { return m_store ? m_store->location() : QString(); }
    // Retention of the capture store: days and megabytes, 0 for no limit.
    Q_INVOKABLE void setRetention(int maxAgeDays, int maxMegabytes);

    // Replays an NDJSON or .sse capture through FeedHub into a panel of its own (its kind guessed from
    // the event types), marked as replayed. Returns an empty text, or what went wrong or was skipped.
    Q_INVOKABLE QString openReplay(const QUrl &file);
    // Replays what the Store page shows; an empty string, or why not.
    Q_INVOKABLE QString replayStore(StoreBrowser *browser);
    Q_INVOKABLE void setReplaySpeed(double speed); // 1, 10; 0: as fast as possible
    Q_INVOKABLE void setReplayPaused(bool paused);
    Q_INVOKABLE void seekReplay(int position);
    Q_INVOKABLE void closeReplay();
    bool replayActive() const { return !m_replayName.isEmpty(); }
    QString replayName() const { return m_replayName; }
    int replayPosition() const { return m_replayPosition; }
    int replayTotal() const { return m_replayTotal; }
    double replaySpeed() const { return m_replaySpeed; }
    bool replayPaused() const { return m_replayPaused; }
    static constexpr const char *ReplayId = "replay";

    void setProfile(const Profile &profile);
    // The profile at profilePath(); a missing file is an empty profile, a bad one an error that keeps
    // the file as it is (and the workspace empty) so nothing the operator made is overwritten. Secret
    // header values kept in the keychain are read first: the subscriptions start once they are in.
    bool loadProfile(QString *error);

    Q_INVOKABLE QJsonObject subscriptionJson(const QString &id) const;
    Q_INVOKABLE QJsonObject newSubscriptionJson() const;
    // Adds or replaces (by id) a subscription; returns why not, or an empty text when done.
    Q_INVOKABLE QString saveSubscription(const QJsonObject &subscription);
    Q_INVOKABLE void removeSubscription(const QString &id);
    // Profile files chosen in the GUI; an empty text on success, else what went wrong.
    Q_INVOKABLE QString importProfile(const QUrl &file);
    Q_INVOKABLE QString exportProfile(const QUrl &file) const;

Q_SIGNALS:
    void pausedChanged();
    void bufferedCountChanged();
    void logNoticeChanged();
    void profileChanged();
    void secretsChanged();
    void captureChanged();
    void replayChanged();
    // A frame reached the models (for the benchmark).
    void frameApplied(const FeedFrame &frame);

private:
    void startReplay(const QList<CapturedEvent> &events, const QString &name);
    void showCaptureStatus();
    void apply(const FeedFrame &frame);
    void updateLogNotice();
    void subscriptionsEdited(const QList<Subscription> &subscriptions);
    void save();
    // The subscriptions changed: the dashboard, FeedHub and the capture store's record follow them.
    void follow(const QList<Subscription> &subscriptions);
    void updateDashboard();
    void logNewErrors(const QList<SubscriptionStatus> &statuses);

    QString m_profilePath;
    QString m_profileProblem;
    SecretVault m_vault;
    ProfileStore m_profiles{&m_vault};
    SubscriptionListModel m_subscriptions;
    Dashboard m_dashboard;
    EventLogModel m_eventLog;
    EventFilterModel m_events;
    NotificationModel m_notifications;
    DesktopAlerts m_alerts;
    std::unique_ptr<FeedHub> m_hub;
    QTimer m_idleTick; // devices age even when no events come
    bool m_paused = false;
    FeedFrame m_buffer;
    qint64 m_eventsApplied = 0;
    qint64 m_eventsAtNotice = 0;
    qint64 m_skippedAtNotice = 0; // log rows left out, counted up to the last notice
    qint64 m_logSkipped = 0;
    QString m_logNotice;
    CaptureStore *m_store = nullptr;
    // The store reports after every write (ten times a second and more); the status bar's counts change
    // once a second, so they do not draw frames of their own between the feeds' frames. Problems show at
    // once.
    CaptureStatus m_latestCapture;
    QTimer m_captureRefresh;
    QString m_captureSummary;
    QString m_captureProblem;
    QHash<QString, QString> m_loggedErrors; // by subscription id
    std::optional<Subscription> m_replay;
    QString m_replayName;
    int m_replayPosition = 0;
    int m_replayTotal = 0;
    double m_replaySpeed = 1;
    bool m_replayPaused = false;
};
