// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/socketconfig.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class AccountSession;
class FeedProfile;

// Settings → Test connection: tries a feed once with settings not yet saved, in a session of
// its own beside the running one (which it never touches), and says in plain words what
// happened: connected, subscribed and the positions came (how many, and the heartbeat's round
// trip); or why not (refused, with the server's reason; nothing came within the snapshot
// timeout; unreachable; a certificate not trusted): the first attempt's own words, no retry.
class FeedProbe : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Live, Failed };
    Q_ENUM(Outcome)

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        int positions = 0;
        qint64 roundTripMs = -1; // -1: none measured
        QString text;            // for the trader, translated
    };

    explicit FeedProbe(QObject *parent = nullptr);
    ~FeedProbe() override;

    // Starts a try of `config` in `profile`'s wire format; one at a time (false while one
    // runs, or with `error` set when the settings cannot be tried at all).
    bool start(const SocketConfig &config, const FeedProfile &profile, QString *error = nullptr);
    bool isRunning() const { return m_session != nullptr; }

Q_SIGNALS:
    void finished(const FeedProbe::Result &result);

private:
    void onState();
    void finish(const Result &result);

    std::unique_ptr<AccountSession> m_session;
    // The last try's session, closing (Unsubscribe, close 1000) until the next try or the end.
    std::unique_ptr<AccountSession> m_closing;
    QElapsedTimer m_liveSince; // invalid until the positions came
};

Q_DECLARE_METATYPE(FeedProbe::Result)
