using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Datasets;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.ImageFiles;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.Datasets;

[TestClass]
public sealed class VocSegmentationTests : DatasetFolderTests
{
    /// <summary>Ids b (PNG) and a (JPEG), 24×20, with VOC masks of classes 0…3 and 255.</summary>
    private Dictionary<string, byte[]> WriteDataSet()
    {
        var masks = new Dictionary<string, byte[]> { ["b"] = DatasetFolder.MaskValues(24, 20, 4), ["a"] = DatasetFolder.MaskValues(24, 20, 4, seed: 3) };
        Folder.Image("JPEGImages/b.png", 24, 20, seed: 1);
        Folder.Image("JPEGImages/a.jpg", 24, 20, seed: 2);
        foreach (var (id, values) in masks)
        {
            Folder.Mask($"SegmentationClass/{id}.png", 24, 20, values);
        }

        return masks;
    }

    private static VocSegmentationOptions Options(int width = 24, int height = 20) => new() { Width = width, Height = height };

    [TestMethod]
    public void EveryMask_IsRead_WithItsImage_AsLoadImagePixelsReadsIt_AndTheVocClassNames()
    {
        var masks = WriteDataSet();

        var data = Ml.Data.LoadVocSegmentation(Folder.Root, Options());

        CollectionAssert.AreEqual(new[] { "a", "b" }, ViewColumns.Texts(data, "ImageId"));
        var read = ViewColumns.Vectors<byte>(data, "Mask");
        CollectionAssert.AreEqual(masks["a"], read[0]);
        CollectionAssert.AreEqual(masks["b"], read[1]);
        var pixelsOptions = new ImagePixelsOptions { ImageFolder = Path.Combine(Folder.Root, "JPEGImages"), Channels = 3, Height = 20, Width = 24 };
        var paths = Ml.Data.LoadFromEnumerable(new[] { new PathRow { ImagePath = "a.jpg" }, new PathRow { ImagePath = "b.png" } });
        var expected = ViewColumns.Vectors<float>(Ml.Transforms.LoadImagePixels(Ml, pixelsOptions).Fit(paths).Transform(paths), "Features");
        var features = ViewColumns.Vectors<float>(data, "Features");
        CollectionAssert.AreEqual(expected[0], features[0]);
        CollectionAssert.AreEqual(expected[1], features[1]);
        var mask = data.Schema["Mask"];
        CollectionAssert.AreEqual(new[] { 20, 24 }, ((VectorDataViewType)mask.Type).Dimensions.ToArray());
        CollectionAssert.AreEqual(new[] { 3, 20, 24 }, ((VectorDataViewType)data.Schema["Features"].Type).Dimensions.ToArray());
        CollectionAssert.AreEqual(VocSegmentationOptions.PascalVocClassNames.ToArray(), SegmentationMasks.TryGetClassNames(mask));
    }

    [TestMethod]
    public void Split_ListsTheIdsRead_InItsOrder()
    {
        WriteDataSet();
        File.WriteAllText(Folder.File("ImageSets/Segmentation/val.txt"), "b\n\n a \n");

        var data = Ml.Data.LoadVocSegmentation(Folder.Root, new VocSegmentationOptions { Split = "val", Width = 24, Height = 20 });

        CollectionAssert.AreEqual(new[] { "b", "a" }, ViewColumns.Texts(data, "ImageId"));
    }

    [TestMethod]
    public void Resizing_TakesTheNearestMaskPixel_AndTheOptionsClassNames()
    {
        var masks = WriteDataSet();
        string[] names = ["sky", "road", "car", "tree"];

        var data = Ml.Data.LoadVocSegmentation(Folder.Root, new VocSegmentationOptions { Width = 12, Height = 10, Channels = 1, ClassNames = names });

        var read = ViewColumns.Vectors<byte>(data, "Mask");
        // Halving both sides: output pixel (x, y) takes the input pixel under its centre, (2x + 1, 2y + 1).
        var expected = Enumerable.Range(0, 10 * 12).Select(i => masks["a"][((2 * (i / 12)) + 1) * 24 + (2 * (i % 12)) + 1]).ToArray();
        CollectionAssert.AreEqual(expected, read[0]);
        Assert.HasCount(10 * 12, ViewColumns.Vectors<float>(data, "Features")[0]);
        CollectionAssert.AreEqual(names, SegmentationMasks.TryGetClassNames(data.Schema["Mask"]));
    }

