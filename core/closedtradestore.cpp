#include "closedtradestore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "trademonitor.store")

using namespace Qt::StringLiterals;

namespace {

QString reasonText(ClosedTrade::Reason reason)
{
    return ClosedTrade::reasonName(reason);
}

ClosedTrade::Reason reasonFrom(const QString &text)
{
    for (const auto reason : {ClosedTrade::Reason::TakeProfit, ClosedTrade::Reason::StopLoss,
                              ClosedTrade::Reason::Manual, ClosedTrade::Reason::StopOut}) {
        if (ClosedTrade::reasonName(reason) == text)
            return reason;
    }
    return ClosedTrade::Reason::Unknown;
}

// Qt binds a null QString as SQL NULL; an own position's empty signal name is text.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

ClosedTradeStore::ClosedTradeStore(QObject *parent)
    : QObject(parent)
{}

ClosedTradeStore::~ClosedTradeStore()
{
    close();
}

QString ClosedTradeStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"closed-trades.sqlite"_s);
}

bool ClosedTradeStore::fail(const QString &what, const QString &detail)
{
    m_error = detail.isEmpty() ? what : u"%1: %2"_s.arg(what, detail);
    qCWarning(lcStore).noquote() << m_error;
    Q_EMIT errorOccurred(m_error);
    return false;
}

bool ClosedTradeStore::open(const QString &path)
{
    close();
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(u"Cannot create the folder for the trade history %1"_s.arg(info.absolutePath()),
                    {});

    m_connection = u"closed-trades-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
        return fail(u"The SQLite driver for Qt is missing (Debian: libqt6sql6-sqlite)"_s, {});
    }
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=2000"_s);
    if (!db.open()) {
        const QString error = db.lastError().text();
        close();
        return fail(u"Cannot open the trade history %1"_s.arg(path), error);
    }
    // A corrupt or foreign file fails on its first read: find out now, not mid-session.
    QSqlQuery check(db);
    if (!check.exec(u"PRAGMA quick_check"_s) || !check.next() ||
        check.value(0).toString() != "ok"_L1) {
        const QString error =
            check.lastError().isValid() ? check.lastError().text() : check.value(0).toString();
        close();
        if (error.contains("locked"_L1))
            return fail(u"The trade history %1 is locked by another program"_s.arg(path), error);
        return fail(u"The trade history %1 is damaged or not a database"_s.arg(path), error);
    }
    check.finish();
    // WAL: readers never block the writer, and a crash mid-batch leaves the last commit.
    QSqlQuery pragma(db);
    if (!pragma.exec(u"PRAGMA journal_mode=WAL"_s) || !pragma.next() ||
        pragma.value(0).toString() != "wal"_L1)
        qCWarning(lcStore).noquote()
            << "the trade history could not switch to WAL:" << pragma.lastError().text();
    pragma.finish();
    pragma.exec(u"PRAGMA synchronous=NORMAL"_s);
    if (!migrate()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    qCInfo(lcStore).noquote() << "trade history at" << path << "with" << count() << "trades";
    return true;
}

bool ClosedTradeStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return fail(u"Cannot read the trade history's version"_s, query.lastError().text());
    const int version = query.value(0).toInt();
    if (version > kSchemaVersion)
        return fail(u"The trade history was written by a newer Trade Monitor (schema %1, this "
                    "one knows %2)"_s.arg(version)
                        .arg(kSchemaVersion),
                    {});
    if (version == kSchemaVersion)
        return true;

    // Each step takes the schema one version further, in one transaction.
    if (!db.transaction())
        return fail(u"Cannot update the trade history"_s, db.lastError().text());
    const QStringList toVersion1 = {
        uR"(CREATE TABLE closed_trades (
            ticket INTEGER PRIMARY KEY,
            symbol TEXT NOT NULL,
            side TEXT NOT NULL,
            volume REAL NOT NULL,
            open_price REAL NOT NULL,
            close_price REAL NOT NULL,
            sl REAL NOT NULL,
            tp REAL NOT NULL,
            swap REAL NOT NULL,
            commission REAL NOT NULL,
            profit REAL NOT NULL,
            open_time INTEGER NOT NULL,
            close_time INTEGER NOT NULL,
            reason TEXT NOT NULL,
            flwsig INTEGER NOT NULL,
            sigtraderid INTEGER NOT NULL,
            signame TEXT NOT NULL,
            provisional INTEGER NOT NULL DEFAULT 0))"_s,
        u"CREATE INDEX closed_trades_by_close_time ON closed_trades (close_time)"_s,
        u"PRAGMA user_version = 1"_s,
    };
    for (const QString &statement : toVersion1) {
        if (!query.exec(statement)) {
            const QString error = query.lastError().text();
            db.rollback();
            return fail(u"Cannot create the trade history"_s, error);
        }
    }
    if (!db.commit())
        return fail(u"Cannot create the trade history"_s, db.lastError().text());
    return true;
}

void ClosedTradeStore::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

