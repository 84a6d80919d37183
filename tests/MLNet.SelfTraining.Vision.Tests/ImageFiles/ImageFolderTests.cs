using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.ImageFiles;

namespace MLNet.SelfTraining.Vision.Tests.ImageFiles;

[TestClass]
public sealed class ImageFolderTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static FolderRow[] Rows(IDataView view) => Ml.Data.CreateEnumerable<FolderRow>(view, reuseRowObject: false).ToArray();

    [TestMethod]
    public void Folder_ListsLabeledImagesByClass_AndUnlabeledImagesWithAnEmptyLabel()
    {
        var folder = GeneratedImageFolder.Create(perClass: 3);

        var data = Ml.Data.LoadImageFolder(folder);

        CollectionAssert.AreEqual(GeneratedImageFolder.Classes, data.ClassNames.ToArray());
        var labeled = Rows(data.Labeled);
        CollectionAssert.AreEqual(
            new[] { "labeled/dark/dark-1.jpg", "labeled/dark/dark-2.png", "labeled/dark/more/dark-0.png", "labeled/light/light-1.jpg", "labeled/light/light-2.png", "labeled/light/more/light-0.png" },
            labeled.Select(r => r.ImagePath.Replace('\\', '/')).ToArray());
        CollectionAssert.AreEqual(new[] { "dark", "dark", "dark", "light", "light", "light" }, labeled.Select(r => r.Label).ToArray());
        var unlabeled = Rows(data.Unlabeled);
        Assert.HasCount(8, unlabeled);
        Assert.IsTrue(unlabeled.All(r => r.Label == string.Empty));
        Assert.IsTrue(unlabeled.Any(r => r.ImagePath.EndsWith("corrupt.png", StringComparison.Ordinal)));
        Assert.IsTrue(unlabeled.Any(r => r.ImagePath.EndsWith("empty.jpg", StringComparison.Ordinal)));
        Assert.HasCount(14, Rows(data.All));
    }

    [TestMethod]
    public void SkipInvalidImages_GivesNaNPixelsForTheCorruptAndEmptyFiles_AndMissingKeysForUnlabeledRows()
    {
        var folder = GeneratedImageFolder.Create(perClass: 3);
        var data = Ml.Data.LoadImageFolder(folder);
        var pipeline = Ml.Transforms.Conversion.MapValueToKey("Label", keyData: data.ClassNameData)
            .Append(Ml.Transforms.LoadImagePixels(Ml, new ImagePixelsOptions { ImageFolder = data.Folder, Channels = 3, Height = 6, Width = 5, SkipInvalidImages = true }));

        var model = pipeline.Fit(data.All);
        var rows = Ml.Data.CreateEnumerable<KeyedPixelRow>(model.Transform(data.All), reuseRowObject: false).ToArray();

        var pixels = (ImagePixelsTransformer)model.LastTransformer;
        CollectionAssert.AreEquivalent(new[] { "unlabeled/corrupt.png", "unlabeled/empty.jpg" }, pixels.SkippedFiles.Keys.Select(k => k.Replace('\\', '/')).ToArray());
        Assert.AreEqual(2, rows.Count(r => r.Features.All(float.IsNaN)));
        Assert.IsTrue(rows.All(r => r.Features.Length == 3 * 6 * 5));
        CollectionAssert.AreEqual(new uint[] { 1, 1, 1, 2, 2, 2 }, rows.Take(6).Select(r => r.Label).ToArray());
        Assert.IsTrue(rows.Skip(6).All(r => r.Label == 0));
    }

    [TestMethod]
    public void MissingFolders_AreNamed()
    {
        var folder = Directory.CreateTempSubdirectory("image-folder-").FullName;

        var none = Assert.ThrowsExactly<DirectoryNotFoundException>(() => Ml.Data.LoadImageFolder(Path.Combine(folder, "absent")));
        var noLabeled = Assert.ThrowsExactly<DirectoryNotFoundException>(() => Ml.Data.LoadImageFolder(folder));

        StringAssert.Contains(none.Message, Path.Combine(folder, "absent"));
        StringAssert.Contains(noLabeled.Message, "'labeled'");
    }

    [TestMethod]
    public void ImageDirectlyInLabeled_IsRefusedNamingTheFile()
    {
        var folder = GeneratedImageFolder.Create(perClass: 1);
        File.Copy(Path.Combine(folder, "labeled", "dark", "more", "dark-0.png"), Path.Combine(folder, "labeled", "stray.png"));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Ml.Data.LoadImageFolder(folder));

        StringAssert.Contains(error.Message, "stray.png");
    }

    [TestMethod]
    public void NoLabeledImage_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("image-folder-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "labeled", "empty-class"));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Ml.Data.LoadImageFolder(folder));

        StringAssert.Contains(error.Message, "no labeled image");
    }

    [TestMethod]
    public void Bounds_AreEnforcedNamingTheOption()
    {
        var folder = GeneratedImageFolder.Create(perClass: 2);

        var files = Assert.ThrowsExactly<InvalidDataException>(() => Ml.Data.LoadImageFolder(folder, new ImageFolderOptions { MaximumFiles = 5 }));
        var path = Assert.ThrowsExactly<InvalidDataException>(() => Ml.Data.LoadImageFolder(folder, new ImageFolderOptions { MaximumPathLength = 20 }));

        StringAssert.Contains(files.Message, "MaximumFiles = 5");
        StringAssert.Contains(path.Message, "ImageFolderOptions.MaximumPathLength");
        Assert.HasCount(10, Rows(Ml.Data.LoadImageFolder(folder, new ImageFolderOptions { MaximumFiles = 10 }).All));
    }

    [TestMethod]
    public void Extensions_FilterTheFiles()
    {
        var folder = GeneratedImageFolder.Create(perClass: 2);

        var data = Ml.Data.LoadImageFolder(folder, new ImageFolderOptions { Extensions = [".PNG"] });

        Assert.IsTrue(Rows(data.All).All(r => r.ImagePath.EndsWith(".png", StringComparison.Ordinal)));
        Assert.HasCount(2, Rows(data.Labeled));
    }

    [TestMethod]
    public void BadOptions_AreNamed()
    {
        var extensions = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImageFolderOptions { Extensions = ["png"] }.Validate());
        var same = Assert.ThrowsExactly<ArgumentException>(() => new ImageFolderOptions { LabelColumnName = "ImagePath" }.Validate());

        Assert.AreEqual("Extensions", extensions.ParamName);
        Assert.AreEqual("LabelColumnName", same.ParamName);
    }

    internal sealed class FolderRow
    {
        public string ImagePath { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    internal sealed class KeyedPixelRow
    {
        [KeyType(2)]
        public uint Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
