// Names, texts and small rules of the bulk values (see BulkTypes.h).
#include "bulk/BulkTypes.h"

#include <QCoreApplication>

#include <algorithm>

namespace migdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Bulk", text);
}
} // namespace

std::optional<VerifyPolicy> VerifyPolicy::fromText(const QString &text)
{
    const QString value = text.trimmed().toLower();
    VerifyPolicy policy;
    if (value == QLatin1String("all")) {
        policy.mode = Mode::All;
        return policy;
    }
    if (value.startsWith(QLatin1String("sample:"))) {
        bool ok = false;
        const int size = value.mid(7).toInt(&ok);
        if (!ok || size < 1)
            return std::nullopt;
        policy.mode = Mode::Sample;
        policy.sampleSize = size;
        return policy;
    }
    return std::nullopt;
}

QString VerifyPolicy::toText() const
{
    return mode == Mode::All ? QStringLiteral("all") : QStringLiteral("sample:%1").arg(sampleSize);
}

bool BulkPolicy::useJob(BulkAction action, int itemCount) const
{
    if (itemCount <= 0)
        return false;
    if (action == BulkAction::Missing)
        return missingStrategy != QLatin1String("put");
    return damagedJobThreshold > 0 && itemCount >= damagedJobThreshold;
}

QString bulkItemCount(int count)
{
    return count == 1 ? tr("1 item") : tr("%1 items").arg(count);
}

QString bulkSetName(BulkAction action, const QDate &date, const QString &sessionName)
{
    const QDate day = date.isValid() ? date : QDate::currentDate();
    QString name =
        QStringLiteral("MigDesk %1 %2").arg(bulkActionLabel(action), day.toString(Qt::ISODate));
    const QString session = sessionName.simplified();
    if (!session.isEmpty())
        name += QLatin1Char(' ') + session;
    return name;
}

QString BulkConfirmation::title() const
{
    return tr("Run the %1 job for this session's %2").arg(actionLabel, bulkItemCount(itemCount));
}

QString BulkConfirmation::text() const
{
    const QString job = jobName.isEmpty() || jobName == jobId
                            ? jobId
                            : QStringLiteral("%1 (%2)").arg(jobName, jobId);
    QString text = tr("Set %1 to %2 with Alma's job. MigDesk creates the itemized set \"%3\", "
                      "adds the items to it, runs the job %4 on the set and then reads the items "
                      "back to check them.")
                       .arg(bulkItemCount(itemCount), actionLabel, setName, job);
    if (!stampField.isEmpty())
        text += QLatin1Char(' ') +
                tr("It stamps %1: MigDesk reads each item first; the job stamps the items whose "
                   "%1 is empty, and the others are updated one by one (one update each) so "
                   "that their note is kept.")
                    .arg(stampField);
    if (!problems.isEmpty())
        text += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
    return text;
}

QString bulkPhaseName(BulkPhase phase)
{
    switch (phase) {
    case BulkPhase::Idle:
        return QStringLiteral("idle");
    case BulkPhase::ReadingItems:
        return QStringLiteral("reading_items");
    case BulkPhase::CreatingSet:
        return QStringLiteral("creating_set");
    case BulkPhase::AddingMembers:
        return QStringLiteral("adding_members");
    case BulkPhase::StartingJob:
        return QStringLiteral("starting_job");
    case BulkPhase::Running:
        return QStringLiteral("running");
    case BulkPhase::Verifying:
        return QStringLiteral("verifying");
    case BulkPhase::UpdatingItems:
        return QStringLiteral("updating_items");
    case BulkPhase::Finished:
        return QStringLiteral("finished");
    }
    return QStringLiteral("idle");
}

QString bulkPhaseLabel(BulkPhase phase)
{
    switch (phase) {
    case BulkPhase::Idle:
        return tr("Ready");
    case BulkPhase::ReadingItems:
        return tr("Reading the items' notes");
    case BulkPhase::CreatingSet:
        return tr("Creating the set");
    case BulkPhase::AddingMembers:
        return tr("Adding items to the set");
    case BulkPhase::StartingJob:
        return tr("Starting the job");
    case BulkPhase::Running:
        return tr("Job running in Alma");
    case BulkPhase::Verifying:
        return tr("Checking the items");
    case BulkPhase::UpdatingItems:
        return tr("Stamping items one by one");
    case BulkPhase::Finished:
        return tr("Finished");
    }
    return {};
}

int BulkSummary::count(Outcome outcome) const
{
    return static_cast<int>(std::count_if(
        items.begin(), items.end(), [outcome](const auto &i) { return i.outcome == outcome; }));
}

} // namespace migdesk
