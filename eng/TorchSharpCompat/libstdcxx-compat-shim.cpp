// Stand-in for the one GLIBCXX_3.4.32 (GCC 13) symbol that TorchSharp's libLibTorchSharp.so requires, for hosts whose
// libstdc++ is older (Debian 12 ships GCC 12: GLIBCXX_3.4.30). GCC 13's <iostream> references
// std::ios_base_library_init() only to make sure libstdc++ has initialised the standard streams; with an older
// libstdc++ that initialisation comes from a static std::ios_base::Init object, which this library provides.
// Built by TorchSharpCompat.targets with the host g++ and no symbol version, so the loader accepts it for the
// (then weak) GLIBCXX_3.4.32 reference. See README.md.
#include <ios>

namespace
{
std::ios_base::Init standard_streams;
}

namespace std
{
void ios_base_library_init() {}
}
