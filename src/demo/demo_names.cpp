#include "demo_names.h"

#include "demo_random.h"

#include <array>
#include <numeric>
#include <string_view>

namespace caseboard::demo {
namespace {

constexpr std::array<std::string_view, 150> kFirstNames{
    "Maya", "Liam", "Priya", "Noah", "Elena", "Mateo", "Aisha", "Owen", "Sofia", "Ethan",
    "Hana", "Caleb", "Zara", "Lucas", "Nadia", "Julian", "Amara", "Isaac", "Leila", "Gabriel",
    "Chloe", "Samuel", "Ines", "Daniel", "Ruth", "Marcus", "Freya", "Tobias", "Yara", "Felix",
    "Grace", "Andre", "Mei", "Jonah", "Lucia", "Rafael", "Keiko", "Elliot", "Naomi", "Victor",
    "Clara", "Omar", "Hazel", "Diego", "Ivy", "Theo", "Amelia", "Kofi", "Rosa", "Adrian",
    "Lena", "Malik", "Iris", "Simon", "Anika", "Jasper", "Paloma", "Wesley", "Esme", "Nikhil",
    "Harriet", "Emil", "Tessa", "Arjun", "Mira", "Declan", "Alma", "Kenji", "Beatrice", "Tariq",
    "Willa", "Hugo", "Farah", "Rowan", "Celeste", "Miles", "Dalia", "Ezra", "Margot", "Luca",
    "Imani", "Oscar", "Vera", "Santiago", "Nora", "Ari", "June", "Emeka", "Stella", "Callum",
    "Leah", "Rohan", "Daisy", "Pablo", "Selin", "Graham", "Ayla", "Dmitri", "Camila", "Reid",
    "Fatima", "Quentin", "Lila", "Bennett", "Soraya", "Henrik", "Talia", "Marco", "Ada", "Jude",
    "Ingrid", "Xavier", "Mabel", "Anton", "Priscilla", "Cyrus", "Elise", "Jamal", "Olive", "Nico",
    "Bianca", "Everett", "Anya", "Desmond", "Lucy", "Ravi", "Greta", "Silas", "Noor", "Ronan",
    "Pilar", "Avery", "Thea", "Kai", "Mariam", "Flynn", "Esther", "Idris", "Josie", "Levi",
    "Carmen", "Otis", "Sana", "Milo", "Helena", "Emmett", "Yasmin", "Rhys", "Alba", "Cole",
};

// 149 names: coprime with the 150 first names, so clinicianName() never repeats.
constexpr std::array<std::string_view, 149> kLastNames{
    "Okafor", "Raman", "Lindqvist", "Alvarez", "Brennan", "Castellanos", "Dubois", "Eriksen",
    "Fairbanks", "Gallagher", "Haddad", "Iwasaki", "Jansen", "Kowalczyk", "Larkspur", "Mbeki",
    "Novak", "Oyelaran", "Petrakis", "Quist", "Rosales", "Sandoval", "Takahashi", "Underwood",
    "Valdez", "Whitcombe", "Xiong", "Yilmaz", "Zielinski", "Abernathy", "Bachmann", "Chaudhry",
    "Delacroix", "Esposito", "Fenwick", "Grunwald", "Halvorsen", "Ibarra", "Jovanovic", "Kaplan",
    "Lachance", "Moreau", "Nakamura", "Oduya", "Pennington", "Quintero", "Rasmussen", "Sorensen",
    "Thorne", "Ulloa", "Vasquez", "Wexler", "Yamamoto", "Zamora", "Ashdown", "Beaumont",
    "Cardenas", "Dunmore", "Ellison", "Fitzgerald", "Gonzaga", "Hargrove", "Inglis", "Jessup",
    "Kilbride", "Lowell", "Marchetti", "Nilsen", "Oakley", "Prescott", "Ravel", "Stanhope",
    "Tremblay", "Vance", "Winslow", "Yoder", "Albright", "Birch", "Corrigan", "Dalton",
    "Everly", "Frost", "Garland", "Holloway", "Ives", "Kendrick", "Langford", "Merritt",
    "Norwood", "Osei", "Pryor", "Redfern", "Sutherland", "Tanaka", "Voss", "Whitaker",
    "Achebe", "Bergstrom", "Cavanagh", "Driscoll", "Estrada", "Falk", "Greer", "Hoang",
    "Iqbal", "Juarez", "Kinsella", "Lund", "Mendez", "Nguyen", "Ortega", "Park",
    "Quigley", "Reyes", "Schreiber", "Toft", "Ueda", "Villanueva", "Ward", "Yates",
    "Adeyemi", "Blackwood", "Crane", "Darrow", "Eastman", "Ferreira", "Gill", "Huxley",
    "Kerr", "Lockhart", "Mathers", "Nash", "Orr", "Pace", "Rowe", "Sato",
    "Tillman", "Upton", "Vo", "Wren", "Ahn", "Bui", "Coombs", "Devlin",
    "Finch", "Goode", "Haile", "Kruger", "Lim",
};

static_assert(std::gcd(kFirstNames.size(), kLastNames.size()) == 1);

} // namespace

std::string clientName(Random& random)
{
    std::string name{kFirstNames[random.below(kFirstNames.size())]};
    name += ' ';
    name += kLastNames[random.below(kLastNames.size())];
    return name;
}

std::string clinicianName(int index)
{
    // Strides coprime with the list sizes walk both lists without the roster reading
    // alphabetically; coprime sizes make (first, last) distinct for every index below
    // their product (Chinese remainder theorem).
    const auto i = static_cast<std::size_t>(index);
    std::string name{kFirstNames[(i * 7 + 0) % kFirstNames.size()]};
    name += ' ';
    name += kLastNames[(i * 11 + 0) % kLastNames.size()];
    return name;
}

} // namespace caseboard::demo
