// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountseditor.h"

#include "net/socketconfig.h"
#include "protocol/feedprofile.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

AccountsEditor::AccountsEditor(QWidget *parent)
    : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(u"accountsList"_s);
    m_list->setAccessibleName(tr("Accounts"));
    m_add = new QPushButton(tr("&New Account"), this);
    m_add->setObjectName(u"addAccount"_s);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(u"removeAccount"_s);
    m_up = new QPushButton(tr("Move &Up"), this);
    m_up->setObjectName(u"moveAccountUp"_s);
    m_down = new QPushButton(tr("Move D&own"), this);
    m_down->setObjectName(u"moveAccountDown"_s);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"accountName"_s);
    m_name->setPlaceholderText(tr("as the window names it: Main, Prop firm…"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"accountUrl"_s);
    m_url->setPlaceholderText(u"wss://feed.example.com/positions"_s);
    m_trader = new QSpinBox(this);
    m_trader->setObjectName(u"accountTrader"_s);
    m_trader->setRange(0, std::numeric_limits<int>::max());
    m_trader->setSpecialValueText(tr("the default (%1)").arg(Defaults::kTraderId));
    m_profile = new QLineEdit(this);
    m_profile->setObjectName(u"accountProfile"_s);
    m_profile->setPlaceholderText(tr("native; or seed, or a profile file"));
    m_token = new QLineEdit(this);
    m_token->setObjectName(u"accountToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("none"));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    listRow->addLayout(buttons);
    auto *form = new QFormLayout;
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(tr("Feed UR&L:"), m_url);
    form->addRow(tr("&Trader id:"), m_trader);
    form->addRow(tr("&Wire format:"), m_profile);
    form->addRow(tr("Auth to&ken:"), m_token);
    auto *note = new QLabel(tr("Each account has a connection, a history and alerts of its own; "
                               "the window shows them all, or one. Without accounts, the Feed "
                               "tab's feed is the one. Changes take effect at the next start."),
                            this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(listRow, 1);
    layout->addLayout(form);
    layout->addWidget(note);

    connect(m_list, &QListWidget::currentRowChanged, this, &AccountsEditor::showCurrent);
    connect(m_add, &QPushButton::clicked, this, &AccountsEditor::add);
    connect(m_remove, &QPushButton::clicked, this, &AccountsEditor::remove);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    for (QLineEdit *edit : {m_name, m_url, m_profile, m_token})
        connect(edit, &QLineEdit::textEdited, this, &AccountsEditor::storeCurrent);
    connect(m_trader, &QSpinBox::valueChanged, this, &AccountsEditor::storeCurrent);
    showCurrent();
}

void AccountsEditor::setAccounts(const QList<AccountSpec> &accounts, const QStringList &tokens)
{
    m_accounts = accounts;
    m_urls.clear();
    m_tokens = tokens;
    m_list->clear();
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        m_urls.append(accounts.at(i).url.toString());
        if (m_tokens.size() <= i)
            m_tokens.append(QString());
        m_list->addItem(label(accounts.at(i), m_urls.constLast()));
    }
    m_list->setCurrentRow(accounts.isEmpty() ? -1 : 0);
    showCurrent();
}

QList<AccountSpec> AccountsEditor::accounts() const
{
    QList<AccountSpec> accounts = m_accounts;
    for (qsizetype i = 0; i < accounts.size(); ++i)
        accounts[i].url = QUrl(m_urls.at(i).trimmed(), QUrl::StrictMode);
    return accounts;
}

QString AccountsEditor::problem() const
{
    const QList<AccountSpec> all = accounts();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const AccountSpec &spec = all.at(i);
        const QString whose = label(spec, m_urls.at(i));
        if (m_urls.at(i).trimmed().isEmpty())
            return tr("%1: give its feed URL.").arg(whose);
        if (const QString invalid = SocketConfig::validateUrl(spec.url); !invalid.isEmpty())
            return tr("%1: %2").arg(whose, invalid);
        QString error;
        if (!spec.profile.isEmpty() && !FeedProfile::load(spec.profile, &error))
            return tr("%1: %2").arg(whose, error);
    }
    return AccountSpec::duplicates(all);
}

QString AccountsEditor::label(const AccountSpec &spec, const QString &urlText)
{
    if (!spec.name.trimmed().isEmpty())
        return spec.name.trimmed();
    return spec.url.isValid() && !spec.url.host().isEmpty()
               ? spec.displayName()
               : (urlText.isEmpty() ? tr("New account") : urlText);
}

void AccountsEditor::showCurrent()
{
    const int row = m_list->currentRow();
    const bool one = row >= 0;
    m_showing = true;
    const AccountSpec spec = one ? m_accounts.at(row) : AccountSpec();
    m_name->setText(spec.name);
    m_url->setText(one ? m_urls.at(row) : QString());
    m_trader->setValue(int(spec.traderId));
    m_profile->setText(spec.profile);
    m_token->setText(one ? m_tokens.at(row) : QString());
    m_showing = false;
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_name, m_url, m_trader, m_profile, m_token})
        field->setEnabled(one);
    updateButtons();
}

void AccountsEditor::storeCurrent()
{
    const int row = m_list->currentRow();
    if (m_showing || row < 0)
        return;
    AccountSpec &spec = m_accounts[row];
    spec.name = m_name->text();
    m_urls[row] = m_url->text();
    spec.url = QUrl(m_urls.at(row).trimmed(), QUrl::StrictMode);
    spec.traderId = m_trader->value();
    spec.profile = m_profile->text().trimmed();
    m_tokens[row] = m_token->text();
    m_list->item(row)->setText(label(spec, m_urls.at(row)));
    Q_EMIT changed();
}

void AccountsEditor::add()
{
    m_accounts.append(AccountSpec());
    m_urls.append(QString());
    m_tokens.append(QString());
    m_list->addItem(label(m_accounts.constLast(), QString()));
    m_list->setCurrentRow(int(m_accounts.size()) - 1);
    m_url->setFocus();
    Q_EMIT changed();
}

void AccountsEditor::remove()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_accounts.removeAt(row);
    m_urls.removeAt(row);
    m_tokens.removeAt(row);
    delete m_list->takeItem(row);
    showCurrent();
    Q_EMIT changed();
}

void AccountsEditor::move(int by)
{
    const int row = m_list->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_accounts.size())
        return;
    m_accounts.swapItemsAt(row, to);
    m_urls.swapItemsAt(row, to);
    m_tokens.swapItemsAt(row, to);
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    Q_EMIT changed();
}

void AccountsEditor::updateButtons()
{
    const int row = m_list->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_list->count() - 1);
}
