// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alerts/notifier.h"

#include <QList>
#include <QObject>

// A Notifier that keeps what it is told, for tests to read (and wait on: notified()).
class FakeNotifier : public QObject, public Notifier
{
    Q_OBJECT

public:
    void notify(const Notification &notification) override
    {
        notes.append(notification);
        Q_EMIT notified();
    }

    QStringList titles() const
    {
        QStringList list;
        for (const Notification &note : notes)
            list.append(note.title);
        return list;
    }

    QList<Notification> notes;

Q_SIGNALS:
    void notified();
};
