// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ndjsonformat.h"

// A JSON array of the same objects as the NDJSON lines, one per line, for tools that read one document.
class JsonArrayFormat : public RecordFormat
{
public:
    QByteArray header() const override { return QByteArrayLiteral("["); }
    void appendRecord(QByteArray &out, const RecordBytes &record) override;
    QByteArray footer() const override
    {
        return m_empty ? QByteArrayLiteral("]\n") : QByteArrayLiteral("\n]\n");
    }

private:
    NdjsonFormat m_objects;
    bool m_empty = true;
};
