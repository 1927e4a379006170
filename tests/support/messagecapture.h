// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QScopeGuard>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <utility>

// What was logged while a test ran, captured by a message handler that the returned guard
// takes away again however the test ends (a failed QCOMPARE returns early):
//     QList<LoggedMessage> log;
//     const auto capture = captureMessages(&log);
struct LoggedMessage
{
    QtMsgType type = QtDebugMsg;
    QByteArray category;
    QString text;
};

namespace MessageCaptureDetail {
inline QList<LoggedMessage> *&sink()
{
    static QList<LoggedMessage> *list = nullptr;
    return list;
}
inline QtMessageHandler &previous()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}
inline void handler(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (QList<LoggedMessage> *list = sink())
        list->append({type, QByteArray(context.category ? context.category : ""), text});
    // Still shown as usual: a failing test's log tells its story.
    if (QtMessageHandler next = previous())
        next(type, context, text);
}
} // namespace MessageCaptureDetail

[[nodiscard]] inline auto captureMessages(QList<LoggedMessage> *into)
{
    MessageCaptureDetail::sink() = into;
    MessageCaptureDetail::previous() = qInstallMessageHandler(MessageCaptureDetail::handler);
    return qScopeGuard([] {
        qInstallMessageHandler(std::exchange(MessageCaptureDetail::previous(), nullptr));
        MessageCaptureDetail::sink() = nullptr;
    });
}

// The texts of the captured messages of `category` at `type` or above.
inline QStringList messagesOf(const QList<LoggedMessage> &log, const QByteArray &category,
                              QtMsgType atLeast = QtWarningMsg)
{
    // QtInfoMsg sorts after QtFatalMsg in the enum: rank by severity instead.
    const auto rank = [](QtMsgType type) {
        switch (type) {
        case QtDebugMsg:
            return 0;
        case QtInfoMsg:
            return 1;
        case QtWarningMsg:
            return 2;
        case QtCriticalMsg:
            return 3;
        case QtFatalMsg:
            return 4;
        }
        return 0;
    };
    QStringList texts;
    for (const LoggedMessage &message : log) {
        if (message.category == category && rank(message.type) >= rank(atLeast))
            texts.append(message.text);
    }
    return texts;
}
