#include "httpstream.h"

QByteArray HttpStream::header(QByteArrayView name) const
{
    for (const auto &[headerName, value] : m_headers) {
        if (QByteArrayView(headerName).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}
