#include "feedstatusbar.h"

#include "feedstatus.h"
#include "socketmanager.h"
#include "tonedelegate.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

FeedStatusBar::FeedStatusBar(SocketManager *feed, QWidget *parent)
    : QWidget(parent)
    , m_feed(feed)
{
    m_dot = new QLabel(this);
    m_dot->setFixedSize(12, 12);
    m_state = new QLabel(this);
    m_roundTrip = new QLabel(this);
    m_roundTrip->setToolTip(tr("Heartbeat round trip"));
    m_age = new QLabel(this);
    m_age->setToolTip(tr("Time since the feed last sent anything"));
    m_age->setMinimumWidth(
        m_age->fontMetrics().horizontalAdvance(tr("updated %1 s ago").arg(99999)));
    m_roundTrip->setMinimumWidth(
        m_roundTrip->fontMetrics().horizontalAdvance(tr("RTT %1 ms").arg(9999)));
    m_feedName = new QLabel(this);
    m_reconnect = new QPushButton(tr("Reconnect"), this);
    m_reconnect->setToolTip(tr("Try to connect again now (Ctrl+R)"));
    m_reconnect->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_dot);
    layout->addWidget(m_state, 1);
    for (QLabel *label : {m_roundTrip, m_age, m_feedName}) {
        layout->addSpacing(12);
        layout->addWidget(label);
    }
    layout->addWidget(m_reconnect);

    m_ticker.setInterval(500ms);
    connect(&m_ticker, &QTimer::timeout, this, &FeedStatusBar::refresh);
    m_ticker.start();
    connect(m_reconnect, &QPushButton::clicked, feed, &SocketManager::reconnectNow);
    connect(feed, &SocketManager::stateChanged, this, &FeedStatusBar::refresh);
    connect(feed, &SocketManager::retryScheduled, this, &FeedStatusBar::refresh);
    connect(feed, &SocketManager::roundTripMeasured, this, &FeedStatusBar::refresh);
    refresh();
}

void FeedStatusBar::setPaused(bool paused)
{
    m_paused = paused;
    refresh();
}

void FeedStatusBar::setFeedName(const QString &name)
{
    m_feedName->setText(name);
}

void FeedStatusBar::setDemo(bool demo)
{
    // A simulated account must never be mistaken for a real one.
    QFont font = m_feedName->font();
    font.setBold(demo);
    m_feedName->setFont(font);
    m_feedName->setToolTip(demo ? tr("A simulated account served by Trade Monitor itself: no "
                                     "real positions")
                                : tr("The feed's host"));
}

QString FeedStatusBar::stateText() const
{
    return m_state->text();
}

QString FeedStatusBar::ageText() const
{
    return m_age->text();
}

QString FeedStatusBar::roundTripText() const
{
    return m_roundTrip->text();
}

void FeedStatusBar::refresh()
{
    const FeedStatus status = FeedStatus::of(*m_feed, m_paused);
    const char *colour = "#9e9e9e";
    switch (status.level) {
    case FeedStatus::Level::Live:
        colour = "#2e7d32";
        break;
    case FeedStatus::Level::Busy:
        colour = "#f9a825";
        break;
    case FeedStatus::Level::Down:
        colour = "#c62828";
        break;
    case FeedStatus::Level::Paused:
        break;
    }
    m_dot->setStyleSheet(u"border-radius: 6px; background-color: %1;"_s.arg(QLatin1String(colour)));
    m_state->setText(status.text);
    m_state->setToolTip(status.detail);

    const bool live = status.level == FeedStatus::Level::Live;
    m_roundTrip->setText(live && m_feed->roundTripTimeMs() >= 0
                             ? tr("RTT %1 ms").arg(m_feed->roundTripTimeMs())
                             : QString());

    const qint64 last = m_feed->lastFrameAt();
    if (last <= 0) {
        m_age->clear();
        m_ageWarning = false;
    } else {
        const qint64 ago = std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - last);
        m_age->setText(tr("updated %1 s ago").arg(ago / 1000));
        // Silence longer than two heartbeats: whatever the state says, the data is old.
        m_ageWarning = ago > 2 * m_feed->config().heartbeatInterval.count();
        m_age->setStyleSheet(m_ageWarning ? u"color: %1; font-weight: bold;"_s.arg(
                                                ToneDelegate::toneColor(palette(), -1).name())
                                          : QString());
    }
    m_reconnect->setVisible(m_feed->state() == SocketManager::State::Failed);
    Q_EMIT statusRefreshed(status);
}
