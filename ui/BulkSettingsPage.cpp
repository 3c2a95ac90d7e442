// BulkSettingsPage: see the header.
#include "BulkSettingsPage.h"

#include "FileChooser.h"
#include "bulk/BulkTypes.h"
#include "bulk/JobTemplate.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace migdesk {

BulkSettingsPage::BulkSettingsPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("bulkSettingsPage"));
    auto *form = new QFormLayout(this);
    m_missing = new QComboBox(this);
    m_missing->setObjectName(QStringLiteral("missingComboBox"));
    m_missing->setAccessibleName(tr("Mark Missing strategy"));
    m_missing->addItem(tr("Set + Change Physical Items job"), QStringLiteral("job"));
    m_missing->addItem(tr("Item update, verified"), QStringLiteral("put"));

    auto *where = new QLabel(
        tr("Job template: the shipped default is Alma's Change Physical items job, M18, with "
           "its Missing and Physical condition parameters (empty means the same). If your "
           "Alma differs, open Admin > Manage Jobs and Sets > Run a Job, choose <b>Change "
           "Physical items</b>, any itemized set and the change you want, then on <b>Review "
           "and Confirm</b> open <b>API information</b> and edit the template to match: "
           "<tt>{set_id}</tt> for the set, <tt>{missing_selected}</tt> and "
           "<tt>{condition_selected}</tt> (true or false) for the field to change, "
           "<tt>{condition_code}</tt> for the Damaged code (docs/BULK_JOBS.md)."),
        this);
    where->setObjectName(QStringLiteral("jobTemplateHelpLabel"));
    where->setWordWrap(true);
    m_template = new QPlainTextEdit(this);
    m_template->setObjectName(QStringLiteral("jobTemplateEdit"));
    m_template->setAccessibleName(tr("Change Physical Items job template (JSON)"));
    m_template->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_template->setTabChangesFocus(true);
    m_template->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_template->setPlaceholderText(
        QStringLiteral("{\"job_id\": \"M18\", \"name\": \"Change Physical items\",\n"
                       " \"parameter\": [{\"name\": {\"value\": \"set_id\"}, "
                       "\"value\": \"{set_id}\"}, ...]}"));
    m_templateStatus = new QLabel(this);
    m_templateStatus->setObjectName(QStringLiteral("jobTemplateStatusLabel"));
    m_templateStatus->setWordWrap(true);
    m_templateStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *loadButton = new QPushButton(tr("&Load from file…"), this);
    loadButton->setObjectName(QStringLiteral("jobTemplateLoadPushButton"));
    loadButton->setAutoDefault(false);
    connect(loadButton, &QPushButton::clicked, this, [this] {
        chooseFile(this, FileMode::Open, tr("Job template"), QString(),
                   tr("Job templates (*.json);;All (*)"),
                   [this](const QString &path) { loadTemplateFile(path); });
    });
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_templateStatus, 1);
    statusRow->addWidget(loadButton, 0, Qt::AlignTop);

    m_threshold = new QSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("damagedThresholdSpinBox"));
    m_threshold->setAccessibleName(tr("Damaged job threshold in items"));
    m_threshold->setRange(1, 1000000);
    m_threshold->setSuffix(tr(" items or more"));
    m_verify = new QComboBox(this);
    m_verify->setObjectName(QStringLiteral("bulkVerifyComboBox"));
    m_verify->setAccessibleName(tr("Verification after the job"));
    m_verify->addItem(tr("Re-read a sample of the items"), QStringLiteral("sample"));
    m_verify->addItem(tr("Re-read every item"), QStringLiteral("all"));
    m_sample = new QSpinBox(this);
    m_sample->setObjectName(QStringLiteral("bulkSampleSpinBox"));
    m_sample->setAccessibleName(tr("Sample size"));
    m_sample->setRange(1, 100000);
    m_sample->setSuffix(tr(" items"));
    auto *verifyRow = new QHBoxLayout;
    verifyRow->addWidget(m_verify, 1);
    verifyRow->addWidget(m_sample);
    m_keepSets = new QCheckBox(tr("Keep the set in Alma after the run"), this);
    m_keepSets->setObjectName(QStringLiteral("keepBulkSetsCheckBox"));
    m_keepSets->setToolTip(tr("Without it MigDesk deletes the set it created once the items "
                              "have been verified."));

    form->addRow(tr("Mark Missing:"), m_missing);
    form->addRow(where);
    form->addRow(tr("Job template:"), m_template);
    form->addRow(QString(), statusRow);
    form->addRow(tr("Damaged by the job from:"), m_threshold);
    form->addRow(tr("After the job:"), verifyRow);
    form->addRow(QString(), m_keepSets);

    connect(m_template, &QPlainTextEdit::textChanged, this, &BulkSettingsPage::checkTemplate);
    connect(m_verify, &QComboBox::currentIndexChanged, this, [this] {
        m_sample->setEnabled(m_verify->currentData().toString() == QLatin1String("sample"));
    });
    checkTemplate();
}

