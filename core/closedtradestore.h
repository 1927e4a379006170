#pragma once

#include "closedtrade.h"

#include <QList>
#include <QObject>
#include <QString>

class QIODevice;

// The closed-trade history in SQLite (Qt Sql): schema versions with migrations
// (PRAGMA user_version), WAL, one transaction per batch, and an idempotent upsert by ticket,
// so replaying History never counts a trade twice. A record of a position that vanished from
// a snapshot (reason Unknown) is provisional: the real close replaces it, never the reverse.
class ClosedTradeStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSchemaVersion = 1;

    explicit ClosedTradeStore(QObject *parent = nullptr);
    ~ClosedTradeStore() override;

    // The default file: AppDataLocation/closed-trades.sqlite.
    static QString defaultPath();

    // Opens (creating or migrating) the database. On failure returns false and lastError()
    // says why in words for the user; the store then records nothing.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return !m_connection.isEmpty(); }
    QString path() const { return m_path; }
    QString lastError() const { return m_error; }

    // Records a batch in one transaction: all of it or none of it.
    bool record(const QList<ClosedTrade> &trades);
    // Trades closed in [from, to) (ms since epoch), newest first; from = 0 / to = 0: open.
    QList<ClosedTrade> trades(qint64 from = 0, qint64 to = 0) const;
    int count() const;

    // RFC 4180 CSV with a header row and ISO 8601 UTC times.
    static bool exportCsv(const QList<ClosedTrade> &trades, QIODevice *device);
    // One text field, quoted where RFC 4180 needs it and safe from spreadsheet formulas.
    static QString csvField(const QString &value);

Q_SIGNALS:
    // A batch was committed.
    void tradesRecorded(int count);
    void errorOccurred(const QString &message);

private:
    bool fail(const QString &what, const QString &detail);
    bool migrate();

    QString m_connection;
    QString m_path;
    QString m_error;
};
