// BulkJobDialog: see the header.
#include "BulkJobDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace migdesk {

namespace {
QLabel *valueLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}
} // namespace

BulkJobDialog::BulkJobDialog(const BulkConfirmation &confirmation, QWidget *parent)
    : QDialog(parent)
    , m_confirmation(confirmation)
{
    setObjectName(QStringLiteral("bulkJobDialog"));
    setWindowTitle(confirmation.title());
    auto *layout = new QVBoxLayout(this);
    auto *heading =
        new QLabel(QStringLiteral("<b>%1?</b>").arg(confirmation.title().toHtmlEscaped()), this);
    heading->setObjectName(QStringLiteral("bulkJobHeadingLabel"));
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto *form = new QFormLayout;
    const QString job =
        confirmation.jobId.isEmpty()
            ? tr("none configured")
            : (confirmation.jobName.isEmpty() || confirmation.jobName == confirmation.jobId
                   ? confirmation.jobId
                   : tr("%1 (%2)").arg(confirmation.jobName, confirmation.jobId));
    form->addRow(tr("Items:"), valueLabel(bulkItemCount(confirmation.itemCount),
                                          QStringLiteral("bulkJobItemsLabel"), this));
    form->addRow(tr("Change to make:"),
                 valueLabel(confirmation.actionLabel, QStringLiteral("bulkJobActionLabel"), this));
    form->addRow(tr("Alma job:"), valueLabel(job, QStringLiteral("bulkJobJobLabel"), this));
    form->addRow(tr("New set:"),
                 valueLabel(confirmation.setName, QStringLiteral("bulkJobSetLabel"), this));
    if (!confirmation.stampField.isEmpty())
        form->addRow(tr("Stamp in:"), valueLabel(confirmation.stampField,
                                                 QStringLiteral("bulkJobStampLabel"), this));
    layout->addLayout(form);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("bulkJobTextLabel"));
    m_text->setWordWrap(true);
    m_text->setText(confirmation.text());
    layout->addWidget(m_text);
    if (!confirmation.problems.isEmpty()) {
        auto *problems = new QLabel(
            tr("It cannot start: %1").arg(confirmation.problems.join(QLatin1Char(' '))), this);
        problems->setObjectName(QStringLiteral("bulkJobProblemsLabel"));
        problems->setWordWrap(true);
        problems->setStyleSheet(QStringLiteral("color: #b00020;"));
        layout->addWidget(problems);
    }
    auto *note = new QLabel(tr("The job runs in Alma; you can keep scanning meanwhile. If "
                               "MigDesk is closed, the job is followed again on the next start."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(this);
    m_run = buttons->addButton(tr("&Run the job"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("bulkJobRunPushButton"));
    m_run->setEnabled(confirmation.problems.isEmpty());
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("bulkJobCancelPushButton"));
    // Enter must not start a job by accident (a scanner sends Enter): Cancel is the default.
    cancel->setDefault(true);
    m_run->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QString BulkJobDialog::text() const
{
    QStringList lines{m_confirmation.title(), m_text->text()};
    return lines.join(QLatin1Char('\n'));
}

} // namespace migdesk
