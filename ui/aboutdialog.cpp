// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QString resourceText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

QString AboutDialog::licenceText()
{
    return resourceText(u":/legal/LICENSE"_s);
}

QString AboutDialog::noticesText()
{
    return resourceText(u":/legal/THIRD-PARTY-NOTICES.md"_s);
}

AboutDialog::AboutDialog(const QString &feed, const QString &history, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Trade Monitor"));
    const QString runtime = QString::fromLatin1(qVersion());
    const QString built = QStringLiteral(QT_VERSION_STR);
    const QString qt = runtime == built ? tr("Qt %1").arg(runtime)
                                        : tr("Qt %1 (built with %2)").arg(runtime, built);
    const QString html =
        tr("<h3>Trade Monitor %1</h3>"
           "<p>Live open positions and closed-trade history from a WebSocket feed.</p>"
           "<p>Feed: %2<br>History: %3</p>"
           "<p>Runs on %4.</p>"
           "<p>Copyright © the Trade Monitor authors. Free software under the GNU General "
           "Public License, version 3 or (at your option) any later version: you may share "
           "and change it under its terms. There is NO WARRANTY. The Licence tab has the "
           "whole text; Third-party notices names what it is built on.</p>")
            .arg(QStringLiteral(TRADE_MONITOR_VERSION), feed.toHtmlEscaped(),
                 history.toHtmlEscaped(), qt);
    QTextDocument plain;
    plain.setHtml(html);
    m_summary = plain.toPlainText();

    auto *about = new QLabel(html, this);
    about->setWordWrap(true);
    about->setTextInteractionFlags(Qt::TextBrowserInteraction);
    about->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    about->setMargin(12);
    auto *licence = new QPlainTextEdit(licenceText(), this);
    licence->setReadOnly(true);
    licence->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *notices = new QTextBrowser(this);
    notices->setMarkdown(noticesText());
    notices->setOpenExternalLinks(true);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->addTab(about, tr("&About"));
    m_tabs->addTab(licence, tr("&Licence (GPL-3.0-or-later)"));
    m_tabs->addTab(notices, tr("&Third-party notices"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(720, 520);
}

QString AboutDialog::summary() const
{
    return m_summary;
}
