// A bulk run with the resolution stamp: Alma's job sets a note to one value for the whole set,
// so MigDesk reads every item first. Items whose note field is empty are stamped by the job (the
// stamp's triple in the same run); items whose field holds text stay out of the set and are
// updated one by one (the change and the stamp appended in one PUT for a condition). The legacy
// note is never touched and no note loses its text.
#include "BulkHarness.h"
#include "CliRun.h"
#include "TestSupport.h"

#include "journal/Journal.h"

#include <gtest/gtest.h>

#include <set>

using namespace migdesk;
using migdesk::test::barcodeRange;
using migdesk::test::BulkHarness;
using migdesk::test::CliRun;
using migdesk::test::runCli;
using migdesk::test::writeFile;

namespace {

const QString kField = QStringLiteral("statistics_note_3");
const std::string kOldText = "Inventory 2025: shelf 4";

// Loads `count` Missing migration items; those in `withText` hold kOldText in the stamp field.
void loadItems(BulkHarness &h, int count, const std::set<int> &withText)
{
    nlohmann::json doc = nlohmann::json::parse(migdesk::test::missingItemsData(count));
    for (auto &item : doc["items"]) {
        // An item Alma takes a PUT for has its permanent location.
        item["item_data"]["library"] = {{"value", "MAIN"}, {"desc", "Main Library"}};
        item["item_data"]["location"] = {{"value", "STACKS"}, {"desc", "Main Stacks"}};
    }
    for (int i : withText)
        doc["items"][size_t(i)]["item_data"]["statistics_note_3"] = kOldText;
    QString error;
    ASSERT_TRUE(h.server->loadData(QByteArray::fromStdString(doc.dump()), &error))
        << error.toStdString();
}

std::string noteOf(const BulkHarness &h, const QString &barcode, const char *field)
{
    const auto item = h.server->itemJson(barcode);
    const auto &data = item["item_data"];
    return data.contains(field) && data[field].is_string() ? data[field].get<std::string>()
                                                           : std::string();
}

// The note kept its text and got the stamp below it / holds only MigDesk's stamp.
bool stampAppended(const BulkHarness &h, const QString &barcode)
{
    return noteOf(h, barcode, "statistics_note_3").rfind(kOldText + "\nMigDesk ", 0) == 0;
}
bool stampOnly(const BulkHarness &h, const QString &barcode)
{
    return noteOf(h, barcode, "statistics_note_3").rfind("MigDesk ", 0) == 0;
}

BulkRequest stamped(const BulkHarness &h, const QStringList &barcodes, BulkAction action)
{
    BulkRequest request = h.request(barcodes, action);
    request.stamp = {kField, QString(), QStringLiteral("J. Smith")};
    return request;
}

QString today()
{
    return QDate::currentDate().toString(Qt::ISODate);
}

// Starts `request` and closes MigDesk (the runner goes away) once the run is in `phase` with at
// least `done` steps of that phase behind it.
void closeDuring(BulkHarness &h, const BulkRequest &request, BulkPhase phase, int done = 0)
{
    BulkRunner first(h.client.get(), h.journal.get());
    QSignalSpy progress(&first, &BulkRunner::progress);
    first.start(request);
    const auto reached = [&] {
        return first.phase() == phase &&
               (done == 0 ||
                (!progress.isEmpty() && progress.last().at(0).value<BulkProgress>().done >= done));
    };
    while (!reached())
        ASSERT_TRUE(progress.wait(10000));
}

// Resumes the journal's one unfinished run (every item re-read) and waits for its end. The
// settings name no stamp: the run keeps its own.
BulkSummary resumeTheRun(BulkHarness &h, int timeoutMs = 60000)
{
    const auto unfinished = findUnfinishedBulkRuns(*h.journal);
    EXPECT_EQ(unfinished.size(), 1u);
    if (unfinished.empty())
        return {};
    BulkRunner runner(h.client.get(), h.journal.get());
    BulkRequest settings;
    settings.verify.mode = VerifyPolicy::Mode::All;
    settings.pollIntervalMs = 100;
    QSignalSpy finished(&runner, &BulkRunner::finished);
    runner.resume(unfinished[0], settings);
    return BulkHarness::wait(finished, timeoutMs);
}

} // namespace

