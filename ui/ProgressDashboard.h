// ProgressDashboard: how far the migration clean-up has come. The backlog by legacy status and
// by library (from the latest Analytics pull or CSV, saved by "Find migration items"), items
// cleared per day (from the journal, so today's fixes show today), what remains and the end
// date at the current pace; two charts; export as PNG and CSV. A window of its own, reachable
// from View > Progress dashboard; every chart's numbers are also in a table (keyboard, screen
// readers), every colour comes with words, and the text follows "Larger text".
#pragma once

#include "analytics/BacklogSnapshot.h"
#include "analytics/ProgressStats.h"

#include <QDate>
#include <QDialog>

class QChartView;
class QLabel;
class QTabWidget;
class QTableWidget;

namespace migdesk {

class ProgressDashboard : public QDialog {
    Q_OBJECT
public:
    ProgressDashboard(QString journalPath, QString snapshotPath, QWidget *parent = nullptr);

    // 1.0 normal, 1.3 with "Larger text".
    void setTextScale(double scale);
    // Fixes "today" (tests, screenshots); an invalid date follows the clock.
    void setToday(const QDate &today) { m_today = today; }
    // Without a snapshot file (no journal): the counts of this session's latest read.
    void setSessionSnapshot(const BacklogSnapshot &snapshot) { m_sessionSnapshot = snapshot; }
    // Reads the snapshot and the journal again and redraws.
    void refresh();

    const ProgressForecast &forecast() const { return m_forecast; }
    const BacklogSnapshot &snapshot() const { return m_snapshot; }
    QString summaryText() const;
    QTableWidget *statusTable() const { return m_byStatus; }
    QTableWidget *libraryTable() const { return m_byLibrary; }
    QTableWidget *dayTable() const { return m_byDay; }
    QChartView *clearedView() const { return m_cleared; }
    QChartView *remainingView() const { return m_remaining; }

    // The dashboard as numbers: summary, by status, by library, per day.
    QString csvText() const;
    // Empty when written, else why not.
    QString exportCsv(const QString &path) const;
    QString exportPng(const QString &path);

private:
    void fillCounts(QTableWidget *table, const std::map<QString, qint64> &counts);
    void fillDays();
    void redrawCharts();
    void say(const QString &text);

    QString m_journalPath;
    QString m_snapshotPath;
    QDate m_today;
    double m_scale = 1.0;
    BacklogSnapshot m_snapshot;
    BacklogSnapshot m_sessionSnapshot;
    ProgressForecast m_forecast;
    QWidget *m_content;
    QLabel *m_summary;
    QLabel *m_source;
    QChartView *m_cleared;
    QChartView *m_remaining;
    QTabWidget *m_tabs;
    QTableWidget *m_byStatus;
    QTableWidget *m_byLibrary;
    QTableWidget *m_byDay;
    QLabel *m_message;
};

} // namespace migdesk
