#include "feedstatus.h"

#include "socketmanager.h"

#include <cmath>

using namespace Qt::StringLiterals;
using State = SocketManager::State;

FeedStatus FeedStatus::of(const SocketManager &manager, bool paused)
{
    FeedStatus status;
    const int max = manager.config().maxRetries;
    const QString ofMax = max > 0 ? u"/%1"_s.arg(max) : QString();
    switch (manager.state()) {
    case State::Open:
        status.level = Level::Live;
        status.text = u"Live"_s;
        break;
    case State::Connecting:
        status.level = Level::Busy;
        status.text = manager.retryAttempt() > 0
                          ? u"Connecting (retry %1%2)"_s.arg(manager.retryAttempt()).arg(ofMax)
                          : u"Connecting"_s;
        status.detail = status.text + u"…"_s;
        break;
    case State::Reconnecting: {
        const auto seconds = qint64(std::ceil(double(manager.retryRemaining().count()) / 1000.0));
        status.level = Level::Busy;
        status.text =
            u"Reconnecting %1%2 in %3 s"_s.arg(manager.retryAttempt()).arg(ofMax).arg(seconds);
        status.detail =
            u"Reconnecting (%1%2) in %3 s…"_s.arg(manager.retryAttempt()).arg(ofMax).arg(seconds);
        if (!manager.lastError().isEmpty())
            status.detail += u" "_s + manager.lastError();
        break;
    }
    case State::WaitingForNetwork:
        status.level = Level::Busy;
        status.text = u"Waiting for the network"_s;
        status.detail = u"No network: the feed reconnects when it is back."_s;
        break;
    case State::Closing:
    case State::Idle:
        if (paused) {
            status.level = Level::Paused;
            status.text = u"Paused"_s;
            status.detail = u"Live feed paused"_s;
        } else {
            status.level = Level::Down;
            status.text = u"Disconnected"_s;
            status.detail = u"Disconnected"_s;
        }
        break;
    case State::Failed:
        status.level = Level::Down;
        status.text = u"Disconnected"_s;
        status.detail = u"Disconnected: %1"_s.arg(manager.lastError());
        break;
    }
    if (status.detail.isEmpty())
        status.detail = status.text;
    return status;
}
