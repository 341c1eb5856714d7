#pragma once
// Typed values parsed from answers as written: dates, months and periods;
// web addresses; e-mail addresses; amounts of money; counts. (Regions:
// regions.hpp.) The text as written stays the record's value; these go
// beside it.
#include <optional>
#include <string>
#include <string_view>

namespace formsift::normalize {

// A point or span of time in ISO 8601: "2020-04-23", "2018-10", "2020",
// or an interval "2020-01/2020-06". `precision`: day, month, quarter or
// year. `inferred_year`: the text gave no year; `default_year` supplied it.
struct DateValue {
    std::string iso;
    std::string precision;
    bool interval = false;
    bool inferred_year = false;
};

// Dates as people and the survey tool write them: ISO dates and months,
// dd/MM/yyyy (also with '.' or '-'), "20th January 2020", "4 April 2020",
// "23 April" (with default_year), "October 2018", "January - June 2020",
// "29-30 January 2020", "Q3 2020", a year alone; month names in English,
// French, German, Spanish and Italian, full or abbreviated.
std::optional<DateValue> parse_date(std::string_view text, std::optional<int> default_year = std::nullopt);

// A web address: angle brackets and trailing punctuation taken off, a
// missing scheme given as https (for a www. or dotted host name). Empty when
// the text is not one address.
std::optional<std::string> parse_url(std::string_view text);

// An e-mail address, lower-cased domain; angle brackets and "mailto:" taken off.
std::optional<std::string> parse_email(std::string_view text);

// An amount of money: "€ 50 millions", "EUR 2.5m", "1 200 000 €",
// "2,5 Mio. EUR", "about $3bn". Thousands grouped by spaces, commas, dots or
// apostrophes; a decimal comma or point; multiplier words (k, thousand, m,
// mn, mio, million(s), bn, billion, mrd, milliard(s), in five languages);
// the currency as a symbol, an ISO code or a word. Empty when the text holds
// no currency, no number, two numbers, or other words.
struct AmountValue {
    double amount = 0;     // in units of the currency, rounded to cents
    std::string currency;  // ISO 4217
    bool approximate = false;
};
std::optional<AmountValue> parse_amount(std::string_view text);

// A count where a template asks for a number: "29", "29 regions", "about
// 10", "twelve", "grew from 25 (July 2019) to 29 (January 2020)" (the count
// reached: the number after "to"). Bracketed parts are left out. Empty when
// the text holds no number or several different ones.
struct CountValue {
    long long count = 0;
    bool approximate = false;
};
std::optional<CountValue> parse_count(std::string_view text);

}  // namespace formsift::normalize
