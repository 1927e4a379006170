// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/connectionlog.h"

#include "net/secrets.h"

#include "domain/clock.h"
#include "domain/tradetext.h"
#include "feed/feedsession.h"
#include "net/socketmanager.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using State = SocketManager::State;

namespace {

QString seconds(std::chrono::milliseconds delay)
{
    return QString::number(double(delay.count()) / 1000.0, 'f', 1);
}

} // namespace

ConnectionLog::ConnectionLog(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ConnectionLog::setClock(const Clock *clock)
{
    m_clock = clock;
}

qint64 ConnectionLog::now() const
{
    return (m_clock ? *m_clock : Clock::system()).currentMSecsSinceEpoch();
}

void ConnectionLog::watch(SocketManager *socket, FeedSession *session)
{
    connect(socket, &SocketManager::stateChanged, this, [this, socket](State state) {
        switch (state) {
        case State::Connecting:
            record(Severity::Info, socket->retryAttempt() > 0
                                       ? tr("Connecting to %1 (retry %2)")
                                             .arg(socket->endpoint())
                                             .arg(socket->retryAttempt())
                                       : tr("Connecting to %1").arg(socket->endpoint()));
            break;
        case State::Open:
            if (!socket->deliveredOnThisConnection())
                record(Severity::Info, tr("Connected to %1").arg(socket->endpoint()));
            break;
        case State::WaitingForNetwork:
            record(Severity::Warning,
                   tr("The network is down: waiting for it before connecting again"));
            break;
        case State::Idle:
            record(Severity::Info, tr("Connection closed"));
            break;
        case State::Live:
        case State::Reconnecting:
        case State::Failed:
        case State::Closing:
            break; // said by the events that lead there
        }
    });
    connect(socket, &SocketManager::subscribed, this, [this, socket](int times) {
        record(times > 1 ? Severity::Warning : Severity::Info,
               times > 1 ? tr("No usable data yet; subscribing once more")
                         : tr("Subscribed; waiting for the Snapshot (up to %1 s)")
                               .arg(seconds(socket->config().snapshotTimeout)));
    });
    connect(socket, &SocketManager::dropped, this,
            [this](const QString &reason, bool wasConnected) {
                record(Severity::Warning, wasConnected ? tr("Dropped: %1").arg(reason)
                                                       : tr("Attempt failed: %1").arg(reason));
            });
    // No entry for a retry being scheduled: the retry itself is one ("Connecting to … (retry
    // 2)"), and the countdown is the status's alone.
    connect(socket, &SocketManager::connectError, this, [this](const QString &reason) {
        record(Severity::Error, tr("Gave up: %1").arg(reason));
    });
    connect(socket, &SocketManager::sleepDetected, this, [this](qint64 lateByMs) {
        record(Severity::Warning,
               tr("The computer seems to have slept (the heartbeat came %1 late); checking "
                  "the link")
                   .arg(TradeText::duration(std::chrono::milliseconds(lateByMs))));
    });
    if (!session)
        return;
    connect(session, &FeedSession::snapshotReceived, this, [this](int positions) {
        record(Severity::Info, tr("Snapshot with %n position(s): live", nullptr, positions));
    });
    connect(session, &FeedSession::resyncRequested, this, [this](const QString &why) {
        record(Severity::Warning, tr("%1: asking for a fresh Snapshot").arg(why));
    });
    connect(session, &FeedSession::serverErrorReceived, this,
            [this](int code, const QString &message) {
                record(Severity::Error, message.isEmpty()
                                            ? tr("Server error %1").arg(code)
                                            : tr("Server error %1: %2").arg(code).arg(message));
            });
    // Whole messages and rows alike: what this version could not read.
    connect(session, &FeedSession::messageRejected, this,
            [this](const QString &reason) { tally(m_rejections, Counted::Rejected, 1, reason); });
    connect(session, &FeedSession::rowsUnreadable, this, [this](int n, const QString &reason) {
        tally(m_rejections, Counted::Rejected, n, reason);
    });
    connect(session, &FeedSession::rowsSkipped, this,
            [this](int n, const QString &reason) { tally(m_skips, Counted::Skipped, n, reason); });
}

QString ConnectionLog::countText(Counted what, int count, const QString &first) const
{
    const qint64 seconds = kRejectionWindow.count() / 1000;
    switch (what) {
    case Counted::Rejected:
        return count == 1 ? tr("The feed sends data this version cannot read: %1").arg(first)
                          : tr("The feed sent %n item(s) this version cannot read in %1 s; the "
                               "first: %2",
                               nullptr, count)
                                .arg(seconds)
                                .arg(first);
    case Counted::Skipped:
        return count == 1 ? tr("A row was left out of the list: %1").arg(first)
                          : tr("%n row(s) left out of lists in %1 s; the first: %2", nullptr, count)
                                .arg(seconds)
                                .arg(first);
    }
    return {};
}

void ConnectionLog::tally(Window &window, Counted what, int n, const QString &reason)
{
    // One entry per window: the count grows in place, the first reason stays.
    const qint64 t = now();
    const bool inWindow =
        window.serial >= m_firstSerial && t - window.start < kRejectionWindow.count();
    if (!inWindow) {
        window = {m_firstSerial + count(), t, n, reason};
        append({t, Severity::Warning, countText(what, n, reason), {}});
        return;
    }
    window.count += n;
    const int row = int(window.serial - m_firstSerial);
    m_entries[std::size_t(row)].text = countText(what, window.count, window.first);
    Q_EMIT dataChanged(index(row, EventColumn), index(row, EventColumn));
}

void ConnectionLog::record(Severity severity, const QString &text)
{
    append({now(), severity, text, {}}); // append() names the account
}

void ConnectionLog::append(Entry entry)
{
    // What the log and the status bar show never carries a token or a URL's credentials.
    entry.text = Secrets::redact(std::move(entry.text));
    entry.account = m_accountName;
    if (count() >= kCapacity) {
        beginRemoveRows({}, 0, 0);
        m_entries.pop_front();
        ++m_firstSerial;
        endRemoveRows();
    }
    const QString text = entry.text;
    const Severity severity = entry.severity;
    beginInsertRows({}, count(), count());
    m_entries.push_back(std::move(entry));
    endInsertRows();
    Q_EMIT eventAdded(text, severity);
}

QString ConnectionLog::toText(const QList<int> &rows) const
{
    QStringList lines;
    for (const int row : rows) {
        if (row < 0 || row >= count())
            continue;
        const Entry &e = entry(row);
        const QString at =
            QDateTime::fromMSecsSinceEpoch(e.at).toString(u"yyyy-MM-dd hh:mm:ss.zzz"_s);
        lines.append(e.account.isEmpty() ? u"%1  %2"_s.arg(at, e.text)
                                         : u"%1  [%2]  %3"_s.arg(at, e.account, e.text));
    }
    return lines.join(u'\n');
}

int ConnectionLog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

int ConnectionLog::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionLog::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(e.at).toString(u"hh:mm:ss"_s);
        if (index.column() == AccountColumn)
            return e.account;
        return e.text;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(e.at).toString(u"yyyy-MM-dd hh:mm:ss.zzz"_s);
        return e.text;
    case SeverityRole:
        return int(e.severity);
    case TimestampRole:
        return e.at;
    default:
        return {};
    }
}

QVariant ConnectionLog::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case AccountColumn:
        return tr("Account");
    default:
        return {};
    }
}
