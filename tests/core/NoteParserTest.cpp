// NoteParser against realistic migrated notes: one TEST_P row per note variant.
#include "legacy/NoteParser.h"

#include <gtest/gtest.h>

#include <ostream>

using namespace migdesk;

namespace {

struct NoteCase {
    const char *name;
    SourceIls source;
    const char *note1;             // internal_note_1
    const char *note3;             // internal_note_3
    QStringList ids;               // expected canonical ids, in note order
    const char *matched = nullptr; // expected matched text of the first status, when given
    const char *field = nullptr;   // expected note field of the first status, when given
};

void PrintTo(const NoteCase &c, std::ostream *os)
{
    *os << c.name;
}

QStringList ids(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *id : list)
        result.append(QString::fromLatin1(id));
    return result;
}

const auto V = SourceIls::Voyager;
const auto S = SourceIls::Sierra;
const auto K = SourceIls::Koha;
const auto Y = SourceIls::Symphony;
const auto A = SourceIls::Auto;

const NoteCase kCases[] = {
    // Voyager: Internal Note 3, the status name itself, Voyager's wording.
    {"VoyagerPlain", V, "", "Missing", ids({"MISSING"}), "Missing", "internal_note_3"},
    {"VoyagerDoubleDash", V, "", "Lost--Library Applied", ids({"LOST_LIBRARY"}),
     "Lost--Library Applied"},
    {"VoyagerUpperSingleDash", V, "", "LOST-LIBRARY APPLIED", ids({"LOST_LIBRARY"})},
    {"VoyagerEnDash", V, "", "Lost \u2013 System Applied", ids({"LOST_SYSTEM"})},
    {"VoyagerSystemShort", V, "", "Lost-Sys Applied 2019-11-02", ids({"LOST_SYSTEM"})},
    {"VoyagerCatalogingReview", V, "", "Cataloging Review", ids({"CATALOG_REVIEW"})},
    {"VoyagerCatReviewAbbrev", V, "", "Cat. Review JS", ids({"CATALOG_REVIEW"})},
    {"VoyagerCircReview", V, "", "Circ Review 3/4/2019", ids({"CIRCULATION_REVIEW"})},
    {"VoyagerInTransitDischarged", V, "", "In Transit Discharged", ids({"IN_TRANSIT"}),
     "In Transit Discharged"},
    {"VoyagerAtBindery", V, "", "At Bindery", ids({"AT_BINDERY"})},
    {"VoyagerClaimsReturned", V, "", "claims returned", ids({"CLAIMS_RETURNED"})},
    {"VoyagerInProcess", V, "", "  In   Process  ", ids({"IN_PROCESS"}), "In   Process"},
    {"VoyagerTwoStatuses", V, "", "Missing; Damaged", ids({"MISSING", "DAMAGED"})},
    {"VoyagerSlashStatuses", V, "", "Damaged / Circulation Review",
     ids({"DAMAGED", "CIRCULATION_REVIEW"})},
    {"VoyagerWithDateAndInitials", V, "", "Missing 2020-01-15 kj", ids({"MISSING"}), "Missing"},
    {"VoyagerNotLostInVocabulary", V, "", "Lost", ids({"UNKNOWN"}), "Lost"},
    {"VoyagerReadsOnlyNote3", V, "Status: Missing", "", ids({"UNKNOWN"}), "Status: Missing",
     "internal_note_1"},
    // Sierra: Internal Note 1 with a "Status:" prefix in its variations.
    {"SierraStatusColon", S, "Status: Missing", "", ids({"MISSING"}), "Status: Missing",
     "internal_note_1"},
    {"SierraUpperDash", S, "STATUS - MISSING", "", ids({"MISSING"}), "STATUS - MISSING"},
    {"SierraItemStatus", S, "Item status: Billed", "", ids({"BILLED"}), "Item status: Billed"},
    {"SierraNoSpace", S, "status:lost and paid", "", ids({"LOST_AND_PAID"}),
     "status:lost and paid"},
    {"SierraLongAgoGone", S, "Status: Long Ago Gone 12/01/2023", "", ids({"LONG_AGO_GONE"})},
    {"SierraInTechServices", S, "Status: In Technical Services", "",
     ids({"IN_TECHNICAL_SERVICES"})},
    {"SierraInItDepartment", S, "Status: In IT Department", "", ids({"IN_IT_DEPARTMENT"})},
    {"SierraInRepair", S, "Status: In Repair", "", ids({"REPAIR"}), "Status: In Repair"},
    {"SierraRepair", S, "Status: Repair", "", ids({"REPAIR"})},
    {"SierraDiscard", S, "Status: DISCARD", "", ids({"DISCARD"})},
    {"SierraWithdrawn", S, "status = withdrawn", "", ids({"WITHDRAWN"})},
    {"SierraInTransit", S, "Status: In-Transit", "", ids({"IN_TRANSIT"})},
    {"SierraClaimsReturned", S, "Status: Claims Returned (patron says returned)", "",
     ids({"CLAIMS_RETURNED"})},
    {"SierraNoPrefix", S, "Missing", "", ids({"MISSING"})},
    {"SierraTwoWithAnd", S, "Status: Missing and Damaged", "", ids({"MISSING", "DAMAGED"})},
    {"SierraNoDamagedBilled", S, "Status: Damaged Billed", "", ids({"UNKNOWN"})},
    {"SierraKeepsUnknownVerbatim", S, "Status: kat - kat", "", ids({"UNKNOWN"}),
     "Status: kat - kat"},
    // Koha
    {"KohaLost", K, "Status: Lost", "", ids({"LOST"}), "Status: Lost"},
    {"KohaLongOverdue", K, "Status: Long Overdue (Lost)", "", ids({"LONG_OVERDUE"}),
     "Status: Long Overdue (Lost)"},
    {"KohaLongOverdueShort", K, "status: long overdue", "", ids({"LONG_OVERDUE"})},
    {"KohaWithdrawn", K, "Status: Withdrawn 2023-05-02 AB", "", ids({"WITHDRAWN"})},
    {"KohaDamagedAndMissing", K, "Status: Damaged; Status: Missing", "",
     ids({"DAMAGED", "MISSING"})},
    {"KohaDamagedLower", K, "status: damaged", "", ids({"DAMAGED"})},
    {"KohaNoInTransit", K, "Status: In Transit", "", ids({"UNKNOWN"})},
    // Symphony: the status among price, gift, grant, damage and fine text.
    {"SymphonyPlain", Y, "Status: Missing", "", ids({"MISSING"})},
    {"SymphonyAmongPrice", Y, "PRICE: $45.00 ; Status: Missing ; Gift of the Smith family", "",
     ids({"MISSING"}), "Status: Missing"},
    {"SymphonyDamagedBilled", Y, "Status: Damaged Billed $25.00 fine paid", "",
     ids({"DAMAGED_BILLED"}), "Status: Damaged Billed"},
    {"SymphonyMissingInTransit", Y, "Status: Missing in Transit", "", ids({"MISSING_IN_TRANSIT"}),
     "Status: Missing in Transit"},
    {"SymphonyAssumedLost", Y, "Fund: GEN-2019. Status: ASSUMED LOST. Replacement ordered", "",
     ids({"ASSUMED_LOST"})},
    {"SymphonyLostClaim", Y, "Status: Lost Claim - patron paid", "", ids({"LOST_CLAIM"})},
    {"SymphonyCheckedOut", Y, "Status: Checked Out", "", ids({"CHECKED_OUT"})},
    {"SymphonyOnHold", Y, "Status: On Hold", "", ids({"ON_HOLD"})},
    {"SymphonyDiscard", Y, "Grant: NEH 2011 | Status: Discard", "", ids({"DISCARD"})},
    {"SymphonyRepair", Y, "Status: Repair; spine damaged", "", ids({"REPAIR"})},
    {"SymphonyInProcess", Y, "Status: In Process. Price 12.99 USD", "", ids({"IN_PROCESS"})},
    {"SymphonyProseMissingPages", Y,
     "Missing pages noted on receipt. Price $30.00. Status: In Transit", "", ids({"IN_TRANSIT"}),
     "Status: In Transit"},
    {"SymphonyProseOnly", Y, "Gift of Friends of the Library; missing pages noted on receipt", "",
     ids({"UNKNOWN"})},
    {"SymphonySpineDamaged", Y, "spine damaged, repaired with tape 2015", "", ids({"UNKNOWN"})},
    {"SymphonyFineNote", Y, "Fine $5.00 for damaged cover paid 2018; Status: Claims Returned", "",
     ids({"CLAIMS_RETURNED"})},
    {"SymphonyDamagedWordIsProse", Y, "Damaged by water in 2019 flood. Status: Missing", "",
     ids({"MISSING"})},
    {"SymphonyNoDamagedAlone", Y, "Status: Damaged", "", ids({"UNKNOWN"})},
    {"SymphonyMultiLine", Y, "PO 4411 $19.95\nStatus: Checked Out\nGIFT", "", ids({"CHECKED_OUT"})},
    // Prose traps and empty notes.
    {"ProseMissingPages", A, "missing pages noted on receipt", "", ids({"UNKNOWN"})},
    {"ProseLostCover", A, "lost cover replaced", "", ids({"UNKNOWN"})},
    {"ProseBilledPatron", A, "patron billed for replacement copy", "", ids({"UNKNOWN"})},
    {"ProseRepairNeeded", A, "needs repair of binding", "", ids({"UNKNOWN"})},
    {"ProseStatusOfPages", A, "status of missing pages unclear", "", ids({"UNKNOWN"})},
    {"EmptyNotes", A, "", "", {}},
    {"BlankNotes", A, "   ", " \t ", {}},
    {"UnknownVerbatimSpaces", A, "  Status: Reserved  ", "", ids({"UNKNOWN"}),
     "  Status: Reserved  "},
    // Auto: reads Internal Note 1 and 3, longest match wins.
    {"AutoVoyagerNote3", A, "", "Lost--System Applied", ids({"LOST_SYSTEM"}), nullptr,
     "internal_note_3"},
    {"AutoLongestMatchMissingInTransit", A, "Status: Missing in transit", "",
     ids({"MISSING_IN_TRANSIT"})},
    {"AutoDamagedBilledNotDamaged", A, "Status: Damaged Billed", "", ids({"DAMAGED_BILLED"})},
    {"AutoBothNotes", A, "Status: Damaged", "Missing", ids({"DAMAGED", "MISSING"})},
    {"AutoProseNote1StatusNote3", A, "Gift of the class of 1998", "Missing", ids({"MISSING"}),
     nullptr, "internal_note_3"},
    {"AutoDuplicateStatusOnce", A, "Status: Missing; Missing", "", ids({"MISSING"})},
    {"AutoCommaList", A, "Status: Missing, Damaged", "", ids({"MISSING", "DAMAGED"})},
    {"AutoPreviousStatus", A, "Previous status - In Transit (2019-03-04)", "", ids({"IN_TRANSIT"})},
    {"AutoLostAndPaidBeatsLost", A, "Status: Lost and Paid", "", ids({"LOST_AND_PAID"})},
    {"AutoClaimedReturned", A, "Status: Claimed Returned 01/02/2022 MB", "",
     ids({"CLAIMS_RETURNED"})},
    {"AutoAtTheBindery", A, "", "At the bindery since Jan 2020", ids({"AT_BINDERY"})},
    {"AutoNonAscii", A, "Statut: Manquant \u00e9t\u00e9", "", ids({"UNKNOWN"})},
};

