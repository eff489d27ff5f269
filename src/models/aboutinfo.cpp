// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutinfo.h"

#include "postgrescapturebackend.h"
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

QString AboutInfo::captureSchemas()
{
    return QStringLiteral("SQLite %1, PostgreSQL %2")
        .arg(SqliteCaptureBackend::SchemaVersion)
        .arg(PostgresCaptureBackend::SchemaVersion);
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
    return QStringLiteral("eventscope %1\nQt %2 (built with %3)\ncapture store schemas: %4\n")
        .arg(version(), qtVersion(), qtBuildVersion(), captureSchemas());
}
