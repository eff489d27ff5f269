// SPDX-License-Identifier: GPL-3.0-or-later
#include "sserequest.h"

#include "displayurl.h"

QString SseRequest::problem() const
{
    if (url.isEmpty())
        return QStringLiteral("no URL given");
    if (!url.isValid())
        return QStringLiteral("invalid URL '%1': %2").arg(displayUrl(url), url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("unsupported URL scheme in '%1'; use http:// or https://").arg(displayUrl(url));
    if (url.host().isEmpty())
        return QStringLiteral("URL '%1' has no host").arg(displayUrl(url));
    if (method.isEmpty() || method.contains(' '))
        return QStringLiteral("'%1' is not an HTTP method").arg(QString::fromLatin1(method));
    return {};
}
