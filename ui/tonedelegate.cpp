// SPDX-License-Identifier: GPL-3.0-or-later
#include "tonedelegate.h"

#include <QPalette>

ToneDelegate::ToneDelegate(int toneRole, QList<int> toneColumns, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_toneRole(toneRole)
    , m_toneColumns(std::move(toneColumns))
{}

QColor ToneDelegate::toneColor(const QPalette &palette, Tone tone)
{
    const QColor text = palette.color(QPalette::Text);
    if (tone == Tone::Flat)
        return text;
    // The text colour's lightness keeps the contrast of the theme; the hue says gain or loss.
    const float lightness = std::clamp(text.lightnessF(), 0.30f, 0.72f);
    return QColor::fromHslF(tone == Tone::Gain ? 0.34f : 0.0f, 0.70f, lightness);
}

void ToneDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_confirmedRole >= 0 && !index.data(m_confirmedRole).toBool())
        option->font.setItalic(true);
    QColor color;
    if (m_stale)
        color = option->palette.color(QPalette::Disabled, QPalette::Text);
    else if (m_toneColumns.contains(index.column()))
        color = toneColor(option->palette, index.data(m_toneRole).value<Tone>());
    if (color.isValid()) {
        option->palette.setColor(QPalette::Text, color);
        option->palette.setColor(QPalette::HighlightedText, color);
    }
}
