// The desk test bench: see DeskFixture.h.
#include "DeskFixture.h"

#include <QTest>

namespace migdesk::test {

QString demo::burst(int i)
{
    return QStringLiteral("310000000000%1").arg(i, 2, 10, QLatin1Char('0'));
}

namespace {

nlohmann::json item(const QString &barcode, const char *title, const char *callNumber,
                    const char *noteField, const char *note)
{
    const std::string pid = "23" + barcode.toStdString();
    nlohmann::json data = {
        {"pid", pid},
        {"barcode", barcode.toStdString()},
        {"base_status", {{"value", "0"}, {"desc", "Item not in place"}}},
        {"process_type", {{"value", "TECHNICAL"}, {"desc", "Technical - Migration"}}},
        {"library", {{"value", "MAIN"}, {"desc", "Main Library"}}},
        {"location", {{"value", "STACKS"}, {"desc", "Main Stacks"}}},
        {"physical_material_type", {{"value", "BOOK"}, {"desc", "Book"}}},
        {"policy", {{"value", "09"}, {"desc", "Regular loan"}}},
    };
    data[noteField] = note;
    return {{"bib_data", {{"title", title}, {"author", "Author, Test"}}},
            {"holding_data", {{"call_number", callNumber}}},
            {"item_data", data}};
}

} // namespace

QByteArray deskTestData()
{
    nlohmann::json items = nlohmann::json::array();
    items.push_back(item(demo::missing, "The Hidden Life of Trees", "QK475 .W64 2016",
                         "internal_note_1", "Status: Missing"));
    items.push_back(
        item(demo::damaged, "Middlemarch", "PR4662 .A1", "internal_note_1", "Status: Damaged"));
    items.push_back(item(demo::withdrawn, "Old Almanac 1987", "AY67 .A4 1987", "internal_note_1",
                         "Status: Withdrawn"));
    items.push_back(item(demo::lostOnLoan, "Lost Horizons", "PR6015 .I53", "internal_note_3",
                         "Lost--Library Applied"));
    items.push_back(item(demo::unknownNote, "Strange Notes", "QA1 .S7", "internal_note_1",
                         "Status: Frobnicated by the gremlins"));
    items.push_back(
        item(demo::transit, "In Between", "HE1 .T7", "internal_note_1", "Status: In Transit"));
    items.push_back(
        item(demo::billed, "Billed Book", "Z1 .B5", "internal_note_1", "Status: Billed"));
    items.push_back(
        item(demo::missing2, "Second Missing", "QK500 .S2", "internal_note_1", "Status: Missing"));
    for (int i = 1; i <= 20; ++i) {
        const std::string call = "QH" + std::to_string(100 + i);
        items.push_back(
            item(demo::burst(i), "Burst item", call.c_str(), "internal_note_1", "Status: Missing"));
    }
    nlohmann::json loans = nlohmann::json::array();
    loans.push_back({{"item_barcode", demo::lostOnLoan.toStdString()},
                     {"user_id", "PATRON-0042"},
                     {"loan_status", "ACTIVE"},
                     {"loan_date", "2019-03-01T10:00:00Z"},
                     {"due_date", "2019-04-01T23:59:00Z"},
                     {"library", {{"value", "MAIN"}, {"desc", "Main Library"}}},
                     {"circ_desk", {{"value", "DEFAULT_CIRC_DESK"}, {"desc", "Main desk"}}}});
    return QByteArray::fromStdString(nlohmann::json{{"items", items}, {"loans", loans}}.dump());
}

void DeskFixture::SetUp()
{
    ASSERT_TRUE(m_dir.isValid());
    startSandbox();
    ASSERT_TRUE(m_server);
    m_port = m_server->port();

    makeClient();

    auto journal = Journal::open(m_dir.filePath(QStringLiteral("journal.sqlite")));
    ASSERT_TRUE(journal.isOk()) << journal.error().message.toStdString();
    m_journal = std::move(journal.value());

    makeExecutor();
    makeSession(defaultSettings());
}

void DeskFixture::makeClient()
{
    AlmaConfig config;
    config.baseUrl = m_server->baseUrl();
    config.apiKey = m_server->options().apiKey;
    config.rateLimitPerSecond = 25;
    config.deadlineMs = 8000;
    config.transferTimeoutMs = 4000;
    config.maxRetries = 2;
    m_client = std::make_unique<AlmaClient>(&m_network, config);
    QObject::connect(m_client.get(), &AlmaClient::requestFinished, m_client.get(),
                     [this] { ++m_requests; });
}

void DeskFixture::makeExecutor()
{
    ExecutorSettings exec;
    exec.library = QStringLiteral("MAIN");
    exec.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
    m_executor = std::make_unique<Executor>(m_client.get(), m_journal.get(), exec);
}

void DeskFixture::TearDown()
{
    m_session.reset();
    m_executor.reset();
    m_client.reset();
    m_journal.reset();
    m_server.reset();
}

SessionSettings DeskFixture::defaultSettings() const
{
    SessionSettings settings;
    settings.library = QStringLiteral("MAIN");
    settings.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
    return settings;
}

void DeskFixture::makeSession(const SessionSettings &settings)
{
    m_session.reset();
    m_outcomeOrder.clear();
    m_session = std::make_unique<ScanSession>(m_client.get(), m_executor.get(), m_journal.get(),
                                              Planner(), NoteParser(), settings);
    m_session->setRetryBackoff(50, 400);
    QObject::connect(m_session.get(), &ScanSession::outcomeReached, m_session.get(),
                     [this](qint64 id, Outcome outcome) {
                         if (outcome != Outcome::NeedsStaff && outcome != Outcome::Pending)
                             m_outcomeOrder.push_back(id);
                     });
}

void DeskFixture::stopSandbox()
{
    m_server.reset();
}

void DeskFixture::startSandbox(quint16 port)
{
    auto server = std::make_unique<sandbox::SandboxServer>();
    QString error;
    ASSERT_TRUE(server->loadData(deskTestData(), &error)) << error.toStdString();
    ASSERT_TRUE(server->listen(QHostAddress::LocalHost, port));
    m_server = std::move(server);
}

bool DeskFixture::waitFor(const std::function<bool()> &predicate, int timeoutMs)
{
    return QTest::qWaitFor(predicate, timeoutMs);
}

bool DeskFixture::waitSettled(qint64 id, int timeoutMs)
{
    return waitFor(
        [this, id] {
            const ScanRecord *r = m_session->record(id);
            return r && (r->stage == ScanStage::Finished || r->stage == ScanStage::Planned);
        },
        timeoutMs);
}

const ScanRecord &DeskFixture::record(qint64 id) const
{
    static const ScanRecord none;
    const ScanRecord *r = m_session->record(id);
    return r ? *r : none;
}

qint64 DeskFixture::lastId() const
{
    const auto ids = m_session->recordIds();
    return ids.empty() ? 0 : ids.back();
}

std::vector<sandbox::Operation> DeskFixture::writesFor(const QString &barcode) const
{
    std::vector<sandbox::Operation> out;
    if (!m_server)
        return out;
    const QString pid = QStringLiteral("23") + barcode;
    for (const auto &op : m_server->operations()) {
        if (op.barcode == barcode || op.itemPid == pid)
            out.push_back(op);
    }
    return out;
}

QString DeskFixture::processType(const QString &barcode) const
{
    const auto json = m_server->itemJson(barcode);
    if (!json.contains("item_data"))
        return QStringLiteral("<none>");
    const auto &type = json["item_data"]["process_type"];
    if (type.is_object() && type["value"].is_string())
        return QString::fromStdString(type["value"].get<std::string>());
    return {};
}

} // namespace migdesk::test
