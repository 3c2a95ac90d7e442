// The Analytics calls, made through AlmaClient's machinery (AlmaCall: rate limiter, retries of
// GETs, deadlines, same-origin rule, redaction, ErrorKind): one report page by path or by
// resumption token, and the folder listing of /analytics/paths/{path}.
#pragma once

#include "alma/AlmaReply.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace migdesk {

class AlmaClient;

// Alma serves Analytics rows in blocks of 25: the limit is 25..1000, a multiple of 25.
inline constexpr int kAnalyticsMinLimit = 25;
inline constexpr int kAnalyticsMaxLimit = 1000;
// `limit` rounded to the nearest multiple of 25 inside 25..1000.
int analyticsLimit(int limit);

// "No more rows to fetch": Alma's answer to a page asked for past the end of a report.
inline const QString kAnalyticsNoMoreRows = QStringLiteral("420033");

// A report path as Alma's catalog writes it ("/shared/<Institution>/Reports/Migration items"):
// empty when usable, else why not (translated).
QString checkAnalyticsPath(const QString &path, bool allowRoot = false);

// One page's answer, kept as sent (AnalyticsPageParser reads it).
class AnalyticsPageReply : public AlmaReply {
    Q_OBJECT
public:
    using AlmaReply::AlmaReply;
    const QByteArray &body() const { return m_body; }

protected:
    ApiError parseBody(const QByteArray &body) override;

private:
    QByteArray m_body;
};

struct AnalyticsPathEntry {
    QString name;
    QString path;
    bool isReport = false; // else a folder
};

class AnalyticsPathsReply : public AlmaReply {
    Q_OBJECT
public:
    using AlmaReply::AlmaReply;
    // Folders first, then reports, each by name.
    const std::vector<AnalyticsPathEntry> &entries() const { return m_entries; }
    void setParentPath(const QString &path) { m_parent = path; }

protected:
    ApiError parseBody(const QByteArray &body) override;

private:
    QString m_parent;
    std::vector<AnalyticsPathEntry> m_entries;
};

// GET /almaws/v1/analytics/reports?path=...&limit=...&col_names=true
AnalyticsPageReply *requestAnalyticsFirstPage(AlmaClient *client, const QString &path, int limit);
// GET /almaws/v1/analytics/reports?token=...&limit=...&col_names=true
AnalyticsPageReply *requestAnalyticsNextPage(AlmaClient *client, const QString &token, int limit);
// GET /almaws/v1/analytics/paths/{path}; an empty path lists the root.
AnalyticsPathsReply *requestAnalyticsPaths(AlmaClient *client, const QString &path);

} // namespace migdesk
