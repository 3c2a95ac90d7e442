// DeskStack: builds the core objects in dependency order and maps Settings onto the session
// and executor settings.
#include "DeskStack.h"

#include "alma/AlmaClient.h"
#include "desk/ScanRecord.h"
#include "desk/ScanSession.h"
#include "journal/Journal.h"
#include "legacy/NoteParser.h"
#include "pipeline/Executor.h"
#include "planning/Planner.h"
#include "planning/Rules.h"
#include "settings/Settings.h"

#include <QNetworkAccessManager>

namespace migdesk {

namespace {
SessionSettings sessionSettings(const Settings &settings, const DeskConnection &connection)
{
    SessionSettings session;
    session.library = connection.library.isEmpty() ? settings.library() : connection.library;
    session.circDesk = connection.circDesk.isEmpty() ? settings.circDesk() : connection.circDesk;
    session.autoApply = settings.autoApply();
    session.dryRun = settings.dryRun();
    session.mode = settings.workMode();
    session.scannerPrefix = settings.scannerPrefix();
    session.scannerSuffix = settings.scannerSuffix();
    session.barcodePattern = settings.barcodePattern();
    session.codabarCheckDigit = settings.codabarCheckDigit();
    session.barcodeMinLength = settings.barcodeMinLength();
    session.repeatWindowMs = settings.repeatWindowMs();
    session.oneAtATime = settings.oneAtATime();
    session.operatorName = settings.operatorName();
    return session;
}

ExecutorSettings executorSettings(const Settings &settings, const DeskConnection &connection)
{
    ExecutorSettings executor;
    executor.library = connection.library.isEmpty() ? settings.library() : connection.library;
    executor.circDesk = connection.circDesk.isEmpty() ? settings.circDesk() : connection.circDesk;
    executor.conditionCode = settings.conditionCode();
    executor.missingStrategy = settings.missingStrategy();
    executor.withdrawHoldings = settings.withdrawHoldings();
    executor.withdrawBib = settings.withdrawBib();
    executor.dryRun = settings.dryRun();
    executor.stampField = settings.stampNote();
    executor.stampTemplate = settings.stampTemplate();
    executor.operatorName = settings.operatorName();
    return executor;
}
} // namespace

DeskStack::DeskStack(const Settings &settings, DeskConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_network(new QNetworkAccessManager(this))
{
    AlmaConfig config;
    config.baseUrl = m_connection.baseUrl;
    config.apiKey = m_connection.apiKey;
    config.rateLimitPerSecond = m_connection.rateLimit;
    config.transferTimeoutMs = m_connection.transferTimeoutMs;
    config.deadlineMs = m_connection.deadlineMs;
    config.caFile = settings.caFile();
    config.proxy = settings.proxy();
    m_client = new AlmaClient(m_network, config, this);

    if (!m_connection.journalPath.isEmpty()) {
        Result<std::unique_ptr<Journal>> journal = Journal::open(m_connection.journalPath);
        if (journal.isOk()) {
            m_journal = std::move(journal.value());
            m_journal->setOperator(settings.operatorName());
        } else {
            m_warning = tr("The journal could not be opened (%1): scans are not kept after a"
                           " restart.")
                            .arg(journal.error().message);
        }
    }

    const RulesLoad rules = loadRulesOrDefaults(settings.rulesFile());
    if (!rules.warning.isEmpty())
        m_warning =
            m_warning.isEmpty() ? rules.warning : m_warning + QLatin1Char('\n') + rules.warning;
    m_sourceIls = settings.sourceIls();
    m_executor =
        new Executor(m_client, m_journal.get(), executorSettings(settings, m_connection), this);
    m_session =
        new ScanSession(m_client, m_executor, m_journal.get(),
                        Planner(rules.rules.withOverrides(settings.ruleOverrides())),
                        NoteParser(m_sourceIls), sessionSettings(settings, m_connection), this);
}

DeskStack::~DeskStack()
{
    // The session and executor use the journal: delete them first.
    delete m_session;
    delete m_executor;
    m_journal.reset();
}

void DeskStack::applySettings(const Settings &settings)
{
    if (m_journal)
        m_journal->setOperator(settings.operatorName());
    m_executor->setSettings(executorSettings(settings, m_connection));
    m_session->setSettings(sessionSettings(settings, m_connection));
    // Work orders and the condition code saved in Settings reach the next scans at once.
    m_session->setPlanner(Planner(
        loadRulesOrDefaults(settings.rulesFile()).rules.withOverrides(settings.ruleOverrides())));
    // The source ILS too: the next scan's note is read as the settings now say.
    if (settings.sourceIls() != m_sourceIls) {
        m_sourceIls = settings.sourceIls();
        m_session->setParser(NoteParser(m_sourceIls));
    }
}

} // namespace migdesk
