// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedpanel.h"
#include "jobmodel.h"

// Long-running jobs: a row per job with its progress, state and ETA.
class ProgressPanel : public FeedPanel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard creates panels for its subscriptions")
    Q_PROPERTY(JobModel *jobs READ jobs CONSTANT)

public:
    ProgressPanel(const QString &subscriptionId, QObject *parent);

    JobModel *jobs() { return &m_jobs; }
    void ingest(const Input &input) override;

private:
    JobModel m_jobs;
};