class NoteParserTest : public ::testing::TestWithParam<NoteCase> {};

TEST_P(NoteParserTest, ReadsNote)
{
    const NoteCase &c = GetParam();
    Item item;
    item.processType = {QStringLiteral("TECHNICAL"), {}};
    item.internalNote1 = QString::fromUtf8(c.note1);
    item.internalNote3 = QString::fromUtf8(c.note3);
    const NoteReading reading = NoteParser(c.source).parse(item);
    EXPECT_EQ(reading.ids(), c.ids) << c.note1 << " | " << c.note3;
    if (c.matched) {
        ASSERT_FALSE(reading.statuses.empty());
        EXPECT_EQ(reading.statuses.front().matchedText, QString::fromUtf8(c.matched));
    }
    if (c.field) {
        ASSERT_FALSE(reading.statuses.empty());
        EXPECT_EQ(reading.statuses.front().noteField, QString::fromLatin1(c.field));
    }
    // The evidence always points at the exact text in the note it names.
    for (const auto &match : reading.statuses) {
        const QString note = match.noteField == QLatin1String("internal_note_3")
                                 ? item.internalNote3
                                 : item.internalNote1;
        EXPECT_EQ(note.mid(match.start, match.length), match.matchedText);
    }
}

INSTANTIATE_TEST_SUITE_P(Variants, NoteParserTest, ::testing::ValuesIn(kCases),
                         [](const auto &info) { return std::string(info.param.name); });

} // namespace

