// ItemCardPanel: lays out the card and renders the highlighted note.
#include "ItemCardPanel.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace migdesk {

namespace {
QLabel *makeLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

ItemCardPanel::ItemCardPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(makeLabel(this, QStringLiteral("itemTitleLabel")))
    , m_byline(makeLabel(this, QStringLiteral("itemBylineLabel")))
    , m_place(makeLabel(this, QStringLiteral("itemPlaceLabel")))
    , m_tempPlace(makeLabel(this, QStringLiteral("itemTempPlaceLabel")))
    , m_kind(makeLabel(this, QStringLiteral("itemKindLabel")))
    , m_almaNow(makeLabel(this, QStringLiteral("almaNowLabel")))
    , m_almaWas(makeLabel(this, QStringLiteral("almaWasLabel")))
    , m_notes(makeLabel(this, QStringLiteral("noteLabel")))
    , m_source(makeLabel(this, QStringLiteral("sourceIlsLabel")))
    , m_flags(makeLabel(this, QStringLiteral("itemFlagsLabel")))
    , m_loan(makeLabel(this, QStringLiteral("itemLoanLabel")))
{
    setObjectName(QStringLiteral("itemCardFrame"));
    setAccessibleName(tr("Item card"));
    setFrameShape(QFrame::StyledPanel);
    m_notes->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_byline);
    layout->addWidget(m_place);
    layout->addWidget(m_tempPlace);
    layout->addWidget(m_kind);
    layout->addWidget(m_loan);
    layout->addSpacing(8);
    layout->addWidget(m_almaNow);
    layout->addWidget(m_almaWas);
    layout->addSpacing(8);
    layout->addWidget(m_notes);
    layout->addWidget(m_source);
    layout->addWidget(m_flags);
    layout->addStretch(1);
    applyFonts();
    clearCard();
}

void ItemCardPanel::applyFonts()
{
    QFont title = font();
    title.setPointSizeF(font().pointSizeF() * 1.6);
    title.setBold(true);
    m_title->setFont(title);
    QFont medium = font();
    medium.setPointSizeF(font().pointSizeF() * 1.2);
    for (QLabel *label : {m_byline, m_place, m_kind, m_almaNow, m_almaWas, m_notes, m_source})
        label->setFont(medium);
    QFont bold = medium;
    bold.setBold(true);
    m_tempPlace->setFont(bold);
    m_flags->setFont(bold);
    m_loan->setFont(bold);
}

void ItemCardPanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

QString ItemCardPanel::highlightedNoteHtml(const NoteView &note)
{
    auto highlights = note.highlights;
    std::sort(highlights.begin(), highlights.end());
    QString html;
    qsizetype pos = 0;
    for (const auto &[start, length] : highlights) {
        if (start < pos || start >= note.text.size() || length <= 0)
            continue; // overlapping or out of range: keep the text, skip the mark
        html += note.text.mid(pos, start - pos).toHtmlEscaped();
        // Bold, underlined and on yellow: readable without colour.
        html += QStringLiteral("<span style=\"background-color:#F0E442; color:#000000;"
                               " font-weight:bold; text-decoration:underline;\">") +
                note.text.mid(start, length).toHtmlEscaped() + QStringLiteral("</span>");
        pos = std::min(note.text.size(), start + length);
    }
    html += note.text.mid(pos).toHtmlEscaped();
    return html;
}

void ItemCardPanel::showCard(const CardView &card)
{
    m_card = card;
    if (card.empty) {
        clearCard();
        return;
    }
    m_title->setText(card.title.isEmpty() ? tr("Barcode %1").arg(card.barcode) : card.title);
    QStringList byline;
    if (!card.author.isEmpty())
        byline << card.author;
    if (!card.callNumber.isEmpty())
        byline << card.callNumber;
    m_byline->setText(byline.join(QStringLiteral(" · ")));
    m_byline->setVisible(!byline.isEmpty());
    m_place->setText(card.place.isEmpty() ? tr("Barcode %1").arg(card.barcode)
                                          : tr("%1 · barcode %2").arg(card.place, card.barcode));
    // Without a title the heading already names the barcode: say it once.
    m_place->setVisible(!(card.title.isEmpty() && card.place.isEmpty()));
    m_tempPlace->setText(card.tempPlace.isEmpty()
                             ? QString()
                             : tr("In a temporary location: %1").arg(card.tempPlace));
    m_tempPlace->setVisible(!card.tempPlace.isEmpty());
    m_kind->setText(card.kind);
    m_kind->setVisible(!card.kind.isEmpty());
    m_loan->setText(card.loan);
    m_loan->setVisible(!card.loan.isEmpty());
    m_almaNow->setText(card.almaNow.isEmpty() ? QString() : tr("Alma now: %1").arg(card.almaNow));
    m_almaNow->setVisible(!card.almaNow.isEmpty());
    m_almaWas->setText(card.almaWas.isEmpty() ? QString() : tr("Alma was: %1").arg(card.almaWas));
    m_almaWas->setVisible(!card.almaWas.isEmpty());
    QStringList notes;
    for (const NoteView &note : card.notes) {
        notes << QStringLiteral("<b>%1:</b> “%2”")
                     .arg(note.fieldLabel.toHtmlEscaped(), highlightedNoteHtml(note));
    }
    m_notes->setText(notes.join(QStringLiteral("<br>")));
    m_notes->setVisible(!notes.isEmpty());
    m_source->setText(card.sourceIls.isEmpty() ? QString()
                                               : tr("Source ILS: %1").arg(card.sourceIls));
    m_source->setVisible(!card.sourceIls.isEmpty());
    QStringList flags;
    if (card.dryRun)
        flags << tr("DRY RUN: nothing is written to Alma");
    if (card.repeatFlagged)
        flags << tr("Scanned again within a few seconds: not applied twice");
    m_flags->setText(flags.join(QLatin1Char('\n')));
    m_flags->setVisible(!flags.isEmpty());
    QStringList description{m_title->text(), m_place->text()};
    if (!card.tempPlace.isEmpty())
        description << m_tempPlace->text();
    setAccessibleDescription(description.join(QLatin1Char(' ')));
}

void ItemCardPanel::clearCard()
{
    m_card = CardView{};
    m_title->setText(tr("No item yet"));
    m_byline->setText(tr("Scan a barcode: the item, its migrated note and what Alma should show"
                         " appear here."));
    m_byline->show();
    for (QLabel *label :
         {m_place, m_tempPlace, m_kind, m_loan, m_almaNow, m_almaWas, m_notes, m_source, m_flags}) {
        label->clear();
        label->hide();
    }
}

} // namespace migdesk
