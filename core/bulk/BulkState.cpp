// Persisting a bulk run in the journal (see BulkState.h).
#include "bulk/BulkState.h"

#include "journal/Journal.h"
#include "model/JsonUtil.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace migdesk {

using migdesk::json::fromUtf8;
using migdesk::json::utf8;

namespace {

nlohmann::json barcodeList(const QStringList &barcodes)
{
    nlohmann::json list = nlohmann::json::array();
    for (const QString &barcode : barcodes)
        list.push_back(utf8(barcode));
    return list;
}

// The strings of the list at `key` (anything else in it skipped; no list: none).
QStringList barcodesAt(const nlohmann::json &object, const char *key)
{
    QStringList barcodes;
    if (!object.contains(key) || !object[key].is_array())
        return barcodes;
    for (const auto &barcode : object[key]) {
        if (barcode.is_string())
            barcodes << fromUtf8(barcode.get<std::string>());
    }
    return barcodes;
}

} // namespace

QString BulkState::toJson() const
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto &item : this->items)
        items.push_back({utf8(item.barcode), item.intentId});
    nlohmann::json doc = {{"kind", "bulk_job"},
                          {"run_id", runId},
                          {"action", utf8(bulkActionName(action))},
                          {"template", utf8(templateJson)},
                          {"condition", utf8(conditionCode)},
                          {"status", utf8(statusCode)},
                          {"set_name", utf8(setName)},
                          {"set_id", utf8(setId)},
                          {"members_added", membersAdded},
                          {"job_id", utf8(jobId)},
                          {"instance_id", utf8(instanceId)},
                          {"started_at", utf8(startedAt.toString(Qt::ISODate))},
                          {"invalid", barcodeList(invalid)},
                          {"unconfirmed", barcodeList(unconfirmed)},
                          {"member_count", memberCount},
                          {"items", items}};
    if (!stampField.isEmpty()) {
        doc["stamp"] = {{"field", utf8(stampField)},
                        {"template", utf8(stampTemplate)},
                        {"operator", utf8(stampOperator)},
                        {"line", utf8(stampLine)},
                        {"checked", stampChecked},
                        {"by_item", barcodeList(byItem)},
                        {"not_found", barcodeList(notFound)},
                        {"job_stamp", jobStamp}};
    }
    return QString::fromStdString(doc.dump());
}

std::optional<BulkState> BulkState::fromJson(const QString &text)
{
    const auto doc = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (!doc.is_object() || migdesk::json::str(doc, "kind") != QLatin1String("bulk_job"))
        return std::nullopt;
    const auto action = bulkActionFromName(migdesk::json::str(doc, "action"));
    if (!action)
        return std::nullopt;
    BulkState state;
    state.action = *action;
    state.runId = doc.value("run_id", qint64(0));
    state.templateJson = migdesk::json::str(doc, "template");
    state.conditionCode = migdesk::json::str(doc, "condition");
    state.statusCode = migdesk::json::str(doc, "status");
    state.setName = migdesk::json::str(doc, "set_name");
    state.setId = migdesk::json::str(doc, "set_id");
    state.membersAdded = doc.value("members_added", 0);
    state.jobId = migdesk::json::str(doc, "job_id");
    state.instanceId = migdesk::json::str(doc, "instance_id");
    state.startedAt = QDateTime::fromString(migdesk::json::str(doc, "started_at"), Qt::ISODate);
    state.invalid = barcodesAt(doc, "invalid");
    state.unconfirmed = barcodesAt(doc, "unconfirmed");
    state.memberCount = doc.value("member_count", 0);
    if (doc.contains("stamp") && doc["stamp"].is_object()) {
        const auto &stamp = doc["stamp"];
        state.stampField = migdesk::json::str(stamp, "field");
        state.stampTemplate = migdesk::json::str(stamp, "template");
        state.stampOperator = migdesk::json::str(stamp, "operator");
        state.stampLine = migdesk::json::str(stamp, "line");
        state.stampChecked = migdesk::json::boolean(stamp, "checked");
        state.byItem = barcodesAt(stamp, "by_item");
        state.notFound = barcodesAt(stamp, "not_found");
        state.jobStamp = !stamp.contains("job_stamp") || migdesk::json::boolean(stamp, "job_stamp");
    }
    if (doc.contains("items") && doc["items"].is_array()) {
        for (const auto &entry : doc["items"]) {
            if (entry.is_array() && entry.size() == 2 && entry[0].is_string() &&
                entry[1].is_number_integer())
                state.items.push_back(
                    {fromUtf8(entry[0].get<std::string>()), entry[1].get<qint64>()});
        }
    }
    return state;
}

QString BulkResumable::describe() const
{
    const QString action = bulkActionLabel(state.action);
    const int count = static_cast<int>(state.items.size());
    if (stage == QLatin1String("job")) {
        return QCoreApplication::translate(
                   "Bulk", "%1 job %2 (instance %3) on the set \"%4\" for %n item(s)", nullptr,
                   count)
            .arg(action, state.jobId, state.instanceId, state.setName);
    }
    if (stage == QLatin1String("job_unknown")) {
        return QCoreApplication::translate(
                   "Bulk",
                   "%1 job %2 on the set \"%3\" for %n item(s): the run request was sent but "
                   "MigDesk never saw Alma's answer",
                   nullptr, count)
            .arg(action, state.jobId, state.setName);
    }
    return QCoreApplication::translate(
               "Bulk", "%1 run for %n item(s), the set \"%2\" not yet complete", nullptr, count)
        .arg(action, state.setName);
}

std::vector<BulkResumable> findUnfinishedBulkRuns(const Journal &journal)
{
    JournalQuery query;
    query.source = bulkJobSource();
    query.onlyUnfinished = true;
    std::vector<BulkResumable> runs;
    for (const JournalIntent &intent : journal.intents(query)) {
        auto state = BulkState::fromJson(intent.detailJson);
        if (!state)
            continue;
        state->jobIntentId = intent.id;
        BulkResumable resumable;
        resumable.state = std::move(*state);
        if (!resumable.state.instanceId.isEmpty()) {
            resumable.stage = QStringLiteral("job");
        } else {
            bool openRun = false;
            for (const JournalWrite &write : intent.writes) {
                if (write.kind == QLatin1String("job_run") && write.isOpen())
                    openRun = true;
            }
            resumable.stage = openRun ? QStringLiteral("job_unknown") : QStringLiteral("members");
        }
        runs.push_back(std::move(resumable));
    }
    return runs;
}

} // namespace migdesk
