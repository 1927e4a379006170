// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/quitsignals.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <atomic>

Q_LOGGING_CATEGORY(lcQuitSignals, "trademonitor.quit")

using namespace Qt::StringLiterals;

#if defined(Q_OS_WIN)

#include <qt_windows.h>

namespace {

std::atomic<QuitSignals *> g_instance{nullptr};

QString nameOf(DWORD type)
{
    switch (type) {
    case CTRL_C_EVENT:
        return u"CTRL_C_EVENT"_s;
    case CTRL_BREAK_EVENT:
        return u"CTRL_BREAK_EVENT"_s;
    case CTRL_CLOSE_EVENT:
        return u"CTRL_CLOSE_EVENT"_s;
    case CTRL_LOGOFF_EVENT:
        return u"CTRL_LOGOFF_EVENT"_s;
    case CTRL_SHUTDOWN_EVENT:
        return u"CTRL_SHUTDOWN_EVENT"_s;
    }
    return u"console event %1"_s.arg(type);
}

BOOL WINAPI onConsoleEvent(DWORD type)
{
    QuitSignals *instance = g_instance.load();
    if (!instance)
        return FALSE;
    // Runs on a thread of its own: the request is queued to the object's thread.
    QMetaObject::invokeMethod(
        instance, [instance, type] { Q_EMIT instance->quitRequested(nameOf(type)); },
        Qt::QueuedConnection);
    if (type == CTRL_CLOSE_EVENT || type == CTRL_LOGOFF_EVENT || type == CTRL_SHUTDOWN_EVENT) {
        // Windows ends the process when this returns: give the quit its few seconds.
        ::Sleep(4000);
    }
    return TRUE;
}

} // namespace

QuitSignals::QuitSignals(QObject *parent)
    : QObject(parent)
{
    QuitSignals *expected = nullptr;
    if (!g_instance.compare_exchange_strong(expected, this))
        return;
    m_active = ::SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
}

QuitSignals::~QuitSignals()
{
    if (!m_active)
        return;
    ::SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_instance.store(nullptr);
}

void QuitSignals::readPending() {}

#else // POSIX

#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};
// [0]: written by the handler, [1]: read by the notifier.
int g_pipe[2] = {-1, -1};
std::atomic<bool> g_installed{false};

void onSignal(int number)
{
    // Only async-signal-safe calls here: one byte down the pipe, and the default action back
    // for the next one of this kind.
    const char byte = char(number);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[0], &byte, 1);
    std::signal(number, SIG_DFL);
}

QString nameOf(int number)
{
    switch (number) {
    case SIGTERM:
        return u"SIGTERM"_s;
    case SIGINT:
        return u"SIGINT"_s;
    case SIGHUP:
        return u"SIGHUP"_s;
    }
    return u"signal %1"_s.arg(number);
}

} // namespace

QuitSignals::QuitSignals(QObject *parent)
    : QObject(parent)
{
    bool expected = false;
    if (!g_installed.compare_exchange_strong(expected, true))
        return;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0) {
        qCWarning(lcQuitSignals) << "no pipe for signals; SIGTERM will end the process at once";
        g_installed = false;
        return;
    }
    // Not inherited by children; and the handler's end never blocks.
    for (const int fd : g_pipe)
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(g_pipe[0], F_SETFL, ::fcntl(g_pipe[0], F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(g_pipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitSignals::readPending);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : kSignals)
        ::sigaction(number, &action, nullptr);
    m_active = true;
}

QuitSignals::~QuitSignals()
{
    if (!m_active)
        return;
    for (const int number : kSignals)
        std::signal(number, SIG_DFL);
    delete m_notifier;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
    g_installed = false;
}

void QuitSignals::readPending()
{
    char byte = 0;
    if (::read(g_pipe[1], &byte, 1) != 1)
        return;
    const QString what = nameOf(int(byte));
    qCInfo(lcQuitSignals).noquote() << what << "received: quitting";
    Q_EMIT quitRequested(what);
}

#endif
