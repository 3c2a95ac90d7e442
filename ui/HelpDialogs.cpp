// HelpDialogs: the guide rendered from Markdown; images of the guide are not shipped with it.
#include "HelpDialogs.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace migdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::HelpDialogs", text);
}
} // namespace

QDialog *openUserGuide(QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("userGuideDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("MigDesk user guide"));
    auto *browser = new QTextBrowser(dialog);
    browser->setObjectName(QStringLiteral("userGuideBrowser"));
    browser->setOpenExternalLinks(false);
    QFile guide(QStringLiteral(":/USER_GUIDE.md"));
    if (guide.open(QIODevice::ReadOnly))
        browser->setMarkdown(QString::fromUtf8(guide.readAll()));
    else
        browser->setPlainText(tr("The user guide is missing from this installation."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser, 1);
    layout->addWidget(buttons);
    dialog->resize(900, 640);
    dialog->open();
    return dialog;
}

QDialog *openAbout(QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About MigDesk"),
                                tr("MigDesk %1\n\nClears items that Alma shows in the process "
                                   "status Technical - Migration after a migration: scan an item, "
                                   "read the note the old system left, and fix it in Alma.\n\n"
                                   "Licensed under the Apache License 2.0.")
                                    .arg(QCoreApplication::applicationVersion()),
                                QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("aboutMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

} // namespace migdesk
