// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/accountspec.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

// Settings → Accounts: the accounts one window watches, in the trader's order. Add, remove,
// rename and move them up or down; each has a name, a feed URL, a trader id, a wire format (a
// built-in profile's name or a profile file) and a token (kept in the secret store per
// account, by whoever saves them). No account: the Feed tab's feed is the one. What cannot be
// used (no URL, a URL that is not ws:// or wss://, a profile that does not load, two entries of
// one account) is said by problem(). Named (objectName): "accountsList", "addAccount",
// "removeAccount", "moveAccountUp", "moveAccountDown", "accountName", "accountUrl",
// "accountTrader", "accountProfile", "accountToken".
class AccountsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit AccountsEditor(QWidget *parent = nullptr);

    // The accounts and each one's token (empty: none), in the same order.
    void setAccounts(const QList<AccountSpec> &accounts, const QStringList &tokens);
    QList<AccountSpec> accounts() const;
    QStringList tokens() const { return m_tokens; }
    // Why the accounts cannot be saved as they are; empty when they can.
    QString problem() const;

Q_SIGNALS:
    void changed();

private:
    void showCurrent();
    void storeCurrent();
    void add();
    void remove();
    void move(int by);
    void updateButtons();
    static QString label(const AccountSpec &spec, const QString &urlText);

    // What the fields hold, per account: the URL as typed (it may not parse yet).
    QList<AccountSpec> m_accounts;
    QStringList m_urls;
    QStringList m_tokens;
    bool m_showing = false; // the fields are being filled from an account
    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QSpinBox *m_trader = nullptr;
    QLineEdit *m_profile = nullptr;
    QLineEdit *m_token = nullptr;
};
