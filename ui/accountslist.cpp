// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountslist.h"

#include "feed/feedstatuspresenter.h"
#include "feedstatusbar.h"
#include "net/socketmanager.h"
#include "session/accountset.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

AccountsList::AccountsList(AccountSet *accounts, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_accounts(accounts)
{
    setObjectName(u"accountsList"_s);
    setAccessibleName(tr("Accounts"));
    setFrameStyle(QFrame::StyledPanel | QFrame::Raised);
    auto *grid = new QGridLayout(this);
    grid->setHorizontalSpacing(12);
    const QStringList titles{tr("Account"), tr("State"), tr("Data age"), tr("Round trip")};
    for (int i = 0; i < titles.size(); ++i) {
        auto *title = new QLabel(titles.at(i), this);
        title->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(title, 0, i + 1);
    }
    for (qsizetype i = 0; i < accounts->count(); ++i) {
        const int row = int(i) + 1;
        Line line;
        line.dot = new QLabel(this);
        line.dot->setFixedSize(10, 10);
        line.name = new QLabel(accounts->name(i), this);
        line.state = new QLabel(this);
        line.age = new QLabel(this);
        line.roundTrip = new QLabel(this);
        line.reconnect = new QPushButton(tr("Reconnect"), this);
        line.reconnect->setAccessibleName(tr("Reconnect %1").arg(accounts->name(i)));
        line.reconnect->setToolTip(tr("Connect %1 again now").arg(accounts->name(i)));
        grid->addWidget(line.dot, row, 0, Qt::AlignVCenter);
        grid->addWidget(line.name, row, 1);
        grid->addWidget(line.state, row, 2);
        grid->addWidget(line.age, row, 3);
        grid->addWidget(line.roundTrip, row, 4);
        grid->addWidget(line.reconnect, row, 5);
        m_lines.append(line);
        AccountSession *session = accounts->session(i);
        connect(line.reconnect, &QPushButton::clicked, session->socket(),
                &SocketManager::reconnectNow);
        connect(session->status(), &FeedStatusPresenter::statusChanged, this,
                [this, row = int(i)](const FeedStatus &status) { showStatus(row, status); });
        showStatus(int(i), session->status()->status());
    }
}

void AccountsList::showStatus(int account, const FeedStatus &status)
{
    const Line &line = m_lines.at(account);
    const QString style = u"border-radius: 5px; background-color: %1;"_s.arg(
        FeedStatusBar::levelColor(status.level).name());
    if (line.dot->styleSheet() != style)
        line.dot->setStyleSheet(style);
    line.dot->setAccessibleName(tr("%1: %2").arg(m_accounts->name(account), status.text));
    line.state->setText(status.text);
    line.state->setToolTip(status.detail);
    line.age->setText(status.ageText);
    const SocketManager *socket = m_accounts->session(account)->socket();
    const bool connected = socket->state() == SocketManager::State::Open ||
                           socket->state() == SocketManager::State::Live;
    line.roundTrip->setText(connected && socket->roundTripTimeMs() >= 0
                                ? tr("%1 ms").arg(socket->roundTripTimeMs())
                                : QString());
    // As Ctrl+R: a connection that is being made or is up is left alone.
    line.reconnect->setEnabled(!connected && socket->state() != SocketManager::State::Connecting);
}

QString AccountsList::lineText(int account) const
{
    const Line &line = m_lines.at(account);
    return QStringList{line.name->text(), line.state->text(), line.age->text(),
                       line.roundTrip->text()}
        .join(u'\t');
}
