// HelpDialogs: Help > User guide (docs/USER_GUIDE.md, compiled in) and Help > About MigDesk.
// Both are opened without a nested event loop, like every dialog of the desk.
#pragma once

class QDialog;
class QWidget;

namespace migdesk {

// The user guide in a scrollable, searchable-by-eye window ("userGuideDialog").
QDialog *openUserGuide(QWidget *parent);
// The version, what MigDesk is for and its licence ("aboutMessageBox").
QDialog *openAbout(QWidget *parent);

} // namespace migdesk
