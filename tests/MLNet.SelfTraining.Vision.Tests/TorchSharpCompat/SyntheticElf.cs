using System.Text;

namespace MLNet.SelfTraining.Vision.Tests.TorchSharpCompat;

/// <summary>
/// Builds minimal ELF64 little-endian shared-library images with just the sections the compat step reads:
/// <c>.dynstr</c>, <c>.dynsym</c>, <c>.gnu.version</c>, <c>.gnu.version_r</c>, <c>.gnu.version_d</c> and <c>.dynamic</c>.
/// </summary>
internal sealed class SyntheticElf
{
    /// <summary>e_machine of x86-64.</summary>
    public const ushort X8664 = 62;

    private readonly List<(string File, string Version, bool Weak)> _needs = [];
    private readonly List<(string Symbol, string Version)> _undefinedSymbols = [];
    private readonly List<string> _definitions = [];
    private readonly List<string> _needed = [];
    private string? _runPath;

    /// <summary>Adds a required version (a <c>vernaux</c> entry) from <paramref name="file"/>.</summary>
    public SyntheticElf Needs(string file, string version, bool weak = false)
    {
        _needs.Add((file, version, weak));
        return this;
    }

    /// <summary>Adds an undefined dynamic symbol bound to one of the required versions.</summary>
    public SyntheticElf Uses(string symbol, string version)
    {
        _undefinedSymbols.Add((symbol, version));
        return this;
    }

    /// <summary>Adds defined versions (<c>verdef</c> entries), as a libstdc++ would have.</summary>
    public SyntheticElf Defines(params string[] versions)
    {
        _definitions.AddRange(versions);
        return this;
    }

    /// <summary>Adds a <c>DT_NEEDED</c> entry.</summary>
    public SyntheticElf DependsOn(string soname)
    {
        _needed.Add(soname);
        return this;
    }

    /// <summary>Sets <c>DT_RUNPATH</c>.</summary>
    public SyntheticElf WithRunPath(string runPath)
    {
        _runPath = runPath;
        return this;
    }

    /// <summary>A libstdc++ that defines <c>GLIBCXX_3.4</c> to <c>GLIBCXX_3.4.{newest}</c>, like GCC's.</summary>
    public static SyntheticElf LibStdCxx(int newest) =>
        new SyntheticElf().Defines([.. Enumerable.Range(0, newest + 1).Select(v => v == 0 ? "GLIBCXX_3.4" : $"GLIBCXX_3.4.{v}")]);

    /// <summary>A library shaped like TorchSharp 0.107's libLibTorchSharp.so: needs GLIBCXX_3.4.30 and, for one symbol, 3.4.32.</summary>
    public static SyntheticElf TorchSharpLike() =>
        new SyntheticElf()
            .Needs("libstdc++.so.6", "GLIBCXX_3.4.30")
            .Needs("libstdc++.so.6", "GLIBCXX_3.4.32")
            .Needs("libc.so.6", "GLIBC_2.34")
            .Uses("_ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE", "GLIBCXX_3.4.30")
            .Uses("_ZSt21ios_base_library_initv", "GLIBCXX_3.4.32")
            .DependsOn("libtorch.so")
            .DependsOn("libstdc++.so.6")
            .WithRunPath("$ORIGIN/:/lib/intel64");

    /// <summary>Serializes the image.</summary>
    public byte[] Build()
    {
        var strings = new StringTable();
        var versionIndex = new Dictionary<string, ushort>();
        foreach (var need in _needs)
        {
            versionIndex[need.Version] = (ushort)(versionIndex.Count + 2);
        }

        var sections = new List<(uint Type, byte[] Data, uint Link, uint Info, ulong EntrySize)>
        {
            (0, [], 0, 0, 0),
            (3, [], 0, 0, 0), // .dynstr, filled in last
            (11, Symbols(strings), 1, 1, 24),
            (0x6fffffff, VersionSymbols(versionIndex), 2, 0, 2),
            (0x6ffffffe, VersionNeeds(strings, versionIndex), 1, (uint)_needs.Select(n => n.File).Distinct().Count(), 0),
            (0x6ffffffd, VersionDefinitions(strings), 1, (uint)_definitions.Count, 0),
            (6, Dynamic(strings), 1, 0, 16),
        };
        sections[1] = (3, strings.ToArray(), 0, 0, 0);

        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(new byte[64]);
        var offsets = new List<long>();
        foreach (var section in sections)
        {
            while (stream.Length % 8 != 0)
            {
                writer.Write((byte)0);
            }

            offsets.Add(stream.Length);
            writer.Write(section.Data);
        }

        long headerTable = stream.Length;
        for (int i = 0; i < sections.Count; i++)
        {
            writer.Write(0u); // sh_name
            writer.Write(sections[i].Type);
            writer.Write(0ul); // sh_flags
            writer.Write(0ul); // sh_addr
            writer.Write((ulong)(i == 0 ? 0 : offsets[i]));
            writer.Write((ulong)sections[i].Data.Length);
            writer.Write(sections[i].Link);
            writer.Write(sections[i].Info);
            writer.Write(8ul); // sh_addralign
            writer.Write(sections[i].EntrySize);
        }

        stream.Position = 0;
        writer.Write([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0]);
        writer.Write(new byte[8]);
        writer.Write((ushort)3); // e_type = ET_DYN
        writer.Write(X8664);
        writer.Write(1u); // e_version
        writer.Write(0ul); // e_entry
        writer.Write(0ul); // e_phoff
        writer.Write((ulong)headerTable);
        writer.Write(0u); // e_flags
        writer.Write((ushort)64); // e_ehsize
        writer.Write((ushort)56); // e_phentsize
        writer.Write((ushort)0); // e_phnum
        writer.Write((ushort)64); // e_shentsize
        writer.Write((ushort)sections.Count);
        writer.Write((ushort)0); // e_shstrndx
        writer.Flush();
        return stream.ToArray();
    }

