// BarcodeValidator: see the header.
#include "desk/BarcodeValidator.h"

#include <QCoreApplication>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::BarcodeValidator", text);
}

bool isUrlMeaningful(QChar c)
{
    static const QString reserved = QStringLiteral("/?#%&=+\\");
    return reserved.contains(c);
}

} // namespace

QString BarcodeValidator::defaultPattern()
{
    return QStringLiteral("^[\\x21-\\x7E]{1,64}$");
}

BarcodeValidator::BarcodeValidator(const QString &pattern, bool codabarCheckDigit,
                                   const QString &prefix, const QString &suffix)
    : m_codabar(codabarCheckDigit)
    , m_prefix(prefix)
    , m_suffix(suffix)
{
    const QString trimmed = pattern.trimmed();
    if (!trimmed.isEmpty()) {
        QRegularExpression custom(trimmed);
        if (custom.isValid()) {
            // Anchor it: a pattern matches the whole barcode, never a part of it.
            m_pattern = QRegularExpression(QRegularExpression::anchoredPattern(trimmed));
            m_customPattern = true;
        } else {
            m_patternError =
                tr("The barcode pattern \"%1\" is not valid (%2); the default is used.")
                    .arg(trimmed, custom.errorString());
        }
    }
    if (!m_customPattern)
        m_pattern = QRegularExpression(defaultPattern());
}

bool BarcodeValidator::codabarCheckDigitValid(const QString &digits)
{
    if (digits.size() != 14)
        return false;
    int sum = 0;
    for (int i = 0; i < 13; ++i) {
        const QChar c = digits.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        int value = c.unicode() - '0';
        if (i % 2 == 0) { // positions 1, 3, ..., 13 from the left are doubled
            value *= 2;
            if (value > 9)
                value -= 9;
        }
        sum += value;
    }
    const QChar check = digits.at(13);
    if (check < QLatin1Char('0') || check > QLatin1Char('9'))
        return false;
    return (10 - sum % 10) % 10 == check.unicode() - '0';
}

BarcodeCheck BarcodeValidator::check(const QString &rawInput) const
{
    BarcodeCheck result;
    if (rawInput.size() > maxRawLength) {
        result.reason = tr("That was %1 characters of text, not a barcode.").arg(rawInput.size());
        return result;
    }
    QString text = rawInput;
    // The scanner's terminator (Enter or Tab), then the configured prefix/suffix.
    while (!text.isEmpty() &&
           (text.back() == QLatin1Char('\r') || text.back() == QLatin1Char('\n') ||
            text.back() == QLatin1Char('\t')))
        text.chop(1);
    if (!m_prefix.isEmpty() && text.startsWith(m_prefix))
        text.remove(0, m_prefix.size());
    if (!m_suffix.isEmpty() && text.endsWith(m_suffix))
        text.chop(m_suffix.size());
    text = text.trimmed();
    result.barcode = text;

    if (text.isEmpty()) {
        result.reason = tr("Nothing was scanned.");
        return result;
    }
    for (const QChar c : std::as_const(text)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c.isNonCharacter() || c.isSurrogate()) {
            result.reason = tr("The scan contains control characters; scan the item again.");
            return result;
        }
    }
    for (const QChar c : std::as_const(text)) {
        if (c.isSpace()) {
            result.reason = tr("A barcode has no spaces: \"%1\" looks like typed text.").arg(text);
            return result;
        }
    }
    if (text.size() < m_minLength) {
        result.reason = tr("\"%1\" is too short to be a barcode of this library (at least %2 "
                           "characters); nothing was sent to Alma.")
                            .arg(text)
                            .arg(m_minLength);
        return result;
    }
    if (!m_customPattern) {
        if (text.size() > 64) {
            result.reason =
                tr("A barcode has at most 64 characters; this has %1.").arg(text.size());
            return result;
        }
        for (const QChar c : std::as_const(text)) {
            if (c.unicode() > 0x7E) {
                result.reason = tr("\"%1\" contains characters barcodes do not use.").arg(text);
                return result;
            }
            if (isUrlMeaningful(c)) {
                result.reason =
                    tr("\"%1\" contains the character \"%2\", which item barcodes do not use.")
                        .arg(text, QString(c));
                return result;
            }
        }
    }
    if (!m_pattern.match(text).hasMatch()) {
        result.reason = tr("\"%1\" does not look like an item barcode of this library.").arg(text);
        return result;
    }
    if (m_codabar) {
        bool allDigits = text.size() == 14;
        for (const QChar c : std::as_const(text))
            allDigits = allDigits && c.isDigit() && c.unicode() < 0x80;
        if (!allDigits) {
            result.reason = tr("\"%1\" is not a 14-digit library barcode.").arg(text);
            return result;
        }
        if (!codabarCheckDigitValid(text)) {
            result.reason =
                tr("\"%1\" has a wrong check digit: it was misread, scan it again.").arg(text);
            return result;
        }
        if (text.at(0) == QLatin1Char('2')) {
            result.reason = tr("\"%1\" is a patron card, not an item.").arg(text);
            return result;
        }
        if (text.at(0) != QLatin1Char('3')) {
            result.reason = tr("\"%1\" is not an item barcode (items start with 3).").arg(text);
            return result;
        }
    }
    result.ok = true;
    return result;
}

} // namespace migdesk
