// Items in the sandbox: loading, the barcode redirect, GET, whole-record PUT, scan-in,
// loans, DELETE and the staff-side test hooks (see SandboxState.h).
#include "SandboxCatalog.h"
#include "SandboxErrors.h"
#include "SandboxItemShape.h"
#include "SandboxState.h"

#include <QDate>

namespace migdesk::sandbox {

using nlohmann::json;

namespace {

std::string u8(const QString &text)
{
    return text.toStdString();
}

QString qs(const json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_object())
        return qs(*it, "value");
    return QString::fromStdString(it->dump());
}

QString itemBase(const json &item)
{
    return QStringLiteral("/almaws/v1/bibs/%1/holdings/%2/items/%3")
        .arg(qs(item["bib_data"], "mms_id"), qs(item["holding_data"], "holding_id"),
             qs(item["item_data"], "pid"));
}

bool isActiveLoan(const json &loan)
{
    return qs(loan, "loan_status") == QLatin1String("ACTIVE");
}

bool hasActiveLoan(const ItemRecord &record)
{
    for (const auto &loan : record.loans) {
        if (isActiveLoan(loan))
            return true;
    }
    return false;
}

} // namespace

std::string almaToday()
{
    return u8(QDate::currentDate().toString(Qt::ISODate)) + "Z";
}

json codeValue(const QString &value, const QString &desc)
{
    return json{{"value", u8(value)}, {"desc", desc.isEmpty() ? json(nullptr) : json(u8(desc))}};
}

SandboxState::SandboxState(const SandboxOptions &options)
    : m_options(options)
{}

size_t SandboxState::itemCount() const
{
    return m_byPid.size();
}

void SandboxState::loadRecords(std::vector<ItemRecord> records, std::vector<DemoExample> examples,
                               RecordFactory rebuild)
{
    m_records = std::move(records);
    m_examples = std::move(examples);
    m_rebuild = std::move(rebuild);
    clearWork();
}

void SandboxState::reset()
{
    if (m_rebuild)
        m_records = m_rebuild();
    clearWork();
}

void SandboxState::clearWork()
{
    m_sets.clear();
    m_jobs.clear();
    m_runHistory.clear();
    m_inHouseUses = 0;
    rebuildIndex();
}

void SandboxState::rebuildIndex()
{
    m_byPid.clear();
    m_byBarcode.clear();
    m_byPid.reserve(m_records.size());
    m_byBarcode.reserve(m_records.size());
    for (size_t i = 0; i < m_records.size(); ++i) {
        if (m_records[i].deleted)
            continue;
        const json &data = m_records[i].item["item_data"];
        m_byPid[data.value("pid", std::string())] = i;
        m_byBarcode[data.value("barcode", std::string())] = i;
    }
}

bool SandboxState::loadDataJson(const QByteArray &text, QString *error)
{
    std::vector<ItemRecord> records;
    if (!parseDataJson(text, &records, error))
        return false;
    loadRecords(std::move(records), {}, [text] {
        std::vector<ItemRecord> again;
        parseDataJson(text, &again, nullptr);
        return again;
    });
    return true;
}

