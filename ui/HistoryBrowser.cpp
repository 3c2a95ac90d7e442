// HistoryBrowser: one journal query per chosen day.
#include "HistoryBrowser.h"

#include "OutcomeStyle.h"
#include "journal/Journal.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace migdesk {

HistoryBrowser::HistoryBrowser(const Journal *journal, QWidget *parent)
    : QDialog(parent)
    , m_journal(journal)
    , m_days(new QListWidget(this))
    , m_scans(new QTableWidget(0, 5, this))
{
    setObjectName(QStringLiteral("historyBrowserDialog"));
    setWindowTitle(tr("Earlier sessions"));
    m_days->setObjectName(QStringLiteral("historyDaysListWidget"));
    m_days->setAccessibleName(tr("Days with scans"));
    m_scans->setObjectName(QStringLiteral("historyDayTableWidget"));
    m_scans->setAccessibleName(tr("Scans of the chosen day"));
    m_scans->setHorizontalHeaderLabels(
        {tr("Time"), tr("Barcode"), tr("Title"), tr("Outcome"), tr("Message")});
    m_scans->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_scans->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_scans->setTabKeyNavigation(false);
    m_scans->verticalHeader()->hide();
    m_scans->horizontalHeader()->setStretchLastSection(true);
    m_scans->setColumnWidth(1, 150);
    m_scans->setColumnWidth(2, 260);
    m_scans->setColumnWidth(3, 170);
    auto *daysLabel = new QLabel(tr("&Days:"), this);
    daysLabel->setBuddy(m_days);
    auto *scansLabel = new QLabel(tr("&Scans of that day:"), this);
    scansLabel->setBuddy(m_scans);
    auto *left = new QVBoxLayout;
    left->addWidget(daysLabel);
    left->addWidget(m_days, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(scansLabel);
    right->addWidget(m_scans, 1);
    auto *row = new QHBoxLayout;
    row->addLayout(left, 1);
    row->addLayout(right, 4);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(buttons);
    resize(1100, 560);

    if (!m_journal) {
        m_days->addItem(tr("No journal is kept here (the demo keeps none)."));
        m_days->setEnabled(false);
        return;
    }
    for (const QDate &day : m_journal->days()) {
        auto *item = new QListWidgetItem(QLocale().toString(day, QLocale::LongFormat), m_days);
        item->setData(Qt::UserRole, day);
    }
    connect(m_days, &QListWidget::currentRowChanged, this, &HistoryBrowser::showDay);
    if (m_days->count() > 0)
        m_days->setCurrentRow(0);
}

void HistoryBrowser::showDay(int row)
{
    m_scans->setRowCount(0);
    QListWidgetItem *item = m_days->item(row);
    if (!item || !m_journal)
        return;
    const QDate day = item->data(Qt::UserRole).toDate();
    JournalQuery query;
    query.from = QDateTime(day, QTime(0, 0));
    query.to = QDateTime(day.addDays(1), QTime(0, 0));
    const std::vector<JournalIntent> intents = m_journal->intents(query);
    m_scans->setRowCount(static_cast<int>(intents.size()));
    for (int i = 0; i < static_cast<int>(intents.size()); ++i) {
        const JournalIntent &intent = intents[static_cast<size_t>(i)];
        const QString time =
            QLocale().toString(intent.createdAt.toLocalTime().time(), QLocale::ShortFormat);
        m_scans->setItem(i, 0, new QTableWidgetItem(time));
        m_scans->setItem(i, 1, new QTableWidgetItem(intent.barcode));
        m_scans->setItem(i, 2, new QTableWidgetItem(intent.title));
        auto *outcome = new QTableWidgetItem(intent.outcome ? outcomeStyle(*intent.outcome).word
                                                            : tr("Not finished"));
        if (intent.outcome)
            outcome->setIcon(outcomeIcon(*intent.outcome));
        m_scans->setItem(i, 3, outcome);
        m_scans->setItem(i, 4, new QTableWidgetItem(intent.message));
    }
}

} // namespace migdesk
