// BarcodeValidator: turns what a keyboard-wedge scanner typed into a barcode, or a staff-readable
// reason why not, before any call to Alma. Strips the configured prefix/suffix and the Enter/Tab
// terminator, trims, then checks length, characters, the configured pattern and (optionally) the
// Codabar-14 check digit with the item/patron prefix.
#pragma once

#include <QRegularExpression>
#include <QString>

#include <algorithm>

namespace migdesk {

struct BarcodeCheck {
    bool ok = false;
    QString barcode; // the cleaned barcode (also filled when rejected, for the message)
    QString reason;  // translated, staff-readable; empty when ok
};

class BarcodeValidator {
public:
    // Anything longer than this is rejected before it is even cleaned (a pasted document).
    static constexpr int maxRawLength = 1024;

    // An empty pattern means the default: 1 to 64 printable ASCII characters, no spaces, none
    // of the characters that carry meaning in a URL (/ ? # % & = + \).
    explicit BarcodeValidator(const QString &pattern = {}, bool codabarCheckDigit = false,
                              const QString &prefix = {}, const QString &suffix = {});

    BarcodeCheck check(const QString &rawInput) const;
    // The library's shortest barcode (default 1): shorter input ("1", "w") is refused.
    void setMinimumLength(int length) { m_minLength = std::max(1, length); }
    int minimumLength() const { return m_minLength; }

    // False when the configured pattern is not a valid regular expression (the default is used).
    bool isPatternValid() const { return m_patternError.isEmpty(); }
    QString patternError() const { return m_patternError; }

    // The library Codabar-14 mod-10 check (Luhn over the first 13 digits). Needs 14 digits.
    static bool codabarCheckDigitValid(const QString &digits);
    static QString defaultPattern();

private:
    QRegularExpression m_pattern;
    bool m_customPattern = false;
    bool m_codabar = false;
    int m_minLength = 1;
    QString m_prefix;
    QString m_suffix;
    QString m_patternError;
};

} // namespace migdesk
