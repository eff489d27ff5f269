// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturebackend.h"

#include <QMetaType>
#include <QString>

// How the capture store is doing, as the status bar and the CLI tell it.
struct CaptureStatus
{
    QString location;
    QString error;      // the last failure, cleared by the next good write
    CaptureStats stats; // what the store holds
    qint64 waiting = 0; // received, not yet written (kept while the store cannot be written)
    qint64 unsaved = 0; // let go because the store could not take them for too long
};

Q_DECLARE_METATYPE(CaptureStatus)