    private byte[] Symbols(StringTable strings) =>
        Serialize(writer =>
        {
            writer.Write(new byte[24]);
            foreach (var (symbol, _) in _undefinedSymbols)
            {
                writer.Write(strings.Add(symbol));
                writer.Write((byte)0x12); // STB_GLOBAL, STT_FUNC
                writer.Write((byte)0);
                writer.Write((ushort)0); // SHN_UNDEF
                writer.Write(0ul);
                writer.Write(0ul);
            }
        });

    private byte[] VersionSymbols(Dictionary<string, ushort> versionIndex) =>
        Serialize(writer =>
        {
            writer.Write((ushort)0);
            foreach (var (_, version) in _undefinedSymbols)
            {
                writer.Write(versionIndex[version]);
            }
        });

    private byte[] VersionNeeds(StringTable strings, Dictionary<string, ushort> versionIndex) =>
        Serialize(writer =>
        {
            var files = _needs.GroupBy(n => n.File).ToList();
            for (int f = 0; f < files.Count; f++)
            {
                var versions = files[f].ToList();
                writer.Write((ushort)1); // vn_version
                writer.Write((ushort)versions.Count);
                writer.Write(strings.Add(files[f].Key));
                writer.Write(16u); // vn_aux: right after this entry
                writer.Write(f == files.Count - 1 ? 0u : (uint)(16 + (16 * versions.Count)));
                for (int v = 0; v < versions.Count; v++)
                {
                    writer.Write(0u); // vna_hash (unused by the reader)
                    writer.Write((ushort)(versions[v].Weak ? 2 : 0));
                    writer.Write(versionIndex[versions[v].Version]);
                    writer.Write(strings.Add(versions[v].Version));
                    writer.Write(v == versions.Count - 1 ? 0u : 16u);
                }
            }
        });

    private byte[] VersionDefinitions(StringTable strings) =>
        Serialize(writer =>
        {
            for (int d = 0; d < _definitions.Count; d++)
            {
                writer.Write((ushort)1); // vd_version
                writer.Write((ushort)(d == 0 ? 1 : 0)); // vd_flags: VER_FLG_BASE on the first
                writer.Write((ushort)(d + 1)); // vd_ndx
                writer.Write((ushort)1); // vd_cnt
                writer.Write(0u); // vd_hash
                writer.Write(20u); // vd_aux: right after this entry
                writer.Write(d == _definitions.Count - 1 ? 0u : 28u);
                writer.Write(strings.Add(_definitions[d]));
                writer.Write(0u); // vda_next
            }
        });

    private byte[] Dynamic(StringTable strings) =>
        Serialize(writer =>
        {
            foreach (string soname in _needed)
            {
                writer.Write(1ul); // DT_NEEDED
                writer.Write((ulong)strings.Add(soname));
            }

            if (_runPath is not null)
            {
                writer.Write(29ul); // DT_RUNPATH
                writer.Write((ulong)strings.Add(_runPath));
            }

            writer.Write(0ul); // DT_NULL
            writer.Write(0ul);
        });

    private static byte[] Serialize(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>An ELF string table: NUL-terminated strings after a leading NUL, deduplicated.</summary>
    private sealed class StringTable
    {
        private readonly MemoryStream _bytes = new();
        private readonly Dictionary<string, uint> _offsets = [];

        public StringTable() => _bytes.WriteByte(0);

        public uint Add(string value)
        {
            if (!_offsets.TryGetValue(value, out uint offset))
            {
                offset = (uint)_bytes.Length;
                byte[] encoded = Encoding.UTF8.GetBytes(value + "\0");
                _bytes.Write(encoded, 0, encoded.Length);
                _offsets[value] = offset;
            }

            return offset;
        }

        public byte[] ToArray() => _bytes.ToArray();
    }
}