TEST(BulkStampTest, TheJobStampsEmptyNotesAndTheOthersAreAppendedOneByOne)
{
    BulkHarness h(10, 1);
    ASSERT_TRUE(h.loaded);
    loadItems(h, 10, {0, 4, 7});
    const QStringList barcodes = barcodeRange(10);
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, stamped(h, barcodes, BulkAction::Damaged));

    EXPECT_EQ(summary.count(Outcome::Done), 10) << summary.message.toStdString();
    EXPECT_EQ(
        h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/"), QStringLiteral("run")),
        1);
    // One PUT per item left out of the set: the condition and the stamp ride together.
    EXPECT_EQ(h.countOps(QStringLiteral("PUT"), QStringLiteral("/items/")), 3);
    const std::string jobLine =
        QStringLiteral("MigDesk %1 J. Smith: Missing → Set condition DAMAGED (Alma job M18)")
            .arg(today())
            .toStdString();
    const std::string itemLine =
        QStringLiteral("MigDesk %1 J. Smith: Missing → Set condition DAMAGED")
            .arg(today())
            .toStdString();
    for (int i = 0; i < 10; ++i) {
        const QString barcode = barcodes[i];
        SCOPED_TRACE(barcode.toStdString());
        const auto item = h.server->itemJson(barcode);
        EXPECT_EQ(item["item_data"]["physical_condition"].value("value", std::string()), "DAMAGED");
        // The legacy note is untouched.
        EXPECT_EQ(noteOf(h, barcode, "internal_note_1"), "Status: Missing");
        if (i == 0 || i == 4 || i == 7)
            EXPECT_EQ(noteOf(h, barcode, "statistics_note_3"), kOldText + "\n" + itemLine);
        else
            EXPECT_EQ(noteOf(h, barcode, "statistics_note_3"), jobLine);
    }
    // The items updated one by one journal their write, with the stamp in the after image.
    const auto intents = h.journal->intents();
    int stampedWrites = 0;
    for (const JournalIntent &intent : intents) {
        for (const JournalWrite &write : intent.writes) {
            if (write.afterJson.contains(QByteArray::fromStdString(itemLine)))
                ++stampedWrites;
        }
    }
    EXPECT_EQ(stampedWrites, 3);
}

TEST(BulkStampTest, WhenEveryNoteHoldsTextNoSetOrJobIsMade)
{
    BulkHarness h(4, 1, 0, /*processTypeWritable=*/true);
    ASSERT_TRUE(h.loaded);
    loadItems(h, 4, {0, 1, 2, 3});
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary =
        BulkHarness::run(runner, stamped(h, barcodeRange(4), BulkAction::Missing));
    EXPECT_EQ(summary.count(Outcome::Done), 4) << summary.message.toStdString();
    EXPECT_TRUE(summary.message.contains(QStringLiteral("not needed")))
        << summary.message.toStdString();
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/sets")), 0);
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/")), 0);
    for (const QString &barcode : barcodeRange(4)) {
        EXPECT_EQ(h.processType(barcode), QStringLiteral("MISSING"));
        const std::string note = noteOf(h, barcode, "statistics_note_3");
        EXPECT_EQ(note.rfind(kOldText + "\nMigDesk ", 0), 0u) << note;
        EXPECT_NE(note.find("Mark Missing"), std::string::npos) << note;
    }
}

TEST(BulkStampTest, AnAlmaThatIgnoresMissingInAnUpdateLeavesThoseItemsToStaffUnstamped)
{
    // The sandbox's default: process_type is read-only in a PUT (ALMA_API.md, unsettled).
    BulkHarness h(5, 1);
    ASSERT_TRUE(h.loaded);
    loadItems(h, 5, {2});
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary =
        BulkHarness::run(runner, stamped(h, barcodeRange(5), BulkAction::Missing));
    EXPECT_EQ(summary.count(Outcome::Done), 4) << summary.message.toStdString();
    const auto &row = summary.items[2];
    EXPECT_EQ(row.outcome, Outcome::NeedsStaff) << row.message.toStdString();
    EXPECT_EQ(noteOf(h, QStringLiteral("BK00002"), "statistics_note_3"), kOldText);
    EXPECT_EQ(h.processType(QStringLiteral("BK00002")), QStringLiteral("TECHNICAL"));
    EXPECT_EQ(h.processType(QStringLiteral("BK00003")), QStringLiteral("MISSING"));
}

