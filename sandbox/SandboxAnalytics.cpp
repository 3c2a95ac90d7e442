// The sandbox's Analytics reports and folders (see SandboxAnalytics.h).
#include "SandboxAnalytics.h"

#include "SandboxErrors.h"

#include <algorithm>

namespace migdesk::sandbox {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxCursors = 64;
constexpr int kBlock = 25; // Analytics serves rows in blocks of 25

QString text(const json &object, const char *key)
{
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string())
        return {};
    return QString::fromStdString(found->get<std::string>());
}

// A code/description field as Analytics shows it: the description, else the code.
QString label(const json &object, const char *key)
{
    const auto found = object.find(key);
    if (found == object.end() || !found->is_object())
        return {};
    const QString desc = text(*found, "desc");
    return desc.isEmpty() ? text(*found, "value") : desc;
}

const QStringList &headings()
{
    static const QStringList list = {
        QStringLiteral("Barcode"),         QStringLiteral("Process Type"),
        QStringLiteral("Internal Note 1"), QStringLiteral("Internal Note 3"),
        QStringLiteral("Title"),           QStringLiteral("Permanent Call Number"),
        QStringLiteral("Library Name"),    QStringLiteral("Location Name"),
    };
    return list;
}

QString processTypeLabel(const json &data)
{
    const auto found = data.find("process_type");
    if (found == data.end() || !found->is_object())
        return {};
    const QString code = text(*found, "value");
    if (code == QLatin1String("TECHNICAL"))
        return QStringLiteral("Technical - Migration");
    const QString desc = text(*found, "desc");
    return desc.isEmpty() ? code : desc;
}

QString escaped(const QString &value)
{
    return value.toHtmlEscaped();
}

SandboxReply pathNotFound(const QString &path)
{
    return almaError(400, QStringLiteral("INVALID_REQUEST"),
                     QStringLiteral("Path not found (%1)").arg(path));
}

} // namespace

QString SandboxAnalytics::folderPath()
{
    return QStringLiteral("/shared/MigDesk Demo");
}

QString SandboxAnalytics::backlogReportPath()
{
    return folderPath() + QStringLiteral("/Reports/Technical - Migration items");
}

QString SandboxAnalytics::allItemsReportPath()
{
    return folderPath() + QStringLiteral("/Reports/All physical items");
}

QString SandboxAnalytics::lateFinishReportPath()
{
    return backlogReportPath() + QStringLiteral(" (late finish)");
}

QString SandboxAnalytics::restrictedReportPath()
{
    return folderPath() + QStringLiteral("/Restricted/Staff costs");
}

void SandboxAnalytics::load(const std::vector<ItemRecord> &records)
{
    m_migration.clear();
    m_all.clear();
    m_cursors.clear();
    for (const ItemRecord &record : records) {
        if (record.deleted)
            continue;
        const json &item = record.item;
        const json &data = item.value("item_data", json::object());
        QStringList row = {text(data, "barcode"),
                           processTypeLabel(data),
                           text(data, "internal_note_1"),
                           text(data, "internal_note_3"),
                           text(item.value("bib_data", json::object()), "title"),
                           text(item.value("holding_data", json::object()), "call_number"),
                           label(data, "library"),
                           label(data, "location")};
        const bool migration = data.value("process_type", json::object()).value("value", "") ==
                               std::string("TECHNICAL");
        if (migration)
            m_migration.push_back(row);
        m_all.push_back(std::move(row));
    }
}

const std::vector<QStringList> *SandboxAnalytics::rowsOf(const QString &path) const
{
    if (path == backlogReportPath() || path == lateFinishReportPath())
        return &m_migration;
    if (path == allItemsReportPath())
        return &m_all;
    return nullptr;
}

std::optional<SandboxAnalytics::Table> SandboxAnalytics::table(const QString &path) const
{
    const auto *rows = rowsOf(path);
    if (!rows)
        return std::nullopt;
    return Table{headings(), *rows};
}

SandboxReply SandboxAnalytics::handle(const SandboxRequest &request, const QStringList &rest)
{
    if (request.method != "GET")
        return almaError(405, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("This method is not supported on this resource."));
    if (rest.size() == 1 && rest[0] == QLatin1String("reports"))
        return reports(request);
    if (!rest.isEmpty() && rest[0] == QLatin1String("paths"))
        return paths(rest.mid(1));
    return almaError(404, QStringLiteral("INVALID_REQUEST"),
                     QStringLiteral("No such Analytics resource in the MigDesk sandbox."));
}

