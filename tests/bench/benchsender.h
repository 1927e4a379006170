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
//
// It measures any client from the outside with WebSocket pings, which every client library
// answers in order with the frames before them: a pong to a ping sent after the Snapshot says
// the client is ready (reported as "ready"; the stream starts on go()), a pong to a ping after
// the last update says every update was handled ("done"), and in paced mode a ping after
// every `probeEvery`-th update gives the time from sending that update to the client having
// handled it, as seen from here (an upper bound: it includes the pong's way back).
class BenchSender : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int positions = 1000; // in the Snapshot, and the tickets the updates cycle over
        int messages = 100000;
        int rate = 0;        // messages per second; 0 = as fast as possible
        int probeEvery = 10; // paced: a latency probe after every N-th update; 0 = none
        // The shape, where these are set: saturated, exactly this many frames per
        // TCP write (0 = about a megabyte at a time); paced, one frame per TCP write and a
        // 1 ms pause after every pauseEvery-th (instead of rate).
        int framesPerWrite = 0;
        int pauseEvery = 0;
        // After this many updates the stream pauses until the client has handled them
        // ("warm"), so that the driver can start measuring there; go() resumes it.
        int warmup = 0;
        bool stamped = true; // a "sent" stamp in every update (paced latency)
    };

    explicit BenchSender(const Options &options, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Bytes of one update message, for the report.
    qsizetype updateSize() const { return m_updateSize; }
    // Starts the stream to the client that reported ready.
    void go();

    static qint64 monotonicNs();

Q_SIGNALS:
    void ready();
    void warm();
    // The client's Unsubscribe arrived (the benchmark's view of a key press taking effect).
    void unsubscribed(qint64 atNs);
    // Every update was handled; latencies of the probes in nanoseconds.
    void done(const QList<qint64> &probeLatenciesNs, qint64 streamNs);

private:
    struct Client
    {
        QTcpSocket *socket = nullptr;
        QByteArray input;
        bool upgraded = false;
        bool subscribed = false;
        int next = 0; // the next update to send (saturated: the next byte of the burst)
        QTimer *pacer = nullptr;
        qint64 startNs = 0;
        QList<qint64> sentNs;  // paced: when each update left
        bool warming = false;  // waiting for the warm-up's pong
        bool warmedUp = false; // the warm-up has been sent
    };

    void onConnection();
    void onReadyRead(Client *client);
    void onFrame(Client *client, int opcode, const QByteArray &payload);
    void startStream(Client *client);
    void pump(Client *client);
    void pace(Client *client);
    void pumpGroups(Client *client);
    void paceWithPauses(Client *client);
    bool pauseForWarmup(Client *client, int sent);
    void finishStream(Client *client);
    static QByteArray frame(const QByteArray &payload, int opcode = 0x1);

    Options m_options;
    QTcpServer m_server;
    QByteArray m_snapshotFrame;
    QList<QByteArray> m_updates;     // whole frames
    QList<qsizetype> m_stampOffsets; // where the 19 digits of "sent" are in each frame
    QByteArray m_burst;              // every update frame back to back, for saturated mode
    QList<QByteArray> m_groups;      // framesPerWrite frames each, for the shape
    QList<int> m_groupEnds;          // updates sent once a group has been written
    qsizetype m_updateSize = 0;
    Client *m_ready = nullptr; // the client waiting for go()
    Client *m_warm = nullptr;  // the client whose stream waits for go() after the warm-up
    QList<qint64> m_latenciesNs;
};