bool SandboxState::parseDataJson(const QByteArray &text, std::vector<ItemRecord> *out,
                                 QString *error)
{
    json document = json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (document.is_discarded() || !document.is_object())
        return fail(QStringLiteral("The data file is not a JSON object."));
    const json &items = document["items"];
    if (!items.is_array())
        return fail(QStringLiteral("The data file has no \"items\" array."));
    std::vector<ItemRecord> records;
    records.reserve(items.size());
    std::unordered_map<std::string, size_t> byPid;
    std::unordered_map<std::string, size_t> byBarcode;
    for (size_t i = 0; i < items.size(); ++i) {
        QString problem;
        json item = normalizeItem(items[i], &problem);
        if (!problem.isEmpty())
            return fail(QStringLiteral("Item %1: %2").arg(i + 1).arg(problem));
        const std::string pid = item["item_data"]["pid"].get<std::string>();
        const std::string barcode = item["item_data"]["barcode"].get<std::string>();
        if (byPid.count(pid) || byBarcode.count(barcode))
            return fail(QStringLiteral("Item %1: duplicate pid or barcode.").arg(i + 1));
        byPid[pid] = records.size();
        byBarcode[barcode] = records.size();
        ItemRecord record;
        record.item = std::move(item);
        records.push_back(std::move(record));
    }
    auto attach = [&](const char *key, bool loan) -> bool {
        const json &list = document[key];
        if (list.is_null())
            return true;
        if (!list.is_array())
            return fail(QStringLiteral("\"%1\" is not an array.").arg(QLatin1String(key)));
        for (const json &entry : list) {
            const QString pid = qs(entry, "item_id");
            const QString barcode = qs(entry, "item_barcode");
            size_t index = records.size();
            if (!pid.isEmpty() && byPid.count(u8(pid)))
                index = byPid[u8(pid)];
            else if (!barcode.isEmpty() && byBarcode.count(u8(barcode)))
                index = byBarcode[u8(barcode)];
            if (index == records.size()) {
                return fail(QStringLiteral("A %1 names no known item (item_id \"%2\", "
                                           "item_barcode \"%3\").")
                                .arg(QLatin1String(loan ? "loan" : "request"), pid, barcode));
            }
            ItemRecord &record = records[index];
            json copy = entry;
            if (loan) {
                if (!copy.contains("loan_status"))
                    copy["loan_status"] = "ACTIVE";
                if (!copy.contains("loan_id"))
                    copy["loan_id"] =
                        std::to_string(7300000000000000ULL + record.loans.size() + index * 10);
                copy["item_barcode"] = record.item["item_data"]["barcode"];
                record.loans.push_back(std::move(copy));
            } else {
                if (!copy.contains("request_status"))
                    copy["request_status"] = "NOT_STARTED";
                record.requests.push_back(std::move(copy));
                record.item["item_data"]["requested"] = true;
            }
        }
        return true;
    };
    if (!attach("loans", true) || !attach("requests", false))
        return false;
    *out = std::move(records);
    return true;
}

ItemRecord *SandboxState::recordByPid(const std::string &pid)
{
    const auto it = m_byPid.find(pid);
    return it == m_byPid.end() ? nullptr : &m_records[it->second];
}

const ItemRecord *SandboxState::recordByPid(const std::string &pid) const
{
    const auto it = m_byPid.find(pid);
    return it == m_byPid.end() ? nullptr : &m_records[it->second];
}

const ItemRecord *SandboxState::recordByBarcode(const std::string &barcode) const
{
    const auto it = m_byBarcode.find(barcode);
    return it == m_byBarcode.end() ? nullptr : &m_records[it->second];
}

QString SandboxState::pidForBarcode(const QString &barcode) const
{
    const ItemRecord *record = recordByBarcode(u8(barcode));
    return record ? qs(record->item["item_data"], "pid") : QString();
}

QString SandboxState::barcodeForPid(const QString &pid) const
{
    const ItemRecord *record = recordByPid(u8(pid));
    return record ? qs(record->item["item_data"], "barcode") : QString();
}

const ItemRecord *SandboxState::resolve(const QStringList &ids, SandboxReply *error) const
{
    return const_cast<SandboxState *>(this)->resolve(ids, error);
}

ItemRecord *SandboxState::resolve(const QStringList &ids, SandboxReply *error)
{
    ItemRecord *record = ids.size() == 3 ? recordByPid(u8(ids[2])) : nullptr;
    if (record && qs(record->item["bib_data"], "mms_id") == ids[0] &&
        qs(record->item["holding_data"], "holding_id") == ids[1])
        return record;
    *error = almaError(400, QStringLiteral("401690"),
                       QStringLiteral("No Item found for mmsId %1, holdingId %2 and itemId %3.")
                           .arg(ids.value(0), ids.value(1), ids.value(2)));
    return nullptr;
}

