// Settings and Alma's codes: after Test connection the codes come from Alma's configuration API
// (the sandbox serves it); Save refuses a made-up code and says whether a restart is needed.
#include "ConnectionTester.h"
#include "DeskFixture.h"
#include "MessageArea.h"
#include "SettingsDialog.h"
#include "alma/AlmaCodes.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>

namespace migdesk::test {

TEST(ConnectionTesterCodesTest, ATestReadsTheInstitutionsCodes)
{
    sandbox::SandboxServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    ConnectionTester tester;
    tester.setLibrary(QStringLiteral("MAIN"));
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(server.baseUrl(), server.options().apiKey);
    ASSERT_TRUE(finished.wait(15000));
    const AlmaCodes &codes = tester.codes();
    EXPECT_TRUE(AlmaCodes::contains(codes.libraries, QStringLiteral("MAIN")));
    EXPECT_TRUE(AlmaCodes::contains(codes.circDesks, QStringLiteral("DEFAULT_CIRC_DESK")));
    EXPECT_TRUE(AlmaCodes::contains(codes.locations, QStringLiteral("REVIEW")));
    EXPECT_TRUE(AlmaCodes::contains(codes.conditions, QStringLiteral("DAMAGED")));
    EXPECT_FALSE(codes.departments.empty());
    EXPECT_FALSE(codes.workOrderTypes.empty());
    EXPECT_TRUE(codes.problems.isEmpty()) << codes.problems.join(QLatin1Char('\n')).toStdString();
}

TEST(AlmaCodesTest, UnknownCodesAreNamedWithWhatAlmaKnows)
{
    AlmaCodes codes;
    codes.libraries = {{QStringLiteral("MAIN"), QStringLiteral("Main")}};
    codes.conditions = {{QStringLiteral("DAMAGED"), QStringLiteral("Damaged")}};
    CodeChoices choices;
    choices.library = QStringLiteral("MAIN");
    choices.conditionCode = QStringLiteral("BROKEN");
    const QStringList problems = unknownCodes(codes, choices);
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems.front().contains(QStringLiteral("BROKEN")));
    EXPECT_TRUE(problems.front().contains(QStringLiteral("DAMAGED")));
    // A list Alma did not give refuses nothing.
    choices.circDesk = QStringLiteral("ANY");
    EXPECT_EQ(unknownCodes(codes, choices).size(), 1);
}

TEST_F(DeskFixture, SettingsRefuseAConditionAlmaDoesNotKnowAndSayWhenARestartIsNeeded)
{
    SettingsDialog *dialog = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == QStringLiteral("Settings…"))
            action->trigger();
    }
    dialog = m_window->findChild<SettingsDialog *>();
    ASSERT_NE(dialog, nullptr);
    auto *region = dialog->findChild<QComboBox *>(QStringLiteral("regionComboBox"));
    region->setCurrentIndex(region->findData(QStringLiteral("custom")));
    dialog->findChild<QLineEdit *>(QStringLiteral("customUrlLineEdit"))
        ->setText(m_sandbox->baseUrl().toString());
    dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyLineEdit"))
        ->setText(m_sandbox->options().apiKey);
    dialog->findChild<QLineEdit *>(QStringLiteral("libraryLineEdit"))
        ->setText(QStringLiteral("MAIN"));
    dialog->findChild<QPushButton *>(QStringLiteral("testConnectionPushButton"))->click();
    auto *summary = dialog->findChild<QLabel *>(QStringLiteral("almaCodesLabel"));
    ASSERT_TRUE(waitFor([&] { return summary->isVisibleTo(dialog); }));
    EXPECT_TRUE(summary->text().contains(QStringLiteral("libraries")))
        << summary->text().toStdString();
    EXPECT_NE(dialog->findChild<QLineEdit *>(QStringLiteral("conditionLineEdit"))->completer(),
              nullptr);

    auto *condition = dialog->findChild<QLineEdit *>(QStringLiteral("conditionLineEdit"));
    condition->setText(QStringLiteral("MADE_UP"));
    dialog->accept();
    auto *problems = dialog->findChild<QLabel *>(QStringLiteral("codeProblemsLabel"));
    EXPECT_TRUE(problems->isVisibleTo(dialog));
    EXPECT_TRUE(problems->text().contains(QStringLiteral("MADE_UP")))
        << problems->text().toStdString();
    EXPECT_NE(m_settings->conditionCode(), QStringLiteral("MADE_UP"));
    EXPECT_TRUE(dialog->isVisible());

    // A review shelf that is not a location of the desk's library is refused the same way.
    condition->setText(QStringLiteral("DAMAGED"));
    auto *method = dialog->findChild<QComboBox *>(QStringLiteral("reviewMethod_catalogreview"));
    method->setCurrentIndex(method->findData(QStringLiteral("temp_location")));
    dialog->findChild<QLineEdit *>(QStringLiteral("reviewTempLibrary_catalogreview"))
        ->setText(QStringLiteral("MAIN"));
    auto *shelf =
        dialog->findChild<QLineEdit *>(QStringLiteral("reviewTempLocation_catalogreview"));
    shelf->setText(QStringLiteral("NOWHERE"));
    dialog->accept();
    EXPECT_TRUE(problems->text().contains(QStringLiteral("NOWHERE")))
        << problems->text().toStdString();
    EXPECT_TRUE(problems->text().contains(QStringLiteral("REVIEW")));
    EXPECT_TRUE(dialog->isVisible());

    shelf->setText(QStringLiteral("REVIEW"));
    dialog->accept();
    EXPECT_EQ(m_settings->conditionCode(), QStringLiteral("DAMAGED"));
    EXPECT_EQ(m_settings->reviewHandling(QStringLiteral("CATALOG_REVIEW")).tempLocation.location,
              QStringLiteral("REVIEW"));
    // The URL and the key changed: the window says a restart is needed.
    EXPECT_TRUE(m_window->messageArea()->text().contains(QStringLiteral("when MigDesk restarts")))
        << m_window->messageArea()->text().toStdString();
}

} // namespace migdesk::test
