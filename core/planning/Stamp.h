// The resolution stamp: one line MigDesk appends to a note field of the item after a fix, so
// Alma itself shows who cleared the item and how ("MigDesk 2026-12-03 J. Smith: Damaged →
// Set condition, Return"). Off unless a note field is chosen. The line is built from a template
// with the placeholders {date}, {operator}, {status} and {actions}.
#pragma once

#include "model/Item.h"
#include "planning/Plan.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace migdesk {

struct StampSettings {
    QString field; // empty: no stamp; else one of stampNoteFields()
    QString templ; // empty: defaultStampTemplate()
    QString operatorName;
};

// The note fields a library can spare for the stamp, in the order Settings offers them.
QStringList stampNoteFields();
// True for fulfillment_note: staff see it at the desk when the item circulates.
bool stampFieldIsSeenAtTheDesk(const QString &field);
QString defaultStampTemplate();
// The template with its placeholders filled; always starts with "MigDesk " and the date, so the
// note parser knows the line (isMigDeskStamp) whatever the template says after it.
QString stampLine(const QString &templ, const QDate &date, const QString &operatorName,
                  const QString &status, const QString &actions);
// The STAMP_NOTE step for a plan about to be executed, or nothing: no stamp configured, or no
// step of the plan writes to Alma.
std::optional<Step> stampStep(const std::vector<Step> &steps, const StampSettings &settings,
                              const QDate &date);

// A note field of the item by its Alma name (internal_note_2, statistics_note_1, ...).
QString noteField(const Item &item, const QString &field);
void setNoteField(Item &item, const QString &field, const QString &text);
// The note with `line` appended on a line of its own (the note's text is kept).
QString appendLine(const QString &note, const QString &line);

} // namespace migdesk
