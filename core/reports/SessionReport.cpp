// Session reports: see the header.
#include "reports/SessionReport.h"

#include "desk/ScanRecord.h"
#include "desk/ShelfList.h"
#include "reports/Csv.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::SessionReport", text);
}

const QString kSep = QStringLiteral("; ");

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

const std::vector<Outcome> &allOutcomes()
{
    static const std::vector<Outcome> list{
        Outcome::Done,          Outcome::NeedsStaff, Outcome::Error,   Outcome::NotFound,
        Outcome::TransitOrHold, Outcome::Pending,    Outcome::Skipped, Outcome::DryRun};
    return list;
}

QStringList split(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(kSep);
}

} // namespace

ReportRow reportRow(const ScanRecord &record)
{
    ReportRow row;
    row.at = record.at;
    row.barcode = record.barcode;
    row.dryRun = record.dryRun;
    row.repeat = record.repeatFlagged;
    row.outcome = record.outcome;
    row.message = record.message;
    if (record.hasItem) {
        row.title = record.item.title;
        row.callNumber = record.item.callNumber;
        row.library = record.item.library.value;
        row.location = record.item.location.value;
        row.statusIds = record.reading.ids();
        QStringList matched;
        for (const StatusMatch &match : record.reading.statuses)
            matched.append(match.matchedText);
        row.matchedText = matched.join(kSep);
        row.plannedSteps = record.plan.stepNames();
    }
    const Item *before = record.hasItem ? &record.item : nullptr;
    if (record.hasResult) {
        if (!record.result.before.barcode.isEmpty())
            before = &record.result.before;
        row.almaSentence = record.result.almaSentence;
        if (record.result.error.isError()) {
            row.errorCode = record.result.error.code.isEmpty()
                                ? errorKindName(record.result.error.kind)
                                : record.result.error.code;
            row.errorMessage = record.result.error.message;
        }
        if (record.result.hasAfter) {
            row.afterBaseStatus = record.result.after.baseStatus.value;
            row.afterProcessType = record.result.after.processType.value;
            row.afterCondition = record.result.after.physicalCondition.value;
        }
    }
    if (before) {
        row.beforeBaseStatus = before->baseStatus.value;
        row.beforeProcessType = before->processType.value;
        row.beforeCondition = before->physicalCondition.value;
    }
    return row;
}

QStringList sessionReportHeader()
{
    return {QStringLiteral("time"),
            QStringLiteral("barcode"),
            QStringLiteral("title"),
            QStringLiteral("call_number"),
            QStringLiteral("library"),
            QStringLiteral("location"),
            QStringLiteral("legacy_statuses"),
            QStringLiteral("matched_note_text"),
            QStringLiteral("planned_steps"),
            QStringLiteral("outcome"),
            QStringLiteral("alma_sentence"),
            QStringLiteral("message"),
            QStringLiteral("error_code"),
            QStringLiteral("error_message"),
            QStringLiteral("before_base_status"),
            QStringLiteral("before_process_type"),
            QStringLiteral("before_condition"),
            QStringLiteral("after_base_status"),
            QStringLiteral("after_process_type"),
            QStringLiteral("after_condition"),
            QStringLiteral("dry_run"),
            QStringLiteral("repeat")};
}

QByteArray sessionCsv(const std::vector<ReportRow> &rows)
{
    QString text = csv::formatRow(sessionReportHeader());
    for (const ReportRow &r : rows) {
        text += csv::formatRow({r.at.toString(Qt::ISODateWithMs),
                                r.barcode,
                                r.title,
                                r.callNumber,
                                r.library,
                                r.location,
                                r.statusIds.join(kSep),
                                r.matchedText,
                                r.plannedSteps.join(kSep),
                                outcomeName(r.outcome),
                                r.almaSentence,
                                r.message,
                                r.errorCode,
                                r.errorMessage,
                                r.beforeBaseStatus,
                                r.beforeProcessType,
                                r.beforeCondition,
                                r.afterBaseStatus,
                                r.afterProcessType,
                                r.afterCondition,
                                yesNo(r.dryRun),
                                yesNo(r.repeat)});
    }
    return csv::utf8Bom() + text.toUtf8();
}

