// BacklogBuilder: grouping an export's rows one at a time (see Backlog.h).
#include "bulk/Backlog.h"
#include "planning/StepCatalogue.h"

#include <QCoreApplication>

#include <algorithm>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Backlog", text);
}

using Columns = BacklogColumns;

constexpr qsizetype kPlanCacheSize = 50000; // distinct note combinations remembered

Columns findColumns(const QStringList &header)
{
    Columns columns;
    for (int i = 0; i < header.size(); ++i) {
        const QString key = backlogHeaderKey(header.at(i));
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
    const bool allDeferred = std::all_of(plan.steps.begin(), plan.steps.end(),
                                         [](const Step &s) { return stepKind(s.type).noOp; });
    if (allDeferred)
        return BacklogRoute::Desk;
    if (plan.isAutoSafe())
        return BacklogRoute::Batch;
    return BacklogRoute::Staff;
}

} // namespace

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
    const qsizetype seenBefore = m_seen.size();
    m_seen.insert(barcode);
    if (m_seen.size() == seenBefore) {
        m_backlog.problems.push_back({line, barcode, tr("duplicate of an earlier row")});
        return;
    }
    // The plan depends on these cells only: rows that repeat them join the same group.
    const QChar separator(0x1f);
    const QString planKey = field(row, columns.processType) + separator +
                            field(row, columns.note1) + separator + field(row, columns.note2) +
                            separator + field(row, columns.note3) + separator +
                            field(row, columns.condition);
    if (const auto cached = m_planCache.constFind(planKey); cached != m_planCache.constEnd()) {
        BacklogGroup &group = m_backlog.groups[cached.value()];
        if (group.route != BacklogRoute::NotMigration)
            ++m_backlog.migrationRows;
        group.barcodes << barcode;
        return;
    }
    const QString processType =
        columns.processType < 0 ? QStringLiteral("TECHNICAL")
                                : BacklogReader::processTypeCode(field(row, columns.processType));
    const bool isMigration = processType == QLatin1String("TECHNICAL");
    if (isMigration)
        ++m_backlog.migrationRows;
    const Item item = itemFromRow(barcode, processType, row, columns);
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

} // namespace migdesk
