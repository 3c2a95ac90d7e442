// ReviewHandlingBox: on the Rules page of the settings, how the desk handles each review status
// (Catalog Review, Circulation Review, In Process): as the rules file says, a work order, a
// fulfillment note, or a temporary location (a review shelf: library and location codes). Save
// is refused while a temporary location lacks a code, with the problem under the box.
#pragma once

#include <QGroupBox>
#include <QString>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;

namespace migdesk {

class Settings;

class ReviewHandlingBox : public QGroupBox {
    Q_OBJECT
public:
    explicit ReviewHandlingBox(QWidget *parent = nullptr);

    void load(const Settings &settings);
    // Writes every row; false (nothing written, the problem shown) when a row is unusable.
    bool save(Settings &settings);
    // The (library, location) of every row set to a temporary location, as typed.
    std::vector<std::pair<QString, QString>> tempLocations() const;

private:
    struct Row {
        QString statusId;
        QComboBox *method;
        QLineEdit *library;
        QLineEdit *location;
    };
    void updateRow(const Row &row);

    std::vector<Row> m_rows;
    QLabel *m_problem;
};

} // namespace migdesk
