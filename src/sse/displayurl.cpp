// SPDX-License-Identifier: GPL-3.0-or-later
#include "displayurl.h"

QString displayUrl(const QUrl &url)
{
    if (url.password().isEmpty())
        return url.toString();
    // Set as the password, the mask would come out percent-encoded, so it goes into the text instead:
    // before the '@' that ends the userinfo, the first one after "//" (one in a user name is encoded).
    QString shown = url.toString(QUrl::RemovePassword);
    const qsizetype at = shown.indexOf(u'@', shown.indexOf(QLatin1String("//")) + 2);
    return at < 0 ? shown : shown.insert(at, QStringLiteral(":••••"));
}
