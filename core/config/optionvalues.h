// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

// Reading numbers from a parsed command line, with an error that names the option and says
// what was expected. Shared by the executables' option classes.
namespace OptionValues {

enum class Outcome { Run, ShowHelp, ShowVersion, Error };

// Parses `arguments` with --help and --version added, and handles what every program does
// alike: an unknown option, help, version, a stray argument. Returns the outcome when one of
// those ends the parse (with `message` to print), nullopt when the caller reads its options.
std::optional<Outcome> parseStandard(QCommandLineParser &parser, const QStringList &arguments,
                                     QString *message);

// The value of --`name` as a whole number in [min, max]. On failure returns nullopt and sets
// `error` (unless an earlier error is already there).
std::optional<qint64> integer(const QCommandLineParser &parser, const QString &name, qint64 min,
                              qint64 max, QString *error);
// The same for a finite real number.
std::optional<double> real(const QCommandLineParser &parser, const QString &name, double min,
                           double max, QString *error);

} // namespace OptionValues
