// Full Alma item records as GET .../items/{pid} returns them (about 2.5 KB each: bib_data,
// holding_data, every item_data field, link; Alma's field order), for the classify benchmarks
// and `bench_parse_plan --generate-full N`. Shaped after tests/fixtures/alma/item_response.json.
#pragma once

#include <nlohmann/json.hpp>

#include <iterator>
#include <random>
#include <string>

namespace migdesk::bench {

namespace full {

// Migration notes as the four ILSs left them, prose traps and noise included.
inline const char *const kNote1[] = {
    "Status: Missing",
    "STATUS - MISSING 2019-03-04 JS",
    "Item status: Billed",
    "Status: Lost and Paid",
    "Status: In Technical Services",
    "Status: Long Overdue (Lost)",
    "status: damaged",
    "Status: Withdrawn 2023-05-02 AB",
    "PRICE: $45.00 ; Status: Missing ; Gift of the Smith family",
    "Status: Damaged Billed $25.00 fine paid",
    "Fund: GEN-2019. Status: ASSUMED LOST. Replacement ordered",
    "Missing pages noted on receipt. Price $30.00. Status: In Transit",
    "Gift of Friends of the Library; missing pages noted on receipt",
    "Status: Missing in Transit",
    "Status: kat - kat",
    "Status: Utlånt – purret 3 ganger",
    "",
};
inline const char *const kNote3[] = {
    "Missing",    "Lost--Library Applied", "LOST-SYSTEM APPLIED",  "Cataloging Review",
    "At Bindery", "Claims Returned",       "Circ Review 3/4/2019", "",
};
inline const char *const kTitles[] = {
    "Bananboken",
    "Kalevala : kansan runoja Suomen muinaisista ajoista",
    "Sámi dáidda ja duodji",
    "Über die Entstehung der Arten durch natürliche Zuchtwahl",
    "Histoire de la littérature française au XIXᵉ siècle",
    "東京の歴史 : 江戸から現代まで",
    "An introduction to the theory of numbers",
    "Øya : roman",
};
inline const char *const kLibraries[][2] = {
    {"1030300", "UiO HumSam-biblioteket"},
    {"1030310", "UiO Realfagsbiblioteket"},
    {"MAIN", "Main Library"},
};

inline nlohmann::ordered_json code(const char *value, const char *desc)
{
    return {{"value", value ? nlohmann::ordered_json(value) : nullptr},
            {"desc", desc ? nlohmann::ordered_json(desc) : nullptr}};
}

} // namespace full

// One record (an item, or 10 % of the time {"item": ..., "loans": [...]} with a full loan).
inline std::string fullItemRecord(std::mt19937 &random, int index)
{
    using nlohmann::ordered_json;
    using namespace full;
    std::uniform_int_distribution<int> percent(0, 99);
    auto pick = [&random](const auto &list) {
        return list[std::uniform_int_distribution<std::size_t>(0, std::size(list) - 1)(random)];
    };
    const std::string n = std::to_string(index);
    const std::string mms = "99" + std::to_string(10000000 + index) + "02204";
    const std::string holding = "22" + std::to_string(16000000 + index) + "0002204";
    const std::string pid = "23" + std::to_string(16000000 + index) + "0002204";
    const std::string barcode = "30" + std::to_string(3011000 + index) + "kj0";
    const std::string base = "https://api-eu.hosted.exlibrisgroup.com/almaws/v1/bibs/" + mms;
    const bool voyager = percent(random) < 25;
    const int process = percent(random);
    const bool technical = process < 90;
    const bool inPlace = !technical && process < 95;
    const char *title = pick(kTitles);
    const auto *library = pick(kLibraries);

    ordered_json bib = {
        {"mms_id", mms},
        {"title", std::string(title) + " / " + n},
        {"author", "Vollset, K."},
        {"issn", nullptr},
        {"isbn", "82478" + std::to_string(10000 + index % 90000)},
        {"complete_edition", ""},
        {"network_number",
         {"(NO-TrBIB)0920" + n, "(NO-TrBIB)0006" + n, "0006" + n + "-47bibsys_network",
          "(EXLNZ-47BIBSYS_NETWORK)99000" + n + "4702201"}},
        {"place_of_publication", "[Oslo]"},
        {"date_of_publication", std::to_string(1950 + index % 70)},
        {"publisher_const", "Gyldendal Tiden"},
        {"link", base},
    };
    ordered_json holdingData = {
        {"holding_id", holding},
        {"call_number_type", code("8", "Other scheme")},
        {"call_number", "Ung 839.82 Vol:" + n},
        {"accession_number", ""},
        {"copy_id", ""},
        {"in_temp_location", false},
        {"temp_library", code(nullptr, nullptr)},
        {"temp_location", code(nullptr, nullptr)},
        {"temp_call_number_type", code("", nullptr)},
        {"temp_call_number", ""},
        {"temp_policy", code("", nullptr)},
        {"link", base + "/holdings/" + holding},
    };
    ordered_json item = {
        {"pid", pid},
        {"barcode", barcode},
        {"creation_date", "2015-11-05Z"},
        {"modification_date", "2024-02-10Z"},
        {"base_status", inPlace ? code("1", "Item in place") : code("0", "Item not in place")},
        {"physical_material_type", code("BOOK", "Book")},
        {"policy", code("", nullptr)},
        {"provenance", code("", nullptr)},
        {"po_line", ""},
        {"is_magnetic", false},
        {"arrival_date", "2000-05-29Z"},
        {"expected_arrival_date", nullptr},
        {"year_of_issue", ""},
    };
    for (const char *suffix : {"a", "b", "c", "d", "e", "f", "g", "h"})
        item[std::string("enumeration_") + suffix] = "";
    for (const char *suffix : {"i", "j", "k", "l", "m"})
        item[std::string("chronology_") + suffix] = "";
    item["description"] = "";
    item["receiving_operator"] = "import";
    item["process_type"] = technical ? code("TECHNICAL", "Technical - Migration")
                           : inPlace ? code("", nullptr)
                                     : code("TRANSIT", "Transit");
    item["inventory_number"] = "00kj" + n;
    item["inventory_price"] = "";
    item["library"] = code(library[0], library[1]);
    item["location"] = code("k00040", "UHS S-Litt");
    item["alternative_call_number"] = "";
    item["alternative_call_number_type"] = code("", nullptr);
    item["storage_location_id"] = "";
    item["pages"] = "";
    item["pieces"] = "";
    item["public_note"] = "";
    item["fulfillment_note"] = "";
    item["internal_note_1"] = voyager ? "" : pick(kNote1);
    item["internal_note_2"] = "TIME FOR CIRC STATUS: 2015-11-02 | CIRC STATUS: 0";
    item["internal_note_3"] = voyager ? pick(kNote3) : "";
    for (const char *suffix : {"1", "2", "3"})
        item[std::string("statistics_note_") + suffix] = "";
    item["requested"] = false;
    item["edition"] = nullptr;
    item["imprint"] = nullptr;
    item["language"] = nullptr;
    item["physical_condition"] = code(nullptr, nullptr);
    item["committed_to_retain"] = code("", nullptr);
    item["retention_reason"] = code("", nullptr);

    ordered_json record = {
        {"bib_data", std::move(bib)},
        {"holding_data", std::move(holdingData)},
        {"item_data", std::move(item)},
        {"link", base + "/holdings/" + holding + "/items/" + pid},
    };
    if (percent(random) >= 10)
        return record.dump();
    ordered_json loan = {
        {"loan_id", "73782394" + n},
        {"circ_desk", code("DEFAULT_CIRC_DESK", "Utlånet Ureal")},
        {"library", code(library[0], library[1])},
        {"user_id", "user" + n},
        {"item_barcode", barcode},
        {"due_date", "2018-08-20T20:00:00Z"},
        {"loan_status", percent(random) < 70 ? "ACTIVE" : "COMPLETE"},
        {"loan_date", "2018-07-23T20:25:26.347Z"},
        {"process_status", "NORMAL"},
        {"title", title},
        {"renewable", true},
    };
    return ordered_json{{"item", std::move(record)},
                        {"loans", ordered_json::array({std::move(loan)})}}
        .dump();
}

} // namespace migdesk::bench
