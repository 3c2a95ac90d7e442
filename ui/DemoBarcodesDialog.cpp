// DemoBarcodesDialog: a read-only table; accept() carries the chosen barcode out.
#include "DemoBarcodesDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace migdesk {

DemoBarcodesDialog::DemoBarcodesDialog(const std::vector<DemoBarcode> &examples, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(static_cast<int>(examples.size()), 2, this))
{
    setObjectName(QStringLiteral("demoBarcodesDialog"));
    setWindowTitle(tr("Demo barcodes"));
    m_table->setObjectName(QStringLiteral("demoBarcodesTableWidget"));
    m_table->setAccessibleName(tr("Demo barcodes and what they show"));
    m_table->setHorizontalHeaderLabels({tr("Barcode"), tr("What it shows")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < static_cast<int>(examples.size()); ++row) {
        const DemoBarcode &example = examples.at(static_cast<size_t>(row));
        m_table->setItem(row, 0, new QTableWidgetItem(example.barcode));
        m_table->setItem(row, 1, new QTableWidgetItem(example.scenario));
    }
    m_table->resizeColumnToContents(0);
    if (!examples.empty())
        m_table->selectRow(0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *scan = buttons->addButton(tr("Scan this barcode"), QDialogButtonBox::AcceptRole);
    scan->setObjectName(QStringLiteral("scanDemoPushButton"));
    auto accept = [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_chosen = m_table->item(row, 0)->text();
        QDialog::accept();
    };
    connect(scan, &QPushButton::clicked, this, accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::activated, this, accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(820, 560);
    m_table->setFocus();
}

} // namespace migdesk
