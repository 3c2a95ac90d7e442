// SettingsDialog and Alma's codes: after "Test connection" the library's real codes are offered
// (completion on the code fields, a summary), and Save refuses a code Alma does not know. After
// Save, staff read whether the changes apply now or after a restart.
#include "SettingsDialog.h"

#include "ConnectionTester.h"
#include "ReviewHandlingBox.h"
#include "settings/Settings.h"

#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QTableWidget>

namespace migdesk {

namespace {
void offer(QLineEdit *edit, const std::vector<AlmaCode> &codes)
{
    if (codes.empty())
        return;
    auto *completer = new QCompleter(AlmaCodes::codesOf(codes), edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    edit->setCompleter(completer);
}

QString count(const std::vector<AlmaCode> &codes, const char *what)
{
    return QStringLiteral("%1 %2").arg(codes.size()).arg(SettingsDialog::tr(what));
}
} // namespace

void SettingsDialog::offerAlmaCodes()
{
    const AlmaCodes &codes = m_tester->codes();
    offer(m_library, codes.libraries);
    offer(m_circDesk, codes.circDesks);
    offer(m_condition, codes.conditions);
    if (codes.libraries.empty() && codes.conditions.empty() && codes.departments.empty())
        return;
    m_codesSummary->setText(
        tr("From Alma: %1, %2, %3, %4, %5. Codes are offered as you type and checked on Save.")
            .arg(count(codes.libraries, "libraries"), count(codes.circDesks, "circulation desks"),
                 count(codes.departments, "departments"),
                 count(codes.workOrderTypes, "work order types"),
                 count(codes.conditions, "physical conditions")));
    m_codesSummary->show();
}

bool SettingsDialog::codesKnownToAlma()
{
    CodeChoices choices;
    choices.library = m_library->text().trimmed();
    choices.circDesk = m_circDesk->text().trimmed();
    choices.conditionCode = m_condition->text().trimmed();
    for (int row = 0; row < m_workOrders->rowCount(); ++row) {
        auto cell = [this, row](int column) {
            const QTableWidgetItem *item = m_workOrders->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        if (!cell(0).isEmpty() || !cell(1).isEmpty())
            choices.workOrders.emplace_back(cell(0), cell(1));
    }
    choices.tempLocations = m_reviewHandling->tempLocations();
    const QStringList problems = unknownCodes(m_tester->codes(), choices);
    m_codeProblems->setText(
        problems.isEmpty() ? QString() : tr("Not saved: %1").arg(problems.join(QLatin1Char(' '))));
    m_codeProblems->setVisible(!problems.isEmpty());
    return problems.isEmpty();
}

QString SettingsDialog::connectionFingerprint() const
{
    return QStringList{m_settings->region(), m_settings->customUrl(), m_settings->caFile(),
                       m_settings->proxy().toText(), m_settings->profile()}
        .join(QLatin1Char('\n'));
}

QString SettingsDialog::savedMessage(const QString &connectionBefore, bool keyChanged) const
{
    if (connectionBefore != connectionFingerprint() || keyChanged)
        return tr("Settings saved. The Alma connection (region, URL, key, network) changes when "
                  "MigDesk restarts; everything else applies now.");
    return tr("Settings saved; they apply now, no restart needed.");
}

} // namespace migdesk
