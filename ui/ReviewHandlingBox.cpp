// ReviewHandlingBox (see ReviewHandlingBox.h).
#include "ReviewHandlingBox.h"

#include "legacy/LegacyStatus.h"
#include "planning/ReviewHandling.h"
#include "settings/Settings.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace migdesk {

ReviewHandlingBox::ReviewHandlingBox(QWidget *parent)
    : QGroupBox(tr("Review statuses at the desk"), parent)
{
    setObjectName(QStringLiteral("reviewHandlingGroupBox"));
    auto *grid = new QGridLayout(this);
    grid->addWidget(new QLabel(tr("Status"), this), 0, 0);
    grid->addWidget(new QLabel(tr("Handled as"), this), 0, 1);
    grid->addWidget(new QLabel(tr("Temporary library"), this), 0, 2);
    grid->addWidget(new QLabel(tr("Temporary location"), this), 0, 3);
    int line = 1;
    for (const QString &id : reviewStatuses()) {
        const QString suffix = QString(id).remove(QLatin1Char('_')).toLower();
        Row row{id, new QComboBox(this), new QLineEdit(this), new QLineEdit(this)};
        for (ReviewMethod method : {ReviewMethod::Rules, ReviewMethod::WorkOrder,
                                    ReviewMethod::FulfillmentNote, ReviewMethod::TempLocation})
            row.method->addItem(reviewMethodLabel(method), reviewMethodName(method));
        row.method->setObjectName(QStringLiteral("reviewMethod_%1").arg(suffix));
        row.library->setObjectName(QStringLiteral("reviewTempLibrary_%1").arg(suffix));
        row.location->setObjectName(QStringLiteral("reviewTempLocation_%1").arg(suffix));
        const QString status = legacyStatusLabel(id);
        row.method->setAccessibleName(tr("How %1 is handled").arg(status));
        row.library->setAccessibleName(tr("Temporary library code for %1").arg(status));
        row.location->setAccessibleName(tr("Temporary location code for %1").arg(status));
        row.library->setPlaceholderText(tr("e.g. MAIN"));
        row.location->setPlaceholderText(tr("e.g. REVIEW"));
        grid->addWidget(new QLabel(status, this), line, 0);
        grid->addWidget(row.method, line, 1);
        grid->addWidget(row.library, line, 2);
        grid->addWidget(row.location, line, 3);
        connect(row.method, &QComboBox::currentIndexChanged, this, [this, row] { updateRow(row); });
        m_rows.push_back(row);
        ++line;
    }
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("reviewHandlingProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a4262c; font-weight: bold;"));
    m_problem->hide();
    grid->addWidget(m_problem, line, 0, 1, 4);
    grid->setColumnStretch(1, 1);
}

void ReviewHandlingBox::updateRow(const Row &row)
{
    const bool temp =
        row.method->currentData().toString() == reviewMethodName(ReviewMethod::TempLocation);
    row.library->setEnabled(temp);
    row.location->setEnabled(temp);
}

void ReviewHandlingBox::load(const Settings &settings)
{
    for (const Row &row : m_rows) {
        const ReviewHandling handling = settings.reviewHandling(row.statusId);
        row.method->setCurrentIndex(
            std::max(0, row.method->findData(reviewMethodName(handling.method))));
        row.library->setText(handling.tempLocation.library);
        row.location->setText(handling.tempLocation.location);
        updateRow(row);
    }
    m_problem->hide();
}

std::vector<std::pair<QString, QString>> ReviewHandlingBox::tempLocations() const
{
    std::vector<std::pair<QString, QString>> out;
    for (const Row &row : m_rows) {
        if (row.method->currentData().toString() == reviewMethodName(ReviewMethod::TempLocation))
            out.emplace_back(row.library->text().trimmed(), row.location->text().trimmed());
    }
    return out;
}

bool ReviewHandlingBox::save(Settings &settings)
{
    std::vector<ReviewHandling> chosen;
    for (const Row &row : m_rows) {
        ReviewHandling handling;
        handling.method = reviewMethodFromName(row.method->currentData().toString())
                              .value_or(ReviewMethod::Rules);
        handling.tempLocation.library = row.library->text().trimmed();
        handling.tempLocation.location = row.location->text().trimmed();
        if (const QString problem = handling.problem(); !problem.isEmpty()) {
            m_problem->setText(tr("%1: %2.").arg(legacyStatusLabel(row.statusId), problem));
            m_problem->show();
            (handling.tempLocation.library.isEmpty() ? row.library : row.location)->setFocus();
            return false;
        }
        chosen.push_back(handling);
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        settings.setReviewHandling(m_rows[i].statusId, chosen[i]);
    m_problem->hide();
    return true;
}

} // namespace migdesk
