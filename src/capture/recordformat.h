// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>
#include <memory>

// One record as formats write it: valid UTF-8 bytes, so an event straight from the parser is written
// without being decoded to QStrings first.
struct RecordBytes
{
    qint64 receivedMs = 0;
    QByteArrayView source;
    QByteArrayView type; // never empty: "message" where the stream named none
    QByteArrayView id;
    QByteArrayView data;
};

// One text format for captured events, written as a header, one record per event and a footer.
// The CLI and the exporters stream through it, so a format is written in one place only.
class RecordFormat
{
public:
    virtual ~RecordFormat() = default;

    virtual QByteArray header() const { return {}; }
    virtual void appendRecord(QByteArray &out, const RecordBytes &record) = 0;
    virtual QByteArray footer() const { return {}; }

    // The event's strings as UTF-8, written by appendRecord().
    void append(QByteArray &out, const CapturedEvent &event);

    // "ndjson", "csv", "json" (an array) or "sse"; null for any other name.
    static std::unique_ptr<RecordFormat> create(const QString &name);
    static QStringList names();
};
