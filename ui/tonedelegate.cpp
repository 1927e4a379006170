// SPDX-License-Identifier: GPL-3.0-or-later
#include "tonedelegate.h"

#include "icons.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <array>
#include <cmath>

ToneDelegate::ToneDelegate(int toneRole, QList<int> toneColumns, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_toneRole(toneRole)
    , m_toneColumns(std::move(toneColumns))
    , m_unreadableIcon(Icons::unreadable())
{}

namespace {

double luminance(const QColor &color)
{
    const auto channel = [](float c) {
        return c <= 0.03928f ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

QPalette::ColorRole textRoleOn(QPalette::ColorRole background)
{
    switch (background) {
    case QPalette::Highlight:
        return QPalette::HighlightedText;
    case QPalette::Window:
        return QPalette::WindowText;
    default:
        return QPalette::Text;
    }
}

} // namespace

double ToneDelegate::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ToneDelegate::toneColor(const QPalette &palette, Tone tone, QPalette::ColorRole background)
{
    const QColor text = palette.color(textRoleOn(background));
    if (tone == Tone::Flat)
        return text;
    const QColor back = palette.color(background);
    // Asked for every profit cell painted, with a handful of palettes: the search below runs
    // once per palette and tone (only the GUI thread paints).
    struct Known
    {
        QRgb text;
        QRgb back;
        Tone tone;
        QColor color;
    };
    static std::array<Known, 16> known{};
    static size_t next = 0;
    for (const Known &k : known) {
        if (k.color.isValid() && k.text == text.rgba() && k.back == back.rgba() && k.tone == tone)
            return k.color;
    }
    const QColor color = searchToneColor(text, back, tone);
    known[next++ % known.size()] = {text.rgba(), back.rgba(), tone, color};
    return color;
}

QColor ToneDelegate::searchToneColor(const QColor &text, const QColor &back, Tone tone)
{
    // As much contrast as the theme's own text has, up to 4.5:1 (WCAG AA for body text).
    const double wanted = std::min(4.5, 0.85 * contrast(text, back));
    // Lighter on a background the theme writes light text on, darker otherwise.
    const bool lighten = luminance(text) > luminance(back);
    const float hue = tone == Tone::Gain ? 0.34f : 0.0f;
    // From a middle shade towards the text's side until it reads.
    QColor color;
    for (float lightness = 0.45f; lightness >= 0.10f && lightness <= 0.95f;
         lightness += lighten ? 0.025f : -0.025f) {
        color = QColor::fromHslF(hue, 0.75f, lightness);
        if (contrast(color, back) >= wanted)
            break;
    }
    return color;
}

void ToneDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_confirmedRole >= 0 && !index.data(m_confirmedRole).toBool())
        option->font.setItalic(true);
    if (m_boldRole >= 0 && index.data(m_boldRole).toBool())
        option->font.setBold(true);
    if (m_middleElideRole >= 0 && index.data(m_middleElideRole).toBool())
        option->textElideMode = Qt::ElideMiddle;
    const bool unreadable =
        m_unreadableRole >= 0 && !index.data(m_unreadableRole).toString().isEmpty();
    if (unreadable) {
        option->font.setItalic(true);
        if (index.column() == m_unreadableIconColumn) {
            option->icon = m_unreadableIcon;
            option->features |= QStyleOptionViewItem::HasDecoration;
            const int side = option->fontMetrics.height();
            option->decorationSize = QSize(side, side);
        }
    }
    const auto staleRow = [&] {
        if (m_staleRows.isEmpty())
            return false;
        const QVariant value = index.data(m_staleRowRole);
        return value.isValid() && m_staleRows.contains(value.toInt());
    };
    if (m_stale || unreadable || staleRow()) {
        const QColor grey = option->palette.color(QPalette::Disabled, QPalette::Text);
        option->palette.setColor(QPalette::Text, grey);
        option->palette.setColor(QPalette::HighlightedText, grey);
    } else if (m_toneColumns.contains(index.column())) {
        // One colour for a cell and another for the same cell selected: dark red on the
        // selection's blue does not read.
        const Tone tone = index.data(m_toneRole).value<Tone>();
        option->palette.setColor(QPalette::Text, toneColor(option->palette, tone));
        option->palette.setColor(QPalette::HighlightedText,
                                 toneColor(option->palette, tone, QPalette::Highlight));
    }
}

const QStaticText &ToneDelegate::laidOut(const QString &text, const QFont &font) const
{
    TextCache *cache = nullptr;
    for (TextCache &c : m_texts) {
        if (!c.texts.isEmpty() && c.font == font)
            cache = &c;
    }
    if (!cache) {
        cache = &m_texts[m_nextFont++ % m_texts.size()];
        cache->texts.clear();
        cache->font = font;
    }
    if (const auto it = cache->texts.constFind(text); it != cache->texts.cend())
        return *it;
    if (cache->texts.size() >= kMaxCachedTexts)
        cache->texts.clear();
    QStaticText laid(text);
    laid.setTextFormat(Qt::PlainText);
    laid.setPerformanceHint(QStaticText::AggressiveCaching);
    laid.prepare(QTransform(), font);
    return *cache->texts.insert(text, laid);
}

qsizetype ToneDelegate::cachedTextCount() const
{
    qsizetype count = 0;
    for (const TextCache &c : m_texts)
        count += c.texts.size();
    return count;
}

void ToneDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // Icons, check boxes, several lines, elided text: the style lays those out itself.
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
    const bool plain =
        (opt.features & QStyleOptionViewItem::HasDisplay) &&
        !(opt.features &
          (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator)) &&
        !opt.text.contains(QLatin1Char('\n')) && !opt.text.contains(QChar::LineSeparator);
    if (!plain) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QStaticText &laid = laidOut(opt.text, opt.font);
    if (laid.size().width() > textRect.width()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell as the style draws it (background, selection, focus), without its text.
    QStyleOptionViewItem frame = opt;
    frame.text.clear();
    frame.features &= ~QStyleOptionViewItem::HasDisplay;
    style->drawControl(QStyle::CE_ItemViewItem, &frame, painter, widget);
    // Then the text in the colour the style would give it.
    QPalette::ColorGroup group =
        (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QPalette::ColorRole role =
        (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, role));
    painter->setClipRect(opt.rect, Qt::IntersectClip);
    const QRect at =
        QStyle::alignedRect(opt.direction, opt.displayAlignment, laid.size().toSize(), textRect);
    painter->drawStaticText(at.topLeft(), laid);
    painter->restore();
}
