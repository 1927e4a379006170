// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedstatus.h"

#include "feed/feedsession.h"
#include "net/socketmanager.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

using State = SocketManager::State;

namespace {

qint64 ceilSeconds(std::chrono::milliseconds ms)
{
    return qint64(std::ceil(double(ms.count()) / 1000.0));
}

// "2/5" while within the retries, empty beyond them or when they are unlimited.
QString ofMax(const SocketManager &manager)
{
    const int max = manager.config().maxRetries;
    const int attempt = manager.retryAttempt();
    return max > 0 && attempt <= max ? QStringLiteral("%1/%2").arg(attempt).arg(max) : QString();
}

QString withReason(QString text, const SocketManager &manager)
{
    if (!manager.lastError().isEmpty())
        text += QLatin1Char(' ') + manager.lastError();
    return text;
}

QString describeAge(qint64 ageMs, bool healthy)
{
    const qint64 seconds = ageMs / 1000;
    if (seconds < 60)
        return FeedStatus::tr("updated %n s ago", nullptr, int(seconds));
    const qint64 minutes = seconds / 60;
    const QString span = minutes < 120 ? FeedStatus::tr("%n min", nullptr, int(minutes))
                                       : FeedStatus::tr("%n h", nullptr, int(minutes / 60));
    // On a healthy link a quiet feed is just quiet: nothing changed.
    return healthy ? FeedStatus::tr("no change for %1").arg(span)
                   : FeedStatus::tr("last data %1 ago").arg(span);
}

QString unreadableText(const FeedSession::Unreadable &unreadable)
{
    return FeedStatus::tr("The feed sends data this version cannot read: %1")
        .arg(unreadable.firstReason);
}

} // namespace

FeedStatus FeedStatus::of(const SocketManager &manager, bool paused)
{
    return of(manager, nullptr, paused, QDateTime::currentMSecsSinceEpoch());
}

FeedStatus FeedStatus::of(const SocketManager &manager, const FeedSession *session, bool paused,
                          qint64 now)
{
    FeedStatus status;
    switch (manager.state()) {
    case State::Live:
        status.level = Level::Live;
        status.text = tr("Live");
        if (session && session->lastServerError().code != 0) {
            const FeedSession::ServerError error = session->lastServerError();
            const QString at =
                QDateTime::fromMSecsSinceEpoch(error.at).toString(QStringLiteral("hh:mm:ss"));
            status.notice = error.text.isEmpty()
                                ? tr("The server reported error %1 at %2.").arg(error.code).arg(at)
                                : tr("The server reported error %1 at %2: %3")
                                      .arg(error.code)
                                      .arg(at, error.text);
        }
        if (session) {
            // Said over a table that stays live: what could be read is shown.
            const FeedSession::Unreadable unreadable = session->unreadable(now);
            if (unreadable.count > 0) {
                if (!status.notice.isEmpty())
                    status.notice += u'\n';
                status.notice += unreadableText(unreadable);
            }
        }
        break;
    case State::Open:
        status.level = Level::Busy;
        status.text = tr("Connected, waiting for data");
        status.detail = manager.subscriptionsSent() > 1
                            ? tr("Connected to %1, waiting for data: no Snapshot yet, asked "
                                 "again…")
                                  .arg(manager.endpoint())
                            : tr("Connected to %1, waiting for data…").arg(manager.endpoint());
        if (session) {
            const FeedSession::Unreadable unreadable = session->unreadable(now);
            if (unreadable.count > 0)
                status.detail += u' ' + unreadableText(unreadable);
        }
        break;
    case State::Connecting: {
        status.level = Level::Busy;
        const int attempt = manager.retryAttempt();
        const QString counted = ofMax(manager);
        if (attempt == 0)
            status.text = tr("Connecting");
        else if (!counted.isEmpty())
            status.text = tr("Connecting (retry %1)").arg(counted);
        else
            status.text = tr("Connecting (attempt %1)").arg(attempt);
        status.detail = status.text + QStringLiteral("…");
        if (const auto left = manager.giveUpIn())
            status.detail = tr("Connecting, attempt %1 — giving up in %2 s…")
                                .arg(attempt)
                                .arg(ceilSeconds(*left));
        break;
    }
    case State::Reconnecting: {
        const qint64 seconds = ceilSeconds(manager.retryRemaining());
        const int attempt = manager.retryAttempt();
        const QString counted = ofMax(manager);
        status.level = Level::Busy;
        if (!counted.isEmpty()) {
            status.text = tr("Reconnecting %1 in %2 s").arg(counted).arg(seconds);
            status.detail = tr("Reconnecting (%1) in %2 s…").arg(counted).arg(seconds);
        } else {
            status.text = tr("Reconnecting, attempt %1 in %2 s").arg(attempt).arg(seconds);
            status.detail = status.text + QStringLiteral("…");
            if (const auto left = manager.giveUpIn())
                status.detail = tr("Reconnecting, attempt %1 — giving up in %2 s.")
                                    .arg(attempt)
                                    .arg(ceilSeconds(*left));
        }
        status.detail = withReason(status.detail, manager);
        break;
    }
    case State::WaitingForNetwork:
        status.level = Level::Busy;
        status.text = tr("Waiting for the network");
        status.detail = tr("No network: the feed reconnects when it is back.");
        break;
    case State::Closing:
    case State::Idle:
        if (paused) {
            status.level = Level::Paused;
            status.text = tr("Paused");
            status.detail = tr("Live feed paused");
        } else {
            status.level = Level::Down;
            status.text = tr("Disconnected");
            status.detail = tr("Disconnected");
            status.offerReconnect = true;
        }
        break;
    case State::Failed:
        status.level = Level::Down;
        status.text = manager.isRefused() ? tr("Refused") : tr("Disconnected");
        status.detail = tr("%1: %2").arg(status.text, manager.lastError());
        status.offerReconnect = true;
        status.offerSettings = manager.isRefused();
        break;
    }
    if (status.detail.isEmpty())
        status.detail = status.text;

    const qint64 lastData = session ? session->lastDataAt() : 0;
    if (!paused && lastData > 0) {
        const bool healthy = manager.isLinkHealthy();
        status.ageText = describeAge(std::max<qint64>(0, now - lastData), healthy);
        status.ageWarning = !healthy;
    }
    return status;
}
