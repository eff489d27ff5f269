// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"

#include <QList>

// Where FeedHub's worker keeps every live event: the capture store. Called on the worker's thread.
class EventRecorder
{
public:
    virtual ~EventRecorder() = default;

    // How many recorded events wait to be written, as a level: when Behind, the busiest feeds stop reading
    // until the recorder is caught up again; when Full, every feed does. A burst then slows its server down
    // instead of growing memory or losing events, and the quieter feeds go on.
    enum class Backlog { None, Behind, Full };

    virtual void record(const QList<CapturedEvent> &events) = 0;
    virtual Backlog backlog() = 0;
};
