// FollowUpPanel: the two tabs and their buttons; file dialogs and printing are the
// controller's, so this panel stays testable without dialogs.
#include "FollowUpPanel.h"

#include "OutcomeStyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace migdesk {

namespace {
QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}
} // namespace

FollowUpPanel::FollowUpPanel(QWidget *parent)
    : QTabWidget(parent)
    , m_progress(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_shelfTable(new QTableWidget(0, 6, this))
    , m_shelfCount(new QLabel(this))
{
    setObjectName(QStringLiteral("followUpTabWidget"));
    setAccessibleName(tr("Follow-up"));

    auto *work = new QWidget(this);
    m_progress->setObjectName(QStringLiteral("followUpProgressLabel"));
    QFont big = m_progress->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_progress->setFont(big);
    m_summary->setObjectName(QStringLiteral("followUpSummaryLabel"));
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("followUpListWidget"));
    m_list->setAccessibleName(tr("Work list"));
    auto *import =
        makeButton(tr("&Import list… (Ctrl+I)"), QStringLiteral("importPushButton"), work);
    m_nextButton = makeButton(tr("Ne&xt item (Ctrl+N)"), QStringLiteral("nextPushButton"), work);
    connect(import, &QPushButton::clicked, this, &FollowUpPanel::importRequested);
    connect(m_nextButton, &QPushButton::clicked, this, &FollowUpPanel::nextRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(import);
    buttons->addWidget(m_nextButton);
    auto *workLayout = new QVBoxLayout(work);
    workLayout->addLayout(buttons);
    workLayout->addWidget(m_summary);
    workLayout->addWidget(m_list, 1);
    addTab(work, tr("W&ork list"));

    auto *shelf = new QWidget(this);
    m_shelfTable->setObjectName(QStringLiteral("shelfListTableWidget"));
    m_shelfTable->setAccessibleName(tr("Shelf-search list"));
    m_shelfTable->setHorizontalHeaderLabels({tr("Library"), tr("Location"), tr("Call number"),
                                             tr("Barcode"), tr("Title"), tr("Found")});
    m_shelfTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_shelfTable->setTabKeyNavigation(false); // Tab leaves the table: no keyboard trap
    m_shelfTable->verticalHeader()->hide();
    m_shelfTable->horizontalHeader()->setStretchLastSection(true);
    m_shelfCount->setObjectName(QStringLiteral("shelfCountLabel"));
    auto *print = makeButton(tr("Print… (Ctrl+P)"), QStringLiteral("printPushButton"), shelf);
    auto *pdf = makeButton(tr("Save as &PDF…"), QStringLiteral("pdfPushButton"), shelf);
    auto *csv = makeButton(tr("Export &CSV…"), QStringLiteral("shelfCsvPushButton"), shelf);
    connect(print, &QPushButton::clicked, this, &FollowUpPanel::printRequested);
    connect(pdf, &QPushButton::clicked, this, &FollowUpPanel::pdfRequested);
    connect(csv, &QPushButton::clicked, this, &FollowUpPanel::csvRequested);
    auto *shelfButtons = new QHBoxLayout;
    shelfButtons->addWidget(m_shelfCount, 1);
    shelfButtons->addWidget(print);
    shelfButtons->addWidget(pdf);
    shelfButtons->addWidget(csv);
    auto *shelfLayout = new QVBoxLayout(shelf);
    shelfLayout->addLayout(shelfButtons);
    shelfLayout->addWidget(m_shelfTable, 1);
    addTab(shelf, tr("&Shelf-search list"));

    setShelfRows({});
    updateProgress();
}

void FollowUpPanel::setWorkList(const QStringList &barcodes, const QString &summary)
{
    m_barcodes = barcodes;
    m_next = 0;
    m_worked = 0;
    m_list->clear();
    for (const QString &barcode : barcodes)
        m_list->addItem(barcode);
    m_summary->setText(summary);
    updateProgress();
}

QString FollowUpPanel::takeNext()
{
    if (m_next >= m_barcodes.size())
        return {};
    const QString barcode = m_barcodes.at(m_next);
    m_list->setCurrentRow(m_next);
    ++m_next;
    updateProgress();
    Q_EMIT taken(barcode);
    return barcode;
}

void FollowUpPanel::markWorked(const QString &barcode, Outcome outcome)
{
    const int row = static_cast<int>(m_barcodes.indexOf(barcode));
    if (row < 0)
        return;
    QListWidgetItem *item = m_list->item(row);
    if (item->data(Qt::UserRole).toBool() == false)
        ++m_worked;
    item->setData(Qt::UserRole, true);
    // The outcome's SVG icon and word: a symbol character may be missing from the font.
    item->setIcon(outcomeIcon(outcome));
    item->setText(tr("%1   %2").arg(barcode, outcomeStyle(outcome).word));
    updateProgress();
}

QString FollowUpPanel::progressText() const
{
    return m_progress->text();
}

void FollowUpPanel::updateProgress()
{
    if (m_barcodes.isEmpty()) {
        m_progress->setText(tr("No list imported"));
    } else {
        m_progress->setText(tr("%1 of %2").arg(m_worked).arg(m_barcodes.size()));
    }
    m_nextButton->setEnabled(m_next < m_barcodes.size());
}

void FollowUpPanel::setShelfRows(const std::vector<ShelfRow> &rows)
{
    m_shelfRows = rows;
    m_shelfTable->setRowCount(static_cast<int>(rows.size()));
    int open = 0;
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const ShelfRow &row = rows.at(static_cast<size_t>(r));
        const QStringList cells = {row.library,    row.location,
                                   row.callNumber, row.barcode,
                                   row.title,      row.found ? tr("✔ found") : QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_shelfTable->setItem(r, c, new QTableWidgetItem(cells.at(c)));
        if (!row.found)
            ++open;
    }
    m_shelfTable->resizeColumnsToContents();
    m_shelfCount->setText(
        tr("%1 to look for, %2 found").arg(open).arg(static_cast<int>(rows.size()) - open));
}

} // namespace migdesk
