// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutinfo.h"

#include "sqlitecapturebackend.h"

QString AboutInfo::version()
{
    return QStringLiteral(EVENTSCOPE_VERSION);
}

QString AboutInfo::qtVersion()
{
    return QString::fromLatin1(qVersion());
}

QString AboutInfo::qtBuildVersion()
{
    return QStringLiteral(QT_VERSION_STR);
}

int AboutInfo::captureSchemaVersion()
{
    return SqliteCaptureBackend::SchemaVersion;
}

QString AboutInfo::license()
{
    return QStringLiteral("GPL-3.0-or-later");
}

QString AboutInfo::homepage()
{
    return QStringLiteral(EVENTSCOPE_HOMEPAGE);
}

QString AboutInfo::versionText()
{
    return QStringLiteral("eventscope %1\nQt %2 (built with %3)\ncapture store schema %4\n")
        .arg(version(), qtVersion(), qtBuildVersion())
        .arg(captureSchemaVersion());
}
