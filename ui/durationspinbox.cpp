// SPDX-License-Identifier: GPL-3.0-or-later
#include "durationspinbox.h"

#include <QLineEdit>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;

// The fewest decimals that say `ms` in seconds exactly.
QString seconds(qint64 ms, const QLocale &locale)
{
    const int decimals = ms % 1000 == 0 ? 0 : ms % 100 == 0 ? 1 : ms % 10 == 0 ? 2 : 3;
    return locale.toString(double(ms) / 1000.0, 'f', decimals);
}

struct Unit
{
    QString name;
    qint64 ms;
};

// The units a duration can be typed in: the window's language's and the English ones.
QList<Unit> units()
{
    return {
        {DurationSpinBox::tr("ms", "milliseconds"), 1},
        {DurationSpinBox::tr("s", "seconds"), kSecond},
        {DurationSpinBox::tr("min", "minutes"), kMinute},
        {DurationSpinBox::tr("h", "hours"), kHour},
        {u"ms"_s, 1},
        {u"s"_s, kSecond},
        {u"sec"_s, kSecond},
        {u"min"_s, kMinute},
        {u"m"_s, kMinute},
        {u"h"_s, kHour},
    };
}

} // namespace

DurationSpinBox::DurationSpinBox(QWidget *parent)
    : QSpinBox(parent)
{
    // Typing "1 min 30 s" must not be corrected as it is typed.
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
}

QString DurationSpinBox::format(qint64 ms, const QLocale &locale)
{
    if (ms < kSecond)
        return tr("%1 ms").arg(locale.toString(ms));
    // Hours, minutes and seconds, each only when there are some: "1 h 30 min", "2 min 5 s".
    QStringList parts;
    if (const qint64 hours = ms / kHour; hours > 0)
        parts.append(tr("%1 h").arg(locale.toString(hours)));
    if (const qint64 minutes = ms % kHour / kMinute; minutes > 0)
        parts.append(tr("%1 min").arg(locale.toString(minutes)));
    if (const qint64 rest = ms % kMinute; rest > 0)
        parts.append(tr("%1 s").arg(seconds(rest, locale)));
    return parts.join(u' ');
}

qint64 DurationSpinBox::parse(const QString &text, const QLocale &locale)
{
    QString rest = text.trimmed();
    if (rest.isEmpty())
        return -1;
    // A bare number is seconds, the unit the settings are mostly in.
    bool ok = false;
    const double bare = locale.toDouble(rest, &ok);
    if (ok)
        return bare >= 0 ? qint64(std::llround(bare * kSecond)) : -1;
    // Otherwise "<number> <unit>" pairs, largest first or not: "1 min 30 s".
    static const QRegularExpression pair(u"^\\s*([0-9][0-9.,\\s]*?)\\s*([^0-9\\s.,]+)"_s);
    double total = 0;
    while (!rest.trimmed().isEmpty()) {
        const QRegularExpressionMatch match = pair.match(rest);
        if (!match.hasMatch())
            return -1;
        const QString digits = match.captured(1).remove(u' ');
        double number = locale.toDouble(digits, &ok);
        if (!ok)
            number = QLocale::c().toDouble(digits, &ok); // "1.5" typed in any language
        qint64 size = -1;
        for (const Unit &known : units()) {
            if (match.captured(2).compare(known.name, Qt::CaseInsensitive) == 0) {
                size = known.ms;
                break;
            }
        }
        if (!ok || size < 0)
            return -1;
        total += number * double(size);
        rest = rest.mid(match.capturedEnd());
    }
    return qint64(std::llround(total));
}

void DurationSpinBox::stepBy(int steps)
{
    const int now = value();
    const int step = now < kSecond ? 100 : now < kMinute ? int(kSecond) : int(10 * kSecond);
    // Onto the step's grid: 1 400 ms up by a second is 2 s, not 2.4 s.
    const int onGrid =
        steps > 0 ? (now / step + steps) * step : ((now + step - 1) / step + steps) * step;
    setValue(std::clamp(onGrid, minimum(), maximum()));
}

QString DurationSpinBox::textFromValue(int value) const
{
    return format(value, locale());
}

int DurationSpinBox::valueFromText(const QString &text) const
{
    const qint64 ms = parse(text, locale());
    return ms < 0 ? value() : int(std::min<qint64>(ms, maximum()));
}

QValidator::State DurationSpinBox::validate(QString &text, int &pos) const
{
    Q_UNUSED(pos)
    const qint64 ms = parse(text, locale());
    if (ms >= minimum() && ms <= maximum())
        return QValidator::Acceptable;
    return QValidator::Intermediate;
}
