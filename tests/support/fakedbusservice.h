// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QString>

// A fake D-Bus service as a daemon would be: on a bus connection of its own (so that the code
// under test talks to it over the bus, not in-process), `object` exported at `path` and the
// name `service` taken; all of it let go again when this goes. Header-only: only the tests
// that link Qt D-Bus include it.
class FakeDBusService
{
public:
    // Connects under `connectionName` (unique per test); registers nothing until register_().
    explicit FakeDBusService(const QString &connectionName)
        : m_connection(connectionName)
    {
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connection);
    }
    ~FakeDBusService()
    {
        QDBusConnection bus(m_connection);
        if (!m_service.isEmpty())
            bus.unregisterService(m_service);
        if (!m_path.isEmpty())
            bus.unregisterObject(m_path);
        QDBusConnection::disconnectFromBus(m_connection);
    }
    FakeDBusService(const FakeDBusService &) = delete;
    FakeDBusService &operator=(const FakeDBusService &) = delete;

    bool isConnected() const { return QDBusConnection(m_connection).isConnected(); }
    QDBusConnection connection() const { return QDBusConnection(m_connection); }

    // Exports `object` (not owned) at `path` and takes the name `service`.
    bool publish(const QString &service, const QString &path, QObject *object,
                 QDBusConnection::RegisterOptions options)
    {
        QDBusConnection bus(m_connection);
        if (!bus.registerObject(path, object, options))
            return false;
        m_path = path;
        if (!bus.registerService(service))
            return false;
        m_service = service;
        return true;
    }

private:
    QString m_connection;
    QString m_service;
    QString m_path;
};
