using System.Security.Cryptography;

namespace MLNet.SelfTraining.SampleData.Tests;

[TestClass]
public sealed class MnistDatasetTests
{
    /// <summary>Per-class counts of the embedded MNIST-10k, as in Mnist10k/README.md.</summary>
    internal static readonly int[] Embedded10kCountPerClass = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Read_ImagesAndLabels_RoundTrip(bool gzip)
    {
        using var files = new IdxTestFiles();
        var pixels = IdxTestFiles.RandomBytes(3 * 784, seed: 3);
        byte[] labels = [9, 0, 4];
        var imagesPath = files.Write("images", Compress(IdxTestFiles.Images(pixels, 3), gzip));
        var labelsPath = files.Write("labels", Compress(IdxTestFiles.Labels(labels), gzip));

        var data = MnistDataset.Read(imagesPath, labelsPath);

        Assert.AreEqual(3, data.Count);
        CollectionAssert.AreEqual(pixels, data.Pixels.ToArray());
        CollectionAssert.AreEqual(labels, data.Labels.ToArray());
        CollectionAssert.AreEqual(pixels[784..1568], data.GetImage(1).ToArray());
        Assert.AreEqual(4, data.GetLabel(2));
    }

    [TestMethod]
    public void Read_CountMismatch_NamesBothFiles()
    {
        using var files = new IdxTestFiles();
        var imagesPath = files.Write("images", IdxTestFiles.Images(new byte[3 * 784], 3));
        var labelsPath = files.Write("labels", IdxTestFiles.Labels([1, 2]));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => MnistDataset.Read(imagesPath, labelsPath));

        Assert.Contains(labelsPath, error.Message);
        Assert.Contains(imagesPath, error.Message);
        Assert.Contains("holds 2 labels; expected 3", error.Message);
    }

    [TestMethod]
    public void Read_LabelOutOfRange_NamesFileAndIndex()
    {
        using var files = new IdxTestFiles();
        var imagesPath = files.Write("images", IdxTestFiles.Images(new byte[3 * 784], 3));
        var labelsPath = files.Write("labels", IdxTestFiles.Labels([1, 10, 2]));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => MnistDataset.Read(imagesPath, labelsPath));

        Assert.Contains(labelsPath, error.Message);
        Assert.Contains("label 10 at index 1; expected a digit from 0 to 9", error.Message);
    }

    [TestMethod]
    public void Read_WrongImageSize_NamesFile()
    {
        using var files = new IdxTestFiles();
        var imagesPath = files.Write("images", IdxTestFiles.Images(new byte[2 * 16], 2, side: 4));
        var labelsPath = files.Write("labels", IdxTestFiles.Labels([1, 2]));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => MnistDataset.Read(imagesPath, labelsPath));

        Assert.Contains(imagesPath, error.Message);
        Assert.Contains("holds 4 × 4 images; expected 28 × 28", error.Message);
    }

    [TestMethod]
    public void Read_ImagesAndLabelsSwapped_NamesFile()
    {
        using var files = new IdxTestFiles();
        var imagesPath = files.Write("images", IdxTestFiles.Images(new byte[784], 1));
        var labelsPath = files.Write("labels", IdxTestFiles.Labels([1]));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => MnistDataset.Read(labelsPath, imagesPath));

        Assert.Contains(labelsPath, error.Message);
        Assert.Contains("magic number 0x00000801; expected 0x00000803", error.Message);
    }

    [TestMethod]
    public void ReadEmbedded10k_HasTenThousandImagesClassMajorWithDocumentedCounts()
    {
        var data = MnistDataset.ReadEmbedded10k();

        Assert.AreEqual(10_000, data.Count);
        Assert.AreEqual(10_000 * 784, data.Pixels.Length);
        CollectionAssert.AreEqual(Embedded10kCountPerClass, data.CountPerClass());
        var labels = data.Labels.ToArray();
        CollectionAssert.AreEqual(labels.Order().ToArray(), labels, "Labels must be class-major (sorted).");
        Assert.AreSame(data, MnistDataset.ReadEmbedded10k());
    }

    [TestMethod]
    public void ReadEmbedded10k_PixelsMatchKnownChecksums()
    {
        var data = MnistDataset.ReadEmbedded10k();

        Assert.AreEqual("2d1c3087ac5f2bed7c4d54a1b33bf75d09f479ee63c0df2e0a4378f6e7e9ae66", Sha256(data.GetImage(0)));
        Assert.AreEqual("37cbefec3931a74f7cf63eab3ff8d7ee57d5ac37c6c36b51983a9d2828dcaa96", Sha256(data.GetImage(9_999)));
        Assert.AreEqual("0768d16c5adea568dee18fa5e4e1acb117e9ec2c5d6b1dffe5fc29c1e61c1eca", Sha256(data.Pixels.Span));
    }

    [TestMethod]
    public void ReadEmbedded10k_EveryImageHasBackgroundAndInk()
    {
        var data = MnistDataset.ReadEmbedded10k();

        for (var i = 0; i < data.Count; i++)
        {
            var image = data.GetImage(i);
            Assert.AreEqual(0, image[0], $"Image {i} corner should be background.");
            Assert.IsGreaterThan(100, (int)image.ToArray().Max(), $"Image {i} should have ink.");
        }
    }

    private static byte[] Compress(byte[] bytes, bool gzip) => gzip ? IdxTestFiles.Gzip(bytes) : bytes;

    private static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