SessionCsvRead readSessionCsv(const QByteArray &bytes)
{
    SessionCsvRead read;
    const csv::ParseResult parsed = csv::parse(bytes);
    if (!parsed.ok()) {
        read.error = parsed.error;
        return read;
    }
    if (parsed.rows.empty() || parsed.rows.front() != sessionReportHeader()) {
        read.error = tr("This is not a MigDesk session report (the header does not match).");
        return read;
    }
    const qsizetype columns = sessionReportHeader().size();
    for (size_t i = 1; i < parsed.rows.size(); ++i) {
        const QStringList &f = parsed.rows[i];
        if (f.size() != columns) {
            read.error =
                tr("Row %1 has %2 fields instead of %3.").arg(i + 1).arg(f.size()).arg(columns);
            return read;
        }
        ReportRow r;
        r.at = QDateTime::fromString(f[0], Qt::ISODateWithMs);
        r.barcode = f[1];
        r.title = f[2];
        r.callNumber = f[3];
        r.library = f[4];
        r.location = f[5];
        r.statusIds = split(f[6]);
        r.matchedText = f[7];
        r.plannedSteps = split(f[8]);
        r.outcome = outcomeFromName(f[9]).value_or(Outcome::Error);
        r.almaSentence = f[10];
        r.message = f[11];
        r.errorCode = f[12];
        r.errorMessage = f[13];
        r.beforeBaseStatus = f[14];
        r.beforeProcessType = f[15];
        r.beforeCondition = f[16];
        r.afterBaseStatus = f[17];
        r.afterProcessType = f[18];
        r.afterCondition = f[19];
        r.dryRun = f[20] == QLatin1String("yes");
        r.repeat = f[21] == QLatin1String("yes");
        read.rows.push_back(std::move(r));
    }
    return read;
}

SessionSummary summarize(const std::vector<ReportRow> &rows)
{
    SessionSummary summary;
    for (const ReportRow &row : rows) {
        ++summary.scans;
        ++summary.totals[row.outcome];
        if (row.statusIds.isEmpty()) {
            ++summary.byStatus[QString()][row.outcome];
            continue;
        }
        for (const QString &id : row.statusIds)
            ++summary.byStatus[id][row.outcome];
    }
    return summary;
}

QByteArray summaryCsv(const SessionSummary &summary)
{
    QStringList header{QStringLiteral("legacy_status"), QStringLiteral("label")};
    for (Outcome o : allOutcomes())
        header.append(outcomeName(o));
    header.append(QStringLiteral("total"));
    QString text = csv::formatRow(header);
    auto line = [](const QString &id, const QString &label, const std::map<Outcome, int> &counts) {
        QStringList fields{id, label};
        int total = 0;
        for (Outcome o : allOutcomes()) {
            const auto it = counts.find(o);
            const int n = it == counts.end() ? 0 : it->second;
            total += n;
            fields.append(QString::number(n));
        }
        fields.append(QString::number(total));
        return csv::formatRow(fields);
    };
    for (const auto &[id, counts] : summary.byStatus)
        text += line(id, id.isEmpty() ? tr("(no status)") : legacyStatusLabel(id), counts);
    text += line(QStringLiteral("all"), tr("All scans"), summary.totals);
    return csv::utf8Bom() + text.toUtf8();
}

QByteArray shelfListCsv(const ShelfList &list)
{
    QString text = csv::formatRow({QStringLiteral("library"), QStringLiteral("location"),
                                   QStringLiteral("call_number"), QStringLiteral("title"),
                                   QStringLiteral("barcode"), QStringLiteral("legacy_statuses"),
                                   QStringLiteral("found")});
    for (const ShelfListEntry &e : list.entries()) {
        text += csv::formatRow({e.library.label(), e.location.label(), e.callNumber, e.title,
                                e.barcode, e.statusIds.join(kSep), yesNo(e.found)});
    }
    return csv::utf8Bom() + text.toUtf8();
}

bool writeReportFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace migdesk
