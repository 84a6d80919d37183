namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>
/// A 64-bit little-endian ELF file held in memory, with bounds-checked access to its section headers and fields.
/// Every parse error is an <see cref="InvalidDataException"/> whose message names the file.
/// </summary>
internal sealed class ElfImage
{
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const uint NoBitsSection = 8;

    private ElfImage(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
        if (bytes.Length < HeaderSize || bytes[0] != 0x7F || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            throw Invalid("not an ELF file (bad magic or shorter than an ELF header)");
        }

        if (bytes[4] != 2 || bytes[5] != 1)
        {
            throw Invalid("only 64-bit little-endian ELF files are supported");
        }

        Machine = ReadUInt16(0x12);
        Sections = ReadSectionHeaders();
    }

    /// <summary>Gets the path the image was read from (used in error messages).</summary>
    public string Path { get; }

    /// <summary>Gets the raw file contents.</summary>
    public byte[] Bytes { get; }

    /// <summary>Gets the <c>e_machine</c> field (62 = x86-64, 183 = AArch64).</summary>
    public ushort Machine { get; }

    /// <summary>Gets the section headers, in file order.</summary>
    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>Reads and validates the ELF file at <paramref name="path"/>.</summary>
    public static ElfImage Load(string path) => Parse(path, File.ReadAllBytes(path));

    /// <summary>Validates <paramref name="bytes"/> as an ELF image; <paramref name="path"/> is only used in messages.</summary>
    public static ElfImage Parse(string path, byte[] bytes) => new(path, bytes);

    /// <summary>Returns the first section of the given <c>sh_type</c>, or <see langword="null"/>.</summary>
    public ElfSection? FindSection(uint type) => Sections.FirstOrDefault(s => s.Type == type);

    /// <summary>Returns the section at <paramref name="index"/> (e.g. a <c>sh_link</c> target).</summary>
    public ElfSection SectionAt(uint index) =>
        index < Sections.Count ? Sections[(int)index] : throw Invalid($"section index {index} is out of range");

    /// <summary>Reads a NUL-terminated string at <paramref name="offset"/> inside the string table <paramref name="table"/>.</summary>
    public string ReadString(ElfSection table, uint offset)
    {
        long start = table.Offset + offset;
        long end = table.Offset + table.Size;
        long nul = start;
        while (nul < end && Bytes[nul] != 0)
        {
            nul++;
        }

        if (offset >= table.Size || nul == end)
        {
            throw Invalid($"string at offset {offset} runs past its string table");
        }

        return System.Text.Encoding.UTF8.GetString(Bytes, (int)start, (int)(nul - start));
    }

    /// <summary>Reads a little-endian <see cref="ushort"/> at an absolute file offset.</summary>
    public ushort ReadUInt16(long offset) => (ushort)ReadLittleEndian(offset, 2);

    /// <summary>Reads a little-endian <see cref="uint"/> at an absolute file offset.</summary>
    public uint ReadUInt32(long offset) => (uint)ReadLittleEndian(offset, 4);

    /// <summary>Reads a little-endian <see cref="ulong"/> at an absolute file offset.</summary>
    public ulong ReadUInt64(long offset) => ReadLittleEndian(offset, 8);

    /// <summary>Creates the exception used for every malformed-input error, naming the file.</summary>
    public InvalidDataException Invalid(string reason) =>
        new($"'{Path}' is not a usable ELF shared library: {reason}.");

    private ulong ReadLittleEndian(long offset, int size)
    {
        if (offset < 0 || offset > Bytes.Length - size)
        {
            throw Invalid($"truncated: a {size}-byte field at offset {offset} lies beyond the end of the {Bytes.Length}-byte file");
        }

        ulong value = 0;
        for (int i = size - 1; i >= 0; i--)
        {
            value = (value << 8) | Bytes[offset + i];
        }

        return value;
    }

    private List<ElfSection> ReadSectionHeaders()
    {
        ulong tableOffset = ReadUInt64(0x28);
        ushort entrySize = ReadUInt16(0x3A);
        ushort count = ReadUInt16(0x3C);
        if (tableOffset == 0 || count == 0)
        {
            throw Invalid("it has no section headers");
        }

        if (entrySize != SectionHeaderSize)
        {
            throw Invalid($"its section headers are {entrySize} bytes, not {SectionHeaderSize}");
        }

        if (tableOffset + ((ulong)count * SectionHeaderSize) > (ulong)Bytes.Length)
        {
            throw Invalid($"truncated: its section header table ends beyond the end of the {Bytes.Length}-byte file");
        }

        var sections = new List<ElfSection>(count);
        for (int i = 0; i < count; i++)
        {
            long header = (long)tableOffset + (i * SectionHeaderSize);
            var section = new ElfSection(
                type: ReadUInt32(header + 4),
                offset: (long)ReadUInt64(header + 24),
                size: (long)ReadUInt64(header + 32),
                link: ReadUInt32(header + 40),
                info: ReadUInt32(header + 44));
            if (section.Type != NoBitsSection && (section.Offset < 0 || section.Size < 0 || section.Offset + section.Size > Bytes.Length))
            {
                throw Invalid($"truncated: section {i} extends beyond the end of the {Bytes.Length}-byte file");
            }

            sections.Add(section);
        }

        return sections;
    }
}
