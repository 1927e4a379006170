// SPDX-License-Identifier: GPL-3.0-or-later
#include "elidedlabel.h"

#include <QEvent>

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
}

void ElidedLabel::setText(const QString &text)
{
    if (text == m_full)
        return;
    m_full = text;
    setToolTip(text);
    fit();
}

QSize ElidedLabel::minimumSizeHint() const
{
    // As narrow as "…": the layout may give it any width, and the text follows.
    const QSize hint = QLabel::minimumSizeHint();
    return {fontMetrics().horizontalAdvance(QChar(0x2026)), hint.height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fit();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fit();
}

void ElidedLabel::fit()
{
    const int room = contentsRect().width();
    QString shown = fontMetrics().elidedText(m_full, Qt::ElideRight, room);
    if (shown != m_full && shown.size() > 1) {
        // End at a word's end where there is one in the second half: "connection…", not
        // "conne…".
        const qsizetype space = shown.lastIndexOf(u' ', shown.size() - 2);
        if (space > shown.size() / 2)
            shown = shown.left(space) + QChar(0x2026);
    }
    if (shown != QLabel::text())
        QLabel::setText(shown);
}
