// BacklogDialog ("Find migration items"): opens an Alma Analytics CSV export of physical items,
// or reads the report straight from Alma Analytics ("From Alma Analytics…", paged with progress
// and cancel), shows Backlog's groups (count, legacy status, planned steps, best route) and lets
// staff send a group to the follow-up work list or to the bulk job collection (Missing groups
// with the job strategy; Damaged groups from the configured size). Each read also gives the
// progress dashboard its counts (snapshotTaken). No Alma calls but the report's.
#pragma once

#include "analytics/BacklogSnapshot.h"
#include "bulk/Backlog.h"
#include "bulk/BulkTypes.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace migdesk {

class AlmaClient;
class BacklogPull;

class BacklogDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { CountColumn, StatusColumn, StepsColumn, RouteColumn, ColumnCount };

    BacklogDialog(BacklogReader reader, const QString &missingStrategy, int damagedThreshold,
                  QWidget *parent = nullptr);

    // Reads the export and shows its groups; false with the reason shown under the table.
    bool openFile(const QString &path);
    // Enables "From Alma Analytics…" with this client; `path` is the remembered report path.
    void setAnalyticsSource(AlmaClient *client, const QString &path);
    // Reads the report at `path` from Alma Analytics (asynchronous: see isReading()).
    void readAnalytics(const QString &path);
    void cancelReading();
    bool isReading() const;
    QPushButton *analyticsButton() const { return m_fromAnalytics; }
    QProgressBar *progressBar() const { return m_progress; }
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
    // A report was read from this path (remember it).
    void analyticsPathUsed(const QString &path);
    // The counts of the export or report just read, for the progress dashboard.
    void snapshotTaken(const migdesk::BacklogSnapshot &snapshot);

private:
    enum class Source { None, File, Analytics };
    WorkMode mode() const;
    void read();
    void chooseReport();
    void onPullFinished();
    void showSummary();
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
    QPushButton *m_open;
    QPushButton *m_fromAnalytics;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    AlmaClient *m_client = nullptr;
    BacklogPull *m_pull = nullptr;
    QString m_analyticsPath;
    Source m_source = Source::None;
};

} // namespace migdesk
