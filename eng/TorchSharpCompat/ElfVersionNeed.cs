namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>
/// One symbol version a library requires from a dependency: an <c>Elf64_Vernaux</c> entry of <c>.gnu.version_r</c>,
/// e.g. <c>GLIBCXX_3.4.32</c> from <c>libstdc++.so.6</c>.
/// </summary>
internal sealed class ElfVersionNeed
{
    /// <summary>VER_FLG_WEAK: the dynamic loader tolerates this version being absent from the dependency.</summary>
    public const ushort WeakFlag = 0x2;

    /// <summary>Initializes a new instance of the <see cref="ElfVersionNeed"/> class.</summary>
    public ElfVersionNeed(string file, string name, ushort index, ushort flags, long flagsOffset)
    {
        File = file;
        Name = name;
        Index = index;
        Flags = flags;
        FlagsOffset = flagsOffset;
    }

    /// <summary>Gets the dependency's soname (<c>vn_file</c>), e.g. <c>libstdc++.so.6</c>.</summary>
    public string File { get; }

    /// <summary>Gets the version name (<c>vna_name</c>), e.g. <c>GLIBCXX_3.4.32</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the version index (<c>vna_other</c>) that <c>.gnu.version</c> uses to tag symbols with this version.</summary>
    public ushort Index { get; }

    /// <summary>Gets <c>vna_flags</c>.</summary>
    public ushort Flags { get; }

    /// <summary>Gets the absolute file offset of <c>vna_flags</c>, where the patch writes <see cref="WeakFlag"/>.</summary>
    public long FlagsOffset { get; }

    /// <summary>Gets a value indicating whether the requirement is already weak.</summary>
    public bool IsWeak => (Flags & WeakFlag) != 0;
}