void BulkSettingsPage::load(const Settings &settings)
{
    m_conditionCode = settings.conditionCode();
    m_missing->setCurrentIndex(std::max(0, m_missing->findData(settings.missingStrategy())));
    const QString stored = settings.jobTemplate();
    m_template->setPlainText(stored.isEmpty() ? JobTemplate::changePhysicalItemsText() : stored);
    m_threshold->setValue(settings.damagedJobThreshold());
    const VerifyPolicy verify =
        VerifyPolicy::fromText(settings.bulkVerify()).value_or(VerifyPolicy{});
    m_verify->setCurrentIndex(verify.mode == VerifyPolicy::Mode::All ? 1 : 0);
    m_sample->setValue(verify.sampleSize);
    m_sample->setEnabled(verify.mode == VerifyPolicy::Mode::Sample);
    m_keepSets->setChecked(settings.keepBulkSets());
    checkTemplate();
}

bool BulkSettingsPage::save(Settings &settings)
{
    checkTemplate();
    if (!m_templateValid) {
        m_template->setFocus(Qt::OtherFocusReason);
        return false;
    }
    settings.setMissingStrategy(m_missing->currentData().toString());
    // The unchanged default is stored as empty, so a later release's default applies.
    const QString text = m_template->toPlainText().trimmed();
    settings.setJobTemplate(text == JobTemplate::changePhysicalItemsText().trimmed() ? QString()
                                                                                     : text);
    settings.setDamagedJobThreshold(m_threshold->value());
    VerifyPolicy verify;
    verify.mode = m_verify->currentData().toString() == QLatin1String("all")
                      ? VerifyPolicy::Mode::All
                      : VerifyPolicy::Mode::Sample;
    verify.sampleSize = m_sample->value();
    settings.setBulkVerify(verify.toText());
    settings.setKeepBulkSets(m_keepSets->isChecked());
    return true;
}

QString BulkSettingsPage::templateStatus() const
{
    return m_templateStatus->text();
}

bool BulkSettingsPage::loadTemplateFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024) {
        m_templateStatus->setText(tr("✖ Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_template->setPlainText(QString::fromUtf8(file.readAll()));
    return m_templateValid;
}

void BulkSettingsPage::checkTemplate()
{
    const QString text = m_template->toPlainText().trimmed();
    if (text.isEmpty()) {
        m_templateValid = true;
        m_templateStatus->setStyleSheet(QString());
        m_templateStatus->setText(tr("Empty: the shipped Change Physical items job (M18) is "
                                     "used."));
        return;
    }
    const Result<JobTemplate> parsed = JobTemplate::parse(text.toUtf8(), tr("template"));
    m_templateValid = parsed.isOk();
    if (!m_templateValid) {
        m_templateStatus->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_templateStatus->setText(tr("✖ %1").arg(parsed.error().message));
        return;
    }
    const JobTemplate &job = parsed.value();
    QString verdict =
        tr("✔ Runs the job \"%1\" (%2) with the parameters %3.")
            .arg(job.displayName(), job.jobId(), job.parameterNames().join(QStringLiteral(", ")));
    // Valid, but maybe unable to do one of the actions: say which.
    QStringList cannot;
    for (BulkAction action : {BulkAction::Missing, BulkAction::Damaged}) {
        if (!job.problemsFor(action, m_conditionCode).isEmpty())
            cannot << bulkActionLabel(action);
    }
    if (!cannot.isEmpty())
        verdict += QLatin1Char(' ') + tr("It cannot set: %1 (no placeholder or value for it).")
                                          .arg(cannot.join(QStringLiteral(", ")));
    m_templateStatus->setStyleSheet(QStringLiteral("color: #1b5e20;"));
    m_templateStatus->setText(verdict);
}

} // namespace migdesk
