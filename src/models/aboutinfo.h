// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

// What the About box says: this build's version, the Qt it runs on and was built with, the capture store
// schema it writes, its license and homepage. The version is the one in CMake's project().
class AboutInfo : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString qtVersion READ qtVersion CONSTANT)
    Q_PROPERTY(QString qtBuildVersion READ qtBuildVersion CONSTANT)
    Q_PROPERTY(QString captureSchemas READ captureSchemas CONSTANT)
    Q_PROPERTY(QString license READ license CONSTANT)
    Q_PROPERTY(QString homepage READ homepage CONSTANT)

public:
    using QObject::QObject;

    static QString version();
    static QString qtVersion();
    static QString qtBuildVersion();
    static QString captureSchemas(); // the store layouts this build writes
    static QString license();
    static QString homepage();
    // One line each for the version, Qt and the store schema, as `eventscope --version` prints them.
    static QString versionText();
};
