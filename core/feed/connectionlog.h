// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <chrono>
#include <deque>

class Clock;
class FeedSession;
class SocketManager;

// What happened to the feed connection, in words, newest last: connecting, connected,
// subscribed, each Snapshot, drops with their reason, retries, messages and rows this version
// cannot read, and rows left out of lists (one entry per 10 s window each: the count and the
// first reason), server
// errors, giving up, pauses, sleeps.
// Bounded: the oldest entries go beyond kCapacity. A table model (time, event, account) for the
// Connection log window; eventAdded feeds the status bar's passing notes.
class ConnectionLog : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kCapacity = 1000;
    static constexpr std::chrono::milliseconds kRejectionWindow{10000};

    // The account's column last: a view of one account's log hides it.
    enum Column { TimeColumn, EventColumn, AccountColumn, ColumnCount };
    enum class Severity { Info, Warning, Error };
    Q_ENUM(Severity)
    enum Role { SeverityRole = Qt::UserRole + 1, TimestampRole };

    struct Entry
    {
        qint64 at = 0; // wall clock, ms since the epoch
        Severity severity = Severity::Info;
        QString text;
        QString account; // whose, among several accounts; empty with one
    };

    explicit ConnectionLog(QObject *parent = nullptr);

    // Not owned; nullptr restores the system clock.
    void setClock(const Clock *clock);
    // Follows a socket and, optionally, the session on top of it. Neither is owned.
    void watch(SocketManager *socket, FeedSession *session = nullptr);

    void record(Severity severity, const QString &text);
    // Among several accounts, whose log this is: every entry from now on carries the name, and
    // copied text says it. Empty (the default, one account): nothing is added.
    void setAccountName(const QString &name) { m_accountName = name; }
    const Entry &entry(int row) const { return m_entries.at(std::size_t(row)); }
    int count() const { return int(m_entries.size()); }
    // The rows as plain text lines ("2026-11-26 12:03:04.123  Connected to …"), for copying.
    QString toText(const QList<int> &rows) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A new entry (not an update of the rejection count).
    void eventAdded(const QString &text, ConnectionLog::Severity severity);

private:
    // Many of one kind of event within a window: one entry, its count growing in place.
    struct Window
    {
        qint64 serial = -1; // of its entry (rows shift as old entries go)
        qint64 start = 0;
        int count = 0;
        QString first;
    };
    enum class Counted { Rejected, Skipped };

    void append(Entry entry);
    void tally(Window &window, Counted what, int n, const QString &reason);
    QString countText(Counted what, int count, const QString &first) const;
    qint64 now() const;

    std::deque<Entry> m_entries;
    const Clock *m_clock = nullptr;
    QString m_accountName;
    qint64 m_firstSerial = 0; // serial of m_entries.front()
    Window m_rejections;
    Window m_skips;
};
