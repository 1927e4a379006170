// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSpinBox>

// A duration as people read and write it: "500 ms", "15 s", "2.5 s", "1 min 30 s", "1 h 30 min"
// (in the window's language), typed the same way ("90 s", "1.5 min", "1 min 30 s"; a bare
// number is seconds). value() stays in milliseconds, as the settings keep it; the arrows step by a
// tenth of a second under a second, a second under a minute, ten seconds above.
class DurationSpinBox : public QSpinBox
{
    Q_OBJECT

public:
    explicit DurationSpinBox(QWidget *parent = nullptr);

    // "15 s": what the box shows, in `locale`.
    static QString format(qint64 ms, const QLocale &locale);
    // The milliseconds a text says, or -1 when it says none.
    static qint64 parse(const QString &text, const QLocale &locale);

    void stepBy(int steps) override;

protected:
    QString textFromValue(int value) const override;
    int valueFromText(const QString &text) const override;
    QValidator::State validate(QString &text, int &pos) const override;
};
