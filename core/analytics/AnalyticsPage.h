// One page of an Alma Analytics report (GET /almaws/v1/analytics/reports): the JSON answer holds
// the report as XML in `anies[0]`; QueryResult has IsFinished, ResumptionToken (first page only)
// and ResultXml/rowset/Row elements whose Column0 carries no data. Column headings are the
// schema's saw-sql:columnHeading attributes, on the first page only. A cell left empty is absent
// from its row. The parser streams each row to a callback, so a page never becomes a table.
#pragma once

#include "model/ApiError.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace migdesk {

// Receives a report's rows as they are read. The cells of a row follow headings(); a cell Alma
// left out is an empty string.
class AnalyticsRowSink {
public:
    virtual ~AnalyticsRowSink() = default;
    // Called once, before the first row (also for a report without rows).
    virtual void headings(const QStringList &headings) = 0;
    virtual void row(const QStringList &cells) = 0;
};

// Reads the pages of one report in order; keeps the headings of the first page.
class AnalyticsPageParser {
public:
    using RowFunction = std::function<void(const QStringList &cells)>;

    // Parses one answer (the JSON with `anies`, or the bare XML); calls `onRow` for each row.
    // A Parse error names what is wrong; rows before the fault have been delivered.
    ApiError parse(const QByteArray &body, const RowFunction &onRow);

    bool hasHeadings() const { return m_haveHeadings; }
    const QStringList &headings() const { return m_headings; } // Column1..N
    bool isFinished() const { return m_finished; }
    QString resumptionToken() const { return m_token; } // the first page's
    int rowsInLastPage() const { return m_pageRows; }

private:
    ApiError parseXml(const QByteArray &xml, const RowFunction &onRow);

    QStringList m_headings;
    bool m_haveHeadings = false;
    bool m_finished = false;
    QString m_token;
    int m_pageRows = 0;
    QStringList m_cells; // reused for every row
};

// The XML report text inside Alma's JSON answer (`anies[0]`); a body that already is XML is
// returned as is. Empty with `error` set when neither.
QByteArray analyticsXmlOf(const QByteArray &body, QString *error);

} // namespace migdesk
