// SPDX-License-Identifier: GPL-3.0-or-later
#include "alerts/alerts.h"

#include "domain/tradetext.h"
#include "feed/positionbook.h"

#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAlerts, "trademonitor.alerts")

using namespace Qt::StringLiterals;

namespace {
QString signedAmount(double value)
{
    return (value > 0.0 ? u"+"_s : QString()) + TradeText::amount(value);
}

// "EURUSD Buy 0.10"
QString what(const Position &p)
{
    return u"%1 %2 %3"_s.arg(p.symbol, TradeText::side(p.side), TradeText::amount(p.volume));
}
} // namespace

Alerts::Alerts(PositionBook *book, SocketManager *socket, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_book(book)
    , m_socket(socket)
    , m_notifier(notifier)
{
    m_burstTimer.setSingleShot(true);
    m_burstTimer.setInterval(kBurstWindow);
    connect(&m_burstTimer, &QTimer::timeout, this, &Alerts::flushBurst);
    m_lostTimer.setSingleShot(true);
    m_lostTimer.setInterval(m_settings.feedLostAfter);
    connect(&m_lostTimer, &QTimer::timeout, this, [this] {
        if (!m_settings.feed)
            return;
        m_lostNotified = true;
        const QString reason = m_socket->lastError();
        notify({Notification::Kind::FeedLost, tr("The feed is lost"),
                reason.isEmpty() ? tr("No live data for %1 s. Trade Monitor keeps trying.")
                                       .arg(m_lostFor.elapsed() / 1000)
                                 : tr("No live data for %1 s: %2 Trade Monitor keeps trying.")
                                       .arg(m_lostFor.elapsed() / 1000)
                                       .arg(reason),
                true});
    });
    connect(book, &PositionBook::liveOpened, this, &Alerts::onOpened);
    connect(book, &PositionBook::liveClosed, this, &Alerts::onClosed);
    connect(book, &PositionBook::figuresChanged, this, &Alerts::onFiguresChanged);
    connect(socket, &SocketManager::stateChanged, this, &Alerts::onStateChanged);
}

void Alerts::setSettings(const AlertSettings &settings)
{
    m_settings = settings;
    m_lostTimer.setInterval(settings.feedLostAfter);
    if (!settings.marginLevel)
        m_belowMargin = false;
    onFiguresChanged(); // a new threshold may already be crossed
}

void Alerts::setBurstWindow(std::chrono::milliseconds window)
{
    m_burstTimer.setInterval(window);
}

bool Alerts::wanted(const Position &p) const
{
    return p.flwsig ? m_settings.signalPositions : m_settings.ownPositions;
}

QString Alerts::money(double value) const
{
    const std::optional<AccountFigures> &figures = m_book->figures();
    if (!figures || figures->currency.isEmpty())
        return signedAmount(value);
    //: An amount and its currency: "+12.30 USD"
    return tr("%1 %2").arg(signedAmount(value), figures->currency);
}

Notification Alerts::openedNote(const Position &p) const
{
    return {Notification::Kind::Opened,
            p.flwsig ? tr("%1 opened %2").arg(TradeText::signal(p), what(p))
                     : tr("Opened %1").arg(what(p)),
            tr("Ticket %1 at %2").arg(p.ticket).arg(QLocale().toString(p.openPrice, 'g', 10)),
            false};
}

Notification Alerts::closedNote(const ClosedTrade &t) const
{
    const Position &p = t.position;
    const QString result = money(p.net());
    return {Notification::Kind::Closed,
            p.flwsig ? tr("%1 closed %2: %3").arg(TradeText::signal(p), what(p), result)
                     : tr("Closed %1: %2").arg(what(p), result),
            tr("Ticket %1 · %2").arg(p.ticket).arg(TradeText::reason(t)), false};
}

void Alerts::onOpened(const QList<Position> &positions)
{
    for (const Position &p : positions) {
        if (wanted(p))
            gather(openedNote(p), p, 0.0);
    }
}

void Alerts::onClosed(const QList<ClosedTrade> &trades)
{
    for (const ClosedTrade &t : trades) {
        if (wanted(t.position))
            gather(closedNote(t), t.position, t.position.net());
    }
}

void Alerts::gather(const Notification &notification, const Position &position, double net)
{
    m_burst.append(notification);
    m_burstNames.append(position.flwsig
                            ? tr("%1 (%2)").arg(position.symbol, TradeText::signal(position))
                            : position.symbol);
    if (notification.kind == Notification::Kind::Opened)
        ++m_burstOpened;
    else
        ++m_burstClosed;
    m_burstNet += net;
    if (!m_burstTimer.isActive())
        m_burstTimer.start();
}

void Alerts::flushBurst()
{
    if (m_burst.size() == 1) {
        notify(m_burst.constFirst());
    } else if (!m_burst.isEmpty()) {
        // Ten closes in a second are one piece of news.
        QStringList parts;
        if (m_burstOpened > 0)
            parts.append(tr("%n position(s) opened", nullptr, m_burstOpened));
        if (m_burstClosed > 0)
            parts.append(tr("%n position(s) closed", nullptr, m_burstClosed));
        // Which ones, the first few by name: enough to know whether to look now.
        constexpr int kNamed = 3;
        // Listed as the window's language lists them (not the locale's: the window may speak
        // English on a machine set to C): "A, B and C", "A, B, C and 2 more"; "A、B 和 C".
        const QStringList named = m_burstNames.mid(0, kNamed);
        const QString separator = tr(", ", "between the names of a list");
        QString body;
        if (const int more = int(m_burstNames.size()) - kNamed; more > 0)
            body = tr("%1 and %n more", nullptr, more).arg(named.join(separator));
        else if (named.size() > 1)
            body = tr("%1 and %2", "the last two names of a list")
                       .arg(named.mid(0, named.size() - 1).join(separator), named.constLast());
        else
            body = named.value(0);
        if (m_burstClosed > 0)
            body += u'\n' + tr("Net of the closes: %1").arg(money(m_burstNet));
        qCInfo(lcAlerts) << m_burst.size() << "alerts in one burst";
        notify({Notification::Kind::Summary, parts.join(u", "_s), body, false});
    }
    m_burst.clear();
    m_burstNames.clear();
    m_burstOpened = m_burstClosed = 0;
    m_burstNet = 0.0;
}

void Alerts::onFiguresChanged()
{
    const std::optional<AccountFigures> &figures = m_book->figures();
    if (!m_settings.marginLevel || !figures || !m_book->areFiguresCurrent())
        return;
    const bool below =
        figures->marginLevel && *figures->marginLevel < m_settings.marginLevelPercent;
    if (below && !m_belowMargin) {
        const QLocale locale;
        notify({Notification::Kind::MarginLevel,
                tr("Margin level %1 % is below %2 %")
                    .arg(locale.toString(*figures->marginLevel, 'f', 2),
                         locale.toString(m_settings.marginLevelPercent, 'f', 0)),
                tr("Equity %1 %3 on %2 %3 of margin. Below the broker's stop-out level positions "
                   "are closed.")
                    .arg(TradeText::amount(figures->equity), TradeText::amount(figures->margin),
                         figures->currency),
                true});
    }
    // Once per fall: it warns again only after the level has been back above.
    m_belowMargin = below;
}

void Alerts::onStateChanged(SocketManager::State state)
{
    using State = SocketManager::State;
    switch (state) {
    case State::Live:
        m_lostTimer.stop();
        if (m_lostNotified && m_settings.feed) {
            notify({Notification::Kind::FeedBack, tr("The feed is live again"),
                    tr("Back after %1 s.").arg(m_lostFor.elapsed() / 1000), false});
        }
        m_lostNotified = false;
        m_lostFor.invalidate();
        m_wasLive = true;
        break;
    case State::Idle:
    case State::Closing:
        // A deliberate close (another tab, quitting) is no loss.
        m_lostTimer.stop();
        m_lostNotified = false;
        m_lostFor.invalidate();
        m_wasLive = false;
        break;
    default:
        // Lost only once it has been live: starting up is not losing anything.
        if (!m_lostFor.isValid() && m_wasLive) {
            m_lostFor.start();
            m_lostTimer.start();
        }
        break;
    }
}

void Alerts::setNotifier(Notifier *notifier)
{
    m_notifier = notifier;
}

void Alerts::notify(const Notification &notification)
{
    if (!m_notifier)
        return;
    if (m_accountName.isEmpty()) {
        m_notifier->notify(notification);
        return;
    }
    Notification named = notification;
    named.title =
        tr("%1 · %2", "an account's name, then its news").arg(m_accountName, notification.title);
    m_notifier->notify(named);
}
