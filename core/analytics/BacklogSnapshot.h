// BacklogSnapshot: the latest pull of the backlog (an Analytics report or a CSV export), reduced
// to counts: Technical - Migration items by legacy status and by library. The progress dashboard
// reads it; it is kept as a small JSON file beside the journal, so it survives a restart without
// keeping a million barcodes. BacklogTally builds one from a report's rows in constant memory.
#pragma once

#include "analytics/AnalyticsPage.h"
#include "legacy/NoteParser.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <map>

namespace migdesk {

struct BacklogSnapshot {
    QDateTime takenAt;                   // when the pull was made (UTC)
    QString source;                      // the report path or the file name
    qint64 rows = 0;                     // data rows read
    qint64 total = 0;                    // Technical - Migration items (the backlog)
    std::map<QString, qint64> byStatus;  // legacy status labels joined with " + "
    std::map<QString, qint64> byLibrary; // the Library column's text

    bool isEmpty() const { return !takenAt.isValid(); }
    QByteArray toJson() const;
    // False (with `error`) when `json` is not a snapshot.
    static bool fromJson(const QByteArray &json, BacklogSnapshot *snapshot, QString *error);
    // Written atomically; empty when it went well, else why not.
    QString save(const QString &path) const;
    static bool load(const QString &path, BacklogSnapshot *snapshot, QString *error);
};

// Where the snapshot of the desk whose journal is `journalPath` lives: beside the journal. Empty
// without a journal (the demo, tests): the counts then last for the session only.
QString backlogSnapshotPath(const QString &journalPath);

// Counts a report's rows into a snapshot: only rows whose process type is Technical - Migration
// (every row when the report has no Process Type column). Constant memory.
class BacklogTally : public AnalyticsRowSink {
public:
    explicit BacklogTally(NoteParser parser = NoteParser());

    void headings(const QStringList &headings) override;
    void row(const QStringList &cells) override;
    // The counts so far, stamped `takenAt` and `source`.
    BacklogSnapshot snapshot(const QDateTime &takenAt, const QString &source) const;
    // Feeds a whole CSV export (header row first) through headings() and row().
    void readCsv(const QByteArray &csvData);

    static QString noStatusLabel();  // translated: no legacy status could be read
    static QString noLibraryLabel(); // translated: the row names no library

private:
    NoteParser m_parser;
    int m_barcode = -1;
    int m_processType = -1;
    int m_note1 = -1;
    int m_note2 = -1;
    int m_note3 = -1;
    int m_library = -1;
    qint64 m_rows = 0;
    qint64 m_total = 0;
    std::map<QString, qint64> m_byStatus;
    std::map<QString, qint64> m_byLibrary;
    QHash<QString, QString> m_labels; // notes -> status label (bounded: cleared when large)
};

// Hands every row to two sinks (the backlog's groups and the dashboard's counts in one pass).
class TeeRowSink : public AnalyticsRowSink {
public:
    TeeRowSink(AnalyticsRowSink *first, AnalyticsRowSink *second)
        : m_first(first)
        , m_second(second)
    {}
    void headings(const QStringList &headings) override
    {
        m_first->headings(headings);
        m_second->headings(headings);
    }
    void row(const QStringList &cells) override
    {
        m_first->row(cells);
        m_second->row(cells);
    }

private:
    AnalyticsRowSink *m_first;
    AnalyticsRowSink *m_second;
};

} // namespace migdesk
