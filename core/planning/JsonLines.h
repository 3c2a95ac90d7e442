// JsonLines: where each value of a JSON text starts (line numbers by path), so a rules file
// error can say "rules.json:24: statuses.MISSING.desk[0].type: ...".
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace migdesk {

class JsonLineIndex {
public:
    // Indexes `text`; an invalid text gives a partial index (up to the error).
    explicit JsonLineIndex(const QByteArray &text);
    // The 1-based line of the value at `path` ("statuses.MISSING.desk[0].type"), or of its
    // nearest indexed parent; 1 when nothing is known.
    int lineOf(const QString &path) const;

private:
    QHash<QString, int> m_lines;
};

// Line and column (1-based) of a byte offset in `text`.
void lineAndColumn(const QByteArray &text, std::size_t offset, int &line, int &column);

} // namespace migdesk
