// DemoBarcodesDialog: every demo barcode with its scenario; Enter (or double-click) scans the
// selected one, so a new user can walk through every outcome without a scanner.
#pragma once

#include "DemoBanner.h"

#include <QDialog>

class QTableWidget;

namespace migdesk {

class DemoBarcodesDialog : public QDialog {
    Q_OBJECT
public:
    DemoBarcodesDialog(const std::vector<DemoBarcode> &examples, QWidget *parent = nullptr);

    QString chosenBarcode() const { return m_chosen; }

private:
    QTableWidget *m_table;
    QString m_chosen;
};

} // namespace migdesk
