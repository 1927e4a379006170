// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/tone.h"

#include <QStyledItemDelegate>

// Paints gains green and losses red, in shades taken from the palette's own text colour so
// that they read on light and dark themes alike; and greys every cell while the data is
// stale (the feed is not live), so old numbers never pass for live ones.
class ToneDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // `toneRole` holds a Tone; only `toneColumns` are coloured.
    ToneDelegate(int toneRole, QList<int> toneColumns, QObject *parent = nullptr);

    void setStale(bool stale) { m_stale = stale; }
    bool isStale() const { return m_stale; }
    // Rows whose `role` is false (an unconfirmed close) are set in italics.
    void setConfirmedRole(int role) { m_confirmedRole = role; }

    // The colour of a tone on `palette`; a loss's is also the colour of an alarm.
    static QColor toneColor(const QPalette &palette, Tone tone);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_toneRole = 0;
    QList<int> m_toneColumns;
    bool m_stale = false;
    int m_confirmedRole = -1;
};
