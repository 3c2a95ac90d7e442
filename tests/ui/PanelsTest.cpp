// The desk panels on their own: scan field keys, the highlighted note, plan modes, history
// model and filter, CSV, follow-up progress, demo banner.
#include "CsvText.h"
#include "DemoBanner.h"
#include "FollowUpPanel.h"
#include "HistoryFilter.h"
#include "HistoryModel.h"
#include "ItemCardPanel.h"
#include "PlanPanel.h"
#include "RecordPresenter.h"
#include "ScanField.h"
#include "ShelfListPrinter.h"
#include "desk/ScanRecord.h"

#include <QLabel>

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace migdesk::test {

TEST(ScanFieldTest, EnterAndTabSubmitAndClear)
{
    ScanField field;
    QSignalSpy scanned(&field, &ScanField::scanned);
    QTest::keyClicks(&field, QStringLiteral("31234"));
    QTest::keyClick(&field, Qt::Key_Return);
    QTest::keyClicks(&field, QStringLiteral("31235"));
    QTest::keyClick(&field, Qt::Key_Tab);
    ASSERT_EQ(scanned.count(), 2);
    EXPECT_EQ(scanned.at(0).at(0).toString(), QStringLiteral("31234"));
    EXPECT_EQ(scanned.at(1).at(0).toString(), QStringLiteral("31235"));
    EXPECT_TRUE(field.text().isEmpty());
    EXPECT_EQ(field.objectName(), QStringLiteral("barcodeLineEdit"));
    EXPECT_FALSE(field.accessibleName().isEmpty());
}

TEST(ScanFieldTest, EmptyFieldKeysConfirmAndSkip)
{
    ScanField field;
    QSignalSpy scanned(&field, &ScanField::scanned);
    QSignalSpy confirm(&field, &ScanField::confirmPressed);
    QSignalSpy skip(&field, &ScanField::skipPressed);
    QTest::keyClick(&field, Qt::Key_Return);
    QTest::keyClick(&field, Qt::Key_Space);
    QTest::keyClick(&field, Qt::Key_Escape);
    EXPECT_EQ(scanned.count(), 0);
    EXPECT_EQ(confirm.count(), 2);
    EXPECT_EQ(skip.count(), 1);
    // Esc on typed text clears it instead of skipping.
    QTest::keyClicks(&field, QStringLiteral("abc"));
    QTest::keyClick(&field, Qt::Key_Escape);
    EXPECT_TRUE(field.text().isEmpty());
    EXPECT_EQ(skip.count(), 1);
}

TEST(ItemCardPanelTest, HighlightsMatchesKeepsWholeNoteAndEscapes)
{
    NoteView note{QStringLiteral("Internal Note 1"),
                  QStringLiteral("<b>Gift</b>; Status: Missing; price $5"),
                  {{21, 7}}};
    const QString html = ItemCardPanel::highlightedNoteHtml(note);
    EXPECT_TRUE(html.startsWith(QStringLiteral("&lt;b&gt;Gift&lt;/b&gt;; Status: <span")));
    EXPECT_TRUE(html.contains(QStringLiteral(">Missing</span>")));
    EXPECT_TRUE(html.endsWith(QStringLiteral("; price $5")));
    // Out-of-range matches do not lose text.
    note.highlights = {{500, 3}};
    EXPECT_EQ(ItemCardPanel::highlightedNoteHtml(note), note.text.toHtmlEscaped());
}

namespace {
// A looked-up migration item as the session records it: Sierra "Missing" in Internal Note 1.
ScanRecord lookedUpRecord()
{
    ScanRecord record;
    record.id = 1;
    record.barcode = QStringLiteral("31297400000007");
    record.stage = ScanStage::Planned;
    record.hasItem = true;
    Item &item = record.item;
    item.barcode = record.barcode;
    item.title = QStringLiteral("The Hidden Life of Trees");
    item.library = {QStringLiteral("MAIN"), QStringLiteral("Main Library")};
    item.location = {QStringLiteral("STACKS"), QStringLiteral("Stacks")};
    item.materialType = {QStringLiteral("BOOK"), QStringLiteral("Book")};
    item.policy = {QStringLiteral("01"), QStringLiteral("Regular loan")};
    item.processType = {QStringLiteral("TECHNICAL"), QStringLiteral("Technical - Migration")};
    item.internalNote1 = QStringLiteral("Status: Missing");
    record.reading.statuses.push_back({QStringLiteral("MISSING"), QStringLiteral("internal_note_1"),
                                       QStringLiteral("Missing"), 8, 7});
    return record;
}

QLabel *cardLabel(const ItemCardPanel &card, const char *name)
{
    return card.findChild<QLabel *>(QString::fromLatin1(name));
}
} // namespace

TEST(ItemCardPanelTest, ShowsPlaceBarcodeTemporaryLocationAndKind)
{
    ScanRecord record = lookedUpRecord();
    record.item.inTempLocation = true;
    record.item.tempLibrary = {QStringLiteral("SCI"), QStringLiteral("Science Library")};
    record.item.tempLocation = {QStringLiteral("RES"), QStringLiteral("Reserve")};
    const CardView view = cardView(record, SourceIls::Auto);
    EXPECT_EQ(view.place, QStringLiteral("Main Library › Stacks"));
    EXPECT_EQ(view.tempPlace, QStringLiteral("Science Library › Reserve"));
    EXPECT_EQ(view.kind, QStringLiteral("Book · Regular loan"));

    ItemCardPanel card;
    card.show();
    card.showCard(view);
    // Each line is visible, also after the card was cleared once (a hidden label stays hidden
    // unless showCard shows it again).
    card.clearCard();
    card.showCard(view);
    QLabel *place = cardLabel(card, "itemPlaceLabel");
    QLabel *temp = cardLabel(card, "itemTempPlaceLabel");
    QLabel *kind = cardLabel(card, "itemKindLabel");
    ASSERT_TRUE(place && temp && kind);
    EXPECT_TRUE(place->isVisible());
    EXPECT_TRUE(place->text().contains(QStringLiteral("Main Library › Stacks")));
    EXPECT_TRUE(place->text().contains(QStringLiteral("31297400000007")));
    EXPECT_TRUE(temp->isVisible());
    EXPECT_TRUE(temp->text().contains(QStringLiteral("Science Library › Reserve")));
    EXPECT_TRUE(kind->isVisible());
    EXPECT_EQ(kind->text(), QStringLiteral("Book · Regular loan"));

    // Not in a temporary location, and a long policy description: neither line crowds the card.
    record.item.inTempLocation = false;
    record.item.policy.desc = QStringLiteral("Four-week loan, renewable twice, no holds, staff");
    card.showCard(cardView(record, SourceIls::Auto));
    EXPECT_FALSE(temp->isVisible());
    EXPECT_EQ(kind->text(), QStringLiteral("Book"));
}

TEST(ItemCardPanelTest, ShowsTheReviewShelfAnItemWasJustMovedTo)
{
    // A Catalog Review item parked on the review shelf by SET_TEMP_LOCATION: the card shows the
    // temporary location Alma answered with, not the (permanent-only) place it was looked up in.
    ScanRecord record = lookedUpRecord();
    record.item.internalNote1 = QStringLiteral("Status: Catalog Review");
    record.stage = ScanStage::Finished;
    record.hasResult = true;
    record.result.outcome = Outcome::Done;
    record.result.hasAfter = true;
    record.result.after = record.item;
    record.result.after.processType = {};
    record.result.after.inTempLocation = true;
    record.result.after.tempLibrary = {QStringLiteral("MAIN"), QStringLiteral("Main Library")};
    record.result.after.tempLocation = {QStringLiteral("REVIEW"), QStringLiteral("Review Shelf")};
    const CardView view = cardView(record, SourceIls::Auto);
    EXPECT_EQ(view.tempPlace, QStringLiteral("Main Library › Review Shelf"));
    ItemCardPanel card;
    card.show();
    card.showCard(view);
    QLabel *temp = cardLabel(card, "itemTempPlaceLabel");
    ASSERT_NE(temp, nullptr);
    EXPECT_TRUE(temp->isVisible());
    EXPECT_TRUE(temp->text().contains(QStringLiteral("Review Shelf")));
}

TEST(ItemCardPanelTest, NotFoundNamesTheBarcodeOnce)
{
    ScanRecord record;
    record.id = 1;
    record.barcode = QStringLiteral("39999999999999");
    record.stage = ScanStage::Finished;
    record.outcome = Outcome::NotFound;
    record.message = QStringLiteral("No item with barcode 39999999999999 in Alma.");
    ItemCardPanel card;
    card.show();
    card.showCard(cardView(record, SourceIls::Auto));
    QLabel *title = cardLabel(card, "itemTitleLabel");
    QLabel *place = cardLabel(card, "itemPlaceLabel");
    ASSERT_TRUE(title && place);
    EXPECT_TRUE(title->text().contains(record.barcode));
    EXPECT_FALSE(place->isVisible()); // the heading already says it

    // A found item shows its place line again on the same card.
    card.showCard(cardView(lookedUpRecord(), SourceIls::Auto));
    EXPECT_TRUE(place->isVisible());
}

TEST(ItemCardPanelTest, SourceIlsSaysWhenItIsTheParsersGuess)
{
    ScanRecord record = lookedUpRecord();
    // Settings say Auto and the parser narrowed the note down to Sierra.
    record.reading.source = SourceIls::Sierra;
    EXPECT_EQ(cardView(record, SourceIls::Auto).sourceIls,
              QStringLiteral("Sierra (guessed from the note)"));
    // Configured: said plainly, not as a guess.
    EXPECT_EQ(cardView(record, SourceIls::Sierra).sourceIls, QStringLiteral("Sierra"));
    // Auto and the note fits several ILSs: no ILS is named.
    record.reading.source = SourceIls::Auto;
    const QString open = cardView(record, SourceIls::Auto).sourceIls;
    EXPECT_TRUE(open.contains(QStringLiteral("more than one ILS"))) << open.toStdString();
    EXPECT_FALSE(open.contains(QStringLiteral("Sierra")));

    ItemCardPanel card;
    card.show();
    record.reading.source = SourceIls::Koha;
    card.showCard(cardView(record, SourceIls::Auto));
    QLabel *source = cardLabel(card, "sourceIlsLabel");
    ASSERT_TRUE(source);
    EXPECT_EQ(source->text(), QStringLiteral("Source ILS: Koha (guessed from the note)"));
}

TEST(PlanPanelTest, DecideShowsOneBigButtonPerChoiceAndEmitsIndex)
{
    PlanPanel panel;
    panel.show();
    PlanView plan;
    plan.mode = PlanMode::Decide;
    plan.choices = {QStringLiteral("Return to the collection"), QStringLiteral("Withdraw")};
    panel.showPlan(plan);
    auto *first = panel.findChild<QPushButton *>(QStringLiteral("choice1PushButton"));
    auto *second = panel.findChild<QPushButton *>(QStringLiteral("choice2PushButton"));
    auto *third = panel.findChild<QPushButton *>(QStringLiteral("choice3PushButton"));
    ASSERT_TRUE(first && second && third);
    EXPECT_TRUE(first->isVisible());
    EXPECT_TRUE(second->isVisible());
    EXPECT_FALSE(third->isVisible());
    EXPECT_TRUE(first->text().contains(QStringLiteral("Return to the collection")));
    EXPECT_GE(first->minimumHeight(), 52);
    QSignalSpy chosen(&panel, &PlanPanel::choiceRequested);
    second->click();
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosen.at(0).at(0).toInt(), 1);
}

