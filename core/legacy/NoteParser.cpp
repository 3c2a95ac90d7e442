// NoteParser (see NoteParser.h). A note is cut into segments (at ; | , newlines and sentence
// ends) and words. Status phrases are found longest-first. A phrase counts as a status when a
// "status" word introduces it (or it follows such a status), or when the rest of its segment is
// only dates, initials and filler words; otherwise it is prose ("missing pages noted").
#include "legacy/NoteParser.h"

#include "legacy/StatusCatalogue.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

namespace migdesk {

namespace {

constexpr int kUnknownWord = -1;

enum WordFlag : unsigned {
    PhraseWord = 1u << 0,
    NoiseWord = 1u << 1,  // may sit beside a status without making it prose
    PrefixWord = 1u << 2, // introduces a status: "Status: Missing"
    ConnectorWord = 1u << 3,
    AbbreviationWord = 1u << 4, // "Cat. Review": its dot does not end a sentence
};

struct Phrase {
    std::vector<int> words;
    int status = 0; // index into statusCatalogue()
};

// The vocabulary, compiled once: word ids, their flags, phrases by first word.
struct Vocabulary {
    std::unordered_map<std::string_view, int> wordIds;
    std::vector<unsigned> flags;
    std::vector<std::vector<int>> phrasesByFirstWord; // phrase indexes, longest first
    std::vector<Phrase> phrases;

    int intern(std::string_view word, unsigned flag)
    {
        auto [it, inserted] = wordIds.try_emplace(word, int(flags.size()));
        if (inserted)
            flags.push_back(0);
        flags[std::size_t(it->second)] |= flag;
        return it->second;
    }

    Vocabulary()
    {
        const auto &catalogue = legacy::statusCatalogue();
        for (std::size_t s = 0; s < catalogue.size(); ++s) {
            for (std::string_view text : catalogue[s].phrases) {
                Phrase phrase;
                phrase.status = int(s);
                std::size_t begin = 0;
                while (begin < text.size()) {
                    std::size_t end = text.find(' ', begin);
                    if (end == std::string_view::npos)
                        end = text.size();
                    phrase.words.push_back(intern(text.substr(begin, end - begin), PhraseWord));
                    begin = end + 1;
                }
                phrases.push_back(std::move(phrase));
            }
        }
        static constexpr std::array<std::string_view, 3> prefixes = {"status", "stat", "sts"};
        for (auto word : prefixes)
            intern(word, PrefixWord | NoiseWord);
        static constexpr std::array<std::string_view, 2> connectors = {"and", "or"};
        for (auto word : connectors)
            intern(word, ConnectorWord | NoiseWord);
        static constexpr std::array<std::string_view, 7> abbreviations = {
            "cat", "circ", "tech", "dept", "sys", "lib", "prev"};
        for (auto word : abbreviations)
            intern(word, AbbreviationWord);
        static constexpr std::array<std::string_view, 53> noise = {
            "item",     "items",     "old",     "legacy",    "previous", "prev",     "prior",
            "ils",      "note",      "voyager", "sierra",    "koha",     "symphony", "since",
            "as",       "of",        "on",      "by",        "date",     "dated",    "per",
            "was",      "is",        "am",      "pm",        "jan",      "feb",      "mar",
            "apr",      "may",       "jun",     "jul",       "aug",      "sep",      "sept",
            "oct",      "nov",       "dec",     "january",   "february", "march",    "april",
            "june",     "july",      "august",  "september", "october",  "november", "december",
            "migrated", "migration", "checked", "marked"};
        for (auto word : noise)
            intern(word, NoiseWord);
        phrasesByFirstWord.resize(flags.size());
        for (std::size_t p = 0; p < phrases.size(); ++p)
            phrasesByFirstWord[std::size_t(phrases[p].words.front())].push_back(int(p));
        for (auto &list : phrasesByFirstWord) {
            std::stable_sort(list.begin(), list.end(), [this](int a, int b) {
                return phrases[std::size_t(a)].words.size() > phrases[std::size_t(b)].words.size();
            });
        }
    }

