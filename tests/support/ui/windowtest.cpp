// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowtest.h"

#include "accountbar.h"
#include "closedtradespage.h"
#include "feedbanner.h"
#include "i18n/translations.h"
#include "models/closedtradesmodel.h"
#include "named.h"
#include "opentradespage.h"
#include "protocol/feedprofile.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

WindowRig::WindowRig(const QString &folder, MainWindow::Tab tab, qint64 traderId, bool muted,
                     int positions, const QStringList &arguments)
    : settingsFile(QDir(folder).filePath(u"settings.ini"_s), QSettings::IniFormat)
    , appSettings(&settingsFile)
{
    FeedSimulator::Options options;
    options.simulation.seed = 4;
    options.simulation.tick = 50ms;
    options.simulation.positions = positions;
    simulator = std::make_unique<FeedSimulator>(options);
    if (!simulator->listen())
        qFatal("the simulator cannot listen");
    simulator->setMuted(muted);
    SocketConfig config = FeedProfile::native().configFor(simulator->url(), traderId);
    config.reconnectMin = 20ms;
    config.reconnectMax = 80ms;
    config.giveUpAfter = 300ms;
    config.snapshotTimeout = 2s;
    socket.setConfig(config);
    history.open(QDir(folder).filePath(u"history.sqlite"_s));
    history.setAccount(Account::of(config.url, config.traderId));
    if (!arguments.isEmpty() && appOptions.parse(QStringList{u"trade-monitor"_s} + arguments, {}) !=
                                    AppOptions::Outcome::Run)
        qFatal("bad test arguments: %s", qPrintable(appOptions.message()));
    window = std::make_unique<MainWindow>(
        &account, MainWindow::Services{appSettings, appOptions, &notifier, &theme}, tab);
    window->show();
}

AccountsRig::AccountsRig(const QString &folder, const QList<Feed> &feeds, MainWindow::Tab tab)
    : settingsFile(QDir(folder).filePath(u"settings.ini"_s), QSettings::IniFormat)
    , appSettings(&settingsFile)
{
    for (int i = 0; i < feeds.size(); ++i) {
        const Feed &feed = feeds.at(i);
        QUrl url = feed.url;
        const qint64 traderId = feed.traderId > 0 ? feed.traderId : 10260 + i;
        if (url.isEmpty()) {
            FeedSimulator::Options options;
            options.simulation.seed = quint32(4 + i);
            options.simulation.tick = 50ms;
            options.simulation.positions = 6;
            options.simulation.traderId = traderId;
            simulators.push_back(std::make_unique<FeedSimulator>(options));
            if (!simulators.back()->listen())
                qFatal("the simulator cannot listen");
            url = simulators.back()->url();
        } else {
            simulators.push_back(nullptr);
        }
        AccountSession *session = accounts.add(feed.name);
        SocketConfig config = FeedProfile::native().configFor(url, traderId);
        config.reconnectMin = 20ms;
        config.reconnectMax = 80ms;
        config.giveUpAfter = 300ms;
        config.snapshotTimeout = 2s;
        config.heartbeatInterval = 250ms; // a round trip to show soon
        session->socket()->setConfig(config);
        session->history()->open(QDir(folder).filePath(u"history.sqlite"_s));
        session->history()->setAccount(Account::of(config.url, config.traderId));
    }
    window = std::make_unique<MainWindow>(
        &accounts, MainWindow::Services{appSettings, appOptions, &notifier, &theme}, tab);
    window->show();
}

OpenTradesPage *AccountsRig::open() const
{
    return named<OpenTradesPage>(window.get(), u"openTradesPage"_s);
}

OpenTradesPage *WindowRig::open() const
{
    return named<OpenTradesPage>(window.get(), u"openTradesPage"_s);
}

ClosedTradesPage *WindowRig::closedTradesOverAll()
{
    if (!QTest::qWaitFor([this] { return stored() >= 50; }, kHistoryWait))
        return nullptr;
    named<QTabWidget>(window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    ClosedTradesPage *page = named<ClosedTradesPage>(window.get(), u"closedTradesPage"_s);
    named<QComboBox>(page, u"period"_s)
        ->setCurrentIndex(
            named<QComboBox>(page, u"period"_s)->findData(int(ClosedTradesModel::Period::All)));
    return page;
}

void settle(WindowRig &rig)
{
    rig.simulator->setSilent(true);
    const auto net = [&] {
        double sum = 0.0;
        for (const Position &p : rig.book.positions())
            sum += p.net();
        return QLocale().toString(sum, 'f', 2);
    };
    QTRY_VERIFY2(totalsText(rig.open()).endsWith(net()) &&
                     rig.open()->accountBar()->text().contains(net()),
                 qPrintable(totalsText(rig.open()) + u" / "_s + rig.open()->accountBar()->text() +
                            u" / "_s + net()));
}

Speaking::Speaking(const QLocale &locale)
    : loaded(Translations::install(locale))
{
    QLocale::setDefault(locale);
}

Speaking::~Speaking()
{
    Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

ClosedTrade closedNow(qint64 ticket)
{
    ClosedTrade trade;
    trade.position.ticket = ticket;
    trade.position.symbol = u"EURUSD"_s;
    trade.closeTime = QDateTime::currentMSecsSinceEpoch();
    return trade;
}
bool exportAndWait(ClosedTradesPage *page, const QString &path, QString *error)
{
    QSignalSpy done(page, &ClosedTradesPage::exported);
    QSignalSpy failed(page, &ClosedTradesPage::exportFailed);
    if (!page->exportTo(path)) {
        *error = u"an export is under way"_s;
        return false;
    }
    if (!QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 60000)) {
        *error = u"no answer"_s;
        return false;
    }
    if (!failed.isEmpty())
        *error = failed.at(0).at(1).toString();
    return !done.isEmpty();
}

QString shownText(const QLabel *label)
{
    if (label->isHidden())
        return {};
    static const QRegularExpression tags(u"<[^>]*>"_s);
    return label->text().remove(tags);
}

QString totalsText(const QWidget *page)
{
    return shownText(named<QLabel>(page, u"totals"_s));
}

QString emptyTableText(const QWidget *page)
{
    return shownText(named<QLabel>(page, u"emptyTable"_s));
}

FeedBanner *banner(const QWidget *page)
{
    auto *found = page->findChild<FeedBanner *>(u"feedBanner"_s);
    Q_ASSERT(found);
    return found;
}

QPushButton *bannerButton(const QWidget *page, const char *name)
{
    auto *found = banner(page)->findChild<QPushButton *>(QLatin1String(name));
    Q_ASSERT(found);
    return found;
}

void WindowTest::init()
{
    QTest::failOnWarning(QRegularExpression(u"QObject::connect.*invalid nullptr parameter"_s));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

MainWindow::Services WindowTest::services()
{
    m_ini = std::make_unique<QSettings>(m_dir->filePath(u"window.ini"_s), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(m_ini.get());
    return {*m_settings, m_options};
}

void WindowTest::cancelTheNextMessageBox(QString *text)
{
    QTimer::singleShot(0, this, [text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            box->button(QMessageBox::Cancel)->click();
        }
    });
}

void WindowTest::savePng(QWidget *widget, const QString &name)
{
    const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(name);
    // Labels whose text just changed are laid out anew first, as the event loop would.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}
