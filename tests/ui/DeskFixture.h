// DeskFixture: the real MainWindow on the embedded sandbox (demo data), driven like a scanner:
// keystrokes into the scan field, then Enter. Gives helpers to find demo barcodes by scenario,
// wait for outcomes and read the sandbox's write log.
#pragma once

#include "DeskStack.h"
#include "HistoryModel.h"
#include "MainWindow.h"
#include "PlanPanel.h"
#include "ScanField.h"
#include "desk/ScanRecord.h"
#include "desk/ScanSession.h"
#include "settings/SecretStore.h"
#include "settings/Settings.h"

#include <SandboxServer.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace migdesk::test {

class DeskFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setSoundsEnabled(false);
        configure(*m_settings);
        sandbox::SandboxOptions options;
        options.rateLimit = 25;
        sandboxOptions(options);
        m_sandbox = std::make_unique<sandbox::SandboxServer>(options);
        ASSERT_TRUE(m_sandbox->listen(QHostAddress::LocalHost, 0));
        m_sandbox->loadDemo(400, 1);
        startWindow(m_sandbox->baseUrl(), options.apiKey);
    }

    void TearDown() override
    {
        m_window.reset();
        m_stack.reset();
        m_sandbox.reset();
    }

    // Hooks for derived fixtures.
    virtual void configure(Settings &) {}
    virtual void sandboxOptions(sandbox::SandboxOptions &) {}

    void startWindow(const QUrl &baseUrl, const QString &key)
    {
        DeskConnection connection;
        connection.baseUrl = baseUrl;
        connection.apiKey = key;
        connection.sandbox = true;
        connection.library = QStringLiteral("MAIN");
        connection.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
        connection.rateLimit = 25;
        connection.transferTimeoutMs = 3000;
        connection.deadlineMs = 6000;
        connection.journalPath = m_journalPath; // empty: no journal
        m_stack = std::make_unique<DeskStack>(*m_settings, connection);
        std::vector<DemoBarcode> examples;
        if (m_sandbox) {
            for (const sandbox::DemoExample &example : m_sandbox->demoExamples())
                examples.push_back({example.barcode, example.scenario});
        }
        m_window =
            std::make_unique<MainWindow>(m_stack.get(), m_settings.get(), &m_secrets, examples);
        m_window->resize(1366, 768);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        (void)QTest::qWaitForWindowExposed(m_window.get());
    }

    // Closes the window and its stack and starts new ones on the same sandbox (and on
    // m_journalPath): MigDesk restarted.
    void restartWindow()
    {
        m_window.reset();
        m_stack.reset();
        startWindow(m_sandbox->baseUrl(), m_sandbox->options().apiKey);
    }

    // The first demo barcode whose scenario description contains `words`.
    QString demoBarcode(const QString &words, int nth = 0) const
    {
        for (const sandbox::DemoExample &example : m_sandbox->demoExamples()) {
            if (example.scenario.contains(words, Qt::CaseInsensitive) && nth-- == 0)
                return example.barcode;
        }
        ADD_FAILURE() << "no demo barcode for " << words.toStdString();
        return {};
    }

    void scan(const QString &barcode)
    {
        ScanField *field = m_window->scanField();
        QTest::keyClicks(field, barcode);
        QTest::keyClick(field, Qt::Key_Return);
    }

    static bool waitFor(const std::function<bool()> &done, int timeoutMs = 15000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!done()) {
            if (timer.elapsed() > timeoutMs)
                return false;
            QTest::qWait(10);
        }
        return true;
    }

    ScanSession *session() const { return m_stack->session(); }

    const ScanRecord *recordFor(const QString &barcode) const
    {
        const std::vector<qint64> ids = session()->recordIds();
        for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
            const ScanRecord *record = session()->record(*it);
            if (record && record->barcode == barcode)
                return record;
        }
        return nullptr;
    }

    bool reachedStage(const QString &barcode, ScanStage stage) const
    {
        const ScanRecord *record = recordFor(barcode);
        return record && record->stage == stage;
    }

    bool finished(const QString &barcode) const
    {
        return reachedStage(barcode, ScanStage::Finished);
    }

    // The writes Alma applied to this item (answered 2xx; a 429 applied nothing).
    std::vector<sandbox::Operation> writesFor(const QString &barcode) const
    {
        std::vector<sandbox::Operation> writes;
        const nlohmann::json item = m_sandbox->itemJson(barcode);
        QString pid;
        if (item.contains("item_data") && item["item_data"].contains("pid"))
            pid = QString::fromStdString(item["item_data"]["pid"].get<std::string>());
        for (const sandbox::Operation &op : m_sandbox->operations()) {
            const bool applied = op.status >= 200 && op.status < 300;
            if (applied && (op.barcode == barcode || (!pid.isEmpty() && op.itemPid == pid)))
                writes.push_back(op);
        }
        return writes;
    }

    // The sandbox's requests with this method whose path contains `pathPart`, from index `from`.
    int countOps(const QString &method, const QString &pathPart, size_t from = 0) const
    {
        const auto ops = m_sandbox->operations();
        int n = 0;
        for (size_t i = from; i < ops.size(); ++i)
            n += ops[i].method == method && ops[i].path.contains(pathPart) ? 1 : 0;
        return n;
    }

    // The history rows of this barcode with this outcome.
    int historyRows(const QString &barcode, Outcome outcome) const
    {
        int n = 0;
        for (const HistoryRow &row : m_window->historyModel()->rows())
            n += row.barcode == barcode && row.outcome == outcome ? 1 : 0;
        return n;
    }

    // The process type the sandbox holds for the item now.
    QString processType(const QString &barcode) const
    {
        const nlohmann::json item = m_sandbox->itemJson(barcode);
        return QString::fromStdString(
            item["item_data"]["process_type"].value("value", std::string()));
    }

    PlanPanel *planPanel() const { return m_window->findChild<PlanPanel *>(); }

    QPushButton *button(const QString &objectName) const
    {
        return m_window->findChild<QPushButton *>(objectName);
    }

    QString historyText(int row, int column) const
    {
        HistoryModel *model = m_window->historyModel();
        return model->data(model->index(row, column)).toString();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    InMemorySecretStore m_secrets;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<DeskStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
    QString m_journalPath; // set before startWindow() to start with a journal
};

} // namespace migdesk::test
