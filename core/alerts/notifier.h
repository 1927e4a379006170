// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// One desktop notification: what happened, in a title and a line or two.
struct Notification
{
    enum class Kind {
        Opened,      // a position opened (one of ours, or a followed signal's copy)
        Closed,      // a position closed
        Summary,     // a burst of opens and closes, in one
        MarginLevel, // the margin level fell below the threshold
        FeedLost,    // the feed has been gone for a while
        FeedBack,    // and is live again
    };

    Kind kind = Kind::Opened;
    QString title;
    QString body;
    bool urgent = false; // margin and a lost feed: the desktop may keep it on screen
};

// Where notifications go: the desktop's notification service, the tray, or (in tests) a
// list. Alerts decides what to say and when; a Notifier only says it.
class Notifier
{
public:
    virtual ~Notifier() = default;
    virtual void notify(const Notification &notification) = 0;
};