    unsigned flagsOf(int word) const { return word < 0 ? 0u : flags[std::size_t(word)]; }
};

const Vocabulary &vocabulary()
{
    static const Vocabulary instance;
    return instance;
}

struct Token {
    qsizetype start = 0;
    qsizetype length = 0;
    int word = kUnknownWord;
    int segment = 0;
    bool number = false;   // contains a digit: dates, prices, copy numbers
    bool initials = false; // 1-3 capitals or 1-2 letters: staff initials
};

bool isSegmentBreak(const QString &text, qsizetype i, const std::vector<Token> &tokens)
{
    const char16_t c = text.at(i).unicode();
    if (c == u';' || c == u'|' || c == u',' || c == u'\n' || c == u'\r' || c == u'\t')
        return true;
    if (c == u'.') { // a sentence end, not "4.00", "J.S." or "Cat. Review"
        if (!tokens.empty() && tokens.back().start + tokens.back().length == i &&
            (vocabulary().flagsOf(tokens.back().word) & AbbreviationWord))
            return false;
        return i + 1 >= text.size() || text.at(i + 1).isSpace();
    }
    return false;
}

bool isShortProseWord(std::string_view word)
{
    static constexpr std::string_view kWords[] = {
        "not", "and", "the", "for", "was", "are", "has", "had", "see", "but", "per", "all",
        "any", "one", "two", "its", "off", "out", "our", "who", "why", "how", "now", "yet",
        "too", "due", "cds", "dvd", "map", "box", "set", "vol", "pgs", "pp"};
    for (std::string_view candidate : kWords) {
        if (candidate == word)
            return true;
    }
    return false;
}

bool isWordChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
    return c.isLetterOrNumber();
}

void tokenize(const QString &text, std::vector<Token> &tokens)
{
    const Vocabulary &vocab = vocabulary();
    int segment = 0;
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        if (!isWordChar(text.at(i))) {
            if (isSegmentBreak(text, i, tokens))
                ++segment;
            ++i;
            continue;
        }
        Token token;
        token.start = i;
        token.segment = segment;
        std::array<char, 32> buffer{};
        bool ascii = true;
        bool upper = true;
        bool digit = false;
        while (i < size && isWordChar(text.at(i))) {
            const char16_t u = text.at(i).unicode();
            const qsizetype n = i - token.start;
            char lower = 0;
            if (u >= 128) {
                ascii = false;
                upper = upper && text.at(i).isUpper();
            } else if (u >= u'0' && u <= u'9') {
                digit = true;
                lower = char(u);
            } else if (u >= u'A' && u <= u'Z') {
                lower = char(u - u'A' + u'a');
            } else {
                upper = false;
                lower = char(u);
            }
            if (n < qsizetype(buffer.size()))
                buffer[std::size_t(n)] = lower;
            ++i;
        }
        token.length = i - token.start;
        token.number = digit;
        if (ascii && !digit && token.length < qsizetype(buffer.size())) {
            const auto it =
                vocab.wordIds.find(std::string_view(buffer.data(), std::size_t(token.length)));
            if (it != vocab.wordIds.end())
                token.word = it->second;
        }
        // Staff initials: 1-3 letters ("JD", "mrs"), except short English words that would turn
        // prose into a status ("not missing", "see damaged").
        token.initials =
            !digit && token.word == kUnknownWord && token.length <= 3 &&
            (upper || token.length <= 2 || !isShortProseWord(std::string_view(buffer.data(), 3)));
        tokens.push_back(token);
    }
}

struct Found {
    int status = 0;
    qsizetype firstToken = 0;
    qsizetype lastToken = 0; // inclusive
    bool accepted = false;
};

// Longest phrase starting at token `at`, or -1.
int phraseAt(const std::vector<Token> &tokens, qsizetype at)
{
    const Vocabulary &vocab = vocabulary();
    const int first = tokens[std::size_t(at)].word;
    if (!(vocab.flagsOf(first) & PhraseWord))
        return -1;
    for (int index : vocab.phrasesByFirstWord[std::size_t(first)]) {
        const Phrase &phrase = vocab.phrases[std::size_t(index)];
        const qsizetype n = qsizetype(phrase.words.size());
        if (at + n > qsizetype(tokens.size()))
            continue;
        bool match = true;
        for (qsizetype k = 0; k < n && match; ++k) {
            const Token &token = tokens[std::size_t(at + k)];
            match = token.word == phrase.words[std::size_t(k)] &&
                    token.segment == tokens[std::size_t(at)].segment;
        }
        if (match)
            return index;
    }
    return -1;
}

