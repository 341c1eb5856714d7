#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "formsift/normalize/values.hpp"

using namespace formsift::normalize;

namespace {

struct DateCase {
    const char* text;
    const char* iso;        // nullptr: not a date
    const char* precision;  // day, month, quarter, year
};

}  // namespace

TEST_CASE("values: dates, months and periods as written, in five languages") {
    const DateCase cases[] = {
        // the example submission's own
        {"October 2018", "2018-10", "month"},
        {"January - June 2020", "2020-01/2020-06", "month"},
        {"20th January 2020", "2020-01-20", "day"},
        {"29-30 January 2020", "2020-01-29/2020-01-30", "day"},
        {"4 April 2020", "2020-04-04", "day"},
        {"September 2020", "2020-09", "month"},
        {"10 July", nullptr, nullptr},  // no year, none given
        // the survey tool and ISO
        {"15/07/2020", "2020-07-15", "day"},
        {"15.07.2020", "2020-07-15", "day"},
        {"15-07-2020", "2020-07-15", "day"},
        {"2020-07-15", "2020-07-15", "day"},
        {"2020-07", "2020-07", "month"},
        {"10/2018", "2018-10", "month"},
        {"07.2020", "2020-07", "month"},
        {"13/2018", nullptr, nullptr},
        {"2020", "2020", "year"},
        {"Q3 2020", "2020-07/2020-09", "quarter"},
        {"q1 2021", "2021-01/2021-03", "quarter"},
        // ranges written other ways
        {"January – June 2020", "2020-01/2020-06", "month"},
        {"July—December 2019", "2019-07/2019-12", "month"},
        {"January to June 2020", "2020-01/2020-06", "month"},
        {"30 June - 2 July 2020", "2020-06-30/2020-07-02", "day"},
        {"April 23 2020", "2020-04-23", "day"},
        {"April 23, 2020", "2020-04-23", "day"},
        {"1st March 2021", "2021-03-01", "day"},
        {"2nd March 2021", "2021-03-02", "day"},
        {"3rd March 2021", "2021-03-03", "day"},
        {"the 4th of March 2021", "2021-03-04", "day"},
        {"OCTOBER 2018", "2018-10", "month"},
        {"Oct 2018", "2018-10", "month"},
        {"Sept 2018", "2018-10", nullptr},  // placeholder, replaced below
        // French
        {"octobre 2018", "2018-10", "month"},
        {"1er février 2020", "2020-02-01", "day"},
        {"le 14 juillet 2020", "2020-07-14", "day"},
        {"janvier - juin 2020", "2020-01/2020-06", "month"},
        {"décembre 2019", "2019-12", "month"},
        {"août 2021", "2021-08", "month"},
        // German
        {"14. März 2020", "2020-03-14", "day"},
        {"Oktober 2018", "2018-10", "month"},
        {"Januar bis Juni 2020", "2020-01/2020-06", "month"},
        {"Dezember 2019", "2019-12", "month"},
        // Spanish
        {"4 de abril de 2020", "2020-04-04", "day"},
        {"octubre 2018", "2018-10", "month"},
        {"enero - junio 2020", "2020-01/2020-06", "month"},
        {"septiembre de 2019", "2019-09", "month"},
        // Italian
        {"4 aprile 2020", "2020-04-04", "day"},
        {"ottobre 2018", "2018-10", "month"},
        {"gennaio - giugno 2020", "2020-01/2020-06", "month"},
        {"dicembre 2019", "2019-12", "month"},
        // not dates, or impossible ones
        {"", nullptr, nullptr},
        {"Online", nullptr, nullptr},
        {"Working area not active", nullptr, nullptr},
        {"31/02/2020", nullptr, nullptr},
        {"30 February 2020", nullptr, nullptr},
        {"June - January 2020", nullptr, nullptr},
        {"13/13/2020", nullptr, nullptr},
        {"2020-13", nullptr, nullptr},
        {"Q5 2020", nullptr, nullptr},
        {"1850", nullptr, nullptr},
        {"next year", nullptr, nullptr},
        {"25 (July 2019) to 29", nullptr, nullptr},
        {"Smarch 2020", nullptr, nullptr},
    };
    for (const auto& c : cases) {
        if (std::string(c.text) == "Sept 2018") continue;
        INFO(c.text);
        const auto d = parse_date(c.text);
        if (c.iso == nullptr) {
            CHECK_FALSE(d);
            continue;
        }
        REQUIRE(d);
        CHECK(d->iso == c.iso);
        CHECK(d->precision == c.precision);
        CHECK(d->interval == (std::string(c.iso).find('/') != std::string::npos));
        CHECK_FALSE(d->inferred_year);
    }
    const auto sept = parse_date("Sept 2018");
    REQUIRE(sept);
    CHECK(sept->iso == "2018-09");
}

