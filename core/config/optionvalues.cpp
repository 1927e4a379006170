// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/optionvalues.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>

using namespace Qt::StringLiterals;

namespace OptionValues {

std::optional<Outcome> parseStandard(QCommandLineParser &parser, const QStringList &arguments,
                                     QString *message)
{
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    if (!parser.parse(arguments)) {
        *message = parser.errorText();
        return Outcome::Error;
    }
    if (parser.isSet(help)) {
        // The program by its name, not the path it was started by ("./build/app/x"), and
        // also before any QCoreApplication exists (--help needs no display), when Qt can
        // only say "<executable_name>".
        QString text = parser.helpText();
        const qsizetype end = text.indexOf(u" [options]"_s);
        if (text.startsWith(u"Usage: "_s) && end > 0)
            text.replace(7, end - 7, QFileInfo(arguments.value(0)).fileName());
        *message = text;
        return Outcome::ShowHelp;
    }
    if (parser.isSet(version)) {
        *message = u"%1 %2"_s.arg(QCoreApplication::applicationName(),
                                  QCoreApplication::applicationVersion());
        return Outcome::ShowVersion;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *message = u"Unexpected argument \"%1\"."_s.arg(parser.positionalArguments().constFirst());
        return Outcome::Error;
    }
    return std::nullopt;
}

std::optional<qint64> integer(const QCommandLineParser &parser, const QString &name, qint64 min,
                              qint64 max, QString *error)
{
    bool ok = false;
    const qint64 value = parser.value(name).trimmed().toLongLong(&ok);
    if (ok && value >= min && value <= max)
        return value;
    if (error->isEmpty())
        *error = u"--%1: expected a whole number from %2 to %3, got \"%4\"."_s.arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(parser.value(name));
    return std::nullopt;
}

std::optional<double> real(const QCommandLineParser &parser, const QString &name, double min,
                           double max, QString *error)
{
    bool ok = false;
    const double value = parser.value(name).trimmed().toDouble(&ok);
    if (ok && std::isfinite(value) && value >= min && value <= max)
        return value;
    if (error->isEmpty())
        *error =
            u"--%1: expected a number from %2 to %3, got \"%4\"."_s.arg(name).arg(min).arg(max).arg(
                parser.value(name));
    return std::nullopt;
}

} // namespace OptionValues
