// The review shelf through the real desk window: Settings choose a temporary location for
// Catalog Review, a scanned Catalog Review item is moved there and returned, the card names the
// shelf, and scanning it again once the review is over offers to clear it (Enter). Also the
// Rules page's review box refusing half a location. With MIGDESK_SCREENSHOT_DIR set, it saves
// docs/screenshots/36-review-shelf.png.
#include "DeskFixture.h"

#include "ReviewHandlingBox.h"
#include "SettingsDialog.h"
#include "model/JsonUtil.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>

namespace migdesk::test {

namespace {

class ReviewShelfDesk : public DeskFixture {
protected:
    void configure(Settings &settings) override
    {
        ReviewHandling shelf;
        shelf.method = ReviewMethod::TempLocation;
        shelf.tempLocation = {QStringLiteral("MAIN"), QStringLiteral("REVIEW"), {}};
        settings.setReviewHandling(QStringLiteral("CATALOG_REVIEW"), shelf);
        settings.setRepeatWindowMs(200); // the second scan below is not a repeat
    }

    nlohmann::json holding(const QString &barcode) const
    {
        return m_sandbox->itemJson(barcode)["holding_data"];
    }

    QString cardTempPlace() const
    {
        const auto *label = m_window->findChild<QLabel *>(QStringLiteral("itemTempPlaceLabel"));
        return label && label->isVisible() ? label->text() : QString();
    }
};

} // namespace

TEST_F(ReviewShelfDesk, ACatalogReviewItemGoesToTheReviewShelfAndComesBack)
{
    const QString barcode = demoBarcode(QStringLiteral("Voyager Catalog Review"));
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    const ScanRecord *record = recordFor(barcode);
    ASSERT_NE(record, nullptr);
    EXPECT_EQ(record->outcome, Outcome::Done) << record->message.toStdString();
    EXPECT_EQ(record->plan.stepNames(),
              (QStringList{QStringLiteral("SET_TEMP_LOCATION"), QStringLiteral("RETURN")}));
    EXPECT_TRUE(holding(barcode)["in_temp_location"].get<bool>());
    EXPECT_EQ(json::code(holding(barcode), "temp_location").value, QStringLiteral("REVIEW"));
    EXPECT_TRUE(processType(barcode).isEmpty());
    EXPECT_TRUE(cardTempPlace().contains(QStringLiteral("Review Shelf")))
        << cardTempPlace().toStdString();
    const std::vector<sandbox::Operation> writes = writesFor(barcode);
    ASSERT_EQ(writes.size(), 2u) << "one PUT and one scan-in";
    EXPECT_EQ(writes[0].method, QStringLiteral("PUT"));

    if (const QString dir = qEnvironmentVariable("MIGDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(50);
        QDir().mkpath(dir);
        ASSERT_TRUE(
            m_window->grab().save(QDir(dir).filePath(QStringLiteral("36-review-shelf.png"))));
    }

    // Reviewed: scanned again after the repeat window, it waits for Enter to clear the shelf.
    QTest::qWait(m_settings->repeatWindowMs() + 100);
    scan(barcode);
    ASSERT_TRUE(waitFor([&] {
        const ScanRecord *again = recordFor(barcode);
        return again && again != record && again->awaiting == Awaiting::Enter;
    }));
    EXPECT_TRUE(holding(barcode)["in_temp_location"].get<bool>()) << "nothing before Enter";
    QTest::keyClick(m_window->scanField(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] {
        const ScanRecord *again = recordFor(barcode);
        return again && again != record && again->stage == ScanStage::Finished;
    }));
    EXPECT_FALSE(holding(barcode)["in_temp_location"].get<bool>());
    EXPECT_TRUE(cardTempPlace().isEmpty());
}

TEST(ReviewHandlingBoxTest, HalfALocationIsRefusedAndAWholeOneSaved)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    ReviewHandlingBox box;
    box.load(settings);
    auto *method = box.findChild<QComboBox *>(QStringLiteral("reviewMethod_catalogreview"));
    auto *library = box.findChild<QLineEdit *>(QStringLiteral("reviewTempLibrary_catalogreview"));
    auto *location = box.findChild<QLineEdit *>(QStringLiteral("reviewTempLocation_catalogreview"));
    auto *problem = box.findChild<QLabel *>(QStringLiteral("reviewHandlingProblemLabel"));
    ASSERT_TRUE(method && library && location && problem);
    EXPECT_FALSE(library->isEnabled()) << "codes only for a temporary location";
    method->setCurrentIndex(method->findData(QStringLiteral("temp_location")));
    EXPECT_TRUE(library->isEnabled());
    library->setText(QStringLiteral("MAIN"));
    box.show();
    EXPECT_FALSE(box.save(settings));
    EXPECT_TRUE(problem->isVisible());
    EXPECT_TRUE(problem->text().contains(QStringLiteral("Catalog Review")))
        << problem->text().toStdString();
    EXPECT_EQ(settings.reviewHandling(QStringLiteral("CATALOG_REVIEW")).method,
              ReviewMethod::Rules);
    location->setText(QStringLiteral("REVIEW"));
    EXPECT_TRUE(box.save(settings));
    EXPECT_FALSE(problem->isVisible());
    const ReviewHandling saved = settings.reviewHandling(QStringLiteral("CATALOG_REVIEW"));
    EXPECT_EQ(saved.method, ReviewMethod::TempLocation);
    EXPECT_EQ(saved.tempLocation.location, QStringLiteral("REVIEW"));
    EXPECT_EQ(settings.ruleOverrides().reviewHandling.size(), 1);
}

} // namespace migdesk::test
