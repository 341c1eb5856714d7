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
