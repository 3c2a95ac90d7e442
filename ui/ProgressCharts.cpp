// Building the dashboard's charts (see ProgressCharts.h).
#include "ProgressCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace migdesk {

namespace {

constexpr int kMaxProjectionDays = 365; // a projection further out is drawn to this point

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::ProgressCharts", text);
}

QChart *baseChart(const QString &title, const QFont &font)
{
    auto *chart = new QChart;
    QFont titleFont = font;
    titleFont.setBold(true);
    titleFont.setPointSizeF(font.pointSizeF() * 1.15);
    chart->setTitleFont(titleFont);
    chart->setTitle(title);
    chart->legend()->setFont(font);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

void styleAxis(QAbstractAxis *axis, const QFont &font, const QString &title)
{
    axis->setLabelsFont(font);
    QFont titleFont = font;
    titleFont.setPointSizeF(font.pointSizeF() * 0.95);
    axis->setTitleFont(titleFont);
    axis->setTitleText(title);
}

qint64 msecs(const QDate &day)
{
    return day.startOfDay().toMSecsSinceEpoch();
}

} // namespace

QChart *makeClearedChart(const ProgressForecast &forecast, const QFont &font)
{
    auto *chart = baseChart(tr("Items cleared per day (from the journal)"), font);
    auto *set = new QBarSet(tr("Items cleared that day"));
    set->setColor(QColor(0x2e, 0x7d, 0x32));
    set->setBorderColor(QColor(0x1b, 0x5e, 0x20));
    set->setLabelColor(Qt::black);
    set->setLabelFont(font);
    QStringList categories;
    const std::size_t first =
        forecast.days.size() > std::size_t(kChartDays) ? forecast.days.size() - kChartDays : 0;
    int highest = 0;
    for (std::size_t i = first; i < forecast.days.size(); ++i) {
        const ProgressDay &day = forecast.days[i];
        // "25", "26", ... "1 Dec", "2": short enough for larger text, unique over 21 days; the
        // axis title names the months.
        categories << QLocale().toString(day.date, day.date.day() == 1 ? QStringLiteral("d MMM")
                                                                       : QStringLiteral("d"));
        *set << day.cleared;
        highest = std::max(highest, day.cleared);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    const QString span =
        forecast.days.empty()
            ? QString()
            : tr("Day, %1 to %2")
                  .arg(QLocale().toString(forecast.days[first].date, QStringLiteral("d MMM")),
                       QLocale().toString(forecast.days.back().date, QStringLiteral("d MMM yyyy")));
    styleAxis(x, font, span.isEmpty() ? tr("Day") : span);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, std::max(5, int(highest * 1.2) + 1));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%d"));
    styleAxis(y, font, tr("Items"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    return chart;
}

QChart *makeRemainingChart(const ProgressForecast &forecast, bool havePull, const QFont &font)
{
    QString title = tr("Items remaining: no backlog read yet (Find migration items)");
    if (havePull && forecast.remaining == 0)
        title = tr("Items remaining: none, the backlog is cleared");
    else if (havePull && forecast.endDate)
        title = tr("Items remaining; at the current pace none on %1")
                    .arg(QLocale().toString(*forecast.endDate, QLocale::ShortFormat));
    else if (havePull)
        title = tr("Items remaining; no end date at the current pace");
    auto *chart = baseChart(title, font);
    auto *remaining = new QLineSeries;
    remaining->setName(tr("Remaining (solid)"));
    QPen pen(QColor(0x15, 0x65, 0xc0));
    pen.setWidth(3);
    remaining->setPen(pen);
    remaining->setPointsVisible(true);
    qint64 highest = 0;
    QDate last = QDate::currentDate();
    for (const ProgressDay &day : forecast.days) {
        if (!havePull)
            break;
        remaining->append(double(msecs(day.date)), double(day.remaining));
        highest = std::max(highest, day.remaining);
        last = day.date;
    }
    chart->addSeries(remaining);
    QLineSeries *projection = nullptr;
    QDate end = last;
    if (havePull && !forecast.days.empty() && forecast.endDate && forecast.remaining > 0) {
        projection = new QLineSeries;
        projection->setName(tr("Projected at the current pace (dashed)"));
        QPen dashed(QColor(0x6d, 0x4c, 0x41));
        dashed.setStyle(Qt::DashLine);
        dashed.setWidth(2);
        projection->setPen(dashed);
        const qint64 toEnd = last.daysTo(*forecast.endDate);
        const qint64 shown = std::min<qint64>(toEnd, kMaxProjectionDays);
        end = last.addDays(shown);
        const double left =
            toEnd > 0 ? double(forecast.remaining) * double(toEnd - shown) / double(toEnd) : 0.0;
        projection->append(double(msecs(last)), double(forecast.remaining));
        projection->append(double(msecs(end)), left);
        chart->addSeries(projection);
    }
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("d MMM yy"));
    const QDate start = forecast.days.empty() ? last : forecast.days.front().date;
    x->setRange(start.startOfDay(), std::max(end, start.addDays(1)).startOfDay());
    x->setTickCount(6);
    styleAxis(x, font, tr("Date"));
    chart->addAxis(x, Qt::AlignBottom);
    auto *y = new QValueAxis;
    y->setRange(0, double(std::max<qint64>(10, qint64(double(highest) * 1.1) + 1)));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%d"));
    styleAxis(y, font, tr("Items"));
    chart->addAxis(y, Qt::AlignLeft);
    remaining->attachAxis(x);
    remaining->attachAxis(y);
    if (projection) {
        projection->attachAxis(x);
        projection->attachAxis(y);
    }
    return chart;
}

} // namespace migdesk
