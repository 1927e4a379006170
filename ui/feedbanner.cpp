// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

FeedBanner::FeedBanner(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"feedBanner"_s);
    // Set apart from the table without a colour of its own: the palette's, in light and dark.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_text = new QLabel(this);
    m_text->setObjectName(u"bannerText"_s);
    m_text->setWordWrap(true);
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_reconnect = new QPushButton(tr("Reconnect"), this);
    m_reconnect->setObjectName(u"reconnect"_s);
    m_settings = new QPushButton(tr("Open Settings…"), this);
    m_settings->setObjectName(u"openSettings"_s);
    m_dismiss = new QPushButton(tr("Dismiss"), this);
    m_dismiss->setObjectName(u"dismiss"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_settings);
    layout->addWidget(m_reconnect);
    layout->addWidget(m_dismiss);
    connect(m_reconnect, &QPushButton::clicked, this, &FeedBanner::reconnectRequested);
    connect(m_settings, &QPushButton::clicked, this, &FeedBanner::settingsRequested);
    connect(m_dismiss, &QPushButton::clicked, this, &FeedBanner::dismissed);
    hide();
}

void FeedBanner::setStatus(const FeedStatus &status)
{
    const bool live = status.level == FeedStatus::Level::Live;
    const bool notice = live && !status.notice.isEmpty();
    setHidden(live && !notice);
    m_text->setText(notice ? status.notice : status.detail);
    m_reconnect->setVisible(status.offerReconnect);
    m_settings->setVisible(status.offerSettings);
    m_dismiss->setVisible(notice);
}

QString FeedBanner::text() const
{
    return m_text->text();
}
