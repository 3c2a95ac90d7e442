// The demo institution's items (see SandboxDemoData.h): real-looking titles, authors, call
// numbers and 14-digit barcodes, generated from a seed.
#include "SandboxDemoData.h"

#include "SandboxCatalog.h"
#include "SandboxDemoScenarios.h"
#include "SandboxItemShape.h"

#include <QDate>

#include <algorithm>
#include <random>

namespace migdesk::sandbox {

using nlohmann::json;

namespace {

struct Book {
    const char *title;
    const char *author;
    const char *publisher;
    const char *place;
    const char *lcClass; // e.g. "PS3545"
};

const Book kBooks[] = {
    {"Pride and prejudice", "Austen, Jane", "Penguin Books", "London", "PR4034"},
    {"The souls of Black folk", "Du Bois, W. E. B.", "Oxford University Press", "New York",
     "E185.6"},
    {"Middlemarch : a study of provincial life", "Eliot, George", "Penguin Classics", "London",
     "PR4662"},
    {"On the origin of species", "Darwin, Charles", "Harvard University Press", "Cambridge, Mass.",
     "QH365"},
    {"The wealth of nations", "Smith, Adam", "Bantam Classics", "New York", "HB161"},
    {"Moby-Dick, or, The whale", "Melville, Herman", "Northwestern University Press", "Evanston",
     "PS2384"},
    {"Leaves of grass", "Whitman, Walt", "Library of America", "New York", "PS3201"},
    {"A history of modern Europe", "Merriman, John M.", "W. W. Norton", "New York", "D209"},
    {"Introduction to algorithms", "Cormen, Thomas H.", "MIT Press", "Cambridge, Mass.", "QA76.6"},
    {"Principles of neural science", "Kandel, Eric R.", "McGraw-Hill", "New York", "QP355.2"},
    {"The structure of scientific revolutions", "Kuhn, Thomas S.", "University of Chicago Press",
     "Chicago", "Q175"},
    {"Silent spring", "Carson, Rachel", "Houghton Mifflin", "Boston", "SB959"},
    {"The Federalist papers", "Hamilton, Alexander", "Signet Classics", "New York", "JK155"},
    {"Constitutional law : principles and policies", "Chemerinsky, Erwin", "Wolters Kluwer",
     "New York", "KF4550"},
    {"Contracts : cases and materials", "Farnsworth, E. Allan", "Foundation Press", "St. Paul",
     "KF801"},
    {"The common law", "Holmes, Oliver Wendell", "Dover Publications", "Mineola, N.Y.", "KF394"},
    {"Organic chemistry", "Clayden, Jonathan", "Oxford University Press", "Oxford", "QD251.3"},
    {"Calculus : early transcendentals", "Stewart, James", "Cengage Learning", "Boston", "QA303.2"},
    {"The double helix", "Watson, James D.", "Atheneum", "New York", "QP624"},
    {"A brief history of time", "Hawking, Stephen", "Bantam Books", "New York", "QB981"},
    {"The Oxford history of Western music", "Taruskin, Richard", "Oxford University Press",
     "Oxford", "ML160"},
    {"Symphony no. 5 in C minor, op. 67 [score]", "Beethoven, Ludwig van", "Dover Publications",
     "New York", "M1001"},
    {"The rest is noise : listening to the twentieth century", "Ross, Alex",
     "Farrar, Straus and Giroux", "New York", "ML197"},
    {"Their eyes were watching God", "Hurston, Zora Neale", "Harper Perennial", "New York",
     "PS3515"},
    {"One hundred years of solitude", "Garcia Marquez, Gabriel", "Harper & Row", "New York",
     "PQ8180.17"},
    {"The Cambridge history of China", "Twitchett, Denis", "Cambridge University Press",
     "Cambridge", "DS735"},
    {"Democracy in America", "Tocqueville, Alexis de", "University of Chicago Press", "Chicago",
     "JK216"},
    {"The interpretation of dreams", "Freud, Sigmund", "Basic Books", "New York", "BF1078"},
    {"Gray's anatomy : the anatomical basis of clinical practice", "Standring, Susan", "Elsevier",
     "London", "QM23.2"},
    {"The Chicago manual of style", "University of Chicago Press", "University of Chicago Press",
     "Chicago", "Z253"},
    {"Beloved : a novel", "Morrison, Toni", "Alfred A. Knopf", "New York", "PS3563"},
    {"Things fall apart", "Achebe, Chinua", "Anchor Books", "New York", "PR9387.9"},
    {"Journal of American history. Vol. 104", "Organization of American Historians",
     "Organization of American Historians", "Bloomington", "E171"},
    {"The art of computer programming. Vol. 1, Fundamental algorithms", "Knuth, Donald E.",
     "Addison-Wesley", "Reading, Mass.", "QA76.6"},
    {"Black's law dictionary", "Garner, Bryan A.", "Thomson Reuters", "St. Paul", "KF156"},
    {"The elements of style", "Strunk, William", "Longman", "New York", "PE1408"},
};

const char *const kStaff[] = {"jd", "kl", "mrs", "tb", "aw"};
const char *const kPatrons[] = {"Avery Chen",    "Jordan Okafor",  "Priya Raman",
                                "Sam Lindqvist", "Maria Gonzalez", "Noah Whitfield"};

char luhnDigit(const std::string &digits)
{
    int sum = 0;
    bool twice = true;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return char('0' + (10 - sum % 10) % 10);
}

std::string padded(quint64 value, int width)
{
    std::string text = std::to_string(value);
    if (int(text.size()) < width)
        text.insert(0, size_t(width) - text.size(), '0');
    return text;
}

json cv(const char *value, const char *desc)
{
    return json{{"value", value}, {"desc", desc ? json(desc) : json(nullptr)}};
}

std::string isoDate(int year, int month, int day)
{
    return padded(quint64(year), 4) + "-" + padded(quint64(month), 2) + "-" +
           padded(quint64(day), 2);
}

// prefix + value padded with zeros to `width` + suffix, built by appending (GCC 12 warns
// falsely about "literal" + std::string at -O3).
std::string digits(const char *prefix, quint64 value, int width, const char *suffix = "")
{
    std::string text = prefix;
    text += padded(value, width);
    text += suffix;
    return text;
}

std::string joined(const char *prefix, const std::string &rest)
{
    std::string text = prefix;
    text += rest;
    return text;
}

} // namespace

DemoData generateDemoData(int count, quint32 seed)
{
    DemoData demo;
    const auto &scenarios = demoScenarios();
    std::mt19937 random(seed);
    std::vector<int> weights;
    for (const auto &scenario : scenarios)
        weights.push_back(scenario.weight);
    std::discrete_distribution<int> pickScenario(weights.begin(), weights.end());
    auto pick = [&](int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(random)); };
    std::mt19937 details(seed + 7919);
    auto pickDetail = [&](int n) {
        return int(std::uniform_int_distribution<int>(0, n - 1)(details));
    };
    const quint64 base = 10000000ULL + quint64(seed % 80) * 1000000ULL;
    std::vector<int> examplesPerScenario(scenarios.size(), 0);
    demo.records.reserve(size_t(std::max(0, count)));

