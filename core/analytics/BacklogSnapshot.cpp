// The backlog's counts and their file (see BacklogSnapshot.h).
#include "analytics/BacklogSnapshot.h"

#include "bulk/Backlog.h"
#include "legacy/LegacyStatus.h"
#include "model/Item.h"
#include "model/JsonUtil.h"
#include "util/Csv.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace migdesk {

namespace {

constexpr qsizetype kLabelCacheSize = 50000; // distinct note combinations remembered

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::BacklogSnapshot", text);
}

QString cell(const QStringList &cells, int column)
{
    return column >= 0 && column < cells.size() ? cells.at(column).trimmed() : QString();
}

nlohmann::json countsJson(const std::map<QString, qint64> &counts)
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto &[key, count] : counts)
        out[json::utf8(key)] = count;
    return out;
}

bool readCounts(const nlohmann::json &doc, const char *key, std::map<QString, qint64> *counts)
{
    const auto found = doc.find(key);
    if (found == doc.end() || !found->is_object())
        return false;
    for (const auto &[name, value] : found->items()) {
        if (!value.is_number_integer() || value.get<qint64>() < 0)
            return false;
        (*counts)[json::fromUtf8(name)] = value.get<qint64>();
    }
    return true;
}

} // namespace

QByteArray BacklogSnapshot::toJson() const
{
    const nlohmann::json doc = {
        {"format", "migdesk-backlog-snapshot"},
        {"version", 1},
        {"taken_at", json::utf8(takenAt.toUTC().toString(Qt::ISODate))},
        {"source", json::utf8(source)},
        {"rows", rows},
        {"total", total},
        {"by_status", countsJson(byStatus)},
        {"by_library", countsJson(byLibrary)},
    };
    return QByteArray::fromStdString(doc.dump(2));
}

bool BacklogSnapshot::fromJson(const QByteArray &text, BacklogSnapshot *snapshot, QString *error)
{
    const auto doc = nlohmann::json::parse(text.constBegin(), text.constEnd(), nullptr, false);
    BacklogSnapshot out;
    const bool shaped = !doc.is_discarded() && doc.is_object() &&
                        json::str(doc, "format") == QLatin1String("migdesk-backlog-snapshot");
    if (shaped) {
        out.takenAt = QDateTime::fromString(json::str(doc, "taken_at"), Qt::ISODate);
        out.source = json::str(doc, "source");
        out.rows = doc.value("rows", qint64(-1));
        out.total = doc.value("total", qint64(-1));
    }
    if (!shaped || !out.takenAt.isValid() || out.rows < 0 || out.total < 0 ||
        !readCounts(doc, "by_status", &out.byStatus) ||
        !readCounts(doc, "by_library", &out.byLibrary)) {
        if (error)
            *error = tr("This is not a MigDesk backlog snapshot.");
        return false;
    }
    *snapshot = std::move(out);
    return true;
}

QString BacklogSnapshot::save(const QString &path) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(toJson());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

bool BacklogSnapshot::load(const QString &path, BacklogSnapshot *snapshot, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return fromJson(file.readAll(), snapshot, error);
}

QString backlogSnapshotPath(const QString &journalPath)
{
    return journalPath.isEmpty() ? QString() : journalPath + QStringLiteral(".backlog.json");
}

BacklogTally::BacklogTally(NoteParser parser)
    : m_parser(parser)
{}

QString BacklogTally::noStatusLabel()
{
    return tr("No legacy status in the notes");
}

QString BacklogTally::noLibraryLabel()
{
    return tr("No library");
}

void BacklogTally::headings(const QStringList &headings)
{
    for (int i = 0; i < headings.size(); ++i) {
        const QString key = backlogHeaderKey(headings.at(i));
        auto set = [&](int &slot, std::initializer_list<const char *> names) {
            for (const char *name : names) {
                if (slot < 0 && key == QLatin1String(name))
                    slot = i;
            }
        };
        set(m_barcode, {"barcode", "itembarcode", "physicalitemsbarcode"});
        set(m_processType, {"processtype", "itemprocesstype", "processstatus"});
        set(m_note1, {"internalnote1", "internalnote"});
        set(m_note2, {"internalnote2"});
        set(m_note3, {"internalnote3"});
        set(m_library, {"library", "libraryname", "librarycode", "permanentlibrary"});
    }
}

void BacklogTally::row(const QStringList &cells)
{
    if (cell(cells, m_barcode).isEmpty())
        return;
    ++m_rows;
    if (m_processType >= 0 &&
        BacklogReader::processTypeCode(cell(cells, m_processType)) != QLatin1String("TECHNICAL"))
        return;
    ++m_total;
    Item item;
    item.internalNote1 = cell(cells, m_note1);
    item.internalNote2 = cell(cells, m_note2);
    item.internalNote3 = cell(cells, m_note3);
    const QChar separator(0x1f);
    const QString key =
        item.internalNote1 + separator + item.internalNote2 + separator + item.internalNote3;
    auto found = m_labels.constFind(key);
    if (found == m_labels.constEnd()) {
        QStringList labels;
        for (const QString &id : m_parser.parse(item).ids())
            labels << legacyStatusLabel(id);
        if (m_labels.size() >= kLabelCacheSize)
            m_labels.clear();
        found = m_labels.insert(key, labels.isEmpty() ? noStatusLabel()
                                                      : labels.join(QStringLiteral(" + ")));
    }
    ++m_byStatus[found.value()];
    const QString library = cell(cells, m_library);
    ++m_byLibrary[library.isEmpty() ? noLibraryLabel() : library];
}

BacklogSnapshot BacklogTally::snapshot(const QDateTime &takenAt, const QString &source) const
{
    BacklogSnapshot out;
    out.takenAt = takenAt.toUTC();
    out.source = source;
    out.rows = m_rows;
    out.total = m_total;
    out.byStatus = m_byStatus;
    out.byLibrary = m_byLibrary;
    return out;
}

void BacklogTally::readCsv(const QByteArray &csvData)
{
    const QByteArray firstLine = csvData.left(csvData.indexOf('\n'));
    const QChar delimiter =
        firstLine.count('\t') > firstLine.count(',') ? QLatin1Char('\t') : QLatin1Char(',');
    const csv::ParseResult parsed = csv::parse(csvData, delimiter);
    if (parsed.rows.empty())
        return;
    headings(parsed.rows.front());
    for (std::size_t r = 1; r < parsed.rows.size(); ++r)
        row(parsed.rows[r]);
}

} // namespace migdesk