    [TestMethod]
    public void GreyscaleMasks_AreRead()
    {
        var values = DatasetFolder.MaskValues(16, 16, 21);
        Folder.Image("JPEGImages/g.png", 16, 16);
        Folder.GreyMask("SegmentationClass/g.png", 16, 16, values);

        var data = Ml.Data.LoadVocSegmentation(Folder.Root, Options(16, 16));

        CollectionAssert.AreEqual(values, ViewColumns.Vectors<byte>(data, "Mask")[0]);
    }

    [TestMethod]
    public void SavedMasks_ReadBackTheSameValues()
    {
        var masks = WriteDataSet();
        var data = Ml.Data.LoadVocSegmentation(Folder.Root, Options());
        var copy = Folder.File("copy/JPEGImages/a.jpg");
        File.Copy(Path.Combine(Folder.Root, "JPEGImages", "a.jpg"), copy);
        File.Copy(Path.Combine(Folder.Root, "JPEGImages", "b.png"), Folder.File("copy/JPEGImages/b.png"));

        Ml.Data.SaveVocMasks(data, Path.Combine(Folder.Root, "copy", "SegmentationClass"));

        var reread = Ml.Data.LoadVocSegmentation(Path.Combine(Folder.Root, "copy"), Options());
        var values = ViewColumns.Vectors<byte>(reread, "Mask");
        CollectionAssert.AreEqual(masks["a"], values[0]);
        CollectionAssert.AreEqual(masks["b"], values[1]);
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(Folder.Root, "copy", "SegmentationClass"), "*.tmp"));
    }

    [TestMethod]
    public void SaveVocMasks_WritesTheNamedColumn()
    {
        WriteDataSet();
        var data = Ml.Data.LoadVocSegmentation(Folder.Root, Options());
        var predicted = Ml.Transforms.CopyColumns("PredictedMask", "Mask").Fit(data).Transform(data);
        var folder = Path.Combine(Folder.Root, "predicted");

        Ml.Data.SaveVocMasks(predicted, folder, new VocMaskWriteOptions { MaskColumnName = "PredictedMask" });

        CollectionAssert.AreEqual(new[] { "a.png", "b.png" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
    }

    [TestMethod]
    public void SaveVocMasks_WritesASegmentersPredictedMask_ReadBackUnchanged()
    {
        WriteDataSet();
        var data = Ml.Data.LoadVocSegmentation(Folder.Root, Options());
        var options = new TorchImageSegmenterTrainer.Options
        {
            Network = new NetworkOptions { ImageChannels = 3, ImageHeight = 20, ImageWidth = 24, BaseWidth = 8 },
            Optimization = new OptimizationOptions { NumberOfSteps = 2, BatchSize = 2, Seed = 1 },
        };
        using var model = Ml.Segmentation().Trainers.TorchSegmenter(options).Fit(data);
        var predicted = model.Transform(data);
        var folder = Path.Combine(Folder.Root, "predicted");

        Ml.Data.SaveVocMasks(predicted, Path.Combine(folder, "SegmentationClass"), new VocMaskWriteOptions { MaskColumnName = DefaultColumnNames.PredictedMask });

        Directory.CreateDirectory(Path.Combine(folder, "JPEGImages"));
        foreach (var image in Directory.GetFiles(Path.Combine(Folder.Root, "JPEGImages")))
        {
            File.Copy(image, Path.Combine(folder, "JPEGImages", Path.GetFileName(image)));
        }

        var reread = ViewColumns.Vectors<byte>(Ml.Data.LoadVocSegmentation(folder, Options()), "Mask");
        var expected = ViewColumns.Vectors<byte>(predicted, DefaultColumnNames.PredictedMask);
        CollectionAssert.AreEqual(expected[0], reread[0]);
        CollectionAssert.AreEqual(expected[1], reread[1]);
    }

    /// <summary>One image path.</summary>
    private sealed class PathRow
    {
        public string ImagePath { get; set; } = "";
    }
}
