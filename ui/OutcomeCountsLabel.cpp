// OutcomeCountsLabel: rich text with one coloured chip per outcome that occurred.
#include "OutcomeCountsLabel.h"

#include "OutcomeStyle.h"

namespace migdesk {

OutcomeCountsLabel::OutcomeCountsLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("outcomeCountsLabel"));
    setTextFormat(Qt::RichText);
    setCounts({});
}

void OutcomeCountsLabel::setCounts(const std::map<Outcome, int> &counts)
{
    QStringList html;
    QStringList plain;
    for (Outcome outcome : countedOutcomes()) {
        const auto found = counts.find(outcome);
        const int count = found == counts.end() ? 0 : found->second;
        if (count == 0 && outcome != Outcome::Done && outcome != Outcome::NeedsStaff &&
            outcome != Outcome::Error)
            continue;
        const OutcomeStyle style = outcomeStyle(outcome);
        // The SVG icon rather than a symbol character: no emoji font needed.
        html << QStringLiteral(
                    "<span style=\"background-color:%1; color:%2;\">&nbsp;<img src=\"%3\""
                    " width=\"%6\" height=\"%6\" style=\"vertical-align:middle\"> %4"
                    " %5&nbsp;</span>")
                    .arg(style.background.name(), style.foreground.name(), style.iconPath)
                    .arg(count)
                    .arg(style.word.toHtmlEscaped())
                    .arg(fontMetrics().height() - 2);
        plain << tr("%1 %2").arg(style.word).arg(count);
    }
    m_plain = plain.join(QStringLiteral(" · "));
    setText(html.join(QStringLiteral("&nbsp;&nbsp;")));
    setAccessibleName(tr("Session counts: %1").arg(m_plain));
}

} // namespace migdesk
