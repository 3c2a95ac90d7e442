// The operator prompt (proposes the remembered name or the login, stores what staff type, never
// an empty name) and the undo confirmation (names the item, who changed it and each field with
// the value it goes back to). With MIGDESK_SCREENSHOT_DIR set, renders both for the user guide.
#include "HistoryModel.h"
#include "HistoryPanel.h"
#include "OperatorDialog.h"
#include "StampSettingsBox.h"
#include "UndoController.h"

#include "journal/Journal.h"
#include "settings/Settings.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace migdesk::test {

namespace {

void saveShot(QWidget &widget, const QString &name)
{
    const QString out = qEnvironmentVariable("MIGDESK_SCREENSHOT_DIR");
    if (out.isEmpty())
        return;
    widget.show();
    (void)QTest::qWaitForWindowExposed(&widget);
    QTest::qWait(50);
    QDir().mkpath(out);
    EXPECT_TRUE(widget.grab().save(QDir(out).filePath(name)));
}

FieldChange conditionChange()
{
    FieldChange change;
    change.writeId = 7;
    change.intentId = 3;
    change.barcode = QStringLiteral("31234000456789");
    change.operatorName = QStringLiteral("J. Smith");
    change.at = QDateTime(QDate(2026, 12, 3), QTime(10, 42));
    change.before.internalNote1 = QStringLiteral("Status: Damaged");
    change.after = change.before;
    change.after.physicalCondition = {QStringLiteral("DAMAGED"), QStringLiteral("Damaged")};
    change.after.internalNote2 =
        QStringLiteral("MigDesk 2026-12-03 J. Smith: Damaged → condition Damaged, returned");
    change.hasAfter = true;
    return change;
}

} // namespace

TEST(OperatorDialogTest, ProposesTheLoginThenStoresTheTypedName)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    EXPECT_EQ(settings.operatorName(), Settings::loginName());
    OperatorDialog dialog(&settings);
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("operatorLineEdit"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    ASSERT_TRUE(edit && buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    EXPECT_EQ(edit->text(), Settings::loginName());

    edit->setText(QStringLiteral("   "));
    EXPECT_FALSE(ok->isEnabled()) << "an empty name is never stored";
    edit->setText(QStringLiteral("  J. Smith "));
    EXPECT_TRUE(ok->isEnabled());
    saveShot(dialog, QStringLiteral("40-operator-prompt.png"));
    dialog.accept();
    EXPECT_EQ(settings.operatorName(), QStringLiteral("J. Smith"));

    Settings again(dir.filePath(QStringLiteral("settings.ini")));
    EXPECT_EQ(again.operatorName(), QStringLiteral("J. Smith")) << "remembered per workstation";
    OperatorDialog cancelled(&again);
    cancelled.findChild<QLineEdit *>(QStringLiteral("operatorLineEdit"))
        ->setText(QStringLiteral("Someone"));
    cancelled.reject();
    EXPECT_EQ(again.operatorName(), QStringLiteral("J. Smith"));
}

TEST(UndoConfirmationTest, NamesTheItemWhoAndEachFieldGoingBack)
{
    const FieldChange change = conditionChange();
    std::unique_ptr<QMessageBox> box(UndoController::confirmation(
        nullptr, change.barcode, QStringLiteral("A history of the county"), change));
    EXPECT_TRUE(box->text().contains(change.barcode));
    EXPECT_TRUE(box->text().contains(QStringLiteral("A history of the county")));
    const QString details = box->informativeText();
    EXPECT_TRUE(details.contains(QStringLiteral("J. Smith")));
    EXPECT_TRUE(details.contains(QStringLiteral("physical_condition: Damaged → (empty)")))
        << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("internal_note_2:")));
    EXPECT_FALSE(details.contains(QStringLiteral("internal_note_1")))
        << "unchanged fields stay out";
    saveShot(*box, QStringLiteral("41-undo-confirmation.png"));
}

TEST(HistoryUndoTest, TheRowsUndoAsksForItsJournalIntentWithItsTitle)
{
    HistoryModel model;
    HistoryRow row;
    row.id = 1;
    row.intentId = 42;
    row.barcode = QStringLiteral("31234000456789");
    row.title = QStringLiteral("Middlemarch");
    row.operatorName = QStringLiteral("J. Smith");
    row.finished = true;
    row.outcome = Outcome::Done;
    model.upsert(row);
    EXPECT_EQ(model.data(model.index(0, HistoryModel::OperatorColumn)).toString(),
              QStringLiteral("J. Smith"));
    HistoryPanel panel(&model);
    qint64 checked = 0;
    panel.setUndoCheck([&checked](qint64 intentId) {
        checked = intentId;
        return QString();
    });
    EXPECT_EQ(panel.undoAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+Z")));
    QSignalSpy asked(&panel, &HistoryPanel::undoRequested);
    panel.undoAction()->trigger();
    EXPECT_EQ(asked.count(), 0) << "no row selected: nothing to undo";
    panel.view()->setCurrentIndex(panel.view()->model()->index(0, 0));
    panel.undoAction()->trigger();
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(asked.at(0).at(0).toLongLong(), 42);
    EXPECT_EQ(asked.at(0).at(1).toString(), QStringLiteral("Middlemarch"));
}

TEST(StampSettingsTest, OffByDefaultRoundTripsAndWarnsForTheFulfillmentNote)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    EXPECT_TRUE(settings.stampNote().isEmpty()) << "off by default";
    StampSettingsBox box;
    box.load(settings);
    auto *field = box.findChild<QComboBox *>(QStringLiteral("stampNoteComboBox"));
    auto *templ = box.findChild<QLineEdit *>(QStringLiteral("stampTemplateLineEdit"));
    auto *hint = box.findChild<QLabel *>(QStringLiteral("stampHintLabel"));
    ASSERT_TRUE(field && templ && hint);
    EXPECT_TRUE(field->currentData().toString().isEmpty());

    field->setCurrentIndex(field->findData(QStringLiteral("statistics_note_2")));
    templ->setText(QStringLiteral("{status}: {actions}"));
    EXPECT_TRUE(hint->text().contains(QStringLiteral("one more call")));
    EXPECT_TRUE(hint->text().contains(QStringLiteral("MigDesk ")));
    EXPECT_FALSE(hint->text().contains(QStringLiteral("Warning")));
    box.save(settings);
    EXPECT_EQ(settings.stampNote(), QStringLiteral("statistics_note_2"));
    EXPECT_EQ(settings.stampTemplate(), QStringLiteral("{status}: {actions}"));

    field->setCurrentIndex(field->findData(QStringLiteral("fulfillment_note")));
    EXPECT_TRUE(hint->text().contains(QStringLiteral("Warning: staff see the fulfillment note")));
    settings.setStampNote(QStringLiteral("internal_note_1"));
    EXPECT_TRUE(settings.stampNote().isEmpty()) << "the legacy note is never offered";
}

} // namespace migdesk::test