json SandboxState::withLinks(const json &item, const QString &base) const
{
    json copy = item;
    const QString mms = qs(item["bib_data"], "mms_id");
    const QString holding = qs(item["holding_data"], "holding_id");
    copy["bib_data"]["link"] = u8(base + QStringLiteral("/almaws/v1/bibs/") + mms);
    copy["holding_data"]["link"] =
        u8(base + QStringLiteral("/almaws/v1/bibs/%1/holdings/%2").arg(mms, holding));
    copy["link"] = u8(base + itemBase(item));
    return copy;
}

SandboxReply SandboxState::itemByBarcode(const QString &barcode, const QString &base) const
{
    const ItemRecord *record = recordByBarcode(u8(barcode));
    if (!record) {
        return almaError(400, QStringLiteral("401689"),
                         QStringLiteral("No items found for barcode %1.").arg(barcode));
    }
    SandboxReply reply;
    reply.status = 302;
    reply.headers.emplace_back("Location", (base + itemBase(record->item)).toUtf8());
    return reply;
}

SandboxReply SandboxState::getItem(const QStringList &ids, const QString &base) const
{
    SandboxReply reply;
    const ItemRecord *record = resolve(ids, &reply);
    if (record)
        reply.body = QByteArray::fromStdString(withLinks(record->item, base).dump());
    return reply;
}

SandboxReply SandboxState::putItem(const QStringList &ids, const QByteArray &body,
                                   const QString &base)
{
    SandboxReply reply;
    ItemRecord *record = resolve(ids, &reply);
    if (!record)
        return reply;
    const json sent = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (sent.is_discarded() || !sent.is_object() || !sent.contains("item_data") ||
        !sent["item_data"].is_object()) {
        return almaError(400, QStringLiteral("401652"),
                         QStringLiteral("General Error - An error has occurred while processing "
                                        "the request: the body is not an item."));
    }
    json replaced = record->item;
    QString problem;
    json data = replaceItemData(record->item["item_data"], sent["item_data"],
                                m_options.processTypeWritable, hasActiveLoan(*record), &problem);
    if (!problem.isEmpty()) {
        const bool mandatory = problem.startsWith(QLatin1String("Mandatory"));
        return almaError(400, mandatory ? QStringLiteral("401664") : QStringLiteral("40166404"),
                         problem);
    }
    const json sentHolding = sent.contains("holding_data") ? sent["holding_data"] : json::object();
    json holding = replaceTempLocation(record->item["holding_data"], sentHolding, &problem);
    if (!problem.isEmpty()) {
        const bool mandatory = problem.startsWith(QLatin1String("Mandatory"));
        return almaError(400, mandatory ? QStringLiteral("401664") : QStringLiteral("40166404"),
                         problem);
    }
    const std::string oldBarcode = record->item["item_data"]["barcode"].get<std::string>();
    const std::string newBarcode = data["barcode"].get<std::string>();
    if (newBarcode != oldBarcode) {
        if (m_byBarcode.count(newBarcode)) {
            return almaError(400, QStringLiteral("40166404"),
                             QStringLiteral("Invalid field: barcode %1 is already in use.")
                                 .arg(QString::fromStdString(newBarcode)));
        }
        const size_t index = m_byBarcode[oldBarcode];
        m_byBarcode.erase(oldBarcode);
        m_byBarcode[newBarcode] = index;
    }
    data["modification_date"] = almaToday();
    record->item["item_data"] = std::move(data);
    record->item["holding_data"] = std::move(holding);
    reply.body = QByteArray::fromStdString(withLinks(record->item, base).dump());
    return reply;
}

