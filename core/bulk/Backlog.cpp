// Reading and grouping an Analytics export of migration items (see Backlog.h).
#include "bulk/Backlog.h"

#include "model/JsonUtil.h"
#include "planning/StepCatalogue.h"
#include "util/Csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <map>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Backlog", text);
}

} // namespace

QString backlogHeaderKey(const QString &header)
{
    QString key;
    for (const QChar c : header) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

QString backlogRouteName(BacklogRoute route)
{
    switch (route) {
    case BacklogRoute::Job:
        return QStringLiteral("job");
    case BacklogRoute::Batch:
        return QStringLiteral("batch");
    case BacklogRoute::Staff:
        return QStringLiteral("staff");
    case BacklogRoute::Desk:
        return QStringLiteral("desk");
    case BacklogRoute::NotMigration:
        return QStringLiteral("not_migration");
    }
    return QStringLiteral("staff");
}

QString backlogRouteLabel(BacklogRoute route)
{
    switch (route) {
    case BacklogRoute::Job:
        return tr("Bulk job (Alma's job engine)");
    case BacklogRoute::Batch:
        return tr("Batch or desk (safe to apply automatically)");
    case BacklogRoute::Staff:
        return tr("Staff decision or guided action");
    case BacklogRoute::Desk:
        return tr("Handle when in hand at the desk");
    case BacklogRoute::NotMigration:
        return tr("Not a migration item");
    }
    return {};
}

QStringList Backlog::barcodesFor(BacklogRoute route) const
{
    QStringList out;
    for (const auto &group : groups) {
        if (group.route == route)
            out += group.barcodes;
    }
    return out;
}

QStringList Backlog::barcodesWithStep(const QString &step) const
{
    QStringList out;
    for (const auto &group : groups) {
        if (group.steps.contains(step))
            out += group.barcodes;
    }
    return out;
}

nlohmann::json Backlog::toJson() const
{
    using migdesk::json::utf8;
    nlohmann::json doc = {
        {"mode", utf8(workModeName(mode))},    {"rows", rows},
        {"migration_items", migrationRows},    {"groups", nlohmann::json::array()},
        {"problems", nlohmann::json::array()}, {"warnings", nlohmann::json::array()}};
    for (const auto &group : groups) {
        nlohmann::json statuses = nlohmann::json::array();
        nlohmann::json labels = nlohmann::json::array();
        for (const QString &id : group.statusIds) {
            statuses.push_back(utf8(id));
            labels.push_back(utf8(legacyStatusLabel(id)));
        }
        nlohmann::json steps = nlohmann::json::array();
        for (const QString &step : group.steps)
            steps.push_back(utf8(step));
        nlohmann::json barcodes = nlohmann::json::array();
        for (const QString &barcode : group.barcodes)
            barcodes.push_back(utf8(barcode));
        doc["groups"].push_back({{"statuses", statuses},
                                 {"status_labels", labels},
                                 {"steps", steps},
                                 {"route", utf8(backlogRouteName(group.route))},
                                 {"count", group.barcodes.size()},
                                 {"explanation", utf8(group.explanation)},
                                 {"barcodes", barcodes}});
    }
    for (const auto &problem : problems) {
        doc["problems"].push_back({{"line", problem.line},
                                   {"text", utf8(problem.text)},
                                   {"reason", utf8(problem.reason)}});
    }
    for (const QString &warning : warnings)
        doc["warnings"].push_back(utf8(warning));
    if (!error.isEmpty())
        doc["error"] = utf8(error);
    return doc;
}

BacklogReader::BacklogReader(Planner planner, NoteParser parser)
    : m_planner(std::move(planner))
    , m_parser(parser)
{}

QString BacklogReader::processTypeCode(const QString &text)
{
    const QString key = backlogHeaderKey(text);
    if (key.isEmpty())
        return {};
    static const QHash<QString, QString> labels = {
        {QStringLiteral("technicalmigration"), QStringLiteral("TECHNICAL")},
        {QStringLiteral("technical"), QStringLiteral("TECHNICAL")},
        {QStringLiteral("missing"), QStringLiteral("MISSING")},
        {QStringLiteral("loan"), QStringLiteral("LOAN")},
        {QStringLiteral("lostloan"), QStringLiteral("LOST_LOAN")},
        {QStringLiteral("lostandpaid"), QStringLiteral("LOST_LOAN_AND_PAID")},
        {QStringLiteral("lostloanandpaid"), QStringLiteral("LOST_LOAN_AND_PAID")},
        {QStringLiteral("claimreturnedloan"), QStringLiteral("CLAIM_RETURNED_LOAN")},
        {QStringLiteral("claimedreturned"), QStringLiteral("CLAIM_RETURNED_LOAN")},
        {QStringLiteral("transit"), QStringLiteral("TRANSIT")},
        {QStringLiteral("intransit"), QStringLiteral("TRANSIT")},
        {QStringLiteral("holdshelf"), QStringLiteral("HOLDSHELF")},
        {QStringLiteral("onholdshelf"), QStringLiteral("HOLDSHELF")},
        {QStringLiteral("requested"), QStringLiteral("REQUESTED")},
        {QStringLiteral("inprocess"), QStringLiteral("WORK_ORDER_DEPARTMENT")},
        {QStringLiteral("workorderdepartment"), QStringLiteral("WORK_ORDER_DEPARTMENT")},
        {QStringLiteral("acquisition"), QStringLiteral("ACQ")},
        {QStringLiteral("acq"), QStringLiteral("ACQ")},
        {QStringLiteral("ill"), QStringLiteral("ILL")},
        {QStringLiteral("none"), QString()},
    };
    const auto it = labels.constFind(key);
    if (it != labels.constEnd())
        return it.value();
    // An unlisted code: keep Alma's code spelling ("LOST_ILL").
    return text.trimmed().toUpper().replace(QLatin1Char(' '), QLatin1Char('_'));
}

Backlog BacklogReader::read(const QByteArray &csvData, WorkMode mode) const
{
    // Analytics can export tab-separated text as well as CSV.
    const QByteArray firstLine = csvData.left(csvData.indexOf('\n'));
    const QChar delimiter =
        firstLine.count('\t') > firstLine.count(',') ? QLatin1Char('\t') : QLatin1Char(',');
    const csv::ParseResult parsed = csv::parse(csvData, delimiter);
    BacklogBuilder builder(*this, mode);
    if (parsed.rows.empty()) {
        builder.setError(tr("The file is empty."));
        return builder.finish();
    }
    if (!parsed.ok())
        builder.addWarning(tr("The file ends early: %1").arg(parsed.error));
    if (!builder.setHeader(parsed.rows.front()))
        return builder.finish();
    for (std::size_t r = 1; r < parsed.rows.size(); ++r)
        builder.addRow(parsed.rows[r]);
    return builder.finish();
}

Backlog BacklogReader::readFile(const QString &path, WorkMode mode) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Backlog backlog;
        backlog.mode = mode;
        backlog.error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return backlog;
    }
    return read(file.readAll(), mode);
}

} // namespace migdesk