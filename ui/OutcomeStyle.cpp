// OutcomeStyle: the one table of outcome colours, icons, words and sounds.
#include "OutcomeStyle.h"

#include <QCoreApplication>

#include <cmath>

namespace migdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("OutcomeStyle", text);
}
} // namespace

OutcomeStyle outcomeStyle(Outcome outcome)
{
    const QColor ink(0x11, 0x11, 0x11);
    switch (outcome) {
    case Outcome::Done:
        return {QColor(0x00, 0x9E, 0x73), ink,        QStringLiteral(":/icons/outcome-done.svg"),
                QStringLiteral("\u2714"), tr("Done"), QStringLiteral(":/sounds/done.wav")};
    case Outcome::NeedsStaff:
        return {QColor(0xE6, 0x9F, 0x00),
                ink,
                QStringLiteral(":/icons/outcome-needs-staff.svg"),
                QStringLiteral("\u270B"),
                tr("Needs staff"),
                QStringLiteral(":/sounds/needs_staff.wav")};
    case Outcome::Error:
        return {QColor(0xD5, 0x5E, 0x00), ink,         QStringLiteral(":/icons/outcome-error.svg"),
                QStringLiteral("\u2716"), tr("Error"), QStringLiteral(":/sounds/error.wav")};
    case Outcome::NotFound:
        return {QColor(0xCC, 0x79, 0xA7),
                ink,
                QStringLiteral(":/icons/outcome-not-found.svg"),
                QStringLiteral("?"),
                tr("Not found"),
                QStringLiteral(":/sounds/not_found.wav")};
    case Outcome::TransitOrHold:
        return {QColor(0x56, 0xB4, 0xE9),
                ink,
                QStringLiteral(":/icons/outcome-transit.svg"),
                QStringLiteral("\u279C"),
                tr("Transit / hold shelf"),
                QStringLiteral(":/sounds/transit_hold.wav")};
    case Outcome::Pending:
        return {
            QColor(0xC8, 0xC8, 0xC8), ink,           QStringLiteral(":/icons/outcome-pending.svg"),
            QStringLiteral("\u231B"), tr("Pending"), QString()};
    case Outcome::Skipped:
        return {
            QColor(0xE4, 0xE4, 0xE4), ink,           QStringLiteral(":/icons/outcome-skipped.svg"),
            QStringLiteral("\u00BB"), tr("Skipped"), QString()};
    case Outcome::DryRun:
        return {QColor(0xF0, 0xE4, 0x42),
                ink,
                QStringLiteral(":/icons/outcome-dry-run.svg"),
                QStringLiteral("\u25CB"),
                tr("Dry run: nothing written"),
                QString()};
    case Outcome::StillMigration:
        // Okabe-Ito blue, the one colour of the palette left; dark enough for white ink.
        return {QColor(0x00, 0x72, 0xB2),
                QColor(0xFF, 0xFF, 0xFF),
                QStringLiteral(":/icons/outcome-still-migration.svg"),
                QStringLiteral("\u25A4"),
                tr("Still Technical - Migration"),
                QStringLiteral(":/sounds/transit_hold.wav")};
    }
    return outcomeStyle(Outcome::Error);
}

QIcon outcomeIcon(Outcome outcome)
{
    return QIcon(outcomeStyle(outcome).iconPath);
}

QString outcomeLabel(Outcome outcome)
{
    const OutcomeStyle style = outcomeStyle(outcome);
    return style.symbol + QLatin1Char(' ') + style.word;
}

const std::vector<Outcome> &countedOutcomes()
{
    static const std::vector<Outcome> outcomes = {
        Outcome::Done,     Outcome::NeedsStaff,    Outcome::Error,
        Outcome::NotFound, Outcome::TransitOrHold, Outcome::StillMigration,
        Outcome::Pending,  Outcome::Skipped,       Outcome::DryRun};
    return outcomes;
}

double relativeLuminance(const QColor &color)
{
    auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace migdesk
