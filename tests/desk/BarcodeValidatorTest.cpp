// BarcodeValidator: a table of scanner inputs (good, hostile and junk) and what each becomes.
#include "desk/BarcodeValidator.h"

#include <gtest/gtest.h>

using migdesk::BarcodeValidator;

namespace {

struct Case {
    const char *name;
    QString input;
    bool ok;
    QString barcode; // expected cleaned barcode when ok
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const Case &c, std::ostream *os)
{
    *os << c.name;
}

Case make(const char *name, const QString &input, bool ok, const QString &barcode = {})
{
    return {name, input, ok, barcode};
}

std::vector<Case> defaultCases()
{
    const QString item = QStringLiteral("31297400000007");
    return {
        make("plain", item, true, item),
        make("enter_terminator", item + QStringLiteral("\r"), true, item),
        make("lf_terminator", item + QStringLiteral("\n"), true, item),
        make("tab_terminator", item + QStringLiteral("\t"), true, item),
        make("surrounding_spaces", QStringLiteral("  ") + item + QStringLiteral("  "), true, item),
        make("letters_and_dash", QStringLiteral("A-1234.x"), true, QStringLiteral("A-1234.x")),
        make("one_char", QStringLiteral("7"), true, QStringLiteral("7")),
        make("sixty_four", QString(64, QLatin1Char('9')), true, QString(64, QLatin1Char('9'))),
        make("sixty_five", QString(65, QLatin1Char('9')), false),
        make("empty", QString(), false),
        make("only_spaces", QStringLiteral("    "), false),
        make("only_enter", QStringLiteral("\r\n"), false),
        make("inner_space", QStringLiteral("3129 7400"), false),
        make("nul", QStringLiteral("3129") + QChar(0) + QStringLiteral("74"), false),
        make("escape", QStringLiteral("\x1b[31m3129"), false),
        make("bell", QStringLiteral("31\x07") + QStringLiteral("29"), false),
        make("zero_width", QStringLiteral("3129") + QChar(0x200B) + QStringLiteral("74"), false),
        make("unicode_letters", QStringLiteral("31297\u00e9"), false),
        make("emoji", QString::fromUtf8("3129\xF0\x9F\x93\x9A"), false),
        make("slash", QStringLiteral("3129/74"), false),
        make("path_traversal", QStringLiteral("../../users"), false),
        make("question", QStringLiteral("3129?op=scan"), false),
        make("ampersand", QStringLiteral("3129&apikey=x"), false),
        make("equals", QStringLiteral("a=b"), false),
        make("hash", QStringLiteral("3129#frag"), false),
        make("percent", QStringLiteral("3129%2F74"), false),
        make("plus", QStringLiteral("3129+74"), false),
        make("backslash", QStringLiteral("3129\\74"), false),
        make("ten_kb", QString(10 * 1024, QLatin1Char('A')), false),
        make("ten_kb_with_newlines", QString(10 * 1024, QLatin1Char('\n')), false),
        make("pasted_sentence", QStringLiteral("Please renew my book"), false),
    };
}

class DefaultPatternTest : public ::testing::TestWithParam<Case> {};

TEST_P(DefaultPatternTest, CleansOrRejects)
{
    const Case &c = GetParam();
    const BarcodeValidator validator;
    const auto check = validator.check(c.input);
    EXPECT_EQ(check.ok, c.ok) << c.name << ": " << check.reason.toStdString();
    if (c.ok) {
        EXPECT_EQ(check.barcode, c.barcode) << c.name;
        EXPECT_TRUE(check.reason.isEmpty());
    } else {
        EXPECT_FALSE(check.reason.isEmpty()) << c.name << " must say why it was rejected";
    }
}

INSTANTIATE_TEST_SUITE_P(Inputs, DefaultPatternTest, ::testing::ValuesIn(defaultCases()),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(BarcodeValidatorTest, StripsConfiguredPrefixAndSuffix)
{
    const BarcodeValidator validator({}, false, QStringLiteral("]C1"), QStringLiteral("$"));
    const auto check = validator.check(QStringLiteral("]C131297400000007$\r"));
    ASSERT_TRUE(check.ok) << check.reason.toStdString();
    EXPECT_EQ(check.barcode, QStringLiteral("31297400000007"));
    // Without the prefix the scan still works: stripping is optional, not required.
    EXPECT_TRUE(validator.check(QStringLiteral("31297400000007")).ok);
}

TEST(BarcodeValidatorTest, CustomPatternIsAnchored)
{
    const BarcodeValidator validator(QStringLiteral("3[0-9]{13}"));
    EXPECT_TRUE(validator.isPatternValid());
    EXPECT_TRUE(validator.check(QStringLiteral("31297400000007")).ok);
    EXPECT_FALSE(validator.check(QStringLiteral("x31297400000007")).ok);
    EXPECT_FALSE(validator.check(QStringLiteral("312974000000071")).ok);
    EXPECT_FALSE(validator.check(QStringLiteral("21297400000007")).ok);
}

TEST(BarcodeValidatorTest, InvalidPatternFallsBackToDefaultAndSaysSo)
{
    const BarcodeValidator validator(QStringLiteral("([unclosed"));
    EXPECT_FALSE(validator.isPatternValid());
    EXPECT_TRUE(validator.patternError().contains(QStringLiteral("([unclosed")));
    EXPECT_TRUE(validator.check(QStringLiteral("ABC123")).ok);
    EXPECT_FALSE(validator.check(QStringLiteral("AB C")).ok);
}

TEST(BarcodeValidatorTest, CodabarCheckDigit)
{
    // 3 1234 00001234 + check digit: Luhn over the first 13 digits.
    EXPECT_TRUE(BarcodeValidator::codabarCheckDigitValid(QStringLiteral("31234000012342")));
    EXPECT_FALSE(BarcodeValidator::codabarCheckDigitValid(QStringLiteral("31234000012341")));
    EXPECT_FALSE(BarcodeValidator::codabarCheckDigitValid(QStringLiteral("3123400001234")));
    EXPECT_FALSE(BarcodeValidator::codabarCheckDigitValid(QStringLiteral("3123400001234X")));

    const BarcodeValidator validator({}, true);
    EXPECT_TRUE(validator.check(QStringLiteral("31234000012342")).ok);
    const auto misread = validator.check(QStringLiteral("31234000012341"));
    EXPECT_FALSE(misread.ok);
    EXPECT_TRUE(misread.reason.contains(QStringLiteral("check digit")));
    EXPECT_FALSE(validator.check(QStringLiteral("ABC")).ok);
}

TEST(BarcodeValidatorTest, CodabarPatronCardIsRejectedAsPatron)
{
    const BarcodeValidator validator({}, true);
    // 2 1234 00001234 + its valid check digit: a patron card.
    const QString patron = QStringLiteral("21234000012344");
    ASSERT_TRUE(BarcodeValidator::codabarCheckDigitValid(patron));
    const auto check = validator.check(patron);
    EXPECT_FALSE(check.ok);
    EXPECT_TRUE(check.reason.contains(QStringLiteral("patron")));
}

} // namespace
