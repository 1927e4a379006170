// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedstatusbar.h"

#include "accountslist.h"
#include "session/accountset.h"

#include "feed/feedstatuspresenter.h"

#include "elidedlabel.h"

#include "feed/feedsession.h"
#include "feed/feedstatus.h"
#include "net/socketmanager.h"
#include "tonedelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

FeedStatusBar::FeedStatusBar(FeedStatusPresenter *status, SocketManager *feed, QWidget *parent)
    : QWidget(parent)
    , m_status(status)
    , m_feed(feed)
{
    m_dot = new QLabel(this);
    m_dot->setObjectName(u"stateDot"_s);
    m_dot->setFixedSize(12, 12);
    m_state = new QLabel(this);
    m_state->setObjectName(u"state"_s);
    m_event = new ElidedLabel(this);
    m_event->setObjectName(u"event"_s);
    // A long reason must not push the round trip and the age out of the window: it ends in
    // "…", whole in the tooltip.
    m_event->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_roundTrip = new QLabel(this);
    m_roundTrip->setObjectName(u"roundTrip"_s);
    m_roundTrip->setToolTip(tr("Heartbeat round trip"));
    m_age = new QLabel(this);
    m_age->setObjectName(u"dataAge"_s);
    m_age->setToolTip(tr("Time since the feed last changed the data shown"));
    m_age->setMinimumWidth(
        m_age->fontMetrics().horizontalAdvance(tr("no change for %1").arg(tr("99 min"))));
    m_roundTrip->setMinimumWidth(
        m_roundTrip->fontMetrics().horizontalAdvance(tr("RTT %1 ms").arg(9999)));
    m_feedName = new QLabel(this);
    m_reconnect = new QPushButton(tr("Reconnect"), this);
    m_reconnect->setToolTip(tr("Try to connect again now (Ctrl+R)"));
    m_reconnect->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_dot);
    layout->addWidget(m_state);
    layout->addSpacing(12);
    layout->addWidget(m_event, 1);
    layout->addStretch(0); // the event's room while there is none
    for (QLabel *label : {m_roundTrip, m_age, m_feedName}) {
        layout->addSpacing(12);
        layout->addWidget(label);
    }
    layout->addWidget(m_reconnect);

    m_eventTimer.setSingleShot(true);
    m_eventTimer.setInterval(kEventShownFor);
    connect(&m_eventTimer, &QTimer::timeout, this, [this] {
        m_eventText.clear();
        display(m_status->status());
    });
    connect(m_reconnect, &QPushButton::clicked, feed, &SocketManager::reconnectNow);
    connect(status, &FeedStatusPresenter::statusChanged, this, &FeedStatusBar::display);
    display(status->status());
}

void FeedStatusBar::setAccounts(AccountSet *accounts)
{
    m_accounts = accounts;
    m_summary = new QToolButton(this);
    m_summary->setObjectName(u"accountsSummary"_s);
    m_summary->setAutoRaise(true);
    m_summary->setToolTip(tr("Each account's state, data age and round trip"));
    static_cast<QHBoxLayout *>(layout())->insertWidget(layout()->indexOf(m_state), m_summary);
    m_state->hide();
    connect(m_summary, &QToolButton::clicked, this, &FeedStatusBar::showAccounts);
    // One account's state and figures are in the list; here, how they stand together.
    for (QWidget *widget :
         {static_cast<QWidget *>(m_roundTrip), static_cast<QWidget *>(m_age),
          static_cast<QWidget *>(m_feedName), static_cast<QWidget *>(m_reconnect)})
        widget->hide();
    for (qsizetype i = 0; i < accounts->count(); ++i)
        connect(accounts->session(i)->status(), &FeedStatusPresenter::statusChanged, this,
                [this] { display(m_status->status()); });
    display(m_status->status());
}

