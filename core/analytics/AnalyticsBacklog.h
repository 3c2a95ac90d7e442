// The backlog ("Find migration items") straight from an Analytics report: BacklogRowSink feeds
// a report's rows to BacklogBuilder, so a report and a CSV export of it give the same groups.
#pragma once

#include "analytics/AnalyticsPage.h"
#include "bulk/Backlog.h"

namespace migdesk {

class BacklogRowSink : public AnalyticsRowSink {
public:
    BacklogRowSink(const BacklogReader &reader, WorkMode mode)
        : m_builder(reader.builder(mode))
    {}
    void headings(const QStringList &headings) override
    {
        if (!m_builder.hasHeader())
            m_builder.setHeader(headings);
    }
    void row(const QStringList &cells) override { m_builder.addRow(cells); }
    // The groups; `error` (a failed read) becomes the backlog's error. The sink is spent.
    Backlog finish(const QString &error = QString())
    {
        if (!error.isEmpty())
            m_builder.setError(error);
        return m_builder.finish();
    }

private:
    BacklogBuilder m_builder;
};

} // namespace migdesk