TEST(BulkStampTest, TheStampFieldMustBeOneMigDeskMaySpare)
{
    BulkHarness h(2, 1);
    ASSERT_TRUE(h.loaded);
    BulkRequest request = h.request(barcodeRange(2));
    request.stamp.field = QStringLiteral("internal_note_1"); // the legacy status lives there
    const BulkConfirmation confirmation = BulkRunner::confirmation(request);
    ASSERT_FALSE(confirmation.problems.isEmpty());
    EXPECT_TRUE(
        confirmation.problems.join(QLatin1Char(' ')).contains(QStringLiteral("statistics_note_3")));
    request.stamp.field = kField;
    const BulkConfirmation ok = BulkRunner::confirmation(request);
    EXPECT_TRUE(ok.problems.isEmpty());
    EXPECT_TRUE(ok.text().contains(kField)) << ok.text().toStdString();
}

TEST(BulkStampTest, TheStateKeepsTheStampForAResume)
{
    BulkState state;
    state.action = BulkAction::Damaged;
    state.stampField = kField;
    state.stampTemplate = QStringLiteral("{actions}");
    state.stampOperator = QStringLiteral("AB");
    state.stampLine = QStringLiteral("MigDesk 2026-12-03 AB: Set condition");
    state.stampChecked = true;
    state.byItem = {QStringLiteral("BK00001"), QStringLiteral("BK00003")};
    const auto back = BulkState::fromJson(state.toJson());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->stampField, kField);
    EXPECT_EQ(back->stampTemplate, state.stampTemplate);
    EXPECT_EQ(back->stampOperator, state.stampOperator);
    EXPECT_EQ(back->stampLine, state.stampLine);
    EXPECT_TRUE(back->stampChecked);
    EXPECT_EQ(back->byItem, state.byItem);
    BulkState plain;
    const auto none = BulkState::fromJson(plain.toJson());
    ASSERT_TRUE(none.has_value());
    EXPECT_TRUE(none->stampField.isEmpty());
    EXPECT_FALSE(none->stampChecked);
}

TEST(BulkStampTest, TheCommandLineStampsWithTheOperator)
{
    BulkHarness h(6, 1);
    ASSERT_TRUE(h.loaded);
    loadItems(h, 6, {5});
    const QString list = writeFile(h.dir, QStringLiteral("list.txt"),
                                   barcodeRange(6).join(QLatin1Char('\n')).toUtf8());
    const QString journalPath = h.dir.filePath(QStringLiteral("stamp.db"));
    const QStringList base = {QStringLiteral("bulk"),
                              QStringLiteral("--status"),
                              QStringLiteral("DAMAGED"),
                              QStringLiteral("--alma-url"),
                              h.server->baseUrl().toString(),
                              QStringLiteral("--journal"),
                              journalPath,
                              QStringLiteral("--poll-ms"),
                              QStringLiteral("100"),
                              QStringLiteral("--operator"),
                              QStringLiteral("AB")};
    const CliRun bad = runCli(
        base + QStringList{QStringLiteral("--stamp-note"), QStringLiteral("internal_note_1"), list},
        h.server->options().apiKey);
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("--stamp-note must be one of")))
        << bad.err.toStdString();
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/sets")), 0);

    const CliRun run = runCli(base + QStringList{QStringLiteral("--stamp-note"), kField, list},
                              h.server->options().apiKey);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString() << run.out.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("It stamps statistics_note_3")))
        << run.err.toStdString();
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(noteOf(h, barcodeRange(6)[i], "statistics_note_3"),
                  QStringLiteral("MigDesk %1 AB: Missing → Set condition DAMAGED (Alma job M18)")
                      .arg(today())
                      .toStdString());
    EXPECT_EQ(noteOf(h, QStringLiteral("BK00005"), "statistics_note_3"),
              kOldText + "\n" +
                  QStringLiteral("MigDesk %1 AB: Missing → Set condition DAMAGED")
                      .arg(today())
                      .toStdString());
}

