// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedstatus.h"

#include "domain/tradetext.h"
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

// Sentences joined as the language joins them ("A. B." in English, "A。B。" in Chinese); the
// reasons come from several layers, some with a full stop and some without.
void appendSentence(QString &text, const QString &sentence)
{
    if (sentence.isEmpty())
        return;
    if (text.isEmpty()) {
        text = sentence;
        return;
    }
    static const QString kEnds = QStringLiteral(".…。!?！？");
    if (!kEnds.contains(text.back()))
        text += FeedStatus::tr(".", "a full stop, added to a reason without one");
    text = FeedStatus::tr("%1 %2", "one sentence after another").arg(text, sentence);
}

// What the give-up rule says now. `inProgress`: a retry is under way (else one is to come).
QString giveUpSentence(const SocketManager &manager, bool inProgress)
{
    using Kind = ReconnectPolicy::Outlook::Kind;
    const ReconnectPolicy::Outlook outlook = manager.giveUpOutlook();
    switch (outlook.kind) {
    case Kind::Never:
        return FeedStatus::tr("It keeps trying until the feed is back.");
    case Kind::Countdown:
        // Whole seconds, rounded up: it never reads "0 s" before the moment has come.
        return FeedStatus::tr("Gives up in %1 if the feed is not back.")
            .arg(TradeText::duration(std::chrono::seconds(ceilSeconds(outlook.left))));
    case Kind::FromAttempt:
        break;
    }
    const int retry = manager.retryAttempt();
    if (outlook.attempt == retry)
        return inProgress ? FeedStatus::tr("Gives up if this attempt fails.")
                          : FeedStatus::tr("Gives up if the next attempt fails.");
    if (inProgress && outlook.attempt == retry + 1)
        return FeedStatus::tr("Gives up if the next attempt fails.");
    return FeedStatus::tr("Gives up if retry %1 fails.").arg(outlook.attempt);
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
        const int retry = manager.retryAttempt();
        if (retry == 0) {
            status.text = tr("Connecting");
            status.detail = tr("Connecting to %1…").arg(manager.endpoint());
            break;
        }
        status.text = tr("Connecting (retry %1)").arg(retry);
        status.detail = tr("Connecting to %1 (retry %2)…").arg(manager.endpoint()).arg(retry);
        appendSentence(status.detail, giveUpSentence(manager, true));
        break;
    }
    case State::Reconnecting:
        // The reason, then what happens next; the one countdown is to giving up (the retry's
        // own delay is a few seconds, shown by the retry number moving on).
        status.level = Level::Busy;
        status.text = tr("Reconnecting");
        status.detail = manager.lastError();
        appendSentence(status.detail,
                       tr("Reconnecting: retry %1 follows.").arg(manager.retryAttempt()));
        appendSentence(status.detail, giveUpSentence(manager, false));
        break;
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
