// BacklogDialog ("Find migration items"): opens an Alma Analytics CSV export of physical items,
// shows Backlog's groups (count, legacy status, planned steps, best route) and lets staff send
// a group to the follow-up work list or to the bulk job collection (Missing groups with the job
// strategy; Damaged groups from the configured size). Reads the file only: no Alma calls.
#pragma once

#include "bulk/Backlog.h"
#include "bulk/BulkTypes.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace migdesk {

class BacklogDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { CountColumn, StatusColumn, StepsColumn, RouteColumn, ColumnCount };

    BacklogDialog(BacklogReader reader, const QString &missingStrategy, int damagedThreshold,
                  QWidget *parent = nullptr);

    // Reads the export and shows its groups; false with the reason shown under the table.
    bool openFile(const QString &path);
    const Backlog &backlog() const { return m_backlog; }
    QTableWidget *table() const { return m_table; }
    QString message() const;
    // The bulk action a group may be handed to, or std::nullopt with the reason in `why`.
    std::optional<BulkAction> jobActionFor(const BacklogGroup &group, QString *why) const;
    // Send the group shown in `row` on; false (reason shown) when it cannot go there.
    bool sendToFollowUp(int row);
    bool sendToJob(int row);

Q_SIGNALS:
    void followUpRequested(const QStringList &barcodes, const QString &summary);
    void jobRequested(migdesk::BulkAction action, const QStringList &barcodes);

private:
    void read();
    void showGroups();
    void selectionChanged();
    const BacklogGroup *groupAt(int row) const;
    void say(const QString &text, bool problem = false);

    BacklogReader m_reader;
    QString m_missingStrategy;
    int m_damagedThreshold;
    QString m_path;
    Backlog m_backlog;
    QComboBox *m_mode;
    QLabel *m_file;
    QTableWidget *m_table;
    QLabel *m_message;
    QPushButton *m_followUp;
    QPushButton *m_job;
};

} // namespace migdesk
