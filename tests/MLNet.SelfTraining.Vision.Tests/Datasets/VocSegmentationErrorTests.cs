using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Datasets;

namespace MLNet.SelfTraining.Vision.Tests.Datasets;

[TestClass]
public sealed class VocSegmentationErrorTests : DatasetFolderTests
{
    [TestInitialize]
    public void WriteImageAndMask()
    {
        Folder.Image("JPEGImages/a.png", 16, 12);
        Folder.Mask("SegmentationClass/a.png", 16, 12, DatasetFolder.MaskValues(16, 12, 21));
    }

    private IDataView Load(VocSegmentationOptions? options = null) => Ml.Data.LoadVocSegmentation(Folder.Root, options ?? new() { Width = 16, Height = 12 });

    [TestMethod]
    public void MissingImage_NamesTheImageAndTheMask()
    {
        var mask = Folder.Mask("SegmentationClass/lonely.png", 16, 12, new byte[16 * 12]);

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => Load());

        StringAssert.Contains(error.Message, Path.Combine(Folder.Root, "JPEGImages", "lonely.jpg"));
        StringAssert.Contains(error.Message, mask);
    }

    [TestMethod]
    public void MaskFileWithAnUpperCaseExtension_OnACaseSensitiveFileSystem_IsNotListed()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("Linux file systems are case-sensitive; others may find 'b.png' as 'b.PNG'.");
        }

        Folder.Image("JPEGImages/b.png", 16, 12);
        Folder.Mask("SegmentationClass/b.PNG", 16, 12, new byte[16 * 12]);

        var ids = ViewColumns.Texts(Load(), "ImageId");

        CollectionAssert.AreEqual(new[] { "a" }, ids);
    }

    [TestMethod]
    public void MaskOfAnotherSize_NamesTheFilesAndBothSizes()
    {
        var mask = Folder.Mask("SegmentationClass/a.png", 15, 12, new byte[15 * 12]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load());

        StringAssert.Contains(error.Message, $"Mask file '{mask}' is 15×12 but its image file '{Path.Combine(Folder.Root, "JPEGImages", "a.png")}' is 16×12");
    }

    [TestMethod]
    public void ClassValueOfKOrMore_NamesTheFilePixelAndValue()
    {
        var values = new byte[16 * 12];
        values[(5 * 16) + 3] = 21;
        values[(6 * 16) + 3] = 255;
        var mask = Folder.Mask("SegmentationClass/a.png", 16, 12, values);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load());

        StringAssert.Contains(error.Message, $"Mask file '{mask}' has value 21 at pixel (x 3, y 5); expected a class index below 21");
    }

    [TestMethod]
    public void FewerClassNames_MakeSmallerValuesInvalid()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(new() { Width = 16, Height = 12, ClassNames = ["bg", "fg"] }));

        StringAssert.Contains(error.Message, "has value 2 at pixel (x 2, y 0); expected a class index below 2");
    }

    [TestMethod]
    public void NonPngMask_IsNamed()
    {
        var mask = Folder.File("SegmentationClass/a.png");
        File.WriteAllText(mask, "not an image");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load());

        StringAssert.Contains(error.Message, $"Mask file '{mask}' is not a PNG");
    }

    [TestMethod]
    public void TruncatedMask_IsNamed()
    {
        var mask = Folder.File("SegmentationClass/a.png");
        File.WriteAllBytes(mask, File.ReadAllBytes(mask)[..40]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load());

        StringAssert.Contains(error.Message, $"Mask file '{mask}' is truncated at byte");
    }

    [TestMethod]
    public void ImageOverThePixelBudget_IsNamed()
    {
        Folder.Image("JPEGImages/a.png", 400, 300);
        Folder.Mask("SegmentationClass/a.png", 400, 300, new byte[400 * 300]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(new() { Width = 16, Height = 12, MaximumPixels = 100_000 }));

        StringAssert.Contains(error.Message, "400×300 = 120000 pixels; expected at most 100000");
        StringAssert.Contains(error.Message, "a.png");
    }

    [TestMethod]
    public void SplitIdLeavingTheFolder_NamesTheSplitFileAndLine()
    {
        var split = Folder.File("ImageSets/Segmentation/train.txt");
        File.WriteAllText(split, "a\n../../outside\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(new() { Split = "train", Width = 16, Height = 12 }));

        StringAssert.Contains(error.Message, $"Split file '{split}' line 2 is '../../outside'");
    }

    [TestMethod]
    public void MissingSplitFile_AndMissingFolders_AreNamed()
    {
        var split = Assert.ThrowsExactly<FileNotFoundException>(() => Load(new() { Split = "test", Width = 16, Height = 12 }));
        Directory.Delete(Path.Combine(Folder.Root, "JPEGImages"), recursive: true);
        var folder = Assert.ThrowsExactly<DirectoryNotFoundException>(() => Load());

        StringAssert.Contains(split.Message, Path.Combine(Folder.Root, "ImageSets", "Segmentation", "test.txt"));
        StringAssert.Contains(folder.Message, Path.Combine(Folder.Root, "JPEGImages"));
    }

    [TestMethod]
    public void TooManyMasks_AreRefused()
    {
        Folder.Mask("SegmentationClass/b.png", 16, 12, new byte[16 * 12]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(new() { Width = 16, Height = 12, MaximumImages = 1 }));

        StringAssert.Contains(error.Message, "more than 1 mask files");
    }

    [TestMethod]
    public void SaveVocMasks_RefusesAMaskWithoutHeightAndWidth_AndRepeatedIds()
    {
        var data = Load();
        var flat = Ml.Data.LoadFromEnumerable(new[] { new FlatMaskRow { ImageId = "x", Mask = new byte[4] } });

        var type = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Data.SaveVocMasks(flat, Folder.File("out/x")));
        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Data.SaveVocMasks(data, Folder.Root, new VocMaskWriteOptions { MaskColumnName = "PredictedMask" }));
        var repeated = Assert.ThrowsExactly<InvalidDataException>(() => Ml.Data.SaveVocMasks(Twice(data), Folder.File("out2/x")));

        StringAssert.Contains(type.Message, "Schema mismatch for mask column 'Mask': expected known-size vector of Byte with dimensions H×W");
        StringAssert.Contains(missing.Message, "Could not find mask column 'PredictedMask'");
        StringAssert.Contains(repeated.Message, "Row 1 has image id 'a'");
    }

    /// <summary>A mask without dimensions.</summary>
    private sealed class FlatMaskRow
    {
        public string ImageId { get; set; } = "";

        [VectorType(4)]
        public byte[] Mask { get; set; } = [];
    }

    /// <summary>The rows of <paramref name="data"/> twice, so every id repeats.</summary>
    private IDataView Twice(IDataView data)
    {
        var ids = ViewColumns.Texts(data, "ImageId");
        var masks = ViewColumns.Vectors<byte>(data, "Mask");
        var definition = SchemaDefinition.Create(typeof(MaskRow));
        definition[nameof(MaskRow.Mask)].ColumnType = new VectorDataViewType(NumberDataViewType.Byte, 12, 16);
        var rows = ids.Zip(masks, (id, mask) => new MaskRow { ImageId = id, Mask = mask }).ToArray();
        return Ml.Data.LoadFromEnumerable(rows.Concat(rows), definition);
    }

    /// <summary>A row with an H×W mask.</summary>
    private sealed class MaskRow
    {
        public string ImageId { get; set; } = "";

        public byte[] Mask { get; set; } = [];
    }
}
