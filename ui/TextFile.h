// TextFile: writes an export (CSV) atomically and says why it could not, in staff's words: a
// folder that does not exist, a folder that cannot be written, a full disk.
#pragma once

#include <QByteArray>
#include <QString>

namespace migdesk {

// False with `error` set (translated) when the file was not written.
bool writeTextFile(const QString &path, const QByteArray &data, QString *error);

} // namespace migdesk
