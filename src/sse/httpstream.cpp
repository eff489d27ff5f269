// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpstream.h"

#include <QSslError>
#include <QStringList>

QByteArray HttpStream::header(QByteArrayView name) const
{
    for (const auto &[headerName, value] : m_headers) {
        if (QByteArrayView(headerName).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpStream::describe(const QList<QSslError> &errors)
{
    QStringList texts;
    for (const QSslError &error : errors)
        texts << error.errorString();
    return texts.join(QStringLiteral("; "));
}
