// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "accountbar.h"
#include "alarmtext.h"
#include "alerts/alerts.h"
#include "closedtradespage.h"
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "config/feedsettings.h"
#include "connectionlogwindow.h"
#include "desktopnotifier.h"
#include "domain/account.h"
#include "domain/credentials.h"
#include "domain/tradetext.h"
#include "feed/connectionlog.h"
#include "feed/feedsession.h"
#include "feed/feedsource.h"
#include "feed/positionbook.h"
#include "feedstatusbar.h"
#include "history/closedtradestore.h"
#include "history/tradehistory.h"
#include "icons.h"
#include "models/accountsummary.h"
#include "models/closedtoday.h"
#include "net/socketmanager.h"
#include "opentradespage.h"
#include "protocol/feedprofile.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "theme.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

Q_LOGGING_CATEGORY(lcWindow, "trademonitor.window")

using namespace Qt::StringLiterals;

namespace {
// One account, someone else's, as a set of one.
AccountSet *oneAccount(AccountSession *account)
{
    auto *set = new AccountSet;
    set->add(account, QString());
    return set;
}
} // namespace

MainWindow::MainWindow(AccountSession *account, const Services &services, Tab startTab,
                       QWidget *parent)
    : MainWindow(oneAccount(account), services, startTab, parent)
{
    m_accounts->setParent(this);
}

