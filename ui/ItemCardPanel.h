// ItemCardPanel: the item just scanned: title, author, call number, library › location and
// barcode, the temporary location, material type and policy, what Alma shows now and showed
// before, the migrated note with the matched legacy status highlighted in place, and the
// source ILS.
#pragma once

#include "DeskViews.h"

#include <QFrame>

class QLabel;

namespace migdesk {

class ItemCardPanel : public QFrame {
    Q_OBJECT
public:
    explicit ItemCardPanel(QWidget *parent = nullptr);

    void showCard(const CardView &card);
    void clearCard();
    const CardView &card() const { return m_card; }

    // The note as rich text with every match highlighted; the whole note stays visible.
    static QString highlightedNoteHtml(const NoteView &note);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFonts();

    CardView m_card;
    QLabel *m_title;
    QLabel *m_byline;
    QLabel *m_place;
    QLabel *m_tempPlace;
    QLabel *m_kind;
    QLabel *m_almaNow;
    QLabel *m_almaWas;
    QLabel *m_notes;
    QLabel *m_source;
    QLabel *m_flags;
    QLabel *m_loan; // the active loan: patron, due date, Lost or Claimed Returned
};

} // namespace migdesk
