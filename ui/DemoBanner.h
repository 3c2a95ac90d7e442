// DemoBanner: always visible while MigDesk talks to the embedded sandbox. Says plainly that
// nothing is real and lists demo barcodes per scenario, so a new user can try every outcome.
#pragma once

#include <QFrame>
#include <QString>

#include <vector>

class QLabel;

namespace migdesk {

struct DemoBarcode {
    QString barcode;
    QString scenario;
};

class DemoBanner : public QFrame {
    Q_OBJECT
public:
    explicit DemoBanner(QWidget *parent = nullptr);

    // Shows a handful of telling scenarios; the full list is one key away (F1).
    void setExamples(const std::vector<DemoBarcode> &examples);
    // Compact: the title and the button only (larger text on a small screen); F1 lists all.
    void setCompact(bool compact);
    QString examplesText() const;
    const std::vector<DemoBarcode> &examples() const { return m_all; }
    // The examples worth showing first: one per key scenario, at most `count`.
    static std::vector<DemoBarcode> highlights(const std::vector<DemoBarcode> &all, int count);

Q_SIGNALS:
    void showAllRequested();

private:
    QLabel *m_title;
    QLabel *m_examples;
    std::vector<DemoBarcode> m_all;
    QString m_plain;
};

} // namespace migdesk
