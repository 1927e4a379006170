// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTimer>

#include <chrono>

class QTcpSocket;

// The benchmark's feed: a bare WebSocket server over QTcpServer that replays pre-encoded
// frames, so that the sender is never the bottleneck. Saturated, it writes many frames per
// TCP write; paced, one frame per write at a fixed rate with the send time stamped into the
// frame just before it leaves ("sent": 10^18 + CLOCK_MONOTONIC nanoseconds; that clock is
// shared by all processes on the machine).
class BenchSender : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int positions = 1000; // in the Snapshot, and the tickets the updates cycle over
        int messages = 100000;
        int rate = 0; // messages per second; 0 = as fast as possible
    };

    explicit BenchSender(const Options &options, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Bytes of one update message, for the report.
    qsizetype updateSize() const { return m_updateSize; }

    static qint64 monotonicNs();

private:
    struct Client
    {
        QTcpSocket *socket = nullptr;
        QByteArray input;
        bool upgraded = false;
        bool subscribed = false;
        int next = 0; // the next update to send
        QTimer *pacer = nullptr;
        qint64 startNs = 0;
    };

    void onConnection();
    void onReadyRead(Client *client);
    void startStream(Client *client);
    void pump(Client *client);
    void pace(Client *client);
    static QByteArray frame(const QByteArray &payload);

    Options m_options;
    QTcpServer m_server;
    QByteArray m_snapshotFrame;
    QList<QByteArray> m_updates;     // whole frames
    QList<qsizetype> m_stampOffsets; // where the 19 digits of "sent" are in each frame
    QByteArray m_burst;              // every update frame back to back, for saturated mode
    qsizetype m_updateSize = 0;
};
