// Streaming reader of one Analytics report page (see AnalyticsPage.h).
#include "analytics/AnalyticsPage.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

#include <nlohmann/json.hpp>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::AnalyticsPage", text);
}

ApiError parseError(const QString &message)
{
    return ApiError::make(ErrorKind::Parse, message);
}

// "Column12" -> 12; -1 for any other name.
int columnIndex(QStringView name)
{
    if (!name.startsWith(QLatin1String("Column")))
        return -1;
    bool ok = false;
    const int index = name.mid(6).toInt(&ok);
    return ok && index >= 0 && index < 10000 ? index : -1;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

// The fast path for Alma's usual answer, {"anies":["<QueryResult ..."]}: the one string, its
// JSON escapes undone, without building a JSON tree of a page. Empty when the body has any
// other shape (the general parser then decides).
QByteArray fastAniesString(const QByteArray &body)
{
    static const QByteArray prefix = QByteArrayLiteral("{\"anies\":[\"");
    const QByteArray trimmed = body.trimmed();
    if (!trimmed.startsWith(prefix) || !trimmed.endsWith("\"]}"))
        return {};
    QByteArray out;
    out.reserve(trimmed.size());
    const char *p = trimmed.constData() + prefix.size();
    const char *end = trimmed.constData() + trimmed.size() - 3; // before "]}
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\' && *p != '"')
            ++p;
        out.append(run, p - run);
        if (p >= end)
            break;
        if (*p++ == '"')
            return {}; // a second string or another field: not the usual shape
        if (p >= end)
            return {};
        const char e = *p++;
        switch (e) {
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '/':
            out += '/';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            auto read4 = [&p, end](char32_t *value) {
                if (end - p < 4)
                    return false;
                char32_t v = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(p[i]);
                    if (h < 0)
                        return false;
                    v = v * 16 + char32_t(h);
                }
                p += 4;
                *value = v;
                return true;
            };
            char32_t code = 0;
            if (!read4(&code))
                return {};
            if (code >= 0xD800 && code < 0xDC00) {
                char32_t low = 0;
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return {};
                p += 2;
                if (!read4(&low) || low < 0xDC00 || low > 0xDFFF)
                    return {};
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(out, code);
            break;
        }
        default:
            return {};
        }
    }
    return out;
}

} // namespace

QByteArray analyticsXmlOf(const QByteArray &body, QString *error)
{
    qsizetype start = 0;
    while (start < body.size() && QChar::isSpace(uchar(body.at(start))))
        ++start;
    if (start < body.size() && body.at(start) == '<')
        return body;
    if (QByteArray fast = fastAniesString(body); !fast.isEmpty())
        return fast;
    const auto json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        *error = tr("Alma sent an Analytics answer that is neither JSON nor XML.");
        return {};
    }
    const auto anies = json.find("anies");
    if (anies == json.end()) {
        *error = tr("Alma's Analytics answer has no \"anies\" field.");
        return {};
    }
    const nlohmann::json *first = &*anies;
    if (first->is_array()) {
        if (first->empty()) {
            *error = tr("Alma's Analytics answer has an empty \"anies\" list.");
            return {};
        }
        first = &first->front();
    }
    if (!first->is_string()) {
        *error = tr("Alma's Analytics answer holds no report text in \"anies\".");
        return {};
    }
    const std::string &text = first->get_ref<const std::string &>();
    return QByteArray(text.data(), qsizetype(text.size()));
}

ApiError AnalyticsPageParser::parse(const QByteArray &body, const RowFunction &onRow)
{
    QString error;
    const QByteArray xml = analyticsXmlOf(body, &error);
    if (xml.isEmpty())
        return parseError(error.isEmpty() ? tr("Alma sent an empty Analytics answer.") : error);
    return parseXml(xml, onRow);
}

ApiError AnalyticsPageParser::parseXml(const QByteArray &xml, const RowFunction &onRow)
{
    QXmlStreamReader reader(xml);
    m_pageRows = 0;
    bool sawResult = false;
    bool sawFinished = false;
    const bool takeHeadings = !m_haveHeadings; // the first page's schema only
    QStringList schemaHeadings;
    bool inRow = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (inRow && reader.name() == QLatin1String("Row")) {
                inRow = false;
                ++m_pageRows;
                onRow(m_cells);
            }
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = reader.name();
        if (inRow) {
            const int index = columnIndex(name);
            const QString text = reader.readElementText(QXmlStreamReader::SkipChildElements);
            if (index <= 0) // Column0 carries no data; other elements are not cells
                continue;
            if (index > m_cells.size()) {
                // A column the schema did not announce: name it after its element.
                while (m_headings.size() < index)
                    m_headings << QStringLiteral("Column%1").arg(m_headings.size() + 1);
                m_cells.resize(index);
            }
            m_cells[index - 1] = text;
        } else if (name == QLatin1String("Row")) {
            if (takeHeadings && !m_haveHeadings) {
                m_headings = schemaHeadings;
                m_haveHeadings = true;
            }
            inRow = true;
            m_cells.fill(QString(), m_headings.size());
        } else if (name == QLatin1String("QueryResult")) {
            sawResult = true;
        } else if (name == QLatin1String("IsFinished")) {
            sawFinished = true;
            m_finished = reader.readElementText().trimmed().compare(QLatin1String("true"),
                                                                    Qt::CaseInsensitive) == 0;
        } else if (name == QLatin1String("ResumptionToken")) {
            const QString token = reader.readElementText().trimmed();
            if (!token.isEmpty() && m_token.isEmpty()) // the first page's token serves them all
                m_token = token;
        } else if (takeHeadings && name == QLatin1String("element")) {
            const auto attributes = reader.attributes();
            const int index = columnIndex(attributes.value(QLatin1String("name")));
            if (index <= 0)
                continue;
            QString heading;
            for (const auto &attribute : attributes) {
                if (attribute.name() == QLatin1String("columnHeading"))
                    heading = attribute.value().toString().trimmed();
            }
            while (schemaHeadings.size() < index)
                schemaHeadings << QStringLiteral("Column%1").arg(schemaHeadings.size() + 1);
            if (!heading.isEmpty())
                schemaHeadings[index - 1] = heading;
        }
    }
    if (reader.hasError())
        return parseError(tr("Alma's Analytics report is not well-formed XML (line %1: %2).")
                              .arg(reader.lineNumber())
                              .arg(reader.errorString()));
    if (!sawResult || !sawFinished)
        return parseError(tr("Alma's Analytics answer has no QueryResult with IsFinished."));
    if (takeHeadings && !m_haveHeadings) {
        m_headings = schemaHeadings;
        m_haveHeadings = !schemaHeadings.isEmpty();
    }
    return {};
}

} // namespace migdesk