TEST(BulkStampTest, AStampedRunClosedWhileTheJobRunsResumesWithItsStamp)
{
    BulkHarness h(12, 3);
    ASSERT_TRUE(h.loaded && h.journal);
    loadItems(h, 12, {3, 9});
    const BulkRequest request = stamped(h, barcodeRange(12), BulkAction::Damaged);
    ASSERT_NO_FATAL_FAILURE(closeDuring(h, request, BulkPhase::Running)); // while the job runs
    const auto unfinished = findUnfinishedBulkRuns(*h.journal);
    ASSERT_EQ(unfinished.size(), 1u);
    EXPECT_EQ(unfinished[0].stage, QStringLiteral("job"));
    EXPECT_TRUE(unfinished[0].state.stampChecked);
    EXPECT_EQ(unfinished[0].state.byItem,
              (QStringList{QStringLiteral("BK00003"), QStringLiteral("BK00009")}));

    const BulkSummary summary = resumeTheRun(h);
    EXPECT_EQ(summary.count(Outcome::Done), 12) << summary.message.toStdString();
    EXPECT_EQ(
        h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/"), QStringLiteral("run")),
        1);
    EXPECT_EQ(h.countOps(QStringLiteral("PUT"), QStringLiteral("/items/")), 2);
    EXPECT_TRUE(stampAppended(h, QStringLiteral("BK00003")));
    EXPECT_TRUE(stampOnly(h, QStringLiteral("BK00004")));
    EXPECT_TRUE(findUnfinishedBulkRuns(*h.journal).empty());
}

TEST(BulkStampTest, ABarcodeAlmaDoesNotKnowIsReportedAndTheOthersGoOn)
{
    BulkHarness h(4, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    loadItems(h, 4, {});
    BulkRequest request = stamped(h, barcodeRange(4), BulkAction::Damaged);
    request.items.push_back({QStringLiteral("NOSUCH1"), 0});
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, request);
    // A barcode Alma does not know is reported; the others go through the job as usual.
    EXPECT_EQ(summary.count(Outcome::NotFound), 1) << summary.message.toStdString();
    EXPECT_EQ(summary.count(Outcome::Done), 4) << summary.message.toStdString();
    EXPECT_EQ(h.countOps(QStringLiteral("PUT"), QStringLiteral("/items/")), 0);
}

TEST(BulkStampTest, ARunThatCannotReadTheItemsSendsNothingAndResumesLater)
{
    BulkHarness h(3, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    loadItems(h, 3, {1});
    sandbox::Faults down;
    down.p5xx = 1.0; // Alma answers every call with its 503 gateway page
    h.server->setFaults(down);
    {
        BulkRunner runner(h.client.get(), h.journal.get());
        const BulkSummary summary =
            BulkHarness::run(runner, stamped(h, barcodeRange(3), BulkAction::Damaged), 120000);
        EXPECT_TRUE(summary.error.isError());
        EXPECT_EQ(summary.count(Outcome::Pending), 3) << summary.message.toStdString();
        EXPECT_TRUE(summary.message.contains(QStringLiteral("Nothing was sent to Alma's job")))
            << summary.message.toStdString();
    }
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/sets")), 0);
    EXPECT_EQ(h.countOps(QStringLiteral("PUT"), QStringLiteral("/items/")), 0);
    const auto unfinished = findUnfinishedBulkRuns(*h.journal);
    ASSERT_EQ(unfinished.size(), 1u);
    EXPECT_FALSE(unfinished[0].state.stampChecked);
    EXPECT_EQ(unfinished[0].state.stampField, kField);

    h.server->setFaults({}); // Alma is back
    const BulkSummary summary = resumeTheRun(h);
    EXPECT_EQ(summary.count(Outcome::Done), 3) << summary.message.toStdString();
    EXPECT_TRUE(stampAppended(h, QStringLiteral("BK00001")));
    EXPECT_TRUE(stampOnly(h, QStringLiteral("BK00002")));
    EXPECT_TRUE(findUnfinishedBulkRuns(*h.journal).empty());
}

TEST(BulkStampTest, AFailedJobStillLetsTheItemsDoneOneByOneThrough)
{
    BulkHarness h(4, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    loadItems(h, 4, {2});
    BulkRequest request = stamped(h, barcodeRange(4), BulkAction::Damaged);
    auto failing = JobTemplate::parse(R"({"job_id":"M18","parameter":[
        {"name":"set_id","value":"{set_id}"},
        {"name":"PHYSICAL_CONDITION_selected","value":"{condition_selected}"},
        {"name":"PHYSICAL_CONDITION_value","value":"{condition_code}"},
        {"name":"PHYSICAL_CONDITION_condition","value":"Null"},
        {"name":"force_failure","value":"true"}]})");
    ASSERT_TRUE(failing.isOk()) << failing.error().message.toStdString();
    request.jobTemplate = failing.value();
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, request);
    EXPECT_EQ(summary.jobStatus, QStringLiteral("COMPLETED_FAILED"));
    // The three set members carry the job's verdict; the item kept out of the set does not.
    EXPECT_EQ(summary.count(Outcome::Error), 3) << summary.message.toStdString();
    EXPECT_EQ(summary.items[2].outcome, Outcome::Done) << summary.items[2].message.toStdString();
    EXPECT_TRUE(stampAppended(h, QStringLiteral("BK00002")));
    EXPECT_EQ(noteOf(h, QStringLiteral("BK00000"), "statistics_note_3"), "");
}

