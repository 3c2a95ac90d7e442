// Recovery when the desk window starts, against the embedded sandbox: the journal of "the last
// session" holds two unfinished scans (one whose scan-in reached Alma but whose reply was never
// journaled, one never looked up). The real MainWindow offers them in a banner without taking the
// scan field's focus; Enter does not resume; Alt+U does, and the sandbox's write log shows the
// missing write once and no new write for the one Alma already shows.
#include "DeskFixture.h"

#include "RecoveryBanner.h"
#include "alma/AlmaClient.h"
#include "journal/Journal.h"

#include <QLabel>

namespace migdesk::test {

namespace {

class RecoveryDesk : public DeskFixture {
protected:
    void SetUp() override
    {
        DeskFixture::SetUp(); // a first window without a journal: its client plays the crash
        if (HasFatalFailure())
            return;
        m_applied = demoBarcode(QStringLiteral("Sierra Missing, in hand"));
        m_queued = demoBarcode(QStringLiteral("Koha Missing"));
        m_journalPath = m_dir.filePath(QStringLiteral("journal.sqlite"));
        lastSession();
        if (HasFatalFailure())
            return;
        m_window.reset();
        m_stack.reset();
        m_before = m_sandbox->operations().size();
        startWindow(m_sandbox->baseUrl(), m_sandbox->options().apiKey);
    }

    // The last session: `m_applied` was looked up and its scan-in sent (Alma applied it), then
    // the app died before the reply was journaled; `m_queued` was journaled before any call.
    void lastSession()
    {
        auto journal = Journal::open(m_journalPath);
        ASSERT_TRUE(journal.isOk()) << journal.error().message.toStdString();
        AlmaClient *client = m_stack->client();
        Item before;
        ItemReply *read = client->itemByBarcode(m_applied);
        ASSERT_TRUE(await(read, [&] { before = read->item(); }));
        ASSERT_TRUE(before.isMigrationItem());
        m_appliedIntent = journal.value()->recordIntent(m_applied, QStringLiteral("desk"),
                                                        QStringLiteral("desk"));
        journal.value()->recordLookup(m_appliedIntent, before, {QStringLiteral("MISSING")},
                                      QStringLiteral("{}"));
        m_openWrite = journal.value()->beginWrite(m_appliedIntent, QStringLiteral("scan_in"),
                                                  before, QStringLiteral("scan in"));
        ScanInParams params;
        params.library = QStringLiteral("MAIN");
        params.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
        ItemReply *scanIn = client->scanIn(before, params);
        bool ok = false;
        ASSERT_TRUE(await(scanIn, [&] { ok = scanIn->isOk(); }));
        ASSERT_TRUE(ok);
        ASSERT_EQ(writesFor(m_applied).size(), 1u);
        ASSERT_GT(
            journal.value()->recordIntent(m_queued, QStringLiteral("desk"), QStringLiteral("desk")),
            0);
        ASSERT_EQ(journal.value()->unfinishedIntents().size(), 2u);
    } // the journal (and its lock) is released here, as when the app went away

    // Waits for an Alma reply and runs `done` in its finished() (the reply is deleted later).
    static bool await(AlmaReply *reply, const std::function<void()> &done)
    {
        if (reply->isFinished()) {
            done();
            return true;
        }
        bool over = false;
        QObject context;
        QObject::connect(reply, &AlmaReply::finished, &context, [&] {
            done();
            over = true;
        });
        return waitFor([&] { return over; });
    }

    RecoveryBanner *banner() const { return m_window->recoveryBanner(); }

