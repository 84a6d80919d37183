namespace MLNet.SelfTraining.Vision.Datasets.Png;

/// <summary>The CRC-32 of PNG chunks (ISO 3309 / ITU-T V.42, as in the PNG specification's annex D).</summary>
internal static class PngCrc
{
    private static readonly uint[] s_table = CreateTable();

    /// <summary>The CRC of a chunk's type and data, as stored after them.</summary>
    public static uint Compute(ReadOnlySpan<byte> typeAndData)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in typeAndData)
        {
            crc = s_table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFF;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
