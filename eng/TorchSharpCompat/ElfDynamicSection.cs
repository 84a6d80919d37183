namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>Reads the <c>.dynamic</c> entries that decide how a library's dependencies are found.</summary>
internal static class ElfDynamicSection
{
    private const int EntrySize = 16;
    private const ulong Null = 0;
    private const ulong Needed = 1;
    private const ulong RPath = 15;
    private const ulong RunPath = 29;

    /// <summary>Lists the <c>DT_NEEDED</c> sonames, in load order.</summary>
    public static IReadOnlyList<string> ReadNeeded(ElfImage image) => ReadStrings(image, Needed);

    /// <summary>Lists the directories of <c>DT_RUNPATH</c> and <c>DT_RPATH</c>, e.g. <c>$ORIGIN/</c>.</summary>
    public static IReadOnlyList<string> ReadSearchPaths(ElfImage image) =>
        ReadStrings(image, RunPath).Concat(ReadStrings(image, RPath))
            .SelectMany(paths => paths.Split(':'))
            .Where(path => path.Length > 0)
            .ToList();

    private static List<string> ReadStrings(ElfImage image, ulong tag)
    {
        var values = new List<string>();
        ElfSection? section = image.FindSection(ElfSection.Dynamic);
        if (section is null)
        {
            return values;
        }

        ElfSection strings = image.SectionAt(section.Link);
        for (long entry = section.Offset; entry + EntrySize <= section.Offset + section.Size; entry += EntrySize)
        {
            // Elf64_Dyn: d_tag i64, d_val u64 (here an offset into the linked string table).
            ulong entryTag = image.ReadUInt64(entry);
            if (entryTag == Null)
            {
                break;
            }

            if (entryTag == tag)
            {
                values.Add(image.ReadString(strings, (uint)image.ReadUInt64(entry + 8)));
            }
        }

        return values;
    }
}