MainWindow::MainWindow(AccountSet *accounts, const Services &services, Tab startTab,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_accounts(accounts)
    , m_services(services)
{
    Q_ASSERT(accounts->count() > 0);
    setWindowIcon(Icons::application());
    resize(1280, 720);
    const bool several = accounts->count() > 1;

    // The accounts' models, which the pages show; a page's filters and groupings are its own.
    auto *positions = new PositionsModel(this);
    QList<AccountSummary *> summaries;
    for (qsizetype i = 0; i < accounts->count(); ++i) {
        AccountSession *account = accounts->session(i);
        positions->addBook(account->book(), accounts->name(i));
        auto *summary = new AccountSummary(account->book(), this);
        summaries.append(summary);
        // "Today" on the account bar: what closed since midnight, from its history.
        auto *closedToday = new ClosedToday(account->history(), this);
        connect(closedToday, &ClosedToday::changed, summary, [summary, closedToday] {
            const std::optional<TradeTotals> totals = closedToday->totals();
            summary->setClosedToday(totals ? std::optional<double>(totals->net()) : std::nullopt);
        });
    }
    m_openTrades = new OpenTradesPage(positions, summaries, this);
    m_openTrades->setObjectName(u"openTradesPage"_s);
    m_closedTrades = new ClosedTradesPage(
        new ClosedTradesModel(primary()->history()->store(), primary()->history()->account(), this),
        primary()->history(), this);
    m_closedTrades->setObjectName(u"closedTradesPage"_s);
    // Every account writes the one history file; the page reads another account's trades as
    // they are written too.
    for (qsizetype i = 1; i < accounts->count(); ++i)
        m_closedTrades->follow(accounts->session(i)->history());
    if (several) {
        QList<std::pair<Account, QString>> names;
        for (qsizetype i = 0; i < accounts->count(); ++i)
            names.append({accounts->session(i)->history()->account(), accounts->name(i)});
        m_closedTrades->setAccountNames(names);
    }
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_openTrades, tr("Open Trades"));
    m_tabs->addTab(m_closedTrades, tr("Closed Trades"));
    setCentralWidget(m_tabs);

    m_statusBar = new FeedStatusBar(primary()->status(), primary()->socket(), this);
    m_statusBar->setObjectName(u"feedStatusBar"_s);
    if (several)
        m_statusBar->setAccounts(accounts);
    statusBar()->addWidget(m_statusBar, 1);
    m_unsaved = new QLabel(this);
    QFont bold = m_unsaved->font();
    bold.setBold(true);
    m_unsaved->setFont(bold);
    AlarmText::set(m_unsaved, true);
    m_unsaved->hide();
    statusBar()->addPermanentWidget(m_unsaved);
    statusBar()->setSizeGripEnabled(true);
    for (qsizetype i = 0; i < accounts->count(); ++i) {
        AccountSession *account = accounts->session(i);
        // A passing note of each event; among several accounts, whose it is.
        const QString name = several ? accounts->name(i) : QString();
        connect(account->log(), &ConnectionLog::eventAdded, m_statusBar,
                [this, name](const QString &text, ConnectionLog::Severity severity) {
                    m_statusBar->showConnectionEvent(
                        name.isEmpty()
                            ? text
                            : tr("%1: %2", "an account's name, then what happened").arg(name, text),
                        severity);
                });
        connect(account->history(), &TradeHistory::unsavedChanged, this,
                &MainWindow::updateUnsaved);
    }
    connect(primary()->history(), &TradeHistory::accountChanged, this, &MainWindow::updateTitle);
    connect(m_closedTrades, &ClosedTradesPage::exported, this,
            [this](const QString &path, int trades) {
                m_statusBar->showConnectionEvent(
                    tr("Exported %1 to %2")
                        .arg(TradeText::closedTrades(trades), QDir::toNativeSeparators(path)),
                    ConnectionLog::Severity::Info);
            });
    updateTitle();
    updateUnsaved();
    const auto describe = [this] {
        const FeedSource *source = primary()->source();
        m_statusBar->setFeedName(source->isDemo() ? tr("Demo feed · simulated account")
                                                  : source->description());
        m_statusBar->setDemo(source->isDemo());
    };
    describe();
    connect(primary()->source(), &FeedSource::changed, this, describe);
    // Alerts: through the desktop unless a notifier is given (tests); the tray where there is one.
    if (TrayIcon::isAvailable()) {
        m_tray = new TrayIcon(this);
        connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quit);
        // The tray's icon: the account's state, or how the accounts stand together.
        for (qsizetype i = 0; i < accounts->count(); ++i) {
            connect(accounts->session(i)->status(), &FeedStatusPresenter::statusChanged, m_tray,
                    [this](const FeedStatus &status) {
                        if (m_accounts->count() == 1) {
                            m_tray->setStatus(status);
                            return;
                        }
                        FeedStatus together;
                        together.level = m_accounts->level();
                        together.text = m_accounts->summary();
                        m_tray->setStatus(together);
                    });
        }
    }
    Notifier *notifier = services.notifier;
    if (!notifier) {
        m_desktopNotifier = new DesktopNotifier(m_tray, this);
        notifier = m_desktopNotifier;
    }
    for (qsizetype i = 0; i < accounts->count(); ++i)
        accounts->session(i)->setNotifier(notifier);
    applyAlertSettings(services.settings.alertSettings());

    createMenus();
    restoreState();

    // The banner follows each account's status, which ticks the countdown on its own.
    for (qsizetype i = 0; i < accounts->count(); ++i) {
        AccountSession *account = accounts->session(i);
        connect(
            account->status(), &FeedStatusPresenter::statusChanged, m_openTrades,
            [this, i](const FeedStatus &status) { m_openTrades->setFeedStatus(int(i), status); });
        m_openTrades->setFeedStatus(int(i), account->status()->status());
        connect(m_openTrades, &OpenTradesPage::noticeDismissed, account->feed(),
                &FeedSession::dismissNotices);
    }
    connect(m_openTrades, &OpenTradesPage::reconnectRequested, this,
            [this](int account) { m_accounts->session(account)->socket()->reconnectNow(); });
    connect(m_openTrades, &OpenTradesPage::settingsRequested, this, &MainWindow::editSettings);

    m_tabs->setCurrentIndex(startTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onTabChanged);
    onTabChanged(m_tabs->currentIndex());
    // The table has the keyboard from the start: arrows, Ctrl+A, Ctrl+C work at once.
    (startTab == OpenTradesTab ? m_openTrades->table() : m_closedTrades->table())->setFocus();
}

QPushButton *MainWindow::reconnectButton() const
{
    return m_statusBar->reconnectButton();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportCsv = file->addAction(tr("&Export Closed Trades…"), this, [this] {
        m_tabs->setCurrentIndex(ClosedTradesTab);
        m_closedTrades->exportWithDialog();
    });
    exportCsv->setShortcut(QKeySequence(u"Ctrl+E"_s));
    // Ctrl+, literally: the platform's Preferences key is not bound everywhere (not on Windows).
    QList<QKeySequence> preferences{QKeySequence(u"Ctrl+,"_s)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Preferences)) {
        if (!preferences.contains(key))
            preferences.append(key);
    }
    file->addAction(tr("&Settings…"), this, &MainWindow::editSettings)->setShortcuts(preferences);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::quit);
    quit->setShortcut(QKeySequence(u"Ctrl+Q"_s));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Open Trades"), this, [this] { m_tabs->setCurrentIndex(OpenTradesTab); })
        ->setShortcut(QKeySequence(u"Ctrl+1"_s));
    view->addAction(tr("&Closed Trades"), this,
                    [this] { m_tabs->setCurrentIndex(ClosedTradesTab); })
        ->setShortcut(QKeySequence(u"Ctrl+2"_s));
    view->addSeparator();
    view->addAction(tr("&Find Position"), this,
                    [this] {
                        m_tabs->setCurrentIndex(OpenTradesTab);
                        m_openTrades->searchBox()->setFocus();
                        m_openTrades->searchBox()->selectAll();
                    })
        ->setShortcut(QKeySequence::Find);
    view->addAction(tr("Connection &Log"), this, &MainWindow::showConnectionLog)
        ->setShortcut(QKeySequence(u"Ctrl+L"_s));

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    connection
        ->addAction(tr("&Reconnect"), this,
                    [this] {
                        m_tabs->setCurrentIndex(OpenTradesTab);
                        // The account shown, or every account.
                        const int shown = m_openTrades->account();
                        for (qsizetype i = 0; i < m_accounts->count(); ++i) {
                            if (shown < 0 || shown == i)
                                m_accounts->session(i)->socket()->reconnectNow();
                        }
                    })
        ->setShortcut(QKeySequence(u"Ctrl+R"_s));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        ShortcutsDialog dialog(this, this);
        dialog.exec();
    });
    help->addAction(tr("&About Trade Monitor"), this, &MainWindow::showAbout);
}

