// ScannerSettingsPage: the examples are run through the same BarcodeValidator as the scans.
#include "ScannerSettingsPage.h"

#include "desk/BarcodeValidator.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace migdesk {

namespace {
QLineEdit *lineEdit(QWidget *parent, const QString &objectName, const QString &accessible)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessible);
    return edit;
}
} // namespace

ScannerSettingsPage::ScannerSettingsPage(QWidget *parent)
    : QWidget(parent)
    , m_prefix(lineEdit(this, QStringLiteral("prefixLineEdit"), tr("Scanner prefix")))
    , m_suffix(lineEdit(this, QStringLiteral("suffixLineEdit"), tr("Scanner suffix")))
    , m_minLength(new QSpinBox(this))
    , m_pattern(lineEdit(this, QStringLiteral("patternLineEdit"), tr("Barcode pattern")))
    , m_codabar(new QCheckBox(tr("Check the Codabar-14 check digit"), this))
    , m_examples(new QLabel(this))
    , m_repeatMs(new QSpinBox(this))
{
    m_pattern->setPlaceholderText(tr("default: printable characters, no spaces"));
    m_minLength->setObjectName(QStringLiteral("minLengthSpinBox"));
    m_minLength->setAccessibleName(tr("Shortest barcode, in characters"));
    m_minLength->setRange(1, 64);
    m_minLength->setSuffix(tr(" characters"));
    m_codabar->setObjectName(QStringLiteral("codabarCheckBox"));
    m_examples->setObjectName(QStringLiteral("barcodeExamplesLabel"));
    m_examples->setWordWrap(true);
    m_repeatMs->setObjectName(QStringLiteral("repeatSpinBox"));
    m_repeatMs->setAccessibleName(tr("Repeat window in milliseconds"));
    m_repeatMs->setRange(0, 60000);
    m_repeatMs->setSingleStep(500);
    m_repeatMs->setSuffix(tr(" ms"));
    auto *form = new QFormLayout(this);
    // Mnemonics: P, U, L, X, 4, I; none used by the dialog's tabs and buttons.
    auto row = [this, form](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    row(tr("&Prefix to strip:"), m_prefix);
    row(tr("S&uffix to strip:"), m_suffix);
    row(tr("Shortest barcode (&length):"), m_minLength);
    row(tr("Barcode pattern (regular e&xpression):"), m_pattern);
    m_codabar->setText(tr("Check the Codabar-1&4 check digit"));
    form->addRow(m_codabar);
    form->addRow(tr("Examples:"), m_examples);
    row(tr("Same barcode again with&in:"), m_repeatMs);
    connect(m_minLength, &QSpinBox::valueChanged, this, &ScannerSettingsPage::checkExamples);
    connect(m_pattern, &QLineEdit::textChanged, this, &ScannerSettingsPage::checkExamples);
    connect(m_codabar, &QCheckBox::toggled, this, &ScannerSettingsPage::checkExamples);
    checkExamples();
}

QStringList ScannerSettingsPage::exampleBarcodes()
{
    // A demo barcode (14 digits, Codabar check digit), a 12-digit number, and two keys.
    return {QStringLiteral("39015000000011"), QStringLiteral("123456789012"), QStringLiteral("1"),
            QStringLiteral("w")};
}

void ScannerSettingsPage::checkExamples()
{
    BarcodeValidator validator(m_pattern->text(), m_codabar->isChecked());
    validator.setMinimumLength(m_minLength->value());
    QStringList lines;
    if (!validator.isPatternValid())
        lines << validator.patternError();
    for (const QString &example : exampleBarcodes()) {
        lines << (validator.check(example).ok ? tr("%1: accepted").arg(example)
                                              : tr("%1: refused").arg(example));
    }
    m_examples->setText(lines.join(QLatin1Char('\n')));
}

QString ScannerSettingsPage::examplesText() const
{
    return m_examples->text();
}

void ScannerSettingsPage::load(const Settings &settings)
{
    m_prefix->setText(settings.scannerPrefix());
    m_suffix->setText(settings.scannerSuffix());
    m_minLength->setValue(settings.barcodeMinLength());
    m_pattern->setText(settings.barcodePattern());
    m_codabar->setChecked(settings.codabarCheckDigit());
    m_repeatMs->setValue(settings.repeatWindowMs());
    checkExamples();
}

void ScannerSettingsPage::save(Settings &settings) const
{
    settings.setScannerPrefix(m_prefix->text());
    settings.setScannerSuffix(m_suffix->text());
    settings.setBarcodeMinLength(m_minLength->value());
    settings.setBarcodePattern(m_pattern->text().trimmed());
    settings.setCodabarCheckDigit(m_codabar->isChecked());
    settings.setRepeatWindowMs(m_repeatMs->value());
}

} // namespace migdesk