TEST(PlanPanelTest, NoButtonReactsToEnter)
{
    PlanPanel panel;
    for (QPushButton *button : panel.findChildren<QPushButton *>()) {
        EXPECT_FALSE(button->isDefault()) << button->objectName().toStdString();
        EXPECT_FALSE(button->autoDefault()) << button->objectName().toStdString();
    }
}

TEST(HistoryModelTest, UpsertCountsAndFilters)
{
    HistoryModel model;
    HistoryRow a{1,
                 QDateTime::currentDateTime(),
                 QStringLiteral("111"),
                 QStringLiteral("Trees"),
                 QStringLiteral("Missing"),
                 QStringLiteral("Return"),
                 Outcome::Done,
                 true,
                 {},
                 {},
                 {},
                 {},
                 {},
                 0};
    HistoryRow b = a;
    b.id = 2;
    b.barcode = QStringLiteral("222");
    b.title = QStringLiteral("Middlemarch");
    b.outcome = Outcome::NeedsStaff;
    model.upsert(a);
    model.upsert(b);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.data(model.index(0, HistoryModel::BarcodeColumn)).toString(),
              QStringLiteral("222")); // newest first
    b.outcome = Outcome::Done;
    model.upsert(b);
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.counts()[Outcome::Done], 2);

    HistoryFilter filter;
    filter.setSourceModel(&model);
    filter.setText(QStringLiteral("middle"));
    EXPECT_EQ(filter.rowCount(), 1);
    filter.setText({});
    filter.setOutcome(Outcome::NeedsStaff);
    EXPECT_EQ(filter.rowCount(), 0);
    filter.setOutcome(Outcome::Done);
    EXPECT_EQ(filter.rowCount(), 2);
}

