// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedstatus.h"

#include <QWidget>

class QLabel;
class QPushButton;

// The strip over a table of live numbers that says, in bold, when they are not live (and
// why), or a server's notice while they are; hidden while the feed is live and quiet. It offers
// what helps: Reconnect once the feed gave up or was closed, Open Settings once it was refused
// for good, Dismiss for a notice. Its parts are named for tests and accessibility:
// "feedBanner", "bannerText", "reconnect", "openSettings", "dismiss".
class FeedBanner : public QWidget
{
    Q_OBJECT

public:
    explicit FeedBanner(QWidget *parent = nullptr);

    void setStatus(const FeedStatus &status);
    QString text() const;

Q_SIGNALS:
    void reconnectRequested();
    void settingsRequested();
    void dismissed();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_reconnect = nullptr;
    QPushButton *m_settings = nullptr;
    QPushButton *m_dismiss = nullptr;
};
