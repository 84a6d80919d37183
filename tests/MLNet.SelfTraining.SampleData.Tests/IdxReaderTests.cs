namespace MLNet.SelfTraining.SampleData.Tests;

[TestClass]
public sealed class IdxReaderTests
{
    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ReadFile_RawOrGzip_RoundTripsDimensionsAndData(bool gzip)
    {
        using var files = new IdxTestFiles();
        var data = IdxTestFiles.RandomBytes(3 * 4 * 5, seed: 1);
        var bytes = IdxTestFiles.Idx(0x803, [3, 4, 5], data);
        var path = files.Write("cube.idx", gzip ? IdxTestFiles.Gzip(bytes) : bytes);

        var array = IdxReader.ReadFile(path, rank: 3);

        CollectionAssert.AreEqual(new[] { 3, 4, 5 }, array.Dimensions.ToArray());
        CollectionAssert.AreEqual(data, array.Data);
    }

    [TestMethod]
    public void Read_EmptyVector_HasNoData()
    {
        using var stream = new MemoryStream(IdxTestFiles.Idx(0x801, [0], []));

        var array = IdxReader.Read(stream, "empty", rank: 1);

        Assert.AreEqual(0, array.Dimensions[0]);
        Assert.IsEmpty(array.Data);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ReadFile_WrongMagic_NamesFileExpectedAndActual(bool gzip)
    {
        using var files = new IdxTestFiles();
        var bytes = IdxTestFiles.Labels([1, 2, 3]);
        var path = files.Write("labels.idx", gzip ? IdxTestFiles.Gzip(bytes) : bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.ReadFile(path, rank: 3));

        Assert.Contains(path, error.Message);
        Assert.Contains("expected 0x00000803", error.Message);
        Assert.Contains("0x00000801", error.Message);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ReadFile_TruncatedData_NamesFileExpectedAndActual(bool gzip)
    {
        using var files = new IdxTestFiles();
        var bytes = IdxTestFiles.Idx(0x803, [2, 28, 28], new byte[2 * 784])[..^10];
        var path = files.Write("images.idx", gzip ? IdxTestFiles.Gzip(bytes) : bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.ReadFile(path, rank: 3));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("expected 1568 data bytes (2 × 28 × 28)", error.Message);
        Assert.Contains("got 1558", error.Message);
    }

    [TestMethod]
    public void ReadFile_TruncatedHeader_NamesFile()
    {
        using var files = new IdxTestFiles();
        var path = files.Write("images.idx", IdxTestFiles.Idx(0x803, [2, 28, 28], [])[..9]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.ReadFile(path, rank: 3));

        Assert.Contains(path, error.Message);
        Assert.Contains("expected a 16-byte IDX header, got 9 byte(s)", error.Message);
    }

    [TestMethod]
    public void ReadFile_TrailingBytes_NamesFile()
    {
        using var files = new IdxTestFiles();
        var path = files.Write("labels.idx", [.. IdxTestFiles.Labels([1, 2]), 7]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.ReadFile(path, rank: 1));

        Assert.Contains(path, error.Message);
        Assert.Contains("unexpected bytes after its 2 data bytes", error.Message);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ReadFile_HeaderClaimingGigabytes_ThrowsTruncatedWithoutAllocatingThem(bool gzip)
    {
        using var files = new IdxTestFiles();
        var bytes = IdxTestFiles.Idx(0x803, [1, 46340, 46340], []);
        var path = files.Write("images.idx", gzip ? IdxTestFiles.Gzip(bytes) : bytes);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.ReadFile(path, rank: 3));

        Assert.Contains(path, error.Message);
        Assert.Contains("expected 2147395600 data bytes (1 × 46340 × 46340)", error.Message);
        Assert.Contains("got 0", error.Message);
        Assert.IsLessThan(16L << 20, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, "bytes allocated for a 16-byte file");
    }

    [TestMethod]
    public void ReadFile_NegativeDimension_NamesFile()
    {
        using var files = new IdxTestFiles();
        var path = files.Write("labels.idx", IdxTestFiles.Idx(0x801, [-1], []));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.ReadFile(path, rank: 1));

        Assert.Contains(path, error.Message);
        Assert.Contains("size -1; expected a non-negative size", error.Message);
    }

    [TestMethod]
    public void ReadFile_CorruptGzip_NamesFile()
    {
        using var files = new IdxTestFiles();
        var gzip = IdxTestFiles.Gzip(IdxTestFiles.Labels(IdxTestFiles.RandomBytes(1000, seed: 2)));
        gzip[10] = 0xff; // First deflate block header: BTYPE = 11, a reserved (invalid) block type.
        var path = files.Write("labels.idx.gz", gzip);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.ReadFile(path, rank: 1));

        Assert.Contains(path, error.Message);
        Assert.Contains("not a valid gzip stream", error.Message);
    }
}
