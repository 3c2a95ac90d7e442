// AnalyticsPathDialog: see the header.
#include "AnalyticsPathDialog.h"

#include "alma/ErrorMessages.h"
#include "analytics/AnalyticsCalls.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace migdesk {

namespace {

constexpr int kPathRole = Qt::UserRole;
constexpr int kReportRole = Qt::UserRole + 1;
constexpr int kListedRole = Qt::UserRole + 2;

} // namespace

AnalyticsPathDialog::AnalyticsPathDialog(AlmaClient *client, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("analyticsPathDialog"));
    setWindowTitle(tr("From Alma Analytics"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The Analytics report of the migration items: subject area "
                                "Physical Items, columns Barcode, Process Type, Internal Note 1 "
                                "and 3, Title, Permanent Call Number, Library, Location, filtered "
                                "on Process Type = Technical - Migration (see the user guide)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("Report &path:"), this);
    m_path = new QLineEdit(path, this);
    m_path->setObjectName(QStringLiteral("analyticsPathLineEdit"));
    m_path->setPlaceholderText(tr("/shared/<Institution>/Reports/Migration items"));
    label->setBuddy(m_path);
    m_browse = new QPushButton(tr("&Browse Analytics"), this);
    m_browse->setObjectName(QStringLiteral("analyticsBrowsePushButton"));
    m_browse->setAutoDefault(false);
    row->addWidget(label);
    row->addWidget(m_path, 1);
    row->addWidget(m_browse);
    layout->addLayout(row);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("analyticsPathTreeWidget"));
    m_tree->setAccessibleName(tr("Analytics folders and reports"));
    m_tree->setHeaderLabels({tr("Name"), tr("Kind")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    layout->addWidget(m_tree, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("analyticsPathStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Read the report"));
    layout->addWidget(buttons);

    connect(m_browse, &QPushButton::clicked, this, &AnalyticsPathDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &AnalyticsPathDialog::updateOk);
    connect(m_tree, &QTreeWidget::itemExpanded, this, [this](QTreeWidgetItem *item) {
        if (!item->data(0, kListedRole).toBool())
            list(item, item->data(0, kPathRole).toString());
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { onCurrentChanged(current); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, kReportRole).toBool() && m_ok->isEnabled())
            accept();
        else
            item->setExpanded(!item->isExpanded());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
    resize(640, 460);
}

QString AnalyticsPathDialog::path() const
{
    return m_path->text().trimmed();
}

void AnalyticsPathDialog::browse()
{
    ++m_generation;
    m_tree->clear();
    list(nullptr, QString());
    m_tree->setFocus(Qt::OtherFocusReason);
}

void AnalyticsPathDialog::list(QTreeWidgetItem *folder, const QString &path)
{
    if (folder)
        folder->setData(0, kListedRole, true);
    m_status->setText(tr("Asking Alma for %1…").arg(path.isEmpty() ? tr("the catalog") : path));
    auto *reply = requestAnalyticsPaths(m_client, path);
    const int generation = m_generation;
    connect(reply, &AlmaReply::finished, this, [this, reply, folder, path, generation] {
        if (generation != m_generation)
            return; // the tree was listed again meanwhile: `folder` is gone
        if (!reply->isOk()) {
            m_status->setText(
                tr("Alma could not list %1: %2")
                    .arg(path.isEmpty() ? tr("the catalog") : path, userMessage(reply->error())));
            if (folder)
                folder->setData(0, kListedRole, false);
            return;
        }
        if (folder)
            qDeleteAll(folder->takeChildren());
        for (const AnalyticsPathEntry &entry : reply->entries()) {
            auto *item =
                new QTreeWidgetItem({entry.name, entry.isReport ? tr("Report") : tr("Folder")});
            item->setData(0, kPathRole, entry.path);
            item->setData(0, kReportRole, entry.isReport);
            item->setToolTip(0, entry.path);
            if (!entry.isReport)
                item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
            if (folder)
                folder->addChild(item);
            else
                m_tree->addTopLevelItem(item);
        }
        if (!folder && m_tree->topLevelItemCount() > 0)
            m_tree->setCurrentItem(m_tree->topLevelItem(0));
        m_status->setText(reply->entries().empty()
                              ? tr("%1 is empty.").arg(path.isEmpty() ? tr("The catalog") : path)
                              : tr("Open a folder with the right arrow key; choose a report."));
    });
}

void AnalyticsPathDialog::onCurrentChanged(QTreeWidgetItem *item)
{
    if (item && item->data(0, kReportRole).toBool())
        m_path->setText(item->data(0, kPathRole).toString());
}

void AnalyticsPathDialog::updateOk()
{
    const QString problem = checkAnalyticsPath(path());
    m_ok->setEnabled(problem.isEmpty());
    m_ok->setToolTip(problem);
}

} // namespace migdesk
