// The sandbox's Alma Analytics: GET /almaws/v1/analytics/reports (by path, then by resumption
// token) and GET /almaws/v1/analytics/paths/{path}, in Alma's format (the report as XML inside
// `anies[0]`, Column0 without data, headings in the first page's schema, empty cells left out,
// 420033 past the end). Like Alma's Analytics, it answers from a snapshot of the items taken
// when the data was loaded (Alma refreshes Analytics about once a day), not from live state.
//
// The catalog (docs/SANDBOX.md, "Analytics"):
//   /shared/MigDesk Demo/Reports/Technical - Migration items        the backlog
//   /shared/MigDesk Demo/Reports/All physical items                 every item
//   /shared/MigDesk Demo/Reports/Technical - Migration items (late finish)
//        the backlog, but the last page says IsFinished=false and the next call gets 420033
//   /shared/MigDesk Demo/Restricted/Staff costs                     the key may not read it
#pragma once

#include "SandboxHttp.h"
#include "SandboxState.h"

#include <QString>
#include <QStringList>

#include <deque>
#include <optional>
#include <vector>

namespace migdesk::sandbox {

class SandboxAnalytics {
public:
    struct Table {
        QStringList headings;
        std::vector<QStringList> rows; // one cell per heading; "" where Analytics has none
    };

    static QString folderPath();        // "/shared/MigDesk Demo"
    static QString backlogReportPath(); // the Technical - Migration items report
    static QString allItemsReportPath();
    static QString lateFinishReportPath();
    static QString restrictedReportPath();

    // Takes the snapshot the reports answer from.
    void load(const std::vector<ItemRecord> &records);
    // `rest`: the path segments after /almaws/v1/analytics.
    SandboxReply handle(const SandboxRequest &request, const QStringList &rest);
    // The report as an Analytics CSV export would hold it (for tests); nothing for a bad path.
    std::optional<Table> table(const QString &path) const;

private:
    struct Cursor {
        QString token;
        QString path;
        std::size_t offset = 0;
    };
    SandboxReply reports(const SandboxRequest &request);
    SandboxReply paths(const QStringList &rest) const;
    SandboxReply page(Cursor &cursor, int limit, bool first) const;
    const std::vector<QStringList> *rowsOf(const QString &path) const;

    std::vector<QStringList> m_migration;
    std::vector<QStringList> m_all;
    std::deque<Cursor> m_cursors; // the newest reads; the oldest are forgotten
    quint64 m_nextToken = 1;
};

} // namespace migdesk::sandbox
