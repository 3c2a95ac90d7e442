// Reading and grouping an Analytics export of migration items (see Backlog.h).
#include "bulk/Backlog.h"

#include "model/JsonUtil.h"
#include "reports/Csv.h"

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

// "Internal Note 1", "internal_note_1", "INTERNAL NOTE1" -> "internalnote1"
QString headerKey(const QString &header)
{
    QString key;
    for (const QChar c : header) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

using Columns = BacklogColumns;

constexpr qsizetype kPlanCacheSize = 50000; // distinct note combinations remembered

Columns findColumns(const QStringList &header)
{
    Columns columns;
    for (int i = 0; i < header.size(); ++i) {
        const QString key = headerKey(header.at(i));
        auto set = [&](int &slot, std::initializer_list<const char *> names) {
            for (const char *name : names) {
                if (slot < 0 && key == QLatin1String(name))
                    slot = i;
            }
        };
        set(columns.barcode, {"barcode", "itembarcode", "physicalitemsbarcode"});
        set(columns.processType, {"processtype", "itemprocesstype", "processstatus"});
        set(columns.note1, {"internalnote1", "internalnote"});
        set(columns.note2, {"internalnote2"});
        set(columns.note3, {"internalnote3"});
        set(columns.title, {"title", "titlenormalized"});
        set(columns.callNumber, {"permanentcallnumber", "callnumber", "itemcallnumber"});
        set(columns.condition, {"physicalcondition"});
    }
    return columns;
}

QString field(const QStringList &row, int column)
{
    return column >= 0 && column < row.size() ? row.at(column).trimmed() : QString();
}

// The fields the note parser and the planner read, set directly (no JSON round trip: this runs
// once per row of reports of up to a million rows).
Item itemFromRow(const QString &barcode, const QString &processType, const QStringList &row,
                 const Columns &columns)
{
    Item item;
    item.title = field(row, columns.title);
    item.callNumber = field(row, columns.callNumber);
    item.barcode = barcode;
    item.baseStatus.value = processType.isEmpty() ? QStringLiteral("1") : QStringLiteral("0");
    item.processType.value = processType;
    item.physicalCondition.value = field(row, columns.condition).toUpper();
    item.internalNote1 = field(row, columns.note1);
    item.internalNote2 = field(row, columns.note2);
    item.internalNote3 = field(row, columns.note3);
    return item;
}

BacklogRoute routeFor(const Plan &plan, bool isMigration)
{
    if (!isMigration)
        return BacklogRoute::NotMigration;
    if (plan.steps.empty())
        return BacklogRoute::Desk;
    const bool allJob = std::all_of(plan.steps.begin(), plan.steps.end(), [](const Step &s) {
        return s.type == StepType::MarkMissing && s.missingStrategy != QLatin1String("put");
    });
    if (allJob)
        return BacklogRoute::Job;
    const bool allDeferred = std::all_of(plan.steps.begin(), plan.steps.end(), [](const Step &s) {
        return s.type == StepType::Defer || s.type == StepType::Nothing;
    });
    if (allDeferred)
        return BacklogRoute::Desk;
    if (plan.isAutoSafe())
        return BacklogRoute::Batch;
    return BacklogRoute::Staff;
}

} // namespace

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
    const QString key = headerKey(text);
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

BacklogBuilder::BacklogBuilder(const BacklogReader &reader, WorkMode mode)
    : m_reader(reader)
{
    m_backlog.mode = mode;
}

bool BacklogBuilder::setHeader(const QStringList &header)
{
    m_hasHeader = true;
    m_columns = findColumns(header);
    if (m_columns.barcode < 0) {
        m_backlog.error = tr("No \"Barcode\" column: export the report from Alma Analytics with "
                             "the Barcode, Process Type, Internal Note 1 and Internal Note 3 "
                             "columns.");
        return false;
    }
    if (m_columns.note1 < 0 && m_columns.note2 < 0 && m_columns.note3 < 0) {
        m_backlog.error = tr("No internal note column: add Internal Note 1 and Internal Note 3 "
                             "to the Analytics report; the legacy status is kept there.");
        return false;
    }
    if (m_columns.processType < 0) {
        m_backlog.warnings << tr("No \"Process Type\" column: every row is read as a Technical - "
                                 "Migration item.");
    }
    if (m_backlog.mode == WorkMode::Followup) {
        m_backlog.warnings << tr("The export says nothing about loans: statuses that depend on an "
                                 "active loan are planned as if there were none; the desk and the "
                                 "batch check the loan before acting.");
    }
    return true;
}

void BacklogBuilder::addRow(const QStringList &row)
{
    const int line = ++m_line;
    if (!m_backlog.error.isEmpty())
        return;
    if (std::all_of(row.begin(), row.end(), [](const QString &f) { return f.trimmed().isEmpty(); }))
        return;
    ++m_backlog.rows;
    const Columns &columns = m_columns;
    const QString barcode = field(row, columns.barcode);
    if (barcode.isEmpty()) {
        m_backlog.problems.push_back(
            {line, row.join(QLatin1Char(',')).left(200), tr("no barcode in this row")});
        return;
    }
    if (m_seen.contains(barcode)) {
        m_backlog.problems.push_back({line, barcode, tr("duplicate of an earlier row")});
        return;
    }
    m_seen.insert(barcode);
    const QString processType =
        columns.processType < 0 ? QStringLiteral("TECHNICAL")
                                : BacklogReader::processTypeCode(field(row, columns.processType));
    const bool isMigration = processType == QLatin1String("TECHNICAL");
    if (isMigration)
        ++m_backlog.migrationRows;
    const Item item = itemFromRow(barcode, processType, row, columns);
    const QChar separator(0x1f);
    const QString planKey = processType + separator + item.internalNote1 + separator +
                            item.internalNote2 + separator + item.internalNote3 + separator +
                            item.physicalCondition.value;
    if (const auto cached = m_planCache.constFind(planKey); cached != m_planCache.constEnd()) {
        m_backlog.groups[cached.value()].barcodes << barcode;
        return;
    }
    const NoteReading reading = m_reader.m_parser.parse(item);
    PlanContext context;
    context.mode = m_backlog.mode;
    const Plan plan = m_reader.m_planner.plan(item, reading, context);

    BacklogGroup probe;
    probe.statusIds = reading.ids();
    probe.steps = isMigration ? plan.stepNames() : QStringList();
    probe.route = routeFor(plan, isMigration);
    if (!isMigration)
        probe.statusIds = QStringList{processType.isEmpty() ? QStringLiteral("-") : processType};
    const auto key = std::make_pair(
        probe.statusKey() + QLatin1Char('|') + backlogRouteName(probe.route), probe.stepKey());
    auto it = m_index.find(key);
    if (it == m_index.end()) {
        probe.explanation = plan.explanation;
        m_backlog.groups.push_back(std::move(probe));
        it = m_index.emplace(key, m_backlog.groups.size() - 1).first;
    }
    if (m_planCache.size() >= kPlanCacheSize)
        m_planCache.clear();
    m_planCache.insert(planKey, it->second);
    m_backlog.groups[it->second].barcodes << barcode;
}

Backlog BacklogBuilder::finish()
{
    std::stable_sort(m_backlog.groups.begin(), m_backlog.groups.end(),
                     [](const BacklogGroup &a, const BacklogGroup &b) {
                         if (a.barcodes.size() != b.barcodes.size())
                             return a.barcodes.size() > b.barcodes.size();
                         return a.statusKey() < b.statusKey();
                     });
    m_index.clear();
    m_seen.clear();
    m_planCache.clear();
    return std::move(m_backlog);
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