ConnectionLogWindow *MainWindow::showConnectionLog()
{
    if (!m_logWindow) {
        QList<ConnectionLog *> logs;
        QStringList names;
        for (qsizetype i = 0; i < m_accounts->count(); ++i) {
            logs.append(m_accounts->session(i)->log());
            names.append(m_accounts->name(i));
        }
        m_logWindow = new ConnectionLogWindow(logs, names, this);
    }
    m_logWindow->show();
    m_logWindow->raise();
    m_logWindow->activateWindow();
    return m_logWindow;
}

void MainWindow::onTabChanged(int index)
{
    const bool paused = index != OpenTradesTab;
    const bool wasPaused = m_shownTab >= 0 && m_shownTab != OpenTradesTab;
    for (qsizetype i = 0; i < m_accounts->count(); ++i) {
        ConnectionLog *log = m_accounts->session(i)->log();
        if (paused && (m_shownTab < 0 || !wasPaused))
            log->record(ConnectionLog::Severity::Info,
                        tr("Paused: the live feed is closed while Closed Trades is in front"));
        else if (!paused && wasPaused)
            log->record(ConnectionLog::Severity::Info, tr("Resumed: Open Trades is in front"));
    }
    m_shownTab = index;
    // Ctrl+1 / Ctrl+2 land in the page's table, not on the tab bar.
    QWidget *page = m_tabs->widget(index);
    if (page && isVisible() && !page->isAncestorOf(QApplication::focusWidget()))
        (index == OpenTradesTab ? m_openTrades->table() : m_closedTrades->table())->setFocus();
    // Paused first: the states the close passes through then read as a pause, not a loss.
    for (qsizetype i = 0; i < m_accounts->count(); ++i)
        m_accounts->session(i)->status()->setPaused(paused);
    // The feeds run only while Open Trades is in front; leaving it is a deliberate close.
    if (index == OpenTradesTab)
        m_accounts->openAll();
    else
        m_accounts->closeAll();
}