SandboxReply SandboxAnalytics::reports(const SandboxRequest &request)
{
    bool ok = false;
    const int limit = request.hasQuery(QStringLiteral("limit"))
                          ? request.queryValue(QStringLiteral("limit")).toInt(&ok)
                          : (ok = true, kBlock);
    if (!ok || limit < 25 || limit > 1000)
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("limit must be a number between 25 and 1000."));
    const QString token = request.queryValue(QStringLiteral("token"));
    if (!token.isEmpty()) {
        const auto found = std::find_if(m_cursors.begin(), m_cursors.end(),
                                        [&](const Cursor &c) { return c.token == token; });
        if (found == m_cursors.end())
            return almaError(400, QStringLiteral("INVALID_REQUEST"),
                             QStringLiteral("The resumption token is not valid or has expired."));
        const auto *rows = rowsOf(found->path);
        if (!rows || found->offset >= rows->size())
            return almaError(400, QStringLiteral("420033"),
                             QStringLiteral("No more rows to fetch"));
        return page(*found, limit, false);
    }
    const QString path = request.queryValue(QStringLiteral("path"));
    if (path.isEmpty())
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("Either path or token is required."));
    if (path == restrictedReportPath())
        return almaError(403, QStringLiteral("FORBIDDEN"),
                         QStringLiteral("The API key is not allowed to read the Analytics report "
                                        "%1.")
                             .arg(path));
    if (!rowsOf(path))
        return pathNotFound(path);
    if (m_cursors.size() >= kMaxCursors)
        m_cursors.pop_front();
    m_cursors.push_back(
        {QStringLiteral("SANDBOX%1TOKEN").arg(m_nextToken++, 10, 10, QLatin1Char('0')), path, 0});
    return page(m_cursors.back(), limit, true);
}

SandboxReply SandboxAnalytics::page(Cursor &cursor, int limit, bool first) const
{
    const std::vector<QStringList> &rows = *rowsOf(cursor.path);
    const std::size_t size = std::size_t(std::max(kBlock, limit / kBlock * kBlock));
    const std::size_t end = std::min(rows.size(), cursor.offset + size);
    const bool lateFinish = cursor.path == lateFinishReportPath();
    const bool finished = end >= rows.size() && !lateFinish;
    QString xml =
        QStringLiteral("<QueryResult xmlns=\"urn:schemas-microsoft-com:xml-analysis:"
                       "rowset\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
    if (first)
        xml += QStringLiteral("<ResumptionToken>%1</ResumptionToken>").arg(cursor.token);
    xml += QStringLiteral("<IsFinished>%1</IsFinished><ResultXml>")
               .arg(finished ? QStringLiteral("true") : QStringLiteral("false"));
    xml += QStringLiteral("<rowset xmlns=\"urn:schemas-microsoft-com:xml-analysis:rowset\">");
    if (first) {
        xml += QStringLiteral(
            "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:"
            "schemas-microsoft-com:xml-analysis:rowset\" xmlns:saw-sql=\"urn:saw-sql\" "
            "elementFormDefault=\"qualified\"><xsd:complexType name=\"Row\"><xsd:sequence>"
            "<xsd:element minOccurs=\"0\" maxOccurs=\"1\" name=\"Column0\" type=\"xsd:int\" "
            "saw-sql:type=\"integer\" saw-sql:columnHeading=\"0\"/>");
        for (int i = 0; i < headings().size(); ++i)
            xml += QStringLiteral("<xsd:element minOccurs=\"0\" maxOccurs=\"1\" name=\"Column%1\" "
                                  "type=\"xsd:string\" saw-sql:type=\"varchar\" "
                                  "saw-sql:columnHeading=\"%2\"/>")
                       .arg(i + 1)
                       .arg(escaped(headings().at(i)));
        xml += QStringLiteral("</xsd:sequence></xsd:complexType></xsd:schema>");
    }
    for (std::size_t r = cursor.offset; r < end; ++r) {
        xml += QStringLiteral("<Row><Column0>0</Column0>");
        const QStringList &row = rows[r];
        for (int c = 0; c < row.size(); ++c) {
            if (row[c].isEmpty())
                continue; // Analytics leaves an empty cell out of its row
            xml += QStringLiteral("<Column%1>%2</Column%1>").arg(c + 1).arg(escaped(row[c]));
        }
        xml += QStringLiteral("</Row>");
    }
    xml += QStringLiteral("</rowset></ResultXml></QueryResult>");
    cursor.offset = end;
    SandboxReply reply;
    reply.body =
        QByteArray::fromStdString(json{{"anies", json::array({xml.toStdString()})}}.dump());
    return reply;
}

SandboxReply SandboxAnalytics::paths(const QStringList &rest) const
{
    // The path arrives as one encoded segment or as several: either way it is the rest, joined.
    QString path = rest.join(QLatin1Char('/'));
    if (!path.isEmpty() && !path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    struct Entry {
        const char *name;
        const char *type;
    };
    std::vector<Entry> entries;
    if (path.isEmpty() || path == QLatin1String("/"))
        entries = {{"shared", "Folder"}};
    else if (path == QLatin1String("/shared"))
        entries = {{"MigDesk Demo", "Folder"}};
    else if (path == folderPath())
        entries = {{"Reports", "Folder"}, {"Restricted", "Folder"}};
    else if (path == folderPath() + QStringLiteral("/Reports"))
        entries = {{"All physical items", "Report"},
                   {"Technical - Migration items", "Report"},
                   {"Technical - Migration items (late finish)", "Report"}};
    else if (path == folderPath() + QStringLiteral("/Restricted"))
        entries = {{"Staff costs", "Report"}};
    else
        return pathNotFound(path);
    json list = json::array();
    const QString parent = path.isEmpty() || path == QLatin1String("/") ? QString() : path;
    for (const Entry &entry : entries) {
        const QString full = parent + QLatin1Char('/') + QString::fromLatin1(entry.name);
        list.push_back({{"value", entry.name}, {"type", entry.type}, {"path", full.toStdString()}});
    }
    SandboxReply reply;
    reply.body = QByteArray::fromStdString(json{{"path", list}}.dump());
    return reply;
}

} // namespace migdesk::sandbox
