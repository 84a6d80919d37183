namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>The fields of an ELF64 section header (<c>Elf64_Shdr</c>) that the compat step needs.</summary>
internal sealed class ElfSection
{
    /// <summary>SHT_DYNSYM: the dynamic symbol table.</summary>
    public const uint DynamicSymbols = 11;

    /// <summary>SHT_DYNAMIC: the dynamic-linking tags (<c>DT_NEEDED</c>, <c>DT_RUNPATH</c>, ...).</summary>
    public const uint Dynamic = 6;

    /// <summary>SHT_GNU_verdef: the versions a library defines (<c>.gnu.version_d</c>).</summary>
    public const uint VersionDefinitions = 0x6ffffffd;

    /// <summary>SHT_GNU_verneed: the versions a library requires from its dependencies (<c>.gnu.version_r</c>).</summary>
    public const uint VersionNeeds = 0x6ffffffe;

    /// <summary>SHT_GNU_versym: the version index of each dynamic symbol (<c>.gnu.version</c>).</summary>
    public const uint VersionSymbols = 0x6fffffff;

    /// <summary>Initializes a new instance of the <see cref="ElfSection"/> class.</summary>
    public ElfSection(uint type, long offset, long size, uint link, uint info)
    {
        Type = type;
        Offset = offset;
        Size = size;
        Link = link;
        Info = info;
    }

    /// <summary>Gets <c>sh_type</c>.</summary>
    public uint Type { get; }

    /// <summary>Gets <c>sh_offset</c>: where the section's bytes start in the file.</summary>
    public long Offset { get; }

    /// <summary>Gets <c>sh_size</c>.</summary>
    public long Size { get; }

    /// <summary>Gets <c>sh_link</c>: for the sections used here, the index of the associated string or symbol table.</summary>
    public uint Link { get; }

    /// <summary>Gets <c>sh_info</c>: for version sections, the number of entries.</summary>
    public uint Info { get; }
}
