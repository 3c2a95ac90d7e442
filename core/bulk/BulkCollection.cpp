// Collecting items for a bulk job (see BulkCollection.h).
#include "bulk/BulkCollection.h"

namespace migdesk {

std::optional<BulkAction> BulkCollection::jobActionFor(const Step &step)
{
    if (step.type == StepType::MarkMissing && step.missingStrategy != QLatin1String("put"))
        return BulkAction::Missing;
    return std::nullopt;
}

bool BulkCollection::add(BulkAction action, const QString &barcode, qint64 intentId)
{
    const QString key = barcode.trimmed();
    if (key.isEmpty())
        return false;
    Bucket &b = bucket(action);
    if (b.index.contains(key))
        return false;
    b.index.insert(key, static_cast<qsizetype>(b.items.size()));
    b.items.push_back({key, intentId});
    return true;
}

int BulkCollection::addPlan(const Plan &plan, const QString &barcode, qint64 intentId)
{
    int added = 0;
    for (const Step &step : plan.steps) {
        if (const auto action = jobActionFor(step)) {
            if (add(*action, barcode, intentId))
                ++added;
        }
    }
    return added;
}

bool BulkCollection::remove(BulkAction action, const QString &barcode)
{
    Bucket &b = bucket(action);
    const auto it = b.index.constFind(barcode.trimmed());
    if (it == b.index.constEnd())
        return false;
    b.items.erase(b.items.begin() + it.value());
    b.index.clear();
    for (qsizetype i = 0; i < static_cast<qsizetype>(b.items.size()); ++i)
        b.index.insert(b.items[size_t(i)].barcode, i);
    return true;
}

void BulkCollection::clear(BulkAction action)
{
    bucket(action) = {};
}

int BulkCollection::count(BulkAction action) const
{
    return static_cast<int>(bucket(action).items.size());
}

std::vector<BulkItem> BulkCollection::items(BulkAction action) const
{
    return bucket(action).items;
}

bool BulkCollection::shouldUseJob(BulkAction action) const
{
    return m_policy.useJob(action, count(action));
}

BulkRequest BulkCollection::request(BulkAction action, const JobTemplate &jobTemplate,
                                    const QString &sessionName) const
{
    BulkRequest request;
    request.action = action;
    request.items = items(action);
    request.jobTemplate = jobTemplate;
    request.sessionName = sessionName;
    return request;
}

} // namespace migdesk