TEST(CsvTextTest, QuotesAndNeutralisesFormulas)
{
    EXPECT_EQ(csvLine({QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("say \"hi\"")}),
              QStringLiteral("a,\"b,c\",\"say \"\"hi\"\"\"\r\n"));
    EXPECT_EQ(csvLine({QStringLiteral("=SUM(A1)")}), QStringLiteral("'=SUM(A1)\r\n"));
    HistoryRow row{1,
                   QDateTime(QDate(2026, 1, 2), QTime(10, 0)),
                   QStringLiteral("111"),
                   QStringLiteral("T"),
                   QStringLiteral("Missing"),
                   QStringLiteral("Return"),
                   Outcome::Done,
                   true,
                   QStringLiteral("Reshelve to Stacks"),
                   {},
                   QStringLiteral("before"),
                   QStringLiteral("after"),
                   QStringLiteral("J. Smith"),
                   0};
    const QString csv = historyCsv({row});
    EXPECT_TRUE(csv.startsWith(QStringLiteral("time,barcode,title,legacy_status,action,outcome,"
                                              "alma_says,message,before,after,operator\r\n")))
        << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral(",before,after,J. Smith\r\n")));
    EXPECT_TRUE(
        csv.contains(QStringLiteral("111,T,Missing,Return,done,Reshelve to Stacks,,before,after")));
    EXPECT_TRUE(historySummaryCsv({row, row}).contains(QStringLiteral("Missing,done,2")));
}

