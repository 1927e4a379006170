// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowhost.h"

#include "config/appoptions.h"
#include "config/appsettings.h"
#include "net/secrets.h"

#include <QLocale>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHost, "trademonitor.window")

WindowHost::WindowHost(const Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{}

WindowHost::~WindowHost()
{
    // The window first: it shows the accounts.
    m_window.reset();
    m_accounts.reset();
}

void WindowHost::rememberSecrets() const
{
    for (const std::optional<AccountSpec> &spec : chosen()) {
        const SocketConfig config =
            m_services.options.configFor(m_services.settings, spec ? &*spec : nullptr);
        Secrets::rememberFeed(config.url, config.token);
    }
}

bool WindowHost::followsSettings() const
{
    return !m_services.options.overrides().url;
}

QList<std::optional<AccountSpec>> WindowHost::chosen() const
{
    const AppOptions &options = m_services.options;
    const QList<AccountSpec> saved =
        followsSettings() ? m_services.settings.accounts() : QList<AccountSpec>();
    const QList<AccountSpec> &chosen = options.accounts().isEmpty() ? saved : options.accounts();
    QList<std::optional<AccountSpec>> specs;
    // One --account is the one feed as --url names it; one saved account is that account.
    if (chosen.size() > 1 || (chosen.size() == 1 && options.accounts().isEmpty())) {
        for (const AccountSpec &spec : chosen)
            specs.append(spec);
    } else {
        specs.append(std::nullopt);
    }
    return specs;
}

std::unique_ptr<AccountSet> WindowHost::makeAccounts(const QList<std::optional<AccountSpec>> &specs,
                                                     QStringList *problems, int *exitCode) const
{
    auto accounts = std::make_unique<AccountSet>();
    for (const std::optional<AccountSpec> &spec : specs) {
        const AccountSpec *named = spec ? &*spec : nullptr;
        const SocketConfig config = m_services.options.configFor(m_services.settings, named);
        // Known before anything is logged; SocketManager remembers each configuration too.
        Secrets::rememberFeed(config.url, config.token);
        // Among several, a problem says whose account it is about.
        const QString whose = !named ? QString()
                              : m_services.options.accounts().isEmpty()
                                  ? u"%1: "_s.arg(named->displayName())
                                  : u"--account (%1): "_s.arg(named->displayName());
        QString error;
        const std::optional<FeedProfile> profile = AccountSession::profileToStart(config, &error);
        if (!profile) {
            problems->append(whose + error);
            *exitCode = 2;
            return nullptr;
        }
        AccountSession *account = accounts->add(named ? named->displayName() : QString());
        account->setNetworkMonitor(m_services.network);
        // A history that cannot be opened is reported in the window; the live view still works.
        account->openHistory(m_services.historyPath, config);
        if (!account->start(config, *profile, &error)) {
            problems->append(whose + error);
            *exitCode = 1;
            return nullptr;
        }
    }
    return accounts;
}

std::unique_ptr<MainWindow> WindowHost::makeWindow(AccountSet *accounts, MainWindow::Tab tab)
{
    auto window =
        std::make_unique<MainWindow>(accounts,
                                     MainWindow::Services{m_services.settings, m_services.options,
                                                          m_services.notifier, m_services.theme},
                                     tab);
    window->setAccountsApplyAtOnce(followsSettings());
    // New feed settings (already saved): every account's feed again, the command line still
    // over them.
    connect(window.get(), &MainWindow::feedSettingsChanged, this, [this] {
        for (qsizetype i = 0; i < m_specs.size(); ++i) {
            const AccountSpec *named = m_specs.at(i) ? &*m_specs.at(i) : nullptr;
            m_accounts->session(i)->applySettings(
                m_services.options.configFor(m_services.settings, named));
        }
    });
    // After the dialog has closed and the window's own work is done: it is replaced.
    connect(window.get(), &MainWindow::accountsSaved, this, &WindowHost::rebuild,
            Qt::QueuedConnection);
    return window;
}

bool WindowHost::start(MainWindow::Tab tab, QString *error, int *exitCode)
{
    m_specs = chosen();
    QStringList problems;
    m_accounts = makeAccounts(m_specs, &problems, exitCode);
    if (!m_accounts) {
        *error = problems.join(u'\n');
        return false;
    }
    m_window = makeWindow(m_accounts.get(), tab);
    return true;
}

void WindowHost::rebuild()
{
    if (!followsSettings() || !m_window)
        return;
    // Trades that only the old sessions hold (no file, no spool) would go with them.
    int memoryOnly = 0;
    for (qsizetype i = 0; i < m_accounts->count(); ++i) {
        TradeHistory *history = m_accounts->session(i)->history();
        history->flush();
        memoryOnly += history->memoryOnlyCount();
    }
    if (memoryOnly > 0) {
        say(tr("The accounts take effect at the next start: %n closed trade(s) not saved yet "
               "would be lost now.",
               nullptr, memoryOnly));
        return;
    }
    const QList<std::optional<AccountSpec>> specs = chosen();
    QStringList problems;
    int exitCode = 0;
    std::unique_ptr<AccountSet> accounts = makeAccounts(specs, &problems, &exitCode);
    if (!accounts) {
        // The dialog checked each account; a profile file may have changed since.
        say(tr("The accounts could not be started (%1); the window goes on with the ones "
               "before.")
                .arg(problems.join(u"; "_s)));
        return;
    }
    qCInfo(lcHost) << "watching" << accounts->count() << "account(s) from Settings now";
    // The new window where the old one was, as it was laid out, on the same tab; then the old
    // one goes and its accounts close deliberately.
    const MainWindow::Tab tab = m_window->currentTab();
    const bool shown = m_window->isVisible();
    m_window->saveState();
    std::unique_ptr<MainWindow> window = makeWindow(accounts.get(), tab);
    if (shown)
        window->show();
    std::unique_ptr<MainWindow> old = std::exchange(m_window, std::move(window));
    std::unique_ptr<AccountSet> oldAccounts = std::exchange(m_accounts, std::move(accounts));
    m_specs = specs;
    old.reset();
    oldAccounts->closeAndWaitAll();
    oldAccounts.reset();
    QStringList names;
    for (qsizetype i = 0; i < m_accounts->count(); ++i)
        names.append(m_accounts->name(i));
    names.removeAll(QString());
    say(names.isEmpty() ? tr("Watching the feed of Settings now.")
                        : tr("Watching %1 now.").arg(QLocale().createSeparatedList(names)));
    Q_EMIT windowReplaced(m_window.get());
}

void WindowHost::say(const QString &text) const
{
    // In the first account's connection log: the status bar shows it, and it stays there.
    m_accounts->session(0)->log()->record(ConnectionLog::Severity::Info, text);
}

void WindowHost::closeAndWaitAll()
{
    if (m_accounts)
        m_accounts->closeAndWaitAll();
}
