// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

// The subscription editor's draft: flat fields a form binds to (`fields.url`, `fields.headers`, …),
// checked on every change by the same validation a profile load uses, with each problem filed under
// the field it concerns so the form shows it inline.
class SubscriptionEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY changed)
    Q_PROPERTY(QVariantMap problems READ problems NOTIFY changed)
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
    Q_PROPERTY(QStringList panelKinds READ panelKinds CONSTANT)

public:
    explicit SubscriptionEditor(QObject *parent = nullptr);

    QVariantMap fields() const { return m_fields; }
    QVariantMap problems() const { return m_problems; }
    bool valid() const { return m_problems.isEmpty(); }
    QStringList panelKinds() const;

    // Starts editing a subscription given as profile JSON.
    Q_INVOKABLE void load(const QJsonObject &subscription);
    Q_INVOKABLE void set(const QString &field, const QVariant &value);
    // Switching the panel kind brings that kind's field mapping along when the mapping was the default.
    Q_INVOKABLE void setPanel(const QString &panel);

    Q_INVOKABLE void addHeader();
    Q_INVOKABLE void setHeader(int row, const QString &name, const QString &value);
    Q_INVOKABLE void removeHeader(int row);
    Q_INVOKABLE void addRule();
    Q_INVOKABLE void setRule(int row, const QString &field, const QVariant &value);
    Q_INVOKABLE void removeRule(int row);

    // The draft as profile JSON.
    Q_INVOKABLE QJsonObject toJson() const;

    // Takes a curl command line's URL, method, headers, body and TLS allowance into the draft (a name from
    // the host when it has none). Returns one line: what was taken and what was not, or why nothing was.
    Q_INVOKABLE QString pasteCurl(const QString &commandLine);
    // The draft's request as a curl command line; secret values masked unless `revealSecrets`.
    Q_INVOKABLE QString curlCommand(bool revealSecrets) const;

Q_SIGNALS:
    void changed();

private:
    void setList(const QString &field, const QVariantList &list);
    void validate();

    QVariantMap m_fields;
    QVariantMap m_problems;
};
