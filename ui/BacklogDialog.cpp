// BacklogDialog: see the header.
#include "BacklogDialog.h"

#include "FileChooser.h"
#include "legacy/LegacyStatus.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace migdesk {

BacklogDialog::BacklogDialog(BacklogReader reader, const QString &missingStrategy,
                             int damagedThreshold, QWidget *parent)
    : QDialog(parent)
    , m_reader(std::move(reader))
    , m_missingStrategy(missingStrategy)
    , m_damagedThreshold(damagedThreshold)
{
    setObjectName(QStringLiteral("backlogDialog"));
    setWindowTitle(tr("Find migration items"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Open an Alma Analytics export of physical items (Barcode, "
                                "Process Type, Internal Note 1, Internal Note 3, … columns), or "
                                "read the report straight from Alma Analytics. MigDesk groups "
                                "the rows by legacy status and planned step; nothing is changed "
                                "in Alma from here."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *top = new QHBoxLayout;
    auto *open = new QPushButton(tr("&Open export…"), this);
    open->setObjectName(QStringLiteral("backlogOpenPushButton"));
    open->setAutoDefault(false);
    m_open = open;
    m_fromAnalytics = new QPushButton(tr("From Alma &Analytics…"), this);
    m_fromAnalytics->setObjectName(QStringLiteral("backlogAnalyticsPushButton"));
    m_fromAnalytics->setAutoDefault(false);
    m_fromAnalytics->setEnabled(false);
    m_fromAnalytics->setToolTip(tr("Needs a connection to Alma."));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("backlogModeComboBox"));
    m_mode->setAccessibleName(tr("Plan the items as"));
    m_mode->addItem(tr("Not in hand (follow-up)"), QStringLiteral("followup"));
    m_mode->addItem(tr("In hand (desk)"), QStringLiteral("desk"));
    m_file = new QLabel(tr("No export opened."), this);
    m_file->setObjectName(QStringLiteral("backlogFileLabel"));
    top->addWidget(open);
    top->addWidget(m_fromAnalytics);
    top->addWidget(m_mode);
    top->addWidget(m_file, 1);
    layout->addLayout(top);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("backlogTableWidget"));
    m_table->setAccessibleName(tr("Migration item groups"));
    m_table->setHorizontalHeaderLabels(
        {tr("Items"), tr("Legacy status"), tr("Planned steps"), tr("Best handled by")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("backlogMessageLabel"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("backlogProgressBar"));
    m_progress->setAccessibleName(tr("Rows read from Alma Analytics"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(true);
    m_cancel = new QPushButton(tr("&Stop reading"), this);
    m_cancel->setObjectName(QStringLiteral("backlogCancelPushButton"));
    m_cancel->setAutoDefault(false);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    layout->addLayout(progressRow);
    m_progress->hide();
    m_cancel->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_followUp =
        buttons->addButton(tr("Send to the &follow-up list"), QDialogButtonBox::ActionRole);
    m_followUp->setObjectName(QStringLiteral("backlogFollowUpPushButton"));
    m_job = buttons->addButton(tr("Send to the bulk &job"), QDialogButtonBox::ActionRole);
    m_job->setObjectName(QStringLiteral("backlogJobPushButton"));
    layout->addWidget(buttons);

    connect(open, &QPushButton::clicked, this, [this] {
        chooseFile(this, FileMode::Open, tr("Open an Analytics export"), QString(),
                   tr("CSV (*.csv *.txt);;All (*)"),
                   [this](const QString &path) { openFile(path); });
    });
    connect(m_fromAnalytics, &QPushButton::clicked, this, &BacklogDialog::chooseReport);
    connect(m_cancel, &QPushButton::clicked, this, &BacklogDialog::cancelReading);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        if (m_source == Source::File)
            read();
        else if (m_source == Source::Analytics)
            readAnalytics(m_analyticsPath);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &BacklogDialog::selectionChanged);
    connect(m_followUp, &QPushButton::clicked, this,
            [this] { sendToFollowUp(m_table->currentRow()); });
    connect(m_job, &QPushButton::clicked, this, [this] { sendToJob(m_table->currentRow()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    selectionChanged();
    resize(820, 520);
}

bool BacklogDialog::openFile(const QString &path)
{
    if (isReading())
        cancelReading();
    m_path = path;
    m_source = Source::File;
    read();
    return m_backlog.ok();
}

WorkMode BacklogDialog::mode() const
{
    return m_mode->currentData().toString() == QLatin1String("desk") ? WorkMode::Desk
                                                                     : WorkMode::Followup;
}

void BacklogDialog::read()
{
    m_backlog = m_reader.readFile(m_path, mode());
    m_file->setText(QFileInfo(m_path).fileName());
    showSummary();
    if (!m_backlog.ok())
        return;
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        BacklogTally tally(m_reader.noteParser());
        tally.readCsv(file.readAll());
        Q_EMIT snapshotTaken(
            tally.snapshot(QDateTime::currentDateTimeUtc(), QFileInfo(m_path).fileName()));
    }
}

void BacklogDialog::showSummary()
{
    showGroups();
    if (!m_backlog.ok()) {
        say(m_backlog.error, true);
        return;
    }
    QString text = tr("%1 rows, %2 migration items in %3 groups.")
                       .arg(m_backlog.rows)
                       .arg(m_backlog.migrationRows)
                       .arg(m_backlog.groups.size());
    if (!m_backlog.problems.empty())
        text += QLatin1Char(' ') + tr("%n row(s) skipped (no barcode or a duplicate).", nullptr,
                                      int(m_backlog.problems.size()));
    for (const QString &warning : m_backlog.warnings)
        text += QLatin1Char(' ') + warning;
    say(text);
}

void BacklogDialog::showGroups()
{
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(m_backlog.groups.size()));
    int row = 0;
    for (const BacklogGroup &group : m_backlog.groups) {
        QStringList statuses;
        for (const QString &id : group.statusIds)
            statuses << (group.route == BacklogRoute::NotMigration ? tr("process type %1").arg(id)
                                                                   : legacyStatusLabel(id));
        QStringList steps;
        for (const QString &step : group.steps) {
            const auto type = stepTypeFromName(step);
            steps << (type ? stepTypeLabel(*type) : step);
        }
        auto *count = new QTableWidgetItem;
        count->setData(Qt::DisplayRole, static_cast<int>(group.barcodes.size()));
        m_table->setItem(row, CountColumn, count);
        m_table->setItem(row, StatusColumn,
                         new QTableWidgetItem(statuses.join(QStringLiteral(" + "))));
        m_table->setItem(row, StepsColumn,
                         new QTableWidgetItem(steps.isEmpty() ? tr("nothing")
                                                              : steps.join(QStringLiteral(", "))));
        auto *route = new QTableWidgetItem(backlogRouteLabel(group.route));
        route->setToolTip(group.explanation);
        m_table->setItem(row, RouteColumn, route);
        ++row;
    }
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
    selectionChanged();
}

const BacklogGroup *BacklogDialog::groupAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_backlog.groups.size()))
        return nullptr;
    return &m_backlog.groups[static_cast<size_t>(row)];
}

QString BacklogDialog::message() const
{
    return m_message->text();
}

void BacklogDialog::say(const QString &text, bool problem)
{
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
    m_message->setText(text);
}

std::optional<BulkAction> BacklogDialog::jobActionFor(const BacklogGroup &group, QString *why) const
{
    const bool missing = group.steps.contains(stepTypeName(StepType::MarkMissing));
    const bool condition = group.steps.contains(stepTypeName(StepType::SetCondition));
    auto refuse = [why](const QString &reason) -> std::optional<BulkAction> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (group.route == BacklogRoute::Job || (missing && group.route != BacklogRoute::Staff)) {
        if (m_missingStrategy == QLatin1String("put"))
            return refuse(tr("Mark Missing uses item updates in the settings, not the job: send "
                             "the group to the follow-up list or a batch."));
        if (condition)
            return refuse(tr("These items need a condition and Missing: the job does one change "
                             "at a time; use the follow-up list."));
        return BulkAction::Missing;
    }
    if (condition && group.route != BacklogRoute::Staff) {
        if (group.barcodes.size() < m_damagedThreshold)
            return refuse(tr("%1 is below the Damaged job threshold (%2): the condition is set "
                             "item by item; send the group to the follow-up list or a batch.")
                              .arg(bulkItemCount(int(group.barcodes.size())))
                              .arg(m_damagedThreshold));
        return BulkAction::Damaged;
    }
    return refuse(
        tr("This group is not handled by a bulk job (%1).").arg(backlogRouteLabel(group.route)));
}

void BacklogDialog::selectionChanged()
{
    const BacklogGroup *group = groupAt(m_table->currentRow());
    m_followUp->setEnabled(group && group->route != BacklogRoute::NotMigration);
    QString why;
    m_job->setEnabled(group && jobActionFor(*group, &why).has_value());
    m_job->setToolTip(why);
}

bool BacklogDialog::sendToFollowUp(int row)
{
    const BacklogGroup *group = groupAt(row);
    if (!group || group->route == BacklogRoute::NotMigration) {
        say(tr("Choose a group of migration items first."), true);
        return false;
    }
    const QString summary = tr("%1 from the export (%2) to work through.")
                                .arg(bulkItemCount(int(group->barcodes.size())),
                                     m_table->item(row, StatusColumn)->text());
    Q_EMIT followUpRequested(group->barcodes, summary);
    say(tr("Sent to the follow-up list: %1").arg(summary));
    return true;
}

bool BacklogDialog::sendToJob(int row)
{
    const BacklogGroup *group = groupAt(row);
    if (!group) {
        say(tr("Choose a group first."), true);
        return false;
    }
    QString why;
    const auto action = jobActionFor(*group, &why);
    if (!action) {
        say(why, true);
        return false;
    }
    Q_EMIT jobRequested(*action, group->barcodes);
    QString text = tr("%1 added to the %2 job: run it from Alma jobs > Run the %2 job.")
                       .arg(bulkItemCount(int(group->barcodes.size())), bulkActionLabel(*action));
    if (*action == BulkAction::Damaged && group->steps.size() > 1)
        text += QLatin1Char(' ') + tr("The job sets only the physical condition; the other "
                                      "planned steps are left for the desk or a batch.");
    say(text);
    return true;
}

} // namespace migdesk
