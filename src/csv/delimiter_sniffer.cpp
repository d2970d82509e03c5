#include "caseboard/csv/delimiter_sniffer.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace caseboard::csv {

namespace {

// Enough records to see a pattern, few enough to cost nothing.
constexpr std::size_t kRecordsToSample = 50;

// The number of fields in each of the first records, were `delimiter` the delimiter.
std::vector<std::size_t> fieldCounts(std::string_view text, char delimiter, char quote, bool isWholeFile)
{
    std::vector<std::size_t> counts;
    std::size_t fields = 1;
    bool inQuotes = false;
    bool atFieldStart = true;
    bool lineEmpty = true;
    for (std::size_t i = 0; i < text.size() && counts.size() < kRecordsToSample; ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == quote) {
                if (i + 1 < text.size() && text[i + 1] == quote)
                    ++i;
                else
                    inQuotes = false;
            }
        } else if (c == '\r' || c == '\n') {
            if (!lineEmpty)
                counts.push_back(fields);
            fields = 1;
            atFieldStart = true;
            lineEmpty = true;
        } else {
            lineEmpty = false;
            if (c == delimiter) {
                ++fields;
                atFieldStart = true;
                continue;
            }
            // As the reader does: only a quote opening a field starts a quoted field.
            if (c == quote && atFieldStart)
                inQuotes = true;
            atFieldStart = false;
        }
    }
    // A record cut off by the end of the sample still counts when it is all there is.
    if (!lineEmpty && counts.size() < kRecordsToSample && ((isWholeFile && !inQuotes) || counts.empty()))
        counts.push_back(fields);
    return counts;
}

struct Score {
    std::size_t consistentRecords = 0; // records with the most common field count
    std::size_t fields = 0;            // that field count

    bool operator>(const Score& other) const
    {
        if (consistentRecords != other.consistentRecords)
            return consistentRecords > other.consistentRecords;
        return fields > other.fields;
    }
};

Score score(std::vector<std::size_t> counts)
{
    std::sort(counts.begin(), counts.end());
    Score best;
    for (std::size_t i = 0; i < counts.size();) {
        std::size_t j = i;
        while (j < counts.size() && counts[j] == counts[i])
            ++j;
        // One field per record is what every wrong delimiter gives: no evidence.
        const Score candidate{j - i, counts[i]};
        if (counts[i] > 1 && !(best > candidate))
            best = candidate;
        i = j;
    }
    return best;
}

} // namespace

char sniffDelimiter(std::string_view utf8Sample, bool isWholeFile, char quote)
{
    char chosen = ',';
    Score best;
    for (const char candidate : {',', ';', '\t'}) {
        const Score s = score(fieldCounts(utf8Sample, candidate, quote, isWholeFile));
        if (s > best) {
            best = s;
            chosen = candidate;
        }
    }
    return chosen;
}

} // namespace caseboard::csv