void acceptInSegment(const std::vector<Token> &tokens, std::vector<Found> &found, std::size_t begin,
                     std::size_t end, qsizetype tokenBegin, qsizetype tokenEnd)
{
    const Vocabulary &vocab = vocabulary();
    // Tokens of the segment not covered by a phrase: all filler means the segment is a status.
    bool onlyFiller = true;
    std::size_t f = begin;
    for (qsizetype t = tokenBegin; t < tokenEnd && onlyFiller; ++t) {
        while (f < end && found[f].lastToken < t)
            ++f;
        if (f < end && found[f].firstToken <= t)
            continue;
        const Token &token = tokens[std::size_t(t)];
        onlyFiller = token.number || token.initials || (vocab.flagsOf(token.word) & NoiseWord);
    }
    for (std::size_t k = begin; k < end; ++k) {
        Found &item = found[k];
        if (onlyFiller) {
            item.accepted = true;
            continue;
        }
        const qsizetype before = item.firstToken - 1;
        if (before >= tokenBegin) {
            const unsigned flags = vocab.flagsOf(tokens[std::size_t(before)].word);
            if (flags & PrefixWord)
                item.accepted = true;
            // "Status: Missing and Damaged" / "Status: Missing Damaged"
            if (k > begin && found[k - 1].accepted &&
                (found[k - 1].lastToken == before ||
                 ((flags & ConnectorWord) && found[k - 1].lastToken == before - 1)))
                item.accepted = true;
        }
    }
}

} // namespace

bool isMigDeskStamp(const QString &line)
{
    static const QRegularExpression stamp(
        QStringLiteral("^\\s*%1 \\d{4}-\\d{2}-\\d{2} ").arg(QLatin1String(kMigDeskStampPrefix)));
    return stamp.match(line).hasMatch();
}

QString maskMigDeskStamps(const QString &text)
{
    if (!text.contains(QLatin1String(kMigDeskStampPrefix)))
        return text;
    QString masked = text;
    qsizetype start = 0;
    while (start < masked.size()) {
        qsizetype end = masked.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = masked.size();
        if (isMigDeskStamp(masked.mid(start, end - start)))
            masked.replace(start, end - start, QString(end - start, QLatin1Char(' ')));
        start = end + 1;
    }
    return masked;
}

NoteParser::NoteParser(SourceIls source)
    : m_source(source)
{}

NoteReading NoteParser::parseNote(const QString &original, const QString &noteField) const
{
    const QString text = maskMigDeskStamps(original);
    NoteReading reading;
    reading.source = m_source;
    if (text.trimmed().isEmpty())
        return reading;

    std::vector<Token> tokens;
    tokens.reserve(32);
    tokenize(text, tokens);

    std::vector<Found> found;
    for (qsizetype t = 0; t < qsizetype(tokens.size());) {
        const int phrase = phraseAt(tokens, t);
        if (phrase < 0) {
            ++t;
            continue;
        }
        const auto &entry = vocabulary().phrases[std::size_t(phrase)];
        const qsizetype n = qsizetype(entry.words.size());
        found.push_back({entry.status, t, t + n - 1, false});
        t += n;
    }

    // Decide per segment.
    std::size_t begin = 0;
    qsizetype tokenBegin = 0;
    while (tokenBegin < qsizetype(tokens.size())) {
        const int segment = tokens[std::size_t(tokenBegin)].segment;
        qsizetype tokenEnd = tokenBegin;
        while (tokenEnd < qsizetype(tokens.size()) &&
               tokens[std::size_t(tokenEnd)].segment == segment)
            ++tokenEnd;
        std::size_t end = begin;
        while (end < found.size() && found[end].firstToken < tokenEnd)
            ++end;
        if (end > begin)
            acceptInSegment(tokens, found, begin, end, tokenBegin, tokenEnd);
        begin = end;
        tokenBegin = tokenEnd;
    }

    const auto &catalogue = legacy::statusCatalogue();
    const unsigned allowed = legacy::ilsBit(m_source);
    const Vocabulary &vocab = vocabulary();
    for (const Found &item : found) {
        const auto &entry = catalogue[std::size_t(item.status)];
        if (!item.accepted || !(entry.ils & allowed))
            continue;
        const QString id = QLatin1String(entry.id);
        if (reading.has(id))
            continue;
        qsizetype first = item.firstToken;
        // Keep the words that introduce the status: "Item status: Missing".
        if (first > 0 &&
            tokens[std::size_t(first - 1)].segment == tokens[std::size_t(first)].segment &&
            (vocab.flagsOf(tokens[std::size_t(first - 1)].word) & PrefixWord)) {
            --first;
            while (first > 0 &&
                   tokens[std::size_t(first - 1)].segment == tokens[std::size_t(first)].segment &&
                   (vocab.flagsOf(tokens[std::size_t(first - 1)].word) & NoiseWord) &&
                   !tokens[std::size_t(first - 1)].number)
                --first;
        }
        const qsizetype start = tokens[std::size_t(first)].start;
        const Token &last = tokens[std::size_t(item.lastToken)];
        qsizetype stop = last.start + last.length;
        if (stop < text.size() && text.at(stop) == u')' &&
            text.mid(start, stop - start).contains(u'('))
            ++stop;
        reading.statuses.push_back(
            {id, noteField, text.mid(start, stop - start), start, stop - start});
    }
    if (reading.statuses.empty())
        reading.statuses.push_back({unknownStatusId(), noteField, text, 0, text.size()});
    return reading;
}