TEST(NoteParser, UnknownKeepsTextFromAnotherNoteWhenStatusNoteIsEmpty)
{
    Item item;
    item.internalNote2 = QStringLiteral("Status: Missing");
    const NoteReading reading = NoteParser(SourceIls::Sierra).parse(item);
    ASSERT_TRUE(reading.isUnknown());
    EXPECT_EQ(reading.statuses.front().noteField, QStringLiteral("internal_note_2"));
    EXPECT_EQ(reading.statuses.front().matchedText, QStringLiteral("Status: Missing"));
}

TEST(NoteParser, GuessesSourceInAutoMode)
{
    NoteParser parser;
    Item voyager;
    voyager.internalNote3 = QStringLiteral("Missing");
    EXPECT_EQ(parser.parse(voyager).source, SourceIls::Voyager);
    Item symphony;
    symphony.internalNote1 = QStringLiteral("Status: Damaged Billed");
    EXPECT_EQ(parser.parse(symphony).source, SourceIls::Symphony);
    Item ambiguous;
    ambiguous.internalNote1 = QStringLiteral("Status: Missing");
    EXPECT_EQ(parser.parse(ambiguous).source, SourceIls::Auto);
}

TEST(NoteParser, ParseNoteNamesTheField)
{
    const NoteReading reading = NoteParser().parseNote(QStringLiteral("Status: Missing"),
                                                       QStringLiteral("internal_note_2"));
    ASSERT_EQ(reading.statuses.size(), 1u);
    EXPECT_EQ(reading.statuses.front().noteField, QStringLiteral("internal_note_2"));
    EXPECT_FALSE(reading.isUnknown());
    EXPECT_TRUE(NoteParser().parseNote({}, QStringLiteral("internal_note_1")).isEmpty());
}