void MainWindow::editSettings()
{
    // The dialog shows what runs: the saved settings with the command line over them.
    AppSettings &settings = m_services.settings;
    const SocketConfig saved = settings.feedConfig();
    const SocketConfig running = m_services.options.apply(saved);
    SettingsDialog dialog(running, this);
    dialog.setOverrides(m_services.options.overrides());
    dialog.setAlertSettings(primary()->alerts()->settings());
    const QList<AccountSpec> savedAccounts = settings.accounts();
    QStringList tokens;
    for (const AccountSpec &spec : savedAccounts)
        tokens.append(settings.tokenFor(spec.url, spec.account().traderId));
    dialog.setAccounts(savedAccounts, tokens);
    dialog.setSeveralAccounts(m_accounts->count() > 1);
    dialog.setLanguage(settings.language());
    dialog.setColorScheme(settings.colorScheme());
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.colorScheme() != settings.colorScheme()) {
        settings.setColorScheme(dialog.colorScheme());
        if (m_services.theme)
            m_services.theme->setChoice(dialog.colorScheme());
    }
    if (dialog.language() != settings.language()) {
        settings.setLanguage(dialog.language());
        m_statusBar->showConnectionEvent(tr("The new language takes effect at the next start."),
                                         ConnectionLog::Severity::Info);
    }
    // The accounts, and each one's token: at once where the window watches the saved
    // accounts (WindowHost makes them anew), else at the next start.
    const QList<AccountSpec> accounts = dialog.accounts();
    const QStringList accountTokens = dialog.accountTokens();
    bool accountsChanged = accounts != savedAccounts;
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const AccountSpec &spec = accounts.at(i);
        const qint64 trader = spec.account().traderId;
        if (settings.tokenFor(spec.url, trader) != accountTokens.at(i)) {
            settings.setTokenFor(spec.url, trader, accountTokens.at(i));
            accountsChanged = true;
        }
    }
    if (accounts != savedAccounts)
        settings.setAccounts(accounts);
    if (accountsChanged && !m_accountsApplyAtOnce)
        m_statusBar->showConnectionEvent(tr("The accounts take effect at the next start."),
                                         ConnectionLog::Severity::Info);
    const AlertSettings alerts = dialog.alertSettings();
    settings.setAlertSettings(alerts);
    applyAlertSettings(alerts);

    // Only what the user changed is saved; the rest keeps its saved value, and a value from
    // the command line is never saved by the way.
    const SocketConfig edited = dialog.config();
    SocketConfig merged = saved;
    if (edited.url != running.url)
        merged.url = edited.url;
    // A token is the server's it was typed for: the command line's, when it names another
    // server than the saved one, is kept for that server alone.
    if (edited.token != running.token) {
        if (Account::normalisedEndpoint(running.url) != Account::normalisedEndpoint(saved.url))
            settings.setTokenFor(running.url, running.traderId, edited.token);
        else
            merged.token = edited.token;
    }
    for (const FeedSetting &setting : FeedSetting::all()) {
        if (setting.valueIn(edited) != setting.valueIn(running))
            setting.setIn(merged, setting.valueIn(edited));
    }
    if (edited.profile != running.profile) {
        if (const auto profile = FeedProfile::load(edited.profile, nullptr))
            profile->applyTo(merged);
    }
    FeedProfile::fillPayloads(merged);
    settings.setFeedConfig(merged);
    Q_EMIT feedSettingsChanged(merged);
    if (accountsChanged)
        Q_EMIT accountsSaved();
}

MainWindow::Tab MainWindow::currentTab() const
{
    return m_tabs->currentIndex() == ClosedTradesTab ? ClosedTradesTab : OpenTradesTab;
}

