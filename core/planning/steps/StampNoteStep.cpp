// STAMP_NOTE: MigDesk's resolution stamp, one line appended to the note field Settings names
// (never replacing what the field holds), written in the whole-record PUT. The Executor adds it
// after a plan that writes to Alma, and lets it ride in the plan's own PUT when there is one.
#include "model/Item.h"
#include "planning/Plan.h"
#include "planning/Stamp.h"
#include "planning/StepCatalogue.h"

#include <QCoreApplication>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::Executor", text);
}

const FieldEdit kEdit = {
    [](Item &item, const Step &step) {
        setNoteField(item, step.noteField,
                     appendLine(noteField(item, step.noteField), step.noteText));
    },
    [](const Item &item, const Step &step) {
        return noteField(item, step.noteField).contains(step.noteText);
    },
    [](const Item &, const Step &step) {
        return QStringLiteral("PUT %1 += stamp (%2 characters)")
            .arg(step.noteField)
            .arg(step.noteText.size());
    },
    [](const Step &) { return tr("The stamp was already there."); },
    [](const Item &, const Step &step) {
        return tr("Alma did not keep MigDesk's stamp in %1.").arg(step.noteField);
    },
};

} // namespace

StepKind stampNoteStep()
{
    return {StepType::StampNote,
            "STAMP_NOTE",
            QT_TRANSLATE_NOOP("Plan", "Stamp the note"),
            /*autoSafe=*/true,
            /*executable=*/true,
            /*noOp=*/false,
            Awaiting::Nothing,
            /*reviewPosition=*/0,
            "",
            {"field", "text"},
            WriteKind::Put,
            "",
            &kEdit};
}

} // namespace migdesk
