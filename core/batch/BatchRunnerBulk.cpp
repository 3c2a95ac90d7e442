// The batch's hand-off to Alma's bulk Missing job: which report rows wait for the job, the
// barcode list written beside the report for `migdesk-cli bulk`, and the words of those rows.
#include "batch/BatchRunner.h"
#include "planning/StepCatalogue.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BatchRunner", text);
}

bool waitsForJob(const BatchRow &row)
{
    if (row.outcome != Outcome::NeedsStaff ||
        !row.plannedSteps.contains(stepTypeName(StepType::MarkMissing)))
        return false;
    // A step that waits for more than Enter (a decision, a review, a guided loan step or a
    // withdrawal) is staff's, not the job's.
    for (const QString &name : row.plannedSteps) {
        const auto type = stepTypeFromName(name);
        if (type && stepKind(*type).gate > Awaiting::Enter)
            return false;
    }
    return true;
}

} // namespace

QStringList bulkJobBarcodes(const std::vector<BatchRow> &rows)
{
    QStringList barcodes;
    for (const BatchRow &row : rows) {
        if (waitsForJob(row) && !barcodes.contains(row.barcode))
            barcodes << row.barcode;
    }
    return barcodes;
}

QString writeBulkJobList(const QString &path, const QStringList &barcodes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    const QByteArray text = (barcodes.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    if (file.write(text) != text.size() || !file.commit())
        return file.errorString();
    return {};
}

void noteBulkJobRows(std::vector<BatchRow> &rows, const QString &listPath)
{
    const QString message =
        tr("Left for Alma's bulk Missing job (the \"job\" strategy): nothing was written to this "
           "item. Run `migdesk-cli bulk --status MISSING %1` to mark the listed items Missing "
           "with one job.")
            .arg(QFileInfo(listPath).fileName());
    for (BatchRow &row : rows) {
        if (!waitsForJob(row))
            continue;
        row.message = message;
        row.errorCode.clear(); // not an error: the item waits for the job
        row.errorMessage.clear();
    }
}

} // namespace migdesk
