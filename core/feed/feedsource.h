// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "net/socketconfig.h"
#include "protocol/feedprofile.h"

#include <QObject>

#include <memory>

class FeedSimulator;
class SocketManager;

// Where the feed comes from: the configured URL, or, when there is none, the built-in demo
// account served in-process on 127.0.0.1. Applying a new config reconnects only a feed that
// was running: a paused feed stays paused. Another account (feed or trader id) or another wire
// format is announced with feedSwitched between closing the old connection and opening the
// new one, so that the book, the parser and the history can start clean. The demo speaks the
// profile it is given.
class FeedSource : public QObject
{
    Q_OBJECT

public:
    explicit FeedSource(SocketManager *socket, QObject *parent = nullptr);
    ~FeedSource() override;

    // An empty URL selects the demo feed. Returns false (with `error`) if the demo feed
    // cannot listen; the socket is left as it was. `profile` is the wire format (its
    // payloads are already in `config`: FeedProfile::applyTo).
    bool apply(const SocketConfig &config, const FeedProfile &profile, QString *error = nullptr);
    bool apply(const SocketConfig &config, QString *error = nullptr)
    {
        return apply(config, FeedProfile::native(), error);
    }

    bool isDemo() const { return m_demo != nullptr; }
    // Whose positions these are; the demo's own account for the demo.
    const Account &account() const { return m_account; }
    const FeedProfile &profile() const { return m_profile; }
    // "Demo feed", or the feed's host.
    QString description() const;
    const FeedSimulator *demo() const { return m_demo.get(); }
    FeedSimulator *demo() { return m_demo.get(); }

Q_SIGNALS:
    void changed();
    // Another account or wire format; emitted while no connection is open.
    void feedSwitched(const Account &account, const FeedProfile &profile);

private:
    SocketManager *m_socket = nullptr;
    std::unique_ptr<FeedSimulator> m_demo;
    Account m_account;
    FeedProfile m_profile;
    bool m_applied = false; // nothing applied yet: the first apply is a switch
};
