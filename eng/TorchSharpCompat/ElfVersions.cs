namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>Reads GNU symbol versioning: <c>.gnu.version_r</c>, <c>.gnu.version_d</c> and <c>.gnu.version</c>.</summary>
internal static class ElfVersions
{
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;
    private const int VerdefSize = 20;
    private const int SymbolSize = 24;

    /// <summary>Lists every version the image requires from its dependencies (empty when it has no <c>.gnu.version_r</c>).</summary>
    public static IReadOnlyList<ElfVersionNeed> ReadNeeds(ElfImage image)
    {
        ElfSection? section = image.FindSection(ElfSection.VersionNeeds);
        if (section is null)
        {
            return [];
        }

        RequireCount(image, section, VerneedSize);
        ElfSection strings = image.SectionAt(section.Link);
        var needs = new List<ElfVersionNeed>();
        long entry = section.Offset;
        for (uint i = 0; i < section.Info; i++)
        {
            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
            RequireInside(image, section, entry, VerneedSize);
            ushort auxCount = image.ReadUInt16(entry + 2);
            string file = image.ReadString(strings, image.ReadUInt32(entry + 4));
            long aux = entry + image.ReadUInt32(entry + 8);
            for (int j = 0; j < auxCount; j++)
            {
                // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                RequireInside(image, section, aux, VernauxSize);
                string name = image.ReadString(strings, image.ReadUInt32(aux + 8));
                needs.Add(new ElfVersionNeed(file, name, image.ReadUInt16(aux + 6), image.ReadUInt16(aux + 4), aux + 4));
                aux += image.ReadUInt32(aux + 12);
            }

            entry += image.ReadUInt32(entry + 12);
        }

        return needs;
    }

    /// <summary>Lists the version names the image defines (empty when it has no <c>.gnu.version_d</c>).</summary>
    public static ISet<string> ReadDefinitions(ElfImage image)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        ElfSection? section = image.FindSection(ElfSection.VersionDefinitions);
        if (section is null)
        {
            return names;
        }

        RequireCount(image, section, VerdefSize);
        ElfSection strings = image.SectionAt(section.Link);
        long entry = section.Offset;
        for (uint i = 0; i < section.Info; i++)
        {
            // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32;
            // its first Elf64_Verdaux (vda_name u32, vda_next u32) names the version.
            RequireInside(image, section, entry, VerdefSize);
            long aux = entry + image.ReadUInt32(entry + 12);
            RequireInside(image, section, aux, 8);
            names.Add(image.ReadString(strings, image.ReadUInt32(aux)));
            entry += image.ReadUInt32(entry + 16);
        }

        return names;
    }

    /// <summary>Lists the undefined dynamic symbols that the image binds to the version with index <paramref name="versionIndex"/>.</summary>
    public static IReadOnlyList<string> ReadUndefinedSymbols(ElfImage image, ushort versionIndex)
    {
        ElfSection? symbols = image.FindSection(ElfSection.DynamicSymbols);
        ElfSection? versions = image.FindSection(ElfSection.VersionSymbols);
        if (symbols is null || versions is null)
        {
            return [];
        }

        ElfSection strings = image.SectionAt(symbols.Link);
        var names = new List<string>();
        long count = Math.Min(symbols.Size / SymbolSize, versions.Size / 2);
        for (long i = 0; i < count; i++)
        {
            // Elf64_Sym: st_name u32, st_info u8, st_other u8, st_shndx u16, ...; bit 15 of a versym entry means "hidden".
            long symbol = symbols.Offset + (i * SymbolSize);
            bool undefined = image.ReadUInt16(symbol + 6) == 0;
            if (undefined && (image.ReadUInt16(versions.Offset + (i * 2)) & 0x7fff) == versionIndex)
            {
                names.Add(image.ReadString(strings, image.ReadUInt32(symbol)));
            }
        }

        return names;
    }

    private static void RequireCount(ElfImage image, ElfSection section, int entrySize)
    {
        if (section.Info > section.Size / entrySize)
        {
            throw image.Invalid($"a symbol-versioning section claims {section.Info} entries but holds only {section.Size} bytes");
        }
    }

    private static void RequireInside(ElfImage image, ElfSection section, long offset, int size)
    {
        if (offset < section.Offset || offset + size > section.Offset + section.Size)
        {
            throw image.Invalid($"a symbol-versioning entry at offset {offset} lies outside its section");
        }
    }
}
