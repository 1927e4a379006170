// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedstatus.h"

#include <QFrame>
#include <QList>

class AccountSet;
class QGridLayout;
class QLabel;
class QPushButton;

// Each account's link at a glance, opened from the status bar's summary ("2 of 3 accounts
// live"): per account, in the trader's order, its state's dot and its state in words, the age
// of its data, the heartbeat's round trip, and a Reconnect of its own (as Ctrl+R, for an account
// that is not connected or connecting). Follows the accounts as
// they change (the ages tick). A popup: a click elsewhere or Escape closes it. Named
// (objectName): "accountsList".
class AccountsList : public QFrame
{
    Q_OBJECT

public:
    explicit AccountsList(AccountSet *accounts, QWidget *parent = nullptr);

    // A line as its words, tab-separated (name, state, data age, round trip); for tests and
    // the accessible description.
    QString lineText(int account) const;
    QPushButton *reconnectButton(int account) const { return m_lines.at(account).reconnect; }

private:
    struct Line
    {
        QLabel *dot = nullptr;
        QLabel *name = nullptr;
        QLabel *state = nullptr;
        QLabel *age = nullptr;
        QLabel *roundTrip = nullptr;
        QPushButton *reconnect = nullptr;
    };
    void showStatus(int account, const FeedStatus &status);

    AccountSet *m_accounts = nullptr;
    QList<Line> m_lines;
};
