#pragma once
// Invented people for the demo practice. Names are drawn from lists of common first and
// last names, so they read like a real roster without being anyone in particular.

#include <string>

namespace caseboard::demo {

class Random;

// "First Last" for a client; a roster of thousands repeats a name now and then, as
// real practices do.
std::string clientName(Random& random);

// The i-th clinician's name; distinct for every i below a few thousand.
std::string clinicianName(int index);

} // namespace caseboard::demo