TEST(LegacyStatus, CatalogueAndNames)
{
    const QStringList all = allLegacyStatusIds();
    EXPECT_EQ(all.size(), 27);
    EXPECT_EQ(all.last(), QStringLiteral("UNKNOWN"));
    EXPECT_TRUE(all.contains(QStringLiteral("MISSING_IN_TRANSIT")));
    EXPECT_EQ(legacyStatusLabel(QStringLiteral("LONG_OVERDUE")),
              QStringLiteral("Long Overdue (Lost)"));
    for (SourceIls source : {SourceIls::Auto, SourceIls::Voyager, SourceIls::Sierra,
                             SourceIls::Koha, SourceIls::Symphony})
        EXPECT_EQ(sourceIlsFromName(sourceIlsName(source)), source);
    EXPECT_EQ(sourceIlsFromName(QStringLiteral(" Symphony ")), SourceIls::Symphony);
    EXPECT_FALSE(sourceIlsFromName(QStringLiteral("aleph")).has_value());
}

TEST(NoteParser, LowerCaseStaffInitialsAfterStatus)
{
    // Voyager notes often end with the initials of whoever set the status, in lower case.
    const NoteReading lost = NoteParser(SourceIls::Voyager)
                                 .parseNote(QStringLiteral("Lost--Library Applied mrs"),
                                            QStringLiteral("internal_note_3"));
    ASSERT_EQ(lost.statuses.size(), 1u);
    EXPECT_EQ(lost.statuses.front().id, QStringLiteral("LOST_LIBRARY"));

    // A short English word is not initials: "not missing" stays prose.
    const NoteReading negated =
        NoteParser(SourceIls::Voyager)
            .parseNote(QStringLiteral("not missing"), QStringLiteral("internal_note_3"));
    ASSERT_EQ(negated.statuses.size(), 1u);
    EXPECT_EQ(negated.statuses.front().id, QStringLiteral("UNKNOWN"));
}