AboutDialog *MainWindow::showAbout()
{
    const QString feed = primary()->source()->description();
    const ClosedTradeStore *store = primary()->history()->fileStore();
    auto *dialog = new AboutDialog(
        feed, store->isOpen() ? QDir::toNativeSeparators(store->path()) : tr("unavailable"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QString MainWindow::applicationName()
{
    return tr("Trade Monitor");
}

void MainWindow::useDisplayName()
{
    QGuiApplication::setApplicationDisplayName(applicationName());
}

void MainWindow::updateTitle()
{
    // What is shown, then whose window: the name once, at the end, where Qt looks for it.
    if (m_accounts->count() > 1) {
        QStringList names;
        for (qsizetype i = 0; i < m_accounts->count(); ++i)
            names.append(m_accounts->name(i));
        const QString shown = names.size() <= 3 ? QLocale().createSeparatedList(names)
                                                : tr("%n account(s)", nullptr, int(names.size()));
        setWindowTitle(tr("%1 — %2", "window title: the account, then the application")
                           .arg(shown, applicationName()));
        return;
    }
    const Account &account = primary()->history()->account();
    setWindowTitle(account.isUnknown()
                       ? applicationName()
                       : tr("%1 — %2", "window title: the account, then the application")
                             .arg(account.displayName(), applicationName()));
}

QString MainWindow::unsavedText() const
{
    QStringList lines;
    for (qsizetype i = 0; i < m_accounts->count(); ++i) {
        const TradeHistory *history = m_accounts->session(i)->history();
        QStringList parts;
        if (const int unsaved = history->unsavedCount(); unsaved > 0)
            parts.append(tr("%1 not saved yet").arg(TradeText::closedTrades(unsaved)));
        if (const int corrections = history->pendingCorrections(); corrections > 0)
            parts.append(TradeText::correctionsWaiting(corrections));
        if (parts.isEmpty())
            continue;
        QString line = tr("%1: %2").arg(parts.join(u"; "_s), history->unsavedReason());
        if (m_accounts->count() > 1)
            line = tr("%1: %2", "an account's name, then what is not saved")
                       .arg(m_accounts->name(i), line);
        lines.append(line);
    }
    return lines.join(u" · "_s);
}

void MainWindow::updateUnsaved()
{
    const QString text = unsavedText();
    // A reason can be long: cut in the bar, whole in the tooltip.
    m_unsaved->setText(m_unsaved->fontMetrics().elidedText(text, Qt::ElideRight, 480));
    m_unsaved->setToolTip(text);
    m_unsaved->setVisible(!text.isEmpty());
}

bool MainWindow::mayQuit()
{
    // Each account's history in turn: every one that would lose something asks.
    for (qsizetype i = 0; i < m_accounts->count(); ++i) {
        if (!mayQuit(m_accounts->session(i)->history(),
                     m_accounts->count() > 1 ? m_accounts->name(i) : QString()))
            return false;
    }
    return true;
}

bool MainWindow::mayQuit(TradeHistory *history, const QString &name)
{
    // Among several accounts, whose trades these are.
    const auto whose = [&name](const QString &text) {
        return name.isEmpty() ? text
                              : tr("%1: %2", "an account's name, then a question").arg(name, text);
    };
    if (history->flush())
        return true; // everything is in the database
    if (history->memoryOnlyCount() == 0) {
        if (history->pendingCorrections() == 0)
            return true; // safe in the spool
        // Nothing is lost, but the history says a thing that is not so until a next start
        // sees those positions open (or the feed reports their real close).
        return QMessageBox::warning(
                   this, whose(tr("The history could not be corrected")),
                   tr("%1: %2\n\nIf you quit now, they stay in Closed Trades as unconfirmed "
                      "closes until Trade Monitor sees them open again.")
                       .arg(TradeText::correctionsWaiting(history->pendingCorrections()),
                            history->unsavedReason()),
                   QMessageBox::Discard | QMessageBox::Cancel,
                   QMessageBox::Cancel) == QMessageBox::Discard;
    }
    const auto answer = QMessageBox::warning(
        this, whose(tr("Closed trades would be lost")),
        tr("%1 could not be saved, not even to the spool next to the history: %2\n\nIf you "
           "quit now they are lost. The feed's History sends recent closes again when you "
           "reconnect, but not necessarily all of them.")
            .arg(TradeText::closedTrades(history->memoryOnlyCount()), history->unsavedReason()),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Discard;
}

void MainWindow::applyAlertSettings(const AlertSettings &alerts)
{
    for (qsizetype i = 0; i < m_accounts->count(); ++i)
        m_accounts->session(i)->alerts()->setSettings(alerts);
    m_openTrades->setMarginLevelAlarm(alerts.marginLevel ? alerts.marginLevelPercent : 0.0);
    if (m_desktopNotifier)
        m_desktopNotifier->setSound(alerts.sound);
    if (m_tray)
        m_tray->setVisible(alerts.trayIcon);
}

void MainWindow::quit()
{
    m_quitting = true;
    if (!close())
        m_quitting = false; // the user kept it open (trades would be lost)
}

void MainWindow::quitUnasked(const QString &why)
{
    qCInfo(lcWindow).noquote() << "quitting:" << why;
    m_unasked = true;
    quit();
    // A window hidden in the tray is not the last window closing: end the loop outright.
    QCoreApplication::quit();
}

void MainWindow::endOfSession()
{
    m_unasked = true;
    saveState();
    for (qsizetype i = 0; i < m_accounts->count(); ++i)
        m_accounts->session(i)->history()->flush();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window is not quitting when the user wants it to keep watching from the tray.
    if (!m_quitting && m_tray && m_tray->isVisible() &&
        primary()->alerts()->settings().keepRunningInTray) {
        saveState();
        hide();
        event->ignore();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_tray->showMessage(tr("Trade Monitor keeps running"),
                                tr("It watches the feed from the tray. Quit from its menu or "
                                   "with File → Quit."),
                                false);
        }
        return;
    }
    if (m_unasked) {
        // Nobody to ask: what can be written is, the spool keeps what cannot.
        for (qsizetype i = 0; i < m_accounts->count(); ++i) {
            TradeHistory *history = m_accounts->session(i)->history();
            if (!history->flush() && history->memoryOnlyCount() > 0)
                qCWarning(lcWindow)
                    << history->memoryOnlyCount()
                    << "closed trades could not be saved and are lost:" << history->unsavedReason();
        }
    } else if (!mayQuit()) {
        event->ignore();
        return;
    }
    saveState();
    // Quitting is a deliberate close: Unsubscribe, code 1000, and no reconnect.
    m_accounts->closeAll();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveState() const
{
    QSettings &settings = m_services.settings.settings();
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, QMainWindow::saveState());
    m_openTrades->saveState(settings);
    m_closedTrades->saveState(settings);
    settings.sync();
}

void MainWindow::restoreState()
{
    const QSettings &settings = m_services.settings.settings();
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    QMainWindow::restoreState(settings.value(u"window/state"_s).toByteArray());
    m_openTrades->restoreState(settings);
    m_closedTrades->restoreState(settings);
}
