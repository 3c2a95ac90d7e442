// FileChooser: a window-modal QFileDialog deleted on close.
#include "FileChooser.h"

#include <QFileDialog>

namespace migdesk {

void chooseFile(QWidget *parent, FileMode mode, const QString &title, const QString &suggestedName,
                const QString &filter, std::function<void(const QString &)> chosen,
                std::function<void()> closed)
{
    auto *dialog = new QFileDialog(parent, title, QString(), filter);
    dialog->setObjectName(QStringLiteral("fileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(mode == FileMode::Save ? QFileDialog::AcceptSave
                                                 : QFileDialog::AcceptOpen);
    dialog->setFileMode(mode == FileMode::Save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    if (!suggestedName.isEmpty())
        dialog->selectFile(suggestedName);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [chosen = std::move(chosen)](const QString &path) {
                         if (!path.isEmpty())
                             chosen(path);
                     });
    if (closed)
        QObject::connect(dialog, &QDialog::finished, dialog,
                         [closed = std::move(closed)](int) { closed(); });
    dialog->open();
}

} // namespace migdesk
