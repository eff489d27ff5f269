// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturebackend.h"

#include <QVariantList>

// A CaptureQuery's filters as SQL for any backend: `conditions` joined with AND, each value bound in order
// to a `?` (a backend with numbered parameters renumbers them). The text is looked for in each of
// `textColumns` (columns or expressions) with `likeOperator`: LIKE in SQLite, where it ignores ASCII case
// already; ILIKE in PostgreSQL, to match alike.
struct CaptureFilter
{
    QString conditions; // empty, or " AND …"
    QVariantList values;

    static CaptureFilter of(const CaptureQuery &query, const QStringList &textColumns,
                            const QString &likeOperator);
};
