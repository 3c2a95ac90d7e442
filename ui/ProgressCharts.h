// The dashboard's two charts (Qt Charts): items cleared per day (bars) and the backlog remaining
// (a line, and a dashed projection to the end date at the current pace). Each series names
// itself in the legend, so no colour has to be told apart to read a chart.
#pragma once

#include "analytics/ProgressStats.h"

#include <QFont>

class QChart;

namespace migdesk {

// Days the cleared-per-day chart shows at most (the most recent ones).
inline constexpr int kChartDays = 21;

QChart *makeClearedChart(const ProgressForecast &forecast, const QFont &font);
// `havePull`: false shows the empty chart with a title saying why.
QChart *makeRemainingChart(const ProgressForecast &forecast, bool havePull, const QFont &font);

} // namespace migdesk
