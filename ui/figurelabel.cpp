// SPDX-License-Identifier: GPL-3.0-or-later
#include "figurelabel.h"

#include <QEvent>

FigureLabel::FigureLabel(QWidget *parent)
    : QLabel(parent)
{
    fit();
}

void FigureLabel::setText(const QString &text)
{
    if (text == this->text())
        return;
    QLabel::setText(text); // a fixed size: no layout request
    fit();
}

void FigureLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    // Another font or style: the same text may need another size.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fit();
}

void FigureLabel::fit()
{
    const QSize wanted = sizeHint();
    if (minimumSize() != wanted || maximumSize() != wanted)
        setFixedSize(wanted);
}