AccountsList *FeedStatusBar::showAccounts()
{
    if (!m_accounts)
        return nullptr;
    if (!m_list)
        m_list = new AccountsList(m_accounts, this);
    m_list->adjustSize();
    // Above the summary, as a menu from the status bar opens.
    const QPoint at = m_summary->mapToGlobal(QPoint(0, 0));
    m_list->move(at.x(), at.y() - m_list->sizeHint().height());
    m_list->show();
    return m_list;
}

void FeedStatusBar::setStyle(QWidget *widget, const QString &style)
{
    if (widget->styleSheet() != style)
        widget->setStyleSheet(style);
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

bool FeedStatusBar::isAgeVisible() const
{
    return !m_age->isHidden() && !m_age->text().isEmpty();
}

void FeedStatusBar::setEventDuration(std::chrono::milliseconds duration)
{
    m_eventTimer.setInterval(duration);
}

void FeedStatusBar::showConnectionEvent(const QString &text, ConnectionLog::Severity severity)
{
    m_eventText = text;
    m_eventSeverity = severity;
    m_eventTimer.start();
    display(m_status->status());
}

QColor FeedStatusBar::levelColor(FeedStatus::Level level)
{
    switch (level) {
    case FeedStatus::Level::Live:
        return QColor(0x2e, 0x7d, 0x32);
    case FeedStatus::Level::Busy:
        return QColor(0xf9, 0xa8, 0x25);
    case FeedStatus::Level::Down:
        return QColor(0xc6, 0x28, 0x28);
    case FeedStatus::Level::Paused:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

void FeedStatusBar::display(const FeedStatus &feedStatus)
{
    // With several accounts: how they stand together, each one's detail in the list.
    FeedStatus status = feedStatus;
    if (m_accounts) {
        status = FeedStatus{};
        status.level = m_accounts->level();
        status.text = m_accounts->summary();
        m_summary->setText(status.text);
    }
    setStyle(m_dot,
             u"border-radius: 6px; background-color: %1;"_s.arg(levelColor(status.level).name()));
    // The dot's colour in words, for a screen reader: a new name reaches it as a NameChanged
    // event (Qt 6.4 has no announcement), so it is set only when the words change, never on
    // the age's ticks.
    const QString spoken = tr("Feed: %1").arg(status.text);
    if (m_dot->accessibleName() != spoken)
        m_dot->setAccessibleName(spoken);
    if (m_dot->accessibleDescription() != status.detail)
        m_dot->setAccessibleDescription(status.detail);
    m_state->setText(status.text);
    m_state->setToolTip(status.detail);

    // The latest event while it is fresh; once given up, why, until something else happens.
    const bool failed = !m_accounts && m_feed->state() == SocketManager::State::Failed;
    const QString event = !m_eventText.isEmpty() ? m_eventText
                          : failed               ? m_feed->lastError()
                                                 : QString();
    const bool alarming =
        !m_eventText.isEmpty() ? m_eventSeverity == ConnectionLog::Severity::Error : failed;
    m_event->setText(event);
    m_event->setVisible(!event.isEmpty()); // nothing to read: nothing there
    setStyle(m_event,
             alarming ? u"color: %1;"_s.arg(ToneDelegate::toneColor(palette(), Tone::Loss).name())
                      : QString());
    if (m_accounts)
        return;

    const bool connected = m_feed->state() == SocketManager::State::Open ||
                           m_feed->state() == SocketManager::State::Live;
    m_roundTrip->setText(connected && m_feed->roundTripTimeMs() >= 0
                             ? tr("RTT %1 ms").arg(m_feed->roundTripTimeMs())
                             : QString());
    m_roundTrip->setVisible(!m_roundTrip->text().isEmpty());

    m_age->setText(status.ageText);
    m_age->setVisible(!status.ageText.isEmpty());
    m_ageWarning = status.ageWarning;
    setStyle(m_age, m_ageWarning ? u"color: %1; font-weight: bold;"_s.arg(
                                       ToneDelegate::toneColor(palette(), Tone::Loss).name())
                                 : QString());
    m_reconnect->setVisible(m_feed->state() == SocketManager::State::Failed);
}
