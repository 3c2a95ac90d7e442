// HistoryPanel: wires the filter widgets to HistoryFilter and writes the CSV exports.
#include "HistoryPanel.h"

#include "CsvText.h"
#include "HistoryFilter.h"
#include "HistoryModel.h"
#include "OutcomeStyle.h"
#include "TextFile.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace migdesk {

HistoryPanel::HistoryPanel(HistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new HistoryFilter(this))
    , m_outcomeCombo(new QComboBox(this))
    , m_textEdit(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_undoAction(new QAction(tr("&Undo this change…"), this))
{
    setObjectName(QStringLiteral("historyWidget"));
    m_filter->setSourceModel(model);

    auto *title = new QLabel(tr("Session"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_outcomeCombo->setObjectName(QStringLiteral("historyOutcomeComboBox"));
    m_outcomeCombo->setAccessibleName(tr("Show outcome"));
    m_outcomeCombo->addItem(tr("All outcomes"), -1);
    for (Outcome outcome : countedOutcomes())
        m_outcomeCombo->addItem(outcomeIcon(outcome), outcomeStyle(outcome).word,
                                static_cast<int>(outcome));
    m_textEdit->setObjectName(QStringLiteral("historyFilterLineEdit"));
    m_textEdit->setAccessibleName(tr("Filter history"));
    m_textEdit->setPlaceholderText(tr("Filter: barcode, title, status…"));
    m_textEdit->setClearButtonEnabled(true);
    auto *exportButton = new QPushButton(tr("&Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportPushButton"));
    exportButton->setAutoDefault(false);
    exportButton->setAccessibleName(tr("Export the session history as CSV"));

    m_view->setObjectName(QStringLiteral("historyTableView"));
    m_view->setAccessibleName(tr("Session history"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false); // Tab leaves the table: no keyboard trap
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(HistoryModel::TimeColumn, 80);
    m_view->setColumnWidth(HistoryModel::BarcodeColumn, 150);
    m_view->setColumnWidth(HistoryModel::TitleColumn, 260);
    m_view->setColumnWidth(HistoryModel::StatusColumn, 140);
    m_view->setColumnWidth(HistoryModel::ActionColumn, 180);
    m_view->setColumnWidth(HistoryModel::OutcomeColumn, 150);
    m_view->setColumnWidth(HistoryModel::AlmaColumn, 320);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_undoAction->setObjectName(QStringLiteral("undoChangeAction"));
    m_undoAction->setShortcut(QKeySequence(tr("Ctrl+Shift+Z")));
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_undoAction);
    connect(m_undoAction, &QAction::triggered, this, &HistoryPanel::requestUndo);
    connect(m_view, &QWidget::customContextMenuRequested, this, &HistoryPanel::showContextMenu);

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addSpacing(12);
    bar->addWidget(m_outcomeCombo);
    bar->addWidget(m_textEdit, 1);
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_outcomeCombo, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_outcomeCombo->currentData().toInt();
        m_filter->setOutcome(value < 0 ? std::nullopt
                                       : std::optional<Outcome>(static_cast<Outcome>(value)));
    });
    connect(m_textEdit, &QLineEdit::textChanged, m_filter, &HistoryFilter::setText);
    connect(exportButton, &QPushButton::clicked, this, &HistoryPanel::exportRequested);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT rowActivated(index.data(HistoryModel::RecordIdRole).toLongLong());
    });
}

void HistoryPanel::showContextMenu(const QPoint &at)
{
    const QModelIndex index = m_view->indexAt(at);
    if (!index.isValid() || !m_undoCheck)
        return;
    m_view->setCurrentIndex(index);
    const QString why = m_undoCheck(index.data(HistoryModel::IntentIdRole).toLongLong());
    QMenu menu(this);
    QAction *undo = menu.addAction(m_undoAction->text(), this, &HistoryPanel::requestUndo);
    undo->setShortcut(m_undoAction->shortcut());
    undo->setEnabled(why.isEmpty());
    if (!why.isEmpty()) {
        QAction *reason = menu.addAction(why);
        reason->setEnabled(false);
    }
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

void HistoryPanel::requestUndo()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const QModelIndex title = index.siblingAtColumn(HistoryModel::TitleColumn);
    Q_EMIT undoRequested(index.data(HistoryModel::IntentIdRole).toLongLong(),
                         title.data().toString());
}

bool HistoryPanel::exportTo(const QString &path, QString *error) const
{
    if (!writeTextFile(path, historyCsv(m_model->rows()).toUtf8(), error))
        return false;
    const QFileInfo info(path);
    const QString summary =
        info.dir().filePath(info.completeBaseName() + QStringLiteral("-summary.csv"));
    return writeTextFile(summary, historySummaryCsv(m_model->rows()).toUtf8(), error);
}

} // namespace migdesk
