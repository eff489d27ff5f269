// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordformat.h"
#include "utctimestamp.h"

// RFC 4180 CSV: a header row, then time,source,event,id,data per event; CRLF line ends; a field with a
// comma, quote, CR or LF is quoted with its quotes doubled.
class CsvFormat : public RecordFormat
{
public:
    QByteArray header() const override;
    void appendRecord(QByteArray &out, const RecordBytes &record) override;

    static void appendField(QByteArray &out, QByteArrayView utf8);

private:
    UtcTimestamp m_time;
};