TEST(BulkStampTest, ARunWithoutAJobResumedMidWayStampsEachItemOnce)
{
    BulkHarness h(6, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    loadItems(h, 6, {0, 1, 2, 3, 4, 5});
    sandbox::Faults slow;
    slow.latencyMs = 150; // so the run can be closed while it updates the items one by one
    h.server->setFaults(slow);
    BulkRequest request = stamped(h, barcodeRange(6), BulkAction::Damaged);
    request.verifyConcurrency = 1;
    // MigDesk is closed with some items updated and others not.
    ASSERT_NO_FATAL_FAILURE(closeDuring(h, request, BulkPhase::UpdatingItems, 2));
    h.server->setFaults({});
    const auto unfinished = findUnfinishedBulkRuns(*h.journal);
    ASSERT_EQ(unfinished.size(), 1u);
    const BulkSummary summary = resumeTheRun(h);
    EXPECT_EQ(summary.count(Outcome::Done), 6) << summary.message.toStdString();
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/sets")), 0);
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/")), 0);
    EXPECT_EQ(h.countOps(QStringLiteral("PUT"), QStringLiteral("/items/")), 6); // one each
    for (const auto &row : summary.items) // none claims "no stamp": each was stamped once
        EXPECT_FALSE(row.message.contains(QStringLiteral("no stamp"))) << row.message.toStdString();
    for (const QString &barcode : barcodeRange(6)) {
        const std::string note = noteOf(h, barcode, "statistics_note_3");
        EXPECT_EQ(note.rfind(kOldText + "\nMigDesk ", 0), 0u) << note;
        EXPECT_EQ(note.find("MigDesk", note.find("MigDesk") + 1), std::string::npos)
            << "stamped twice: " << note;
    }
    EXPECT_TRUE(findUnfinishedBulkRuns(*h.journal).empty());
}

TEST(BulkStampTest, TextTypedIntoAMemberBeforeAResumedJobTurnsTheJobsStampOff)
{
    BulkHarness h(5, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    loadItems(h, 5, {});
    sandbox::Faults slow;
    slow.latencyMs = 150;
    h.server->setFaults(slow);
    BulkRequest request = stamped(h, barcodeRange(5), BulkAction::Damaged);
    request.chunkSize = 1; // one add call per member: the run is closed while adding them
    ASSERT_NO_FATAL_FAILURE(closeDuring(h, request, BulkPhase::AddingMembers));
    h.server->setFaults({});
    // Meanwhile someone writes into a member's stamp field.
    ItemReply *read = h.client->itemByBarcode(QStringLiteral("BK00001"));
    QSignalSpy readDone(read, &AlmaReply::finished);
    ASSERT_TRUE(readDone.wait(5000));
    Item item = read->item();
    setNoteField(item, kField, QStringLiteral("Shelf check by AB"));
    ItemReply *put = h.client->updateItem(item);
    QSignalSpy putDone(put, &AlmaReply::finished);
    ASSERT_TRUE(putDone.wait(5000));
    ASSERT_TRUE(put->isOk()) << put->error().message.toStdString();

    const auto unfinished = findUnfinishedBulkRuns(*h.journal);
    ASSERT_EQ(unfinished.size(), 1u);
    EXPECT_EQ(unfinished[0].stage, QStringLiteral("members"));
    const BulkSummary summary = resumeTheRun(h);
    EXPECT_EQ(summary.count(Outcome::Done), 5) << summary.message.toStdString();
    EXPECT_TRUE(summary.message.contains(QStringLiteral("did not stamp")))
        << summary.message.toStdString();
    for (const auto &row : summary.items) // no row claims a stamp the job did not write
        EXPECT_FALSE(row.message.contains(QStringLiteral("the stamp")))
            << row.message.toStdString();
    EXPECT_EQ(noteOf(h, QStringLiteral("BK00001"), "statistics_note_3"), "Shelf check by AB");
    EXPECT_EQ(noteOf(h, QStringLiteral("BK00003"), "statistics_note_3"), "");
    for (const QString &barcode : barcodeRange(5)) {
        const auto data = h.server->itemJson(barcode)["item_data"];
        EXPECT_EQ(data["physical_condition"].value("value", std::string()), "DAMAGED");
    }
}

TEST(BulkStampTest, AnItemAlreadyChangedBySomeoneElseGetsNoStamp)
{
    BulkHarness h(3, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    nlohmann::json doc = nlohmann::json::parse(migdesk::test::missingItemsData(3));
    for (auto &item : doc["items"]) {
        item["item_data"]["library"] = {{"value", "MAIN"}, {"desc", "Main Library"}};
        item["item_data"]["location"] = {{"value", "STACKS"}, {"desc", "Main Stacks"}};
    }
    doc["items"][0]["item_data"]["statistics_note_3"] = kOldText;
    doc["items"][0]["item_data"]["physical_condition"] = {{"value", "DAMAGED"},
                                                          {"desc", "Damaged"}};
    QString error;
    ASSERT_TRUE(h.server->loadData(QByteArray::fromStdString(doc.dump()), &error))
        << error.toStdString();
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary =
        BulkHarness::run(runner, stamped(h, barcodeRange(3), BulkAction::Damaged));
    EXPECT_EQ(summary.count(Outcome::Done), 3) << summary.message.toStdString();
    EXPECT_TRUE(summary.items[0].message.contains(QStringLiteral("added no stamp")))
        << summary.items[0].message.toStdString();
    EXPECT_EQ(noteOf(h, QStringLiteral("BK00000"), "statistics_note_3"), kOldText);
    EXPECT_EQ(h.countOps(QStringLiteral("PUT"), QStringLiteral("/items/")), 0);
    EXPECT_TRUE(summary.message.contains(QStringLiteral("0 of 1 item")))
        << summary.message.toStdString();
}

TEST(BulkStampTest, AResumedRunThatCannotReadItsSetAgainStartsNoJob)
{
    BulkHarness h(4, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    loadItems(h, 4, {});
    sandbox::Faults slow;
    slow.latencyMs = 150;
    h.server->setFaults(slow);
    BulkRequest request = stamped(h, barcodeRange(4), BulkAction::Damaged);
    request.chunkSize = 1;
    ASSERT_NO_FATAL_FAILURE(closeDuring(h, request, BulkPhase::AddingMembers));
    sandbox::Faults down;
    down.p5xx = 1.0; // Alma answers every call with its 503 page while the run resumes
    h.server->setFaults(down);
    const BulkSummary stopped = resumeTheRun(h, 120000);
    EXPECT_EQ(stopped.count(Outcome::Pending), 4) << stopped.message.toStdString();
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/")), 0);
    const auto unfinished = findUnfinishedBulkRuns(*h.journal);
    ASSERT_EQ(unfinished.size(), 1u);
    EXPECT_TRUE(unfinished[0].state.jobStamp); // the stamp is not given up for a failed read

    h.server->setFaults({});
    const BulkSummary summary = resumeTheRun(h);
    EXPECT_EQ(summary.count(Outcome::Done), 4) << summary.message.toStdString();
    for (const QString &barcode : barcodeRange(4))
        EXPECT_TRUE(stampOnly(h, barcode));
    EXPECT_EQ(
        h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/"), QStringLiteral("run")),
        1);
}
