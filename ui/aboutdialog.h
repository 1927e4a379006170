// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QTabWidget;

// Help → About: the version, what the program does, the feed and the history it uses, the Qt
// it runs on, its licence (GPL-3.0-or-later, the whole text) and the third-party notices.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    // `feed` and `history` as the user should read them (credentials masked).
    AboutDialog(const QString &feed, const QString &history, QWidget *parent = nullptr);

    // The About page's text, without markup.
    QString summary() const;

    static QString licenceText();
    static QString noticesText();

private:
    QTabWidget *m_tabs = nullptr;
    QString m_summary;
};
