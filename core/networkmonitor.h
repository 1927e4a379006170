#pragma once

#include <QObject>

// Whether the machine has a network at all. The base class is driven by hand (tests, or a
// platform without a backend, where it simply stays online); SystemNetworkMonitor feeds it
// from QNetworkInformation.
class NetworkMonitor : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)

public:
    explicit NetworkMonitor(QObject *parent = nullptr);

    bool isOnline() const { return m_online; }
    // Emits onlineChanged only when the value really changes.
    void setOnline(bool online);

Q_SIGNALS:
    void onlineChanged(bool online);

private:
    bool m_online = true;
};
