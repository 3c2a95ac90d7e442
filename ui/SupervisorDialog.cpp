// SupervisorDialog: see the header.
#include "SupervisorDialog.h"

#include "FileChooser.h"
#include "journal/Journal.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace migdesk {

namespace {

QString who(const OperatorDay &day)
{
    return day.operatorName.isEmpty() ? SupervisorDialog::tr("(not recorded)") : day.operatorName;
}

QChart *makeChart(const std::vector<OperatorDay> &days, const QFont &font)
{
    auto *chart = new QChart;
    chart->setTitle(SupervisorDialog::tr("Items per operator and day"));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(font);
    auto *done = new QBarSet(SupervisorDialog::tr("Done"));
    done->setColor(QColor(0x2e, 0x7d, 0x32));
    auto *staff = new QBarSet(SupervisorDialog::tr("Needs staff"));
    staff->setColor(QColor(0xf9, 0xa8, 0x25));
    auto *errors = new QBarSet(SupervisorDialog::tr("Errors"));
    errors->setColor(QColor(0xc6, 0x28, 0x28));
    QStringList categories;
    int highest = 0;
    for (const OperatorDay &day : days) {
        categories << QStringLiteral("%1\n%2").arg(
            who(day), QLocale().toString(day.day, QStringLiteral("d MMM")));
        *done << day.done;
        *staff << day.needsStaff;
        *errors << day.errors;
        highest = std::max({highest, day.done, day.needsStaff, day.errors});
    }
    auto *series = new QBarSeries;
    series->append({done, staff, errors});
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    for (QBarSet *set : {done, staff, errors})
        set->setLabelColor(Qt::black);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsFont(font);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, std::max(5, int(highest * 1.2) + 1));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(SupervisorDialog::tr("Items"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    return chart;
}

} // namespace

SupervisorDialog::SupervisorDialog(Journal *journal, QWidget *parent)
    : QDialog(parent)
    , m_journal(journal)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_chart(new QChartView(this))
{
    setObjectName(QStringLiteral("supervisorDialog"));
    setWindowTitle(tr("Supervisor's view"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("supervisorTableWidget"));
    m_table->setAccessibleName(tr("Items per operator and day"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels({tr("Operator"), tr("Day"), tr("Items"), tr("Done"),
                                        tr("Needs staff"), tr("Errors"), tr("Items per hour")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(260);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton =
        buttons->addButton(tr("Export &CSV…"), QDialogButtonBox::ActionRole);
    QPushButton *refreshButton = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_chart, 3);
    layout->addWidget(m_table, 2);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &SupervisorDialog::exportCsv);
    connect(refreshButton, &QPushButton::clicked, this, &SupervisorDialog::refresh);
    resize(900, 640);
    refresh();
}

void SupervisorDialog::refresh()
{
    setDays(m_journal ? operatorDays(m_journal->intents()) : std::vector<OperatorDay>());
}

void SupervisorDialog::setDays(const std::vector<OperatorDay> &days)
{
    m_days = days;
    m_summary->setText(
        !m_journal && days.empty()
            ? tr("This desk keeps no journal (the demo), so there is nothing to show.")
            : tr("From this desk's journal: every finished item, by the operator who scanned it "
                 "and the day. Items per hour counts from the first scan to the last finished "
                 "item of that day."));
    m_table->setRowCount(int(days.size()));
    for (int row = 0; row < int(days.size()); ++row) {
        const OperatorDay &day = days[std::size_t(row)];
        const QStringList cells = {who(day),
                                   QLocale().toString(day.day, QLocale::ShortFormat),
                                   QString::number(day.items),
                                   QString::number(day.done),
                                   QString::number(day.needsStaff),
                                   QString::number(day.errors),
                                   QLocale().toString(day.itemsPerHour(), 'f', 1)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    QChart *old = m_chart->chart();
    m_chart->setChart(makeChart(days, font()));
    delete old;
}

bool SupervisorDialog::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(operatorDaysCsv(m_days).toUtf8()) < 0 ||
        !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void SupervisorDialog::exportCsv()
{
    chooseFile(this, FileMode::Save, tr("Export the supervisor's view"),
               QStringLiteral("migdesk-operators.csv"), tr("CSV (*.csv)"),
               [this](const QString &path) {
                   QString error;
                   if (!exportTo(path, &error))
                       m_summary->setText(tr("The export failed: %1").arg(error));
               },
               {});
}

} // namespace migdesk
