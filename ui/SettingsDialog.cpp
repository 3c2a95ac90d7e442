// SettingsDialog: a tabbed form over Settings; the key goes through SecretStore only.
#include "SettingsDialog.h"
#include "StampSettingsBox.h"

#include "BulkSettingsPage.h"
#include "ConnectionTester.h"
#include "FileChooser.h"
#include "NetworkSettingsPage.h"
#include "ReviewHandlingBox.h"
#include "ScannerSettingsPage.h"
#include "alma/Region.h"
#include "legacy/LegacyStatus.h"
#include "settings/SecretStore.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace migdesk {

namespace {
QLineEdit *lineEdit(QWidget *parent, const QString &objectName, const QString &accessible)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessible);
    return edit;
}

QComboBox *choiceCombo(QWidget *parent, const QString &objectName, const QString &accessible,
                       const std::vector<std::pair<QString, QString>> &items)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessible);
    for (const auto &[value, label] : items)
        combo->addItem(label, value);
    return combo;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}
} // namespace

SettingsDialog::SettingsDialog(Settings *settings, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_tester(new ConnectionTester(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("MigDesk settings"));
    auto *tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->setObjectName(QStringLiteral("settingsTabWidget"));
    tabs->addTab(buildAlmaPage(), tr("&Alma"));
    tabs->addTab(buildDeskPage(), tr("&Desk"));
    // The Rules page is the tallest: it scrolls rather than push the buttons off a small screen.
    auto *rulesScroll = new QScrollArea(tabs);
    rulesScroll->setObjectName(QStringLiteral("rulesScrollArea"));
    rulesScroll->setWidgetResizable(true);
    rulesScroll->setFrameShape(QFrame::NoFrame);
    rulesScroll->setWidget(buildRulesPage());
    tabs->addTab(rulesScroll, tr("&Rules"));
    m_bulkPage = new BulkSettingsPage(tabs);
    tabs->addTab(m_bulkPage, tr("&Bulk jobs"));
    m_scannerPage = new ScannerSettingsPage(tabs);
    tabs->addTab(m_scannerPage, tr("&Scanner"));
    tabs->addTab(buildFeedbackPage(), tr("S&ound and display"));
    m_networkPage = new NetworkSettingsPage(tabs);
    tabs->addTab(m_networkPage, tr("&Network"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    m_codeProblems = new QLabel(this);
    m_codeProblems->setObjectName(QStringLiteral("codeProblemsLabel"));
    m_codeProblems->setWordWrap(true);
    m_codeProblems->hide();
    layout->addWidget(m_codeProblems);
    layout->addWidget(buttons);
    connect(m_tester, &ConnectionTester::finished, this,
            [this](bool canRead, bool, const QString &summary) {
                m_testResult->setText(summary);
                if (canRead)
                    offerAlmaCodes();
            });
    load();
    resize(720, 560);
}

QStringList SettingsDialog::workOrderStatuses()
{
    return {QStringLiteral("CATALOG_REVIEW"),   QStringLiteral("CIRCULATION_REVIEW"),
            QStringLiteral("IN_PROCESS"),       QStringLiteral("IN_TECHNICAL_SERVICES"),
            QStringLiteral("IN_IT_DEPARTMENT"), QStringLiteral("AT_BINDERY"),
            QStringLiteral("REPAIR"),           QStringLiteral("DAMAGED")};
}

QWidget *SettingsDialog::buildAlmaPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_region = choiceCombo(page, QStringLiteral("regionComboBox"), tr("Alma region"),
                           {{QStringLiteral("na"), tr("North America")},
                            {QStringLiteral("eu"), tr("Europe")},
                            {QStringLiteral("ap"), tr("Asia Pacific")},
                            {QStringLiteral("aps"), tr("Asia Pacific South")},
                            {QStringLiteral("ca"), tr("Canada")},
                            {QStringLiteral("cn"), tr("China")},
                            {QStringLiteral("custom"), tr("Custom URL")}});
    m_environment =
        choiceCombo(page, QStringLiteral("environmentComboBox"), tr("Alma environment of the key"),
                    {{QStringLiteral("production"), tr("Production")},
                     {QStringLiteral("sandbox"), tr("Sandbox")}});
    m_customUrl = lineEdit(page, QStringLiteral("customUrlLineEdit"), tr("Custom Alma URL"));
    m_customUrl->setPlaceholderText(QStringLiteral("https://"));
    m_apiKey = lineEdit(page, QStringLiteral("apiKeyLineEdit"), tr("Alma API key"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("leave empty to keep the stored key"));
    m_keyState = new QLabel(page);
    m_keyState->setObjectName(QStringLiteral("keyStateLabel"));
    m_keyState->setWordWrap(true);
    auto *test = new QPushButton(tr("&Test connection"), page);
    test->setObjectName(QStringLiteral("testConnectionPushButton"));
    test->setAutoDefault(false);
    m_testResult = new QLabel(page);
    m_testResult->setObjectName(QStringLiteral("testResultLabel"));
    m_testResult->setWordWrap(true);
    m_codesSummary = new QLabel(page);
    m_codesSummary->setObjectName(QStringLiteral("almaCodesLabel"));
    m_codesSummary->setWordWrap(true);
    m_codesSummary->hide();
    form->addRow(tr("Region:"), m_region);
    form->addRow(tr("Custom URL:"), m_customUrl);
    form->addRow(tr("Environment:"), m_environment);
    form->addRow(tr("API key:"), m_apiKey);
    form->addRow(QString(), m_keyState);
    form->addRow(test, m_testResult);
    form->addRow(QString(), m_codesSummary);
    auto *note = new QLabel(tr("The key is kept in the system keychain, never in the settings"
                               " file. Changes to the connection apply when MigDesk restarts."),
                            page);
    note->setWordWrap(true);
    form->addRow(note);
    connect(m_region, &QComboBox::currentIndexChanged, this, [this] {
        m_customUrl->setEnabled(m_region->currentData().toString() == QLatin1String("custom"));
    });
    connect(test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    return page;
}

QWidget *SettingsDialog::buildDeskPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_operator = lineEdit(page, QStringLiteral("operatorLineEdit"), tr("Operator"));
    m_operator->setToolTip(tr("The name or initials the journal records with every scan (also "
                              "File > Change operator)."));
    m_library = lineEdit(page, QStringLiteral("libraryLineEdit"), tr("Library code"));
    m_circDesk = lineEdit(page, QStringLiteral("circDeskLineEdit"), tr("Circulation desk code"));
    m_autoApply = new QCheckBox(tr("Apply safe steps automatically (Return, condition, notes,"
                                   " work orders)"),
                                page);
    m_autoApply->setObjectName(QStringLiteral("autoApplyCheckBox"));
    m_oneAtATime =
        new QCheckBox(tr("One item at a time: later scans wait while staff answer"), page);
    m_oneAtATime->setObjectName(QStringLiteral("oneAtATimeCheckBox"));
    m_oneAtATime->setToolTip(tr("Off (the default): later scans are looked up and applied while "
                                "an item waits for you, and show in the history."));
    m_startInFollowUp = new QCheckBox(
        tr("Start in follow-up mode (items not in hand) instead of at the desk"), page);
    m_startInFollowUp->setObjectName(QStringLiteral("startInFollowUpCheckBox"));
    m_dryRun = new QCheckBox(tr("Dry run: look up and plan, write nothing"), page);
    m_dryRun->setObjectName(QStringLiteral("dryRunCheckBox"));
    form->addRow(tr("Operator:"), m_operator);
    form->addRow(tr("Library code:"), m_library);
    form->addRow(tr("Circulation desk code:"), m_circDesk);
    form->addRow(m_autoApply);
    form->addRow(m_oneAtATime);
    form->addRow(m_startInFollowUp);
    form->addRow(m_dryRun);
    return page;
}

QWidget *SettingsDialog::buildRulesPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_condition = lineEdit(page, QStringLiteral("conditionLineEdit"), tr("Damaged condition code"));
    m_sourceIls = choiceCombo(page, QStringLiteral("sourceIlsComboBox"), tr("Source ILS"),
                              {{QStringLiteral("auto"), tr("Not set: read Internal Notes 1 and 3")},
                               {QStringLiteral("voyager"), QStringLiteral("Voyager")},
                               {QStringLiteral("sierra"), QStringLiteral("Sierra")},
                               {QStringLiteral("koha"), QStringLiteral("Koha")},
                               {QStringLiteral("symphony"), QStringLiteral("Symphony")}});
    const std::vector<std::pair<QString, QString>> policies = {
        {QStringLiteral("retain"), tr("Keep")},
        {QStringLiteral("delete"), tr("Delete when empty")},
        {QStringLiteral("suppress"), tr("Suppress")}};
    m_holdings = choiceCombo(page, QStringLiteral("holdingsComboBox"),
                             tr("Holdings record on withdraw"), policies);
    m_bib = choiceCombo(page, QStringLiteral("bibComboBox"), tr("Bibliographic record on withdraw"),
                        policies);
    m_rulesFile = lineEdit(page, QStringLiteral("rulesFileLineEdit"), tr("Rules file"));
    m_rulesFile->setPlaceholderText(tr("the shipped rules"));
    auto *browse = new QPushButton(tr("Bro&wse…"), page);
    browse->setObjectName(QStringLiteral("rulesBrowsePushButton"));
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, [this] {
        chooseFile(this, FileMode::Open, tr("Rules file"), QString(), tr("Rules (*.json)"),
                   [this](const QString &path) { m_rulesFile->setText(path); });
    });
    auto *rulesRow = new QHBoxLayout;
    rulesRow->addWidget(m_rulesFile, 1);
    rulesRow->addWidget(browse);
    m_workOrders = new QTableWidget(static_cast<int>(workOrderStatuses().size()), 2, page);
    m_workOrders->setObjectName(QStringLiteral("workOrdersTableWidget"));
    // Arrows move between cells, typing or F2 edits one (Enter ends the edit), Tab leaves the
    // table. No editor opens on arriving, so Tab never lands inside a cell.
    m_workOrders->setTabKeyNavigation(false);
    m_workOrders->setEditTriggers(QAbstractItemView::DoubleClicked |
                                  QAbstractItemView::EditKeyPressed |
                                  QAbstractItemView::AnyKeyPressed);
    m_workOrders->setAccessibleName(tr("Work order department and type per status"));
    m_workOrders->setHorizontalHeaderLabels({tr("Department"), tr("Work order type")});
    QStringList rowLabels;
    for (const QString &id : workOrderStatuses())
        rowLabels << legacyStatusLabel(id);
    m_workOrders->setVerticalHeaderLabels(rowLabels);
    m_workOrders->horizontalHeader()->setStretchLastSection(true);
    form->addRow(tr("Damaged condition code:"), m_condition);
    form->addRow(tr("Source ILS:"), m_sourceIls);
    form->addRow(tr("Withdraw, holdings:"), m_holdings);
    form->addRow(tr("Withdraw, bib record:"), m_bib);
    form->addRow(tr("Rules file:"), rulesRow);
    form->addRow(new QLabel(tr("Work orders (empty: a fulfillment note, then Return):"), page));
    form->addRow(m_workOrders);
    m_reviewHandling = new ReviewHandlingBox(page);
    form->addRow(m_reviewHandling);
    m_stamp = new StampSettingsBox(page);
    form->addRow(m_stamp);
    return page;
}

QWidget *SettingsDialog::buildFeedbackPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_sounds = new QCheckBox(tr("Play a sound for each outcome"), page);
    m_sounds->setObjectName(QStringLiteral("soundsCheckBox"));
    m_volume = new QSlider(Qt::Horizontal, page);
    m_volume->setObjectName(QStringLiteral("volumeSlider"));
    m_volume->setAccessibleName(tr("Volume"));
    m_volume->setRange(0, 100);
    m_largerText = new QCheckBox(tr("Larger text"), page);
    m_largerText->setObjectName(QStringLiteral("largerTextCheckBox"));
    form->addRow(m_sounds);
    form->addRow(tr("Volume:"), m_volume);
    form->addRow(m_largerText);
    connect(m_sounds, &QCheckBox::toggled, m_volume, &QSlider::setEnabled);
    return page;
}