void SandboxState::returnItem(ItemRecord &record, const QString &library, const QString &desk,
                              QString *info)
{
    Q_UNUSED(desk);
    json &data = record.item["item_data"];
    for (auto &loan : record.loans) {
        if (isActiveLoan(loan)) {
            loan["loan_status"] = "COMPLETE";
            loan["return_date"] = u8(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        }
    }
    data.erase("work_order_type");
    data.erase("work_order_at");
    // An item in a temporary location belongs there until the location is cleared.
    const QString ownLibrary = currentLibrary(record.item);
    const SandboxLibrary *own = findLibrary(ownLibrary);
    const QString ownName = own ? QString::fromUtf8(own->name) : ownLibrary;
    if (!record.requests.empty()) {
        json &request = record.requests.front();
        QString pickup = qs(request, "pickup_location_library");
        if (pickup.isEmpty())
            pickup = ownLibrary;
        const QString requester = qs(request, "user_primary_id");
        const QString requesterName = qs(request, "requester_name");
        if (pickup == library) {
            request["request_status"] = "ON_HOLD_SHELF";
            data["process_type"] = codeValue(QStringLiteral("HOLDSHELF"),
                                             processTypeDesc(QStringLiteral("HOLDSHELF")));
            *info = QStringLiteral("Item's destination is: Hold Shelf. Request/Process Type: "
                                   "Patron physical item request. Requester: %1. Requester ID: "
                                   "%2. Place in Queue: 1")
                        .arg(requesterName, requester);
        } else {
            request["request_status"] = "IN_PROCESS";
            const SandboxLibrary *target = findLibrary(pickup);
            data["process_type"] =
                codeValue(QStringLiteral("TRANSIT"), processTypeDesc(QStringLiteral("TRANSIT")));
            *info = QStringLiteral("Item's destination is: %1. Request/Process Type: Patron "
                                   "physical item request. Requester: %2. Requester ID: %3. "
                                   "Place in Queue: 1")
                        .arg(target ? QString::fromUtf8(target->name) : pickup, requesterName,
                             requester);
        }
        data["base_status"] = codeValue(QStringLiteral("0"), QStringLiteral("Item not in place"));
    } else if (library == ownLibrary) {
        data["process_type"] = codeValue(QString(), QString());
        data["base_status"] = codeValue(QStringLiteral("1"), QStringLiteral("Item in place"));
        const QString shelf = currentLocation(record.item);
        const char *location = own ? findLocationName(*own, shelf) : nullptr;
        *info = QStringLiteral("Item's destination is: Reshelve to %1. Request/Process Type: . "
                               "Requester: . Requester ID: . Place in Queue: ")
                    .arg(location ? QString::fromUtf8(location) : shelf);
    } else {
        data["process_type"] =
            codeValue(QStringLiteral("TRANSIT"), processTypeDesc(QStringLiteral("TRANSIT")));
        data["base_status"] = codeValue(QStringLiteral("0"), QStringLiteral("Item not in place"));
        *info = QStringLiteral("Item's destination is: %1. Request/Process Type: Transit for "
                               "reshelving. Requester: . Requester ID: . Place in Queue: 1")
                    .arg(ownName);
    }
}

SandboxReply SandboxState::scanIn(const QStringList &ids, const SandboxRequest &request,
                                  const QString &base)
{
    SandboxReply reply;
    ItemRecord *record = resolve(ids, &reply);
    if (!record)
        return reply;
    if (request.queryValue(QStringLiteral("op")) != QLatin1String("scan")) {
        return almaError(400, QStringLiteral("401652"),
                         QStringLiteral("General Error - the operation is not supported; "
                                        "use op=scan."));
    }
    const QString libraryCode = request.queryValue(QStringLiteral("library"));
    const QString desk = request.queryValue(QStringLiteral("circ_desk"));
    const QString departmentCode = request.queryValue(QStringLiteral("department"));
    if (desk.isEmpty() == departmentCode.isEmpty()) {
        return almaError(400, QStringLiteral("40166415"),
                         QStringLiteral("Exactly one of circ_desk or department must be given."));
    }
    if (libraryCode.isEmpty()) {
        return almaError(400, QStringLiteral("401664"),
                         QStringLiteral("Mandatory field is missing: library"));
    }
    const SandboxLibrary *library = findLibrary(libraryCode);
    if (!library) {
        return almaError(
            400, QStringLiteral("402502"),
            QStringLiteral("Failed to scan in item: library %1 is not defined.").arg(libraryCode));
    }
    json &data = record->item["item_data"];
    const bool hadLoan = hasActiveLoan(*record);
    QString info;
    if (!desk.isEmpty()) {
        if (!hasCircDesk(*library, desk)) {
            return almaError(400, QStringLiteral("402502"),
                             QStringLiteral("Failed to scan in item: circulation desk %1 is not "
                                            "defined in library %2.")
                                 .arg(desk, libraryCode));
        }
        returnItem(*record, libraryCode, desk, &info);
    } else {
        const SandboxDepartment *department = findDepartment(departmentCode);
        if (!department) {
            return almaError(400, QStringLiteral("402502"),
                             QStringLiteral("Failed to scan in item: department %1 is not "
                                            "defined in library %2.")
                                 .arg(departmentCode, libraryCode));
        }
        const bool done = request.queryValue(QStringLiteral("done")) == QLatin1String("true");
        if (done) {
            const bool inThisDepartment =
                qs(data, "process_type") == QLatin1String("WORK_ORDER_DEPARTMENT") &&
                qs(data, "work_order_at") == departmentCode;
            if (!inThisDepartment) {
                return almaError(400, QStringLiteral("402504"),
                                 QStringLiteral("Failed to scan in item: the item is not in a "
                                                "work order of department %1.")
                                     .arg(departmentCode));
            }
            returnItem(*record, libraryCode, QString(), &info);
        } else {
            const QString type = request.queryValue(QStringLiteral("work_order_type"));
            const char *typeName = findWorkOrderTypeName(*department, type);
            if (!typeName) {
                return almaError(400, QStringLiteral("402504"),
                                 QStringLiteral("Failed to scan in item: work order type \"%1\" "
                                                "is not defined for department %2.")
                                     .arg(type, departmentCode));
            }
            for (auto &loan : record->loans) {
                if (isActiveLoan(loan))
                    loan["loan_status"] = "COMPLETE";
            }
            data["process_type"] =
                codeValue(QStringLiteral("WORK_ORDER_DEPARTMENT"),
                          processTypeDesc(QStringLiteral("WORK_ORDER_DEPARTMENT")));
            data["base_status"] =
                codeValue(QStringLiteral("0"), QStringLiteral("Item not in place"));
            data["work_order_type"] = codeValue(type, QString::fromUtf8(typeName));
            data["work_order_at"] = codeValue(departmentCode, QString::fromUtf8(department->name));
            info = QStringLiteral("Item's destination is: %1. Request/Process Type: %2. "
                                  "Requester: . Requester ID: . Place in Queue: ")
                       .arg(QString::fromUtf8(department->name), QString::fromUtf8(typeName));
        }
    }
    data["requested"] = record->requests.empty() ? json(false) : json(true);
    data["modification_date"] = almaToday();
    if (request.queryValue(QStringLiteral("register_in_house_use")) != QLatin1String("false") &&
        !hadLoan) {
        ++record->inHouseUses;
        ++m_inHouseUses;
    }
    json answer = withLinks(record->item, base);
    answer["additional_info"] = u8(info);
    reply.body = QByteArray::fromStdString(answer.dump());
    return reply;
}

SandboxReply SandboxState::loans(const QStringList &ids, const SandboxRequest &request,
                                 const QString &base) const
{
    SandboxReply reply;
    const ItemRecord *record = resolve(ids, &reply);
    if (!record)
        return reply;
    QString wanted = request.queryValue(QStringLiteral("loan_status")).toUpper();
    if (wanted.isEmpty())
        wanted = QStringLiteral("ACTIVE");
    json list = json::array();
    for (const auto &loan : record->loans) {
        if (qs(loan, "loan_status") != wanted)
            continue;
        json copy = loan;
        copy["link"] =
            u8(base + itemBase(record->item) + QStringLiteral("/loans/") + qs(loan, "loan_id"));
        list.push_back(std::move(copy));
    }
    json answer = json::object();
    if (!list.empty())
        answer["item_loan"] = list;
    answer["total_record_count"] = list.size();
    reply.body = QByteArray::fromStdString(answer.dump());
    return reply;
}

SandboxReply SandboxState::deleteItem(const QStringList &ids, const SandboxRequest &request)
{
    SandboxReply reply;
    ItemRecord *record = resolve(ids, &reply);
    if (!record)
        return reply;
    const QString holdings = request.queryValue(QStringLiteral("holdings"));
    const QString bib = request.queryValue(QStringLiteral("bib"));
    const QStringList policies = {QStringLiteral("retain"), QStringLiteral("delete"),
                                  QStringLiteral("suppress")};
    if ((!holdings.isEmpty() && !policies.contains(holdings)) ||
        (!bib.isEmpty() && !policies.contains(bib)) ||
        (!bib.isEmpty() && bib != QLatin1String("retain") && holdings != QLatin1String("delete"))) {
        return almaError(400, QStringLiteral("40166404"),
                         QStringLiteral("Invalid field: holdings must be retain, delete or "
                                        "suppress; bib other than retain needs holdings=delete."));
    }
    const bool override = request.queryValue(QStringLiteral("override")) == QLatin1String("true");
    if (!override && hasActiveLoan(*record)) {
        return almaError(400, QStringLiteral("401849"),
                         QStringLiteral("Item delete errors: Item has an active loan."));
    }
    if (!override && !record->requests.empty()) {
        return almaError(400, QStringLiteral("401849"),
                         QStringLiteral("Item delete errors: Item has active requests."));
    }
    record->deleted = true;
    m_byPid.erase(record->item["item_data"]["pid"].get<std::string>());
    m_byBarcode.erase(record->item["item_data"]["barcode"].get<std::string>());
    reply.status = 204;
    return reply;
}

bool SandboxState::touch(const QString &barcode)
{
    const auto it = m_byBarcode.find(u8(barcode));
    if (it == m_byBarcode.end())
        return false;
    json &data = m_records[it->second].item["item_data"];
    data["modification_date"] = almaToday();
    data["internal_note_2"] = u8(QStringLiteral("Checked by another staff member %1")
                                     .arg(QDateTime::currentDateTimeUtc().toString(
                                         QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"))));
    return true;
}

bool SandboxState::declareLoan(const QString &barcode, const QString &action)
{
    const auto it = m_byBarcode.find(u8(barcode));
    if (it == m_byBarcode.end())
        return false;
    const bool lost = action == QLatin1String("lost");
    if (!lost && action != QLatin1String("claimed_returned"))
        return false;
    ItemRecord &record = m_records[it->second];
    for (auto &loan : record.loans) {
        if (!isActiveLoan(loan))
            continue;
        loan["process_status"] = lost ? "LOST" : "CLAIMED_RETURN";
        const QString type =
            lost ? QStringLiteral("LOST_LOAN") : QStringLiteral("CLAIM_RETURNED_LOAN");
        json &data = record.item["item_data"];
        data["process_type"] = codeValue(type, processTypeDesc(type));
        data["base_status"] = codeValue(QStringLiteral("0"), QStringLiteral("Item not in place"));
        data["modification_date"] = almaToday();
        return true;
    }
    return false;
}

json SandboxState::itemJson(const QString &barcode, const QString &base) const
{
    const ItemRecord *record = recordByBarcode(u8(barcode));
    return record ? withLinks(record->item, base) : json();
}

} // namespace migdesk::sandbox