    QString m_applied;
    QString m_queued;
    qint64 m_appliedIntent = 0;
    qint64 m_openWrite = 0;
    size_t m_before = 0;
};

} // namespace

TEST_F(RecoveryDesk, UnfinishedScansAreOfferedAndResumedWithoutAWriteTwice)
{
    // The offer is shown, names how many, and the scan field keeps the focus.
    ASSERT_NE(banner(), nullptr);
    EXPECT_TRUE(banner()->isVisible());
    EXPECT_TRUE(banner()->text().contains(QStringLiteral("2 scans")))
        << banner()->text().toStdString();
    EXPECT_TRUE(waitFor([&] { return m_window->scanField()->hasFocus(); }, 3000));
    EXPECT_TRUE(session()->recordIds().empty()); // nothing resumed without staff

    // A stray Enter (and Space) in the scan field resumes nothing.
    QTest::keyClick(m_window->scanField(), Qt::Key_Return);
    QTest::keyClick(m_window->scanField(), Qt::Key_Space);
    QTest::qWait(200);
    EXPECT_TRUE(session()->recordIds().empty());
    EXPECT_TRUE(banner()->isVisible());
    EXPECT_EQ(m_sandbox->operations().size(), m_before);

    // Alt+U resumes both.
    QTest::keyClick(m_window->scanField(), Qt::Key_U, Qt::AltModifier);
    // A mnemonic clicks its button after a short animation.
    ASSERT_TRUE(waitFor([&] { return !banner()->isVisible(); }, 3000));
    ASSERT_EQ(session()->recordIds().size(), 2u);
    ASSERT_TRUE(waitFor([&] { return finished(m_applied) && finished(m_queued); }));
    EXPECT_TRUE(m_window->scanField()->hasFocus());

    // Alma already showed the scan-in: done (verified), nothing written again.
    const ScanRecord *applied = recordFor(m_applied);
    EXPECT_TRUE(applied->recovered);
    EXPECT_EQ(applied->outcome, Outcome::Done) << applied->message.toStdString();
    EXPECT_TRUE(applied->message.contains(QStringLiteral("already shows")))
        << applied->message.toStdString();
    EXPECT_EQ(writesFor(m_applied).size(), 1u) << "only the scan-in sent before the restart";

    // The queued one was never written: it is written now, once.
    const ScanRecord *queued = recordFor(m_queued);
    EXPECT_TRUE(queued->recovered);
    EXPECT_EQ(queued->outcome, Outcome::Done) << queued->message.toStdString();
    const auto writes = writesFor(m_queued);
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].query.value(QStringLiteral("op")), QStringLiteral("scan"));
    EXPECT_EQ(m_sandbox->operations().size(), m_before + 1);

    // Both are in the history with Alma's confirmed outcome.
    ASSERT_EQ(m_window->historyModel()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        EXPECT_EQ(historyText(row, HistoryModel::OutcomeColumn), QStringLiteral("Done"));

    // The journal agrees: the open write is settled from Alma's state, nothing is unfinished.
    EXPECT_EQ(session()->unfinishedCount(), 0);
    m_window.reset();
    m_stack.reset(); // releases the journal
    auto journal = Journal::open(m_journalPath);
    ASSERT_TRUE(journal.isOk());
    EXPECT_TRUE(journal.value()->unfinishedIntents().empty());
    const auto intent = journal.value()->intent(m_appliedIntent);
    ASSERT_TRUE(intent.has_value());
    EXPECT_EQ(intent->outcome, Outcome::Done);
    ASSERT_EQ(intent->writes.size(), 1u);
    EXPECT_EQ(intent->writes[0].id, m_openWrite);
    EXPECT_EQ(intent->writes[0].status, QStringLiteral("verified_ok"));
}

TEST_F(RecoveryDesk, NotNowWritesNothingAndOffersThemAgainNextStart)
{
    ASSERT_TRUE(banner()->isVisible());
    QTest::keyClick(m_window->scanField(), Qt::Key_N, Qt::AltModifier);
    ASSERT_TRUE(waitFor([&] { return !banner()->isVisible(); }, 3000));
    EXPECT_TRUE(m_window->scanField()->hasFocus());
    // Alt+U does nothing once the offer is put away.
    QTest::keyClick(m_window->scanField(), Qt::Key_U, Qt::AltModifier);
    QTest::qWait(300);
    EXPECT_TRUE(session()->recordIds().empty());
    EXPECT_EQ(m_sandbox->operations().size(), m_before);
    EXPECT_EQ(session()->unfinishedCount(), 2);

    // The next start offers them again.
    m_window.reset();
    m_stack.reset();
    startWindow(m_sandbox->baseUrl(), m_sandbox->options().apiKey);
    EXPECT_TRUE(banner()->isVisible());
    EXPECT_EQ(session()->unfinishedCount(), 2);
}

class CleanStartDesk : public DeskFixture {
protected:
    void SetUp() override
    {
        m_journalPath = m_dir.filePath(QStringLiteral("journal.sqlite"));
        DeskFixture::SetUp();
    }
};

TEST_F(CleanStartDesk, NothingUnfinishedShowsNoBanner)
{
    ASSERT_NE(m_window->recoveryBanner(), nullptr);
    EXPECT_FALSE(m_window->recoveryBanner()->isVisible());
    QTest::keyClick(m_window->scanField(), Qt::Key_U, Qt::AltModifier);
    QTest::qWait(100);
    EXPECT_TRUE(session()->recordIds().empty());
}

} // namespace migdesk::test