TEST_CASE("values: a date without its year takes a given one, and says so") {
    const auto d = parse_date("23 April", 2020);
    REQUIRE(d);
    CHECK(d->iso == "2020-04-23");
    CHECK(d->inferred_year);
    const auto m = parse_date("September", 2020);
    REQUIRE(m);
    CHECK(m->iso == "2020-09");
    CHECK(m->inferred_year);
    const auto r = parse_date("29-30 January", 2020);
    REQUIRE(r);
    CHECK(r->iso == "2020-01-29/2020-01-30");
    // a year in the text wins
    const auto y = parse_date("4 April 2019", 2020);
    REQUIRE(y);
    CHECK(y->iso == "2019-04-04");
    CHECK_FALSE(y->inferred_year);
    CHECK_FALSE(parse_date("31 June", 2020));
    CHECK(parse_date("29 February", 2020));
    CHECK_FALSE(parse_date("29 February", 2021));
}

TEST_CASE("values: web addresses as written") {
    const std::pair<const char*, const char*> cases[] = {
        {"https://s3platform.jrc.ec.europa.eu/batteries", "https://s3platform.jrc.ec.europa.eu/batteries"},
        {"<https://www.finncobalt.com>", "https://www.finncobalt.com"},
        {"https://www.finncobalt.com).", "https://www.finncobalt.com"},
        {"http://example.org/a(b)", "http://example.org/a(b)"},
        {"HTTPS://Example.ORG/Path", "https://example.org/Path"},
        {"www.example.org", "https://www.example.org"},
        {"example.org/reports", "https://example.org/reports"},
        {"  https://example.org/x?y=1&z=2  ", "https://example.org/x?y=1&z=2"},
        {"https://example.org,", "https://example.org"},
        {"not a web address", nullptr},
        {"", nullptr},
        {"ftp://example.org", nullptr},
        {"ada@example.org", nullptr},
        {"https://localhost", nullptr},
        {"see https://example.org", nullptr},
        {"example", nullptr},
        {"file.pdf2", nullptr},
    };
    for (const auto& [text, want] : cases) {
        INFO(text);
        const auto u = parse_url(text);
        if (want == nullptr) {
            CHECK_FALSE(u);
        } else {
            REQUIRE(u);
            CHECK(*u == want);
        }
    }
}

TEST_CASE("values: e-mail addresses as written") {
    const std::pair<const char*, const char*> cases[] = {
        {"anna.mueller@example.ch", "anna.mueller@example.ch"},
        {"<Ada@Example.ORG>", "Ada@example.org"},
        {"mailto:ada@example.org", "ada@example.org"},
        {" ada@example.org ", "ada@example.org"},
        {"ada@example", nullptr},
        {"@example.org", nullptr},
        {"ada@@example.org", nullptr},
        {"ada example.org", nullptr},
        {"ada@example.org, bob@example.org", nullptr},
        {"", nullptr},
        {"ada@example.o", nullptr},
    };
    for (const auto& [text, want] : cases) {
        INFO(text);
        const auto e = parse_email(text);
        if (want == nullptr) {
            CHECK_FALSE(e);
        } else {
            REQUIRE(e);
            CHECK(*e == want);
        }
    }
}

namespace {

struct AmountCase {
    const char* text;
    double amount;         // < 0: not an amount
    const char* currency;  // ISO 4217
};

struct CountCase {
    const char* text;
    long long count;  // < 0: not one count
    bool approximate;
};

}  // namespace

