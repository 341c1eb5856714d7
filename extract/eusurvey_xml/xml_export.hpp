#pragma once
// The survey tool's XML results export (Results/Survey/Elements and
// Answers/AnswerSet): one Document per answer set, read with libxml2's
// streaming reader so that an export of any size is read in bounded memory.
#include <string>

#include "formsift/extract/extract.hpp"

namespace formsift::extract::eusurvey_xml {

// Each answer set as a Document: questions in the order of the Elements of
// its language (titles from their rich text), ids kept as source ids, choices
// and matrix cells from the option ids answered, tables cell by cell, no
// <Answer> = unanswered. Answers naming ids the Elements do not define are
// reported. See extract_each in extract.hpp for the contract.
std::size_t read_export(const ByteSource& source, const std::string& name, const Options& options,
                        const std::function<void(Part&&)>& each);

}  // namespace formsift::extract::eusurvey_xml
