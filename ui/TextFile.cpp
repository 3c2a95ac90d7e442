// TextFile: QSaveFile behind a check of the folder, so the reason names what to fix.
#include "TextFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace migdesk {

bool writeTextFile(const QString &path, const QByteArray &data, QString *error)
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    const QFileInfo info(path);
    const QString folder = QDir::toNativeSeparators(info.absolutePath());
    if (!info.absoluteDir().exists())
        return fail(QCoreApplication::translate("migdesk::TextFile",
                                                "the folder %1 does not exist; choose another one")
                        .arg(folder));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            QCoreApplication::translate("migdesk::TextFile", "%1 cannot be written in %2 (%3)")
                .arg(info.fileName(), folder, file.errorString()));
    if (file.write(data) != data.size() || !file.commit())
        return fail(QCoreApplication::translate("migdesk::TextFile",
                                                "%1 could not be saved (%2); is the disk full?")
                        .arg(info.fileName(), file.errorString()));
    return true;
}

} // namespace migdesk
