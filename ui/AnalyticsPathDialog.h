// AnalyticsPathDialog ("From Alma Analytics…"): the report path to read, prefilled with the one
// remembered in Settings, and a browser of Alma Analytics' catalog (/analytics/paths) whose
// folders open on demand; choosing a report fills the path. Keyboard: type the path, or Tab to
// the tree and open folders with the arrow keys; Enter reads the report.
#pragma once

#include <QDialog>
#include <QString>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace migdesk {

class AlmaClient;

class AnalyticsPathDialog : public QDialog {
    Q_OBJECT
public:
    AnalyticsPathDialog(AlmaClient *client, const QString &path, QWidget *parent = nullptr);

    QString path() const;
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *pathEdit() const { return m_path; }
    // Lists the catalog's root (the Browse button); folders list themselves when expanded.
    void browse();

private:
    void list(QTreeWidgetItem *folder, const QString &path);
    void onCurrentChanged(QTreeWidgetItem *item);
    void updateOk();

    AlmaClient *m_client;
    QLineEdit *m_path;
    QTreeWidget *m_tree;
    QLabel *m_status;
    QPushButton *m_ok;
    QPushButton *m_browse;
    int m_generation = 0; // bumped when the tree is listed anew
};

} // namespace migdesk
