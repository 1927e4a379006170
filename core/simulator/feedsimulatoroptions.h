// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/optionvalues.h"

#include "simulator/feedsimulator.h"

#include <QStringList>

// The command line of feed-simulator, parsed and validated here so that every bad value gets
// a tested, clear error.
class FeedSimulatorOptions
{
public:
    using Outcome = OptionValues::Outcome;

    // `arguments` includes the program name.
    Outcome parse(const QStringList &arguments);
    QString message() const { return m_message; }

    const FeedSimulator::Options &options() const { return m_options; }
    quint16 port() const { return m_port; }
    QString host() const { return m_host; }

private:
    FeedSimulator::Options m_options;
    quint16 m_port = 0;
    QString m_host = QStringLiteral("127.0.0.1");
    QString m_message;
};
