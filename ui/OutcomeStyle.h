// How each scan outcome looks and sounds: a colour-blind-safe colour (Okabe and Ito), an icon
// drawn as SVG and a word, so the outcome reads without colour and from a step away.
#pragma once

#include "model/Outcome.h"

#include <QColor>
#include <QIcon>
#include <QString>

#include <vector>

namespace migdesk {

struct OutcomeStyle {
    QColor background;
    QColor foreground; // text on `background`, contrast >= 4.5:1
    QString iconPath;  // ":/icons/outcome-*.svg"
    QString symbol;    // a text fallback for plain-text exports ("✔")
    QString word;      // "Done", translated
    QString soundPath; // ":/sounds/*.wav", empty when the outcome is silent
};

OutcomeStyle outcomeStyle(Outcome outcome);
QIcon outcomeIcon(Outcome outcome);
// "✔ Done": for plain-text places (CSV, accessible names).
QString outcomeLabel(Outcome outcome);
// The outcomes staff count in the status bar, in display order.
const std::vector<Outcome> &countedOutcomes();

// WCAG 2 relative luminance and contrast ratio (1..21).
double relativeLuminance(const QColor &color);
double contrastRatio(const QColor &a, const QColor &b);

} // namespace migdesk