void SettingsDialog::load()
{
    selectData(m_region, m_settings->region());
    selectData(m_environment, m_settings->environment());
    m_customUrl->setText(m_settings->customUrl());
    m_customUrl->setEnabled(m_settings->region() == QLatin1String("custom"));
    m_operator->setText(m_settings->operatorName());
    m_library->setText(m_settings->library());
    m_circDesk->setText(m_settings->circDesk());
    m_autoApply->setChecked(m_settings->autoApply());
    m_oneAtATime->setChecked(m_settings->oneAtATime());
    m_startInFollowUp->setChecked(m_settings->startInFollowUp());
    m_dryRun->setChecked(m_settings->dryRun());
    m_condition->setText(m_settings->conditionCode());
    m_stamp->load(*m_settings);
    selectData(m_sourceIls, sourceIlsName(m_settings->sourceIls()));
    m_bulkPage->load(*m_settings);
    m_networkPage->load(*m_settings);
    m_reviewHandling->load(*m_settings);
    selectData(m_holdings, m_settings->withdrawHoldings());
    selectData(m_bib, m_settings->withdrawBib());
    m_rulesFile->setText(m_settings->rulesFile());
    const QStringList statuses = workOrderStatuses();
    for (int row = 0; row < statuses.size(); ++row) {
        const WorkOrderTarget target = m_settings->workOrder(statuses.at(row));
        m_workOrders->setItem(row, 0, new QTableWidgetItem(target.department));
        m_workOrders->setItem(row, 1, new QTableWidgetItem(target.type));
    }
    m_scannerPage->load(*m_settings);
    m_sounds->setChecked(m_settings->soundsEnabled());
    m_volume->setValue(m_settings->volume());
    m_volume->setEnabled(m_settings->soundsEnabled());
    m_largerText->setChecked(m_settings->largerText());

    m_keyState->setText(tr("Checking the keychain…"));
    if (m_secrets) {
        SecretReply *reply = m_secrets->readSecret(SecretStore::apiKeyName(m_settings->profile()));
        connect(reply, &SecretReply::finished, this, [this, reply] {
            if (reply->isOk())
                m_keyState->setText(tr("A key is stored in the keychain."));
            else if (reply->isNotFound())
                m_keyState->setText(tr("No key stored yet."));
            else
                m_keyState->setText(reply->error());
        });
    } else {
        m_keyState->setText(tr("No keychain available: the key cannot be stored."));
    }
}