TEST_CASE("values: amounts of money as written") {
    const AmountCase cases[] = {
        {"€ 50 millions", 50e6, "EUR"},
        {"EUR 2.5m", 2.5e6, "EUR"},
        {"1 200 000 €", 1.2e6, "EUR"},
        {"1\u00a0200\u00a0000 €", 1.2e6, "EUR"},  // grouped by no-break spaces
        {"€1,200,000", 1.2e6, "EUR"},
        {"1.200.000 EUR", 1.2e6, "EUR"},
        {"1.200.000,50 EUR", 1200000.5, "EUR"},
        {"1,200,000.50 EUR", 1200000.5, "EUR"},
        {"2,5 Mio. EUR", 2.5e6, "EUR"},
        {"€250 billion", 250e9, "EUR"},
        {"EUR 3 bn", 3e9, "EUR"},
        {"50k€", 50e3, "EUR"},
        {"€ 50 000", 50e3, "EUR"},
        {"about 3 million euros", 3e6, "EUR"},
        {"a total budget of €3.2 million", 3.2e6, "EUR"},
        {"$3bn", 3e9, "USD"},
        {"USD 12,500", 12500, "USD"},
        {"£ 1.5 million", 1.5e6, "GBP"},
        {"CHF 1'000'000", 1e6, "CHF"},
        {"SEK 10 000", 10000, "SEK"},
        {"2,50 €", 2.5, "EUR"},
        {"2 milliards d'euros", 2e9, "EUR"},
        {"1,5 millones de euros", 1.5e6, "EUR"},
        {"3 Millionen Euro", 3e6, "EUR"},
        {"10 milioni di euro", 10e6, "EUR"},
        {"up to €5m", -1, ""},  // a ceiling, not an amount
        // not one amount
        {"50 millions", -1, ""},           // no currency
        {"EUR", -1, ""},                   // no number
        {"EUR 50 000 - 100 000", -1, ""},  // a range
        {"n/a", -1, ""},
        {"to be confirmed", -1, ""},
        {"€ 1,20,000", -1, ""},                   // groups that are not of three
        {"EUR 999999999999999 billion", -1, ""},  // beyond any budget (found by fuzz_values)
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto a = parse_amount(c.text);
        if (c.amount < 0) {
            CHECK_FALSE(a.has_value());
            continue;
        }
        REQUIRE(a.has_value());
        CHECK(a->amount == Approx(c.amount));
        CHECK(a->currency == c.currency);
    }
    CHECK_FALSE(parse_amount("€ 1" + std::string(320, '0') + " billion"));  // past a double: not an amount
    CHECK(parse_amount("about 3 million euros")->approximate);
    CHECK_FALSE(parse_amount("€ 50 millions")->approximate);
}

TEST_CASE("values: counts where a template asks for a number") {
    const CountCase cases[] = {
        {"29", 29, false},
        {"29 regions", 29, false},
        {"grew from 25 (July 2019) to 29 (January 2020)", 29, false},
        {"The number of regions committed to the partnership grew from 25 to 29.", 29, false},
        {"about 10 projects", 10, true},
        {"around 40 participants", 40, true},
        {"more than 100", 100, true},
        {"twelve", 12, false},
        {"Three partners", 3, false},
        {"1 200", 1200, false},
        {"1,200 attendees", 1200, false},
        {"2 million", 2000000, false},
        {"12 (twelve)", 12, false},
        {"0", 0, false},
        // not one count
        {"none yet", -1, false},
        {"10 to 15", -1, false},
        {"between 10 and 15", -1, false},
        {"25 in July 2019 and 29 in January 2020", -1, false},
        {"2.5", -1, false},
        {"999999999999999 billion", -1, false},  // past what a count can hold (found by fuzz_values)
        {"", -1, false},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto n = parse_count(c.text);
        if (c.count < 0) {
            CHECK_FALSE(n.has_value());
            continue;
        }
        REQUIRE(n.has_value());
        CHECK(n->count == c.count);
        CHECK(n->approximate == c.approximate);
    }
}
