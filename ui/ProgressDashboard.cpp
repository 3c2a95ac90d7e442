// ProgressDashboard: see the header.
#include "ProgressDashboard.h"

#include "FileChooser.h"
#include "ProgressCharts.h"
#include "util/Csv.h"

#include <QApplication>
#include <QChartView>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace migdesk {

namespace {

QTableWidget *countTable(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setStretchLastSection(false);
    return table;
}

QTableWidgetItem *number(qint64 value)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ProgressDashboard::ProgressDashboard(QString journalPath, QString snapshotPath, QWidget *parent)
    : QDialog(parent)
    , m_journalPath(std::move(journalPath))
    , m_snapshotPath(std::move(snapshotPath))
{
    setObjectName(QStringLiteral("progressDashboard"));
    setWindowTitle(tr("Migration clean-up progress"));
    auto *outer = new QVBoxLayout(this);
    m_content = new QWidget(this);
    m_content->setObjectName(QStringLiteral("progressContent"));
    m_content->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(m_content);
    m_summary->setObjectName(QStringLiteral("progressSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source = new QLabel(m_content);
    m_source->setObjectName(QStringLiteral("progressSourceLabel"));
    m_source->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_source);
    auto *charts = new QHBoxLayout;
    m_cleared = new QChartView(m_content);
    m_cleared->setObjectName(QStringLiteral("clearedChartView"));
    m_cleared->setAccessibleName(tr("Chart of items cleared per day; the numbers are in the Per "
                                    "day table"));
    m_remaining = new QChartView(m_content);
    m_remaining->setObjectName(QStringLiteral("remainingChartView"));
    m_remaining->setAccessibleName(tr("Chart of items remaining; the numbers are in the Per day "
                                      "table"));
    for (QChartView *view : {m_cleared, m_remaining}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(420, 300);
        charts->addWidget(view, 1);
    }
    layout->addLayout(charts, 3);
    m_tabs = new QTabWidget(m_content);
    m_tabs->setObjectName(QStringLiteral("progressTabWidget"));
    m_byStatus = countTable(m_tabs, QStringLiteral("statusTableWidget"),
                            {tr("Legacy status"), tr("Items"), tr("Share")});
    m_byLibrary = countTable(m_tabs, QStringLiteral("libraryTableWidget"),
                             {tr("Library"), tr("Items"), tr("Share")});
    m_byDay = countTable(m_tabs, QStringLiteral("dayTableWidget"),
                         {tr("Day"), tr("Items cleared"), tr("Items remaining at the end")});
    m_tabs->addTab(m_byStatus, tr("Backlog by legacy &status"));
    m_tabs->addTab(m_byLibrary, tr("Backlog by &library"));
    m_tabs->addTab(m_byDay, tr("&Per day"));
    layout->addWidget(m_tabs, 2);
    outer->addWidget(m_content, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("progressMessageLabel"));
    m_message->setWordWrap(true);
    outer->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *refreshButton = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refreshButton->setObjectName(QStringLiteral("progressRefreshPushButton"));
    auto *png = buttons->addButton(tr("Export P&NG…"), QDialogButtonBox::ActionRole);
    png->setObjectName(QStringLiteral("progressPngPushButton"));
    auto *csvButton = buttons->addButton(tr("Export &CSV…"), QDialogButtonBox::ActionRole);
    csvButton->setObjectName(QStringLiteral("progressCsvPushButton"));
    outer->addWidget(buttons);
    connect(refreshButton, &QPushButton::clicked, this, &ProgressDashboard::refresh);
    connect(png, &QPushButton::clicked, this, [this] {
        chooseFile(this, FileMode::Save, tr("Export the dashboard as PNG"),
                   QStringLiteral("migdesk-progress.png"), tr("PNG images (*.png)"),
                   [this](const QString &path) {
                       const QString problem = exportPng(path);
                       say(problem.isEmpty() ? tr("Saved %1.").arg(path) : problem);
                   });
    });
    connect(csvButton, &QPushButton::clicked, this, [this] {
        chooseFile(this, FileMode::Save, tr("Export the dashboard as CSV"),
                   QStringLiteral("migdesk-progress.csv"), tr("CSV (*.csv)"),
                   [this](const QString &path) {
                       const QString problem = exportCsv(path);
                       say(problem.isEmpty() ? tr("Saved %1.").arg(path) : problem);
                   });
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(1120, 780);
    refresh();
}

void ProgressDashboard::setTextScale(double scale)
{
    m_scale = scale;
    QFont base = QApplication::font();
    base.setPointSizeF(base.pointSizeF() * scale);
    setFont(base);
    QFont big = base;
    big.setPointSizeF(base.pointSizeF() * 1.25);
    m_summary->setFont(big);
    redrawCharts();
}

void ProgressDashboard::say(const QString &text)
{
    m_message->setText(text);
}

void ProgressDashboard::refresh()
{
    m_snapshot = m_snapshotPath.isEmpty() ? m_sessionSnapshot : BacklogSnapshot();
    QString problem;
    if (!m_snapshotPath.isEmpty() && QFile::exists(m_snapshotPath))
        BacklogSnapshot::load(m_snapshotPath, &m_snapshot, &problem);
    QString journalProblem;
    const std::vector<QDateTime> cleared = readClearedTimes(m_journalPath, &journalProblem);
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    m_forecast = forecastProgress(m_snapshot, cleared, today);
    m_summary->setText(summaryText());
    const QLocale locale;
    m_source->setText(
        m_snapshot.isEmpty()
            ? tr("No backlog read yet: open Alma jobs > Find migration items and read the "
                 "Analytics report (or an export of it).")
            : tr("Backlog from %1, read %2. Items cleared come from this desk's journal%3.")
                  .arg(m_snapshot.source,
                       locale.toString(m_snapshot.takenAt.toLocalTime(), QLocale::ShortFormat),
                       m_journalPath.isEmpty() ? tr(" (none in this session)") : QString()));
    fillCounts(m_byStatus, m_snapshot.byStatus);
    fillCounts(m_byLibrary, m_snapshot.byLibrary);
    fillDays();
    redrawCharts();
    QStringList problems;
    for (const QString &p : {problem, journalProblem}) {
        if (!p.isEmpty())
            problems << p;
    }
    say(problems.join(QLatin1Char(' ')));
}

QString ProgressDashboard::summaryText() const
{
    const QLocale locale;
    const ProgressForecast &f = m_forecast;
    const QString pace = tr("Pace: %1 items a day over the last %n day(s).", nullptr, f.paceDays)
                             .arg(locale.toString(f.perDay, 'f', 1));
    if (m_snapshot.isEmpty())
        return tr("Backlog unknown (no Analytics pull or export read yet).") + QLatin1Char(' ') +
               pace;
    QString text = tr("%1 items remain of %2 in the latest pull (%3 cleared since).")
                       .arg(locale.toString(f.remaining), locale.toString(f.total),
                            locale.toString(f.clearedSincePull));
    text += QLatin1Char(' ') + pace + QLatin1Char(' ');
    if (f.remaining == 0)
        text += tr("Done: the backlog is cleared.");
    else if (f.endDate)
        text += tr("At this pace the backlog is gone on %1.")
                    .arg(locale.toString(*f.endDate, QLocale::LongFormat));
    else
        text += tr("No end date yet: nothing was cleared in that time.");
    return text;
}

void ProgressDashboard::fillCounts(QTableWidget *table, const std::map<QString, qint64> &counts)
{
    std::vector<std::pair<QString, qint64>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    table->setSortingEnabled(false);
    table->setRowCount(int(rows.size()));
    const QLocale locale;
    for (int r = 0; r < int(rows.size()); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        table->setItem(r, 1, number(rows[r].second));
        const double share =
            m_snapshot.total > 0 ? 100.0 * double(rows[r].second) / double(m_snapshot.total) : 0;
        auto *item = new QTableWidgetItem(tr("%1 %").arg(locale.toString(share, 'f', 1)));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(r, 2, item);
    }
}

void ProgressDashboard::fillDays()
{
    const auto &days = m_forecast.days;
    m_byDay->setRowCount(int(days.size()));
    const QLocale locale;
    // Newest first: today's row is the one staff look for.
    for (int r = 0; r < int(days.size()); ++r) {
        const ProgressDay &day = days[days.size() - 1 - std::size_t(r)];
        m_byDay->setItem(r, 0,
                         new QTableWidgetItem(locale.toString(day.date, QLocale::LongFormat)));
        m_byDay->setItem(r, 1, number(day.cleared));
        if (m_snapshot.isEmpty())
            m_byDay->setItem(r, 2, new QTableWidgetItem(tr("unknown")));
        else
            m_byDay->setItem(r, 2, number(day.remaining));
    }
}

void ProgressDashboard::redrawCharts()
{
    const QFont chartFont = font();
    QChart *old = m_cleared->chart();
    m_cleared->setChart(makeClearedChart(m_forecast, chartFont));
    delete old;
    old = m_remaining->chart();
    m_remaining->setChart(makeRemainingChart(m_forecast, !m_snapshot.isEmpty(), chartFont));
    delete old;
}

QString ProgressDashboard::csvText() const
{
    using csv::Formulas;
    auto row = [](const QStringList &fields) {
        return csv::formatRow(fields, QLatin1Char(','), Formulas::DefuseAll);
    };
    const ProgressForecast &f = m_forecast;
    QString out = row({tr("section"), tr("name"), tr("items"), tr("remaining")});
    out += row({QStringLiteral("summary"), QStringLiteral("source"), m_snapshot.source, {}});
    out += row({QStringLiteral("summary"),
                QStringLiteral("pulled_at"),
                m_snapshot.takenAt.toString(Qt::ISODate),
                {}});
    out += row({QStringLiteral("summary"),
                QStringLiteral("backlog_at_pull"),
                QString::number(f.total),
                {}});
    out += row({QStringLiteral("summary"),
                QStringLiteral("cleared_since_pull"),
                QString::number(f.clearedSincePull),
                {}});
    out += row(
        {QStringLiteral("summary"), QStringLiteral("remaining"), QString::number(f.remaining), {}});
    out += row({QStringLiteral("summary"),
                QStringLiteral("items_per_day"),
                QString::number(f.perDay, 'f', 2),
                {}});
    out += row({QStringLiteral("summary"),
                QStringLiteral("end_date"),
                f.endDate ? f.endDate->toString(Qt::ISODate) : QString(),
                {}});
    for (const auto &[name, count] : m_snapshot.byStatus)
        out += row({QStringLiteral("by_status"), name, QString::number(count), {}});
    for (const auto &[name, count] : m_snapshot.byLibrary)
        out += row({QStringLiteral("by_library"), name, QString::number(count), {}});
    for (const ProgressDay &day : f.days)
        out += row({QStringLiteral("per_day"), day.date.toString(Qt::ISODate),
                    QString::number(day.cleared),
                    m_snapshot.isEmpty() ? QString() : QString::number(day.remaining)});
    return out;
}

QString ProgressDashboard::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(csv::utf8Bom() + csvText().toUtf8());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString ProgressDashboard::exportPng(const QString &path)
{
    const QPixmap image = m_content->grab();
    if (image.isNull() || !image.save(path, "PNG"))
        return tr("Cannot write the image %1.").arg(path);
    return {};
}

} // namespace migdesk
