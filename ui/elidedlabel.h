// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

// A one-line label for text of any length (a reason from the server, a status): what does not
// fit ends in "…" at a word's end where it can, and the whole text is in the tooltip. A QLabel
// would cut it off mid-word, with nothing to say more was there.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // Every text goes through here (it hides QLabel::setText).
    void setText(const QString &text);
    QString fullText() const { return m_full; }
    bool isElided() const { return QLabel::text() != m_full; }

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fit();

    QString m_full;
};