TEST(FollowUpPanelTest, ProgressCountsWorkedItems)
{
    FollowUpPanel panel;
    panel.setWorkList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")},
                      QStringLiteral("3 barcodes"));
    EXPECT_EQ(panel.progressText(), QStringLiteral("0 of 3"));
    EXPECT_EQ(panel.takeNext(), QStringLiteral("1"));
    panel.markWorked(QStringLiteral("1"), Outcome::Done);
    panel.markWorked(QStringLiteral("1"), Outcome::Done); // counted once
    panel.markWorked(QStringLiteral("9"), Outcome::Done); // not on the list
    EXPECT_EQ(panel.progressText(), QStringLiteral("1 of 3"));
    EXPECT_EQ(panel.takeNext(), QStringLiteral("2"));
    EXPECT_EQ(panel.takeNext(), QStringLiteral("3"));
    EXPECT_TRUE(panel.takeNext().isEmpty());
}

TEST(ShelfListTest, PdfAndHtmlListEveryRow)
{
    std::vector<ShelfRow> rows = {
        {QStringLiteral("Main"), QStringLiteral("Stacks"), QStringLiteral("QA76 .A1"),
         QStringLiteral("111"), QStringLiteral("<Title>"), false},
        {QStringLiteral("Law"), QStringLiteral("Reserve"), QStringLiteral("KF1"),
         QStringLiteral("222"), QStringLiteral("Other"), true}};
    const QString html = shelfListHtml(rows, QStringLiteral("Shelf"));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;Title&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("222")));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("list.pdf"));
    ASSERT_TRUE(writeShelfListPdf(rows, QStringLiteral("Shelf"), pdf));
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5).startsWith("%PDF"));
    EXPECT_TRUE(shelfListCsv(rows).contains(QStringLiteral("Law,Reserve,KF1,222,Other,yes")));
}

TEST(DemoBannerTest, HighlightsOneExamplePerKeyScenario)
{
    std::vector<DemoBarcode> all = {
        {QStringLiteral("1"), QStringLiteral("Voyager Missing, in hand")},
        {QStringLiteral("2"), QStringLiteral("Voyager Missing, in hand")},
        {QStringLiteral("3"), QStringLiteral("Sierra Withdrawn")},
        {QStringLiteral("4"), QStringLiteral("Something else")}};
    const auto picked = DemoBanner::highlights(all, 3);
    ASSERT_EQ(picked.size(), 3u);
    EXPECT_EQ(picked[0].barcode, QStringLiteral("1"));
    EXPECT_EQ(picked[1].barcode, QStringLiteral("3"));
    EXPECT_EQ(picked[2].barcode, QStringLiteral("4"));
    DemoBanner banner;
    banner.setExamples(all);
    EXPECT_TRUE(banner.examplesText().contains(QStringLiteral("Sierra Withdrawn")));
}

} // namespace migdesk::test