NoteReading NoteParser::parse(const Item &item) const
{
    struct Field {
        const QString *text;
        QString name;
    };
    const QString text1 = maskMigDeskStamps(item.internalNote1);
    const QString text2 = maskMigDeskStamps(item.internalNote2);
    const QString text3 = maskMigDeskStamps(item.internalNote3);
    const Field note1{&text1, QStringLiteral("internal_note_1")};
    const Field note2{&text2, QStringLiteral("internal_note_2")};
    const Field note3{&text3, QStringLiteral("internal_note_3")};

    std::vector<Field> statusFields;
    switch (m_source) {
    case SourceIls::Voyager:
        statusFields = {note3};
        break;
    case SourceIls::Sierra:
    case SourceIls::Koha:
    case SourceIls::Symphony:
        statusFields = {note1};
        break;
    case SourceIls::Auto:
        statusFields = {note1, note3};
        break;
    }

    NoteReading reading;
    reading.source = m_source;
    std::vector<StatusMatch> unknown;
    for (const Field &field : statusFields) {
        NoteReading one = parseNote(*field.text, field.name);
        for (auto &match : one.statuses) {
            if (match.id == unknownStatusId())
                unknown.push_back(std::move(match));
            else if (!reading.has(match.id))
                reading.statuses.push_back(std::move(match));
        }
    }
    if (reading.statuses.empty()) {
        // Nothing recognised: show the text verbatim, never guess. When the status note is
        // empty, text in another internal note is shown instead (a note in the wrong field).
        if (unknown.empty()) {
            for (const Field &field : {note1, note2, note3}) {
                if (!field.text->trimmed().isEmpty()) {
                    unknown.push_back(
                        {unknownStatusId(), field.name, *field.text, 0, field.text->size()});
                    break;
                }
            }
        }
        if (!unknown.empty())
            reading.statuses.push_back(std::move(unknown.front()));
        return reading;
    }

    if (m_source == SourceIls::Auto) {
        // Guess the source from where and what was found.
        unsigned candidates = legacy::AllIls;
        for (const auto &match : reading.statuses) {
            if (match.noteField == note3.name)
                candidates &= legacy::Voyager;
            else
                candidates &= ~unsigned(legacy::Voyager);
            if (const auto *entry = legacy::findStatus(match.id))
                candidates &= entry->ils;
        }
        if (candidates == legacy::Voyager)
            reading.source = SourceIls::Voyager;
        else if (candidates == legacy::Sierra)
            reading.source = SourceIls::Sierra;
        else if (candidates == legacy::Koha)
            reading.source = SourceIls::Koha;
        else if (candidates == legacy::Symphony)
            reading.source = SourceIls::Symphony;
    }
    return reading;
}

} // namespace migdesk
