// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

// A label for figures that change many times a second: the totals under the table, the
// account's figures. A QLabel asks for a new layout with every new text; the request climbs to
// the window, and the tab widget on its way repaints all of itself in answer: the whole window,
// ten times a second. This label keeps a fixed size, so a new text repaints the label alone,
// and takes the size its text needs (one layout) only when that size changes.
class FigureLabel : public QLabel
{
    Q_OBJECT

public:
    explicit FigureLabel(QWidget *parent = nullptr);

    // Every text goes through here (it hides QLabel::setText).
    void setText(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fit();
};