bool ClosedTradeStore::record(const QList<ClosedTrade> &trades)
{
    if (trades.isEmpty())
        return true;
    if (!isOpen())
        return fail(
            u"The trade history is not open; %1 closed trades were not saved"_s.arg(trades.size()),
            {});
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return fail(u"Cannot save closed trades"_s, db.lastError().text());
    QSqlQuery query(db);
    // A real close replaces anything; a provisional one fills only an empty place.
    query.prepare(uR"(INSERT INTO closed_trades (ticket, symbol, side, volume, open_price,
            close_price, sl, tp, swap, commission, profit, open_time, close_time, reason, flwsig,
            sigtraderid, signame, provisional)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (ticket) DO UPDATE SET symbol = excluded.symbol, side = excluded.side,
            volume = excluded.volume, open_price = excluded.open_price,
            close_price = excluded.close_price, sl = excluded.sl, tp = excluded.tp,
            swap = excluded.swap, commission = excluded.commission, profit = excluded.profit,
            open_time = excluded.open_time, close_time = excluded.close_time,
            reason = excluded.reason, flwsig = excluded.flwsig,
            sigtraderid = excluded.sigtraderid, signame = excluded.signame,
            provisional = excluded.provisional
        WHERE excluded.provisional = 0 OR closed_trades.provisional = 1)"_s);
    for (const ClosedTrade &t : trades) {
        const Position &p = t.position;
        const bool provisional = t.reason == ClosedTrade::Reason::Unknown;
        const QVariantList values = {p.ticket,
                                     p.symbol,
                                     Position::sideName(p.side),
                                     p.volume,
                                     p.openPrice,
                                     t.closePrice,
                                     p.sl,
                                     p.tp,
                                     p.swap,
                                     p.commission,
                                     p.profit,
                                     p.openTime,
                                     t.closeTime,
                                     reasonText(t.reason),
                                     int(p.flwsig),
                                     p.sigtraderid,
                                     notNull(p.signame),
                                     int(provisional)};
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (!query.exec()) {
            const QString error = query.lastError().text();
            db.rollback();
            return fail(
                u"Cannot save closed trades; the batch of %1 was not written"_s.arg(trades.size()),
                error);
        }
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        return fail(u"Cannot save closed trades"_s, error);
    }
    Q_EMIT tradesRecorded(int(trades.size()));
    return true;
}

QList<ClosedTrade> ClosedTradeStore::trades(qint64 from, qint64 to) const
{
    QList<ClosedTrade> result;
    if (!isOpen())
        return result;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.setForwardOnly(true);
    query.prepare(u"SELECT ticket, symbol, side, volume, open_price, close_price, sl, tp, swap, "
                  "commission, profit, open_time, close_time, reason, flwsig, sigtraderid, signame "
                  "FROM closed_trades WHERE close_time >= ? AND (? = 0 OR close_time < ?) "
                  "ORDER BY close_time DESC, ticket DESC"_s);
    query.bindValue(0, from);
    query.bindValue(1, to);
    query.bindValue(2, to);
    if (!query.exec()) {
        qCWarning(lcStore).noquote()
            << "cannot read the trade history:" << query.lastError().text();
        return result;
    }
    while (query.next()) {
        ClosedTrade t;
        Position &p = t.position;
        p.ticket = query.value(0).toLongLong();
        p.symbol = query.value(1).toString();
        p.side =
            query.value(2).toString() == "sell"_L1 ? Position::Side::Sell : Position::Side::Buy;
        p.volume = query.value(3).toDouble();
        p.openPrice = query.value(4).toDouble();
        t.closePrice = query.value(5).toDouble();
        p.price = t.closePrice;
        p.sl = query.value(6).toDouble();
        p.tp = query.value(7).toDouble();
        p.swap = query.value(8).toDouble();
        p.commission = query.value(9).toDouble();
        p.profit = query.value(10).toDouble();
        p.openTime = query.value(11).toLongLong();
        t.closeTime = query.value(12).toLongLong();
        t.reason = reasonFrom(query.value(13).toString());
        p.flwsig = query.value(14).toInt() != 0;
        p.sigtraderid = query.value(15).toLongLong();
        p.signame = query.value(16).toString();
        result.append(t);
    }
    return result;
}

int ClosedTradeStore::count() const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(u"SELECT COUNT(*) FROM closed_trades"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

QString ClosedTradeStore::csvField(const QString &value)
{
    // Text from the feed (a signal trader's name) must not run as a spreadsheet formula:
    // a leading =, +, -, @ or tab is neutralised with an apostrophe, as OWASP advises.
    QString escaped = value;
    if (!escaped.isEmpty() && u"=+-@\t\r"_s.contains(escaped.front()))
        escaped.prepend(u'\'');
    // RFC 4180: quote fields with commas, quotes or line breaks; double the quotes inside.
    static const QString special = u",\"\r\n"_s;
    bool quote = false;
    for (const QChar c : std::as_const(escaped)) {
        if (special.contains(c)) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return escaped;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

bool ClosedTradeStore::exportCsv(const QList<ClosedTrade> &trades, QIODevice *device)
{
    if (!device || !device->isWritable())
        return false;
    QByteArray out = "ticket,open_time,close_time,symbol,type,volume,open_price,close_price,sl,tp,"
                     "swap,commission,profit,reason,signal_trader_id,signal_trader\r\n";
    const auto number = [](double v) {
        return QString::number(v, 'f', QLocale::FloatingPointShortest);
    };
    for (const ClosedTrade &t : trades) {
        const Position &p = t.position;
        const QStringList fields = {QString::number(p.ticket),
                                    isoUtc(p.openTime),
                                    isoUtc(t.closeTime),
                                    csvField(p.symbol),
                                    Position::sideName(p.side),
                                    number(p.volume),
                                    number(p.openPrice),
                                    number(t.closePrice),
                                    number(p.sl),
                                    number(p.tp),
                                    number(p.swap),
                                    number(p.commission),
                                    number(p.profit),
                                    reasonText(t.reason),
                                    p.flwsig ? QString::number(p.sigtraderid) : QString(),
                                    csvField(p.flwsig ? p.signame : QString())};
        out += fields.join(u',').toUtf8() + "\r\n";
    }
    return device->write(out) == out.size();
}
