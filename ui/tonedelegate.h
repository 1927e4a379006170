// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/tone.h"

#include <QFont>
#include <QHash>
#include <QIcon>
#include <QSet>
#include <QStaticText>
#include <QStyledItemDelegate>

#include <array>

// Paints gains green and losses red, in shades chosen against the background they are drawn
// on, so that they read on light and dark themes and on a selected row alike; and greys every
// cell while the data is stale (the feed is not live), so old numbers never pass for live
// ones; a row the feed's last word on could not be read is greyed and signed. Plain one-line cells
// are painted from a cache of laid-out text: a table of ticking prices repaints its rows many times
// a second, and shaping the text of every unchanged cell again was most of the cost of a paint.
class ToneDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // `toneRole` holds a Tone; only `toneColumns` are coloured.
    ToneDelegate(int toneRole, QList<int> toneColumns, QObject *parent = nullptr);

    void setStale(bool stale) { m_stale = stale; }
    bool isStale() const { return m_stale; }
    // Greys only the rows whose `role` holds one of `values` (the rows of accounts that are not
    // live, beside others that are); a row without the role is not greyed by it.
    void setStaleRows(int role, const QSet<int> &values)
    {
        m_staleRowRole = role;
        m_staleRows = values;
    }
    const QSet<int> &staleRows() const { return m_staleRows; }
    // Rows whose `role` is false (an unconfirmed close) are set in italics.
    void setConfirmedRole(int role) { m_confirmedRole = role; }
    // Rows whose `role` is true (group rows with their subtotals) are set in bold.
    void setBoldRole(int role) { m_boldRole = role; }
    // Rows whose `role` is true end in what matters (a group's label ends with its net): a
    // text too long for its cell loses its middle, not its end.
    void setMiddleElideRole(int role) { m_middleElideRole = role; }
    // Rows whose `role` holds a reason (the feed's last word on that position could not be
    // read; the row shows its last good version) are set in grey italics, with a warning sign
    // in `iconColumn`.
    void setUnreadableRole(int role, int iconColumn)
    {
        m_unreadableRole = role;
        m_unreadableIconColumn = iconColumn;
    }

    // The colour of a tone drawn on `palette`'s `background` (Base for cells, Highlight for a
    // selected row, Window for labels): the hue says gain or loss, the lightness keeps a
    // contrast of 4.5:1 where the theme's own text has that much (else 85 % of the text's own).
    // A loss's colour is also the colour of an alarm.
    static QColor toneColor(const QPalette &palette, Tone tone,
                            QPalette::ColorRole background = QPalette::Base);
    // WCAG contrast ratio of two colours, 1 to 21.
    static double contrast(const QColor &a, const QColor &b);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // Texts laid out and kept, for the tests.
    qsizetype cachedTextCount() const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    static QColor searchToneColor(const QColor &text, const QColor &back, Tone tone);
    const QStaticText &laidOut(const QString &text, const QFont &font) const;

    // Laid-out texts per font (the view's, its bold and its italic): bounded, dropped whole.
    struct TextCache
    {
        QFont font;
        QHash<QString, QStaticText> texts;
    };
    static constexpr qsizetype kMaxCachedTexts = 8192;
    mutable std::array<TextCache, 4> m_texts;
    mutable size_t m_nextFont = 0;

    int m_toneRole = 0;
    QList<int> m_toneColumns;
    bool m_stale = false;
    int m_staleRowRole = -1;
    QSet<int> m_staleRows;
    int m_confirmedRole = -1;
    int m_boldRole = -1;
    int m_middleElideRole = -1;
    int m_unreadableRole = -1;
    int m_unreadableIconColumn = -1;
    QIcon m_unreadableIcon; // made once: a new QIcon per painted cell would parse its SVG again
};
