// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"
#include "feedframe.h"
#include "fieldmapping.h"
#include "notification.h"

#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>

class ChartFeeder;

// One dashboard panel's state for one subscription. The dashboard hands it the records of a FeedHub frame
// (events with their JSON data and mapped sample already worked out on the worker, one per symbol, device
// sensor or job), then its chart frame, then calls flush() once so the panel updates its models once per
// frame.
class FeedPanel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard creates panels for its subscriptions")
    Q_PROPERTY(QString subscriptionId READ subscriptionId CONSTANT)
    Q_PROPERTY(QString kind READ kind CONSTANT)
    Q_PROPERTY(QString title READ title NOTIFY titleChanged)
    Q_PROPERTY(QString connectionState READ connectionState NOTIFY statusChanged)
    Q_PROPERTY(double eventsPerSecond READ eventsPerSecond NOTIFY statusChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY statusChanged)

public:
    struct Input
    {
        const CapturedEvent &event;
        const QJsonObject &object; // the data as a JSON object; empty when it is none
        const std::optional<FieldMapping::Sample> &sample;
        const std::optional<Notification> &notification; // what a notification or alert event carries
    };

    FeedPanel(const QString &subscriptionId, const QString &kind, QObject *parent);

    QString subscriptionId() const { return m_subscriptionId; }
    QString kind() const { return m_kind; }
    QString title() const { return m_title; }
    void setTitle(const QString &title);
    QString connectionState() const { return m_state; }
    double eventsPerSecond() const { return m_eventsPerSecond; }
    QString lastError() const { return m_lastError; }
    // The subscription's connection, for the panel's title row.
    void setStatus(const QString &state, double eventsPerSecond, const QString &lastError);
    // The mapping changed in the editor.
    virtual void setMapping(const FieldMapping &mapping) { Q_UNUSED(mapping) }

    virtual void ingest(const Input &input) { Q_UNUSED(input) }
    // A text panel's pieces of the frame, and how many a flood made the worker leave out.
    virtual void ingestText(const QList<TextPiece> &pieces, qint64 skipped)
    {
        Q_UNUSED(pieces)
        Q_UNUSED(skipped)
    }
    virtual void flush(qint64 nowMs) { Q_UNUSED(nowMs) }
    // Where the panel's chart frames go; none for panels without charts.
    virtual ChartFeeder *chart() { return nullptr; }

Q_SIGNALS:
    void titleChanged();
    void statusChanged();

private:
    const QString m_subscriptionId;
    const QString m_kind;
    QString m_title;
    QString m_state = QStringLiteral("connecting");
    double m_eventsPerSecond = 0;
    QString m_lastError;
};