QUrl SettingsDialog::formBaseUrl() const
{
    const QString region = m_region->currentData().toString();
    if (region == QLatin1String("custom"))
        return QUrl(m_customUrl->text().trimmed());
    const std::optional<Region> known = regionFromName(region);
    return known ? regionBaseUrl(*known) : QUrl();
}

void SettingsDialog::testConnection()
{
    m_testResult->setText(tr("Testing…"));
    const QUrl url = formBaseUrl();
    if (!m_networkPage->isValid()) {
        m_testResult->setText(tr("Fix the Network page first."));
        return;
    }
    m_tester->setNetwork(m_networkPage->caFile(), m_networkPage->proxy().value_or(ProxyChoice{}));
    m_tester->setLibrary(m_library->text().trimmed());
    if (!m_apiKey->text().isEmpty() || !m_secrets) {
        m_tester->test(url, m_apiKey->text());
        return;
    }
    SecretReply *reply = m_secrets->readSecret(SecretStore::apiKeyName(m_settings->profile()));
    connect(reply, &SecretReply::finished, this, [this, reply, url] {
        m_tester->test(url, reply->isOk() ? reply->value() : QString());
    });
}

void SettingsDialog::accept()
{
    // Nothing is saved while a page holds an invalid value (a job template, a CA file, a
    // proxy): that page is shown with the problem under its field.
    if (!m_networkPage->isValid()) {
        m_tabs->setCurrentWidget(m_networkPage);
        return;
    }
    // A code Alma does not know (after Test connection read them) is refused before anything
    // is written; it would otherwise fail only at scan time.
    if (!codesKnownToAlma())
        return;
    const QString connectionBefore = connectionFingerprint();
    if (!m_bulkPage->save(*m_settings)) {
        m_tabs->setCurrentWidget(m_bulkPage);
        return;
    }
    if (!m_reviewHandling->save(*m_settings)) {
        m_tabs->setCurrentIndex(
            m_tabs->indexOf(findChild<QScrollArea *>(QStringLiteral("rulesScrollArea"))));
        return;
    }
    m_networkPage->save(*m_settings);
    m_settings->setRegion(m_region->currentData().toString());
    m_settings->setEnvironment(m_environment->currentData().toString());
    m_settings->setCustomUrl(m_customUrl->text().trimmed());
    if (!m_operator->text().trimmed().isEmpty())
        m_settings->setOperatorName(m_operator->text());
    m_settings->setLibrary(m_library->text().trimmed());
    m_settings->setCircDesk(m_circDesk->text().trimmed());
    m_settings->setAutoApply(m_autoApply->isChecked());
    m_settings->setOneAtATime(m_oneAtATime->isChecked());
    m_settings->setStartInFollowUp(m_startInFollowUp->isChecked());
    m_settings->setDryRun(m_dryRun->isChecked());
    m_settings->setConditionCode(m_condition->text().trimmed());
    m_stamp->save(*m_settings);
    if (const auto source = sourceIlsFromName(m_sourceIls->currentData().toString()))
        m_settings->setSourceIls(*source);
    m_settings->setWithdrawHoldings(m_holdings->currentData().toString());
    m_settings->setWithdrawBib(m_bib->currentData().toString());
    m_settings->setRulesFile(m_rulesFile->text().trimmed());
    const QStringList statuses = workOrderStatuses();
    for (int row = 0; row < statuses.size(); ++row) {
        auto text = [this, row](int column) {
            const QTableWidgetItem *item = m_workOrders->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        m_settings->setWorkOrder(statuses.at(row), {text(0), text(1)});
    }
    m_scannerPage->save(*m_settings);
    m_settings->setSoundsEnabled(m_sounds->isChecked());
    m_settings->setVolume(m_volume->value());
    m_settings->setLargerText(m_largerText->isChecked());
    m_settings->sync();

    const QString key = m_apiKey->text().trimmed();
    m_apiKey->clear();
    if (!key.isEmpty() && m_secrets) {
        SecretReply *reply =
            m_secrets->writeSecret(SecretStore::apiKeyName(m_settings->profile()), key);
        // The dialog may be gone when the keychain answers: the handler is called either way.
        QPointer<SettingsDialog> self(this);
        QObject *context = parent() ? parent() : this;
        connect(reply, &SecretReply::finished, context,
                [self, reply, handler = m_keyStoredHandler] {
                    const QString message =
                        reply->isOk() ? tr("The API key was stored; it is used from the next "
                                           "start of MigDesk.")
                                      : reply->error();
                    if (handler)
                        handler(reply->isOk(), message);
                    if (self)
                        Q_EMIT self->keyStored(reply->isOk(), message);
                });
    }
    if (m_savedHandler)
        m_savedHandler(savedMessage(connectionBefore, !key.isEmpty()));
    QDialog::accept();
}

} // namespace migdesk