    for (int i = 0; i < count; ++i) {
        // Every scenario appears once first, so even a small demo shows them all.
        const int s = i < int(scenarios.size()) ? i : pickScenario(random);
        const DemoScenario &scenario = scenarios[size_t(s)];
        const Book &book = kBooks[pick(int(std::size(kBooks)))];
        const quint64 n = base + quint64(i);
        const std::string pid = digits("23", n, 9, "0003601");
        const std::string holdingId = digits("22", n, 9, "0003601");
        const std::string mmsId = digits("99", n, 9, "0103601");
        std::string barcode = digits("39015", n % 100000000ULL, 8);
        barcode += luhnDigit(barcode);

        const SandboxLibrary *library = findLibrary(QString::fromLatin1(scenario.library));
        const CodeName &location = library->locations[size_t(pick(int(library->locations.size())))];
        const int year = 1965 + pick(58);
        const std::string callNumber = std::string(book.lcClass) + " ." + char('A' + pick(26)) +
                                       std::to_string(10 + pick(89)) + " " + std::to_string(year);

        ItemRecord record;
        json &item = record.item;
        item["bib_data"] = {
            {"author", book.author},
            {"bib_suppress_from_publishing", "false"},
            {"complete_edition", ""},
            {"date_of_publication", std::to_string(year)},
            {"isbn",
             year > 1970 ? json(digits("978", n * 7919 % 10000000000ULL, 10)) : json(nullptr)},
            {"issn", nullptr},
            {"mms_id", mmsId},
            {"network_number", json::array({joined("(OCoLC)", std::to_string(n * 13))})},
            {"place_of_publication", book.place},
            {"publisher_const", book.publisher},
            {"title", book.title}};
        item["holding_data"] = {
            {"accession_number", ""},
            {"call_number", callNumber},
            {"call_number_type", cv("0", "Library of Congress classification")},
            {"permanent_call_number", callNumber},
            {"permanent_call_number_type", cv("0", "Library of Congress classification")},
            {"holding_suppress_from_publishing", "false"},
            {"calculated_suppress_from_publishing", "false"},
            {"copy_id", ""},
            {"holding_id", holdingId},
            {"in_temp_location", false},
            {"temp_call_number", ""},
            {"temp_call_number_source", ""},
            {"temp_call_number_type", cv("", nullptr)},
            {"temp_library", json{{"value", nullptr}, {"desc", nullptr}}},
            {"temp_location", json{{"value", nullptr}, {"desc", nullptr}}},
            {"temp_policy", cv("", nullptr)}};
        json data = defaultItemData();
        data["pid"] = pid;
        data["barcode"] = barcode;
        // Created at migration (2020-2024) and last modified in 2024, but never before it was
        // created (then on the day it was created).
        const QDate created(2020 + pick(5), 1 + pick(12), 1 + pick(28));
        const QDate modified = std::max(created, QDate(2024, 1 + pick(12), 1 + pick(28)));
        data["creation_date"] = created.toString(Qt::ISODate).toStdString() + "Z";
        data["modification_date"] = modified.toString(Qt::ISODate).toStdString() + "Z";
        data["arrival_date"] = isoDate(year + 1, 1 + pick(12), 1 + pick(28)) + "Z";
        data["receiving_operator"] = "import";
        data["inventory_number"] = "";
        // From their own generator, so the rest of the demo stays as it was for a seed.
        data["inventory_price"] = std::to_string(20 + pickDetail(80)) + ".00";
        // A few items are shared-print retention copies, as in real collections.
        if (pickDetail(10) == 0) {
            data["committed_to_retain"] = cv("true", "Yes");
            data["retention_reason"] = cv("LASTCOPY", "Last copy in the region");
            data["retention_note"] = "Shared print retention until 2035";
        } else {
            data["committed_to_retain"] = cv("false", "No");
        }
        data["library"] = cv(library->code, library->name);
        data["location"] = cv(location.code, location.name);
        data["physical_material_type"] = std::string(location.code) == "SCORES"
                                             ? cv("SCORE", "Music Score")
                                             : cv("BOOK", "Book");
        data["policy"] = cv("01", "Regular loan");
        const QString process = QString::fromLatin1(scenario.processType);
        data["process_type"] = codeValue(process, processTypeDesc(process));
        data["base_status"] =
            process.isEmpty() ? cv("1", "Item in place") : cv("0", "Item not in place");
        if (scenario.noteField) {
            std::string note = scenario.notes[size_t(pick(int(scenario.notes.size())))];
            // Some Voyager notes carry staff initials after the status, as real ones do.
            if (std::string(scenario.noteField) == "internal_note_3" && pick(5) == 0)
                note += std::string(" ") + kStaff[pick(int(std::size(kStaff)))];
            data[scenario.noteField] = note;
        }
        if (std::string(scenario.processType) == "TECHNICAL" && pick(3) == 0)
            data["internal_note_2"] = joined("Migrated ", isoDate(2024, 6, 1 + pick(28)));
        if (scenario.activeLoan) {
            const int loanYear = 2019 + pick(5);
            record.loans.push_back(
                {{"loan_id", digits("73", n, 9, "0003601")},
                 {"user_id", digits("P", 100000ULL + quint64(pick(900000)), 7)},
                 {"item_barcode", barcode},
                 {"item_id", pid},
                 {"mms_id", mmsId},
                 {"title", book.title},
                 {"author", book.author},
                 {"call_number", callNumber},
                 {"description", nullptr},
                 {"loan_status", "ACTIVE"},
                 {"loan_date", isoDate(loanYear, 1 + pick(12), 1 + pick(28)) + "T14:20:00.000Z"},
                 {"due_date", isoDate(loanYear + 1, 1 + pick(12), 1 + pick(28)) + "T22:59:00Z"},
                 {"process_status", "NORMAL"},
                 {"library", cv(library->code, library->name)},
                 {"circ_desk", cv("DEFAULT_CIRC_DESK", library->circDesks.front().name)},
                 {"location_code", {{"value", location.code}, {"name", location.name}}},
                 {"item_policy", {{"value", "01"}, {"description", "Regular loan"}}},
                 {"publication_year", std::to_string(year)},
                 {"renewable", true}});
        }
        if (scenario.request) {
            const char *patron = kPatrons[pick(int(std::size(kPatrons)))];
            record.requests.push_back(
                {{"request_id", digits("36", n, 9, "0003601")},
                 {"request_type", "HOLD"},
                 {"request_sub_type", cv("PATRON_PHYSICAL", "Patron physical item request")},
                 {"request_status", "NOT_STARTED"},
                 {"user_primary_id", digits("P", 200000ULL + quint64(pick(800000)), 7)},
                 {"requester_name", patron},
                 {"pickup_location_type", "LIBRARY"},
                 {"pickup_location_library", "MAIN"},
                 {"pickup_location", "Main Library"},
                 {"item_id", pid},
                 {"item_barcode", barcode}});
            data["requested"] = true;
        }
        item["item_data"] = std::move(data);
        if (examplesPerScenario[size_t(s)] < 2) {
            ++examplesPerScenario[size_t(s)];
            demo.examples.push_back(
                {QString::fromStdString(barcode), QString::fromUtf8(scenario.description)});
        }
        demo.records.push_back(std::move(record));
    }
    return demo;
}

} // namespace migdesk::sandbox
