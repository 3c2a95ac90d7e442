// FileChooser: open/save file dialogs without a nested event loop (QFileDialog::open with a
// callback), so the desk keeps processing Alma's answers while a dialog is up.
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace migdesk {

enum class FileMode { Open, Save };

// Calls `chosen` with the path when staff pick one; `closed` (optional) always, afterwards.
void chooseFile(QWidget *parent, FileMode mode, const QString &title, const QString &suggestedName,
                const QString &filter, std::function<void(const QString &)> chosen,
                std::function<void()> closed = {});

} // namespace migdesk
