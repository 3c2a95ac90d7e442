// JsonLineIndex (see JsonLines.h): a SAX pass over the text with an iterator that remembers
// how far the parser has read, so every key and array element gets the line it sits on.
#include "planning/JsonLines.h"

#include <nlohmann/json.hpp>

#include <iterator>
#include <vector>

namespace migdesk {

namespace {

struct Cursor {
    const char *base = nullptr;
    const char *current = nullptr;
};

class CountingIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    CountingIterator() = default;
    CountingIterator(const char *p, Cursor *cursor)
        : m_p(p)
        , m_cursor(cursor)
    {}
    reference operator*() const { return *m_p; }
    CountingIterator &operator++()
    {
        ++m_p;
        if (m_cursor && m_p > m_cursor->current)
            m_cursor->current = m_p;
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator copy = *this;
        ++*this;
        return copy;
    }
    bool operator==(const CountingIterator &other) const { return m_p == other.m_p; }
    bool operator!=(const CountingIterator &other) const { return m_p != other.m_p; }

private:
    const char *m_p = nullptr;
    Cursor *m_cursor = nullptr;
};

class LineSax : public nlohmann::json_sax<nlohmann::json> {
public:
    LineSax(Cursor *cursor, QHash<QString, int> *lines)
        : m_cursor(cursor)
        , m_lines(lines)
    {}

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t &) override { return value(); }
    bool string(string_t &) override { return value(); }
    bool binary(binary_t &) override { return value(); }
    bool start_object(std::size_t) override
    {
        value();
        m_stack.push_back({path(), false, 0, {}});
        return true;
    }
    bool end_object() override
    {
        m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t) override
    {
        value();
        m_stack.push_back({path(), true, 0, {}});
        return true;
    }
    bool end_array() override
    {
        m_stack.pop_back();
        return true;
    }
    bool key(string_t &name) override
    {
        Frame &frame = m_stack.back();
        frame.key = QString::fromStdString(name);
        m_lines->insert(childPath(frame), line());
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }

private:
    struct Frame {
        QString path;
        bool array = false;
        int index = 0;
        QString key;
    };

    // Counts newlines since the last call only: the cursor never moves back.
    int line()
    {
        if (!m_counted)
            m_counted = m_cursor->base;
        for (; m_counted < m_cursor->current; ++m_counted)
            m_line += *m_counted == '\n';
        return m_line;
    }
    static QString childPath(const Frame &frame)
    {
        if (frame.array)
            return frame.path + QLatin1Char('[') + QString::number(frame.index) + QLatin1Char(']');
        return frame.path.isEmpty() ? frame.key : frame.path + QLatin1Char('.') + frame.key;
    }
    QString path() const { return m_stack.empty() ? QString() : childPath(m_stack.back()); }
    bool value()
    {
        if (!m_stack.empty() && m_stack.back().array) {
            m_lines->insert(childPath(m_stack.back()), line());
        }
        return true;
    }

public:
    // Array indexes advance after each element; called by the wrapper below.
    void afterValue()
    {
        if (!m_stack.empty() && m_stack.back().array)
            ++m_stack.back().index;
    }

private:
    Cursor *m_cursor;
    const char *m_counted = nullptr;
    int m_line = 1;
    QHash<QString, int> *m_lines;
    std::vector<Frame> m_stack;
};

// Advances array indexes after every complete element.
class IndexingSax : public LineSax {
public:
    using LineSax::LineSax;
    bool null() override { return done(LineSax::null()); }
    bool boolean(bool v) override { return done(LineSax::boolean(v)); }
    bool number_integer(number_integer_t v) override { return done(LineSax::number_integer(v)); }
    bool number_unsigned(number_unsigned_t v) override { return done(LineSax::number_unsigned(v)); }
    bool number_float(number_float_t v, const string_t &s) override
    {
        return done(LineSax::number_float(v, s));
    }
    bool string(string_t &v) override { return done(LineSax::string(v)); }
    bool binary(binary_t &v) override { return done(LineSax::binary(v)); }
    bool end_object() override { return done(LineSax::end_object()); }
    bool end_array() override { return done(LineSax::end_array()); }

private:
    bool done(bool ok)
    {
        afterValue();
        return ok;
    }
};

} // namespace

JsonLineIndex::JsonLineIndex(const QByteArray &text)
{
    Cursor cursor{text.constData(), text.constData()};
    IndexingSax sax(&cursor, &m_lines);
    const char *begin = text.constData();
    nlohmann::json::sax_parse(CountingIterator(begin, &cursor),
                              CountingIterator(begin + text.size(), &cursor), &sax,
                              nlohmann::json::input_format_t::json, false);
}

int JsonLineIndex::lineOf(const QString &path) const
{
    QString current = path;
    while (!current.isEmpty()) {
        const auto it = m_lines.constFind(current);
        if (it != m_lines.constEnd())
            return it.value();
        const qsizetype cut =
            std::max(current.lastIndexOf(QLatin1Char('.')), current.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0)
            break;
        current.truncate(cut);
    }
    return 1;
}

void lineAndColumn(const QByteArray &text, std::size_t offset, int &line, int &column)
{
    line = 1;
    column = 1;
    const std::size_t end = std::min(offset, std::size_t(text.size()));
    for (std::size_t i = 0; i < end; ++i) {
        if (text.at(qsizetype(i)) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

} // namespace migdesk
