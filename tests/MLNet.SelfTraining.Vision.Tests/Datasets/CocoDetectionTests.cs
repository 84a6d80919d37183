using System.Text.Json.Nodes;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Datasets;
using MLNet.SelfTraining.Vision.ImageFiles;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Datasets;

[TestClass]
public sealed class CocoDetectionTests : DatasetFolderTests
{
    private string Images => Path.Combine(Folder.Root, "images");

    private static CocoDetectionOptions Options(int width = 24, int height = 20) => new() { Width = width, Height = height };

    [TestMethod]
    public void Images_AreRead_WithTheirBoxesScaledToTheResizedImage_AndLabelsInCategoryIdOrder()
    {
        var annotations = CocoFiles.Write(Folder);

        var data = Ml.Data.LoadCocoDetection(annotations, Images, Options());

        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, ViewColumns.Texts(data, "ImageId"));
        CollectionAssert.AreEqual(new[] { "a.png", "sub/b.png", "c.jpg" }, ViewColumns.Texts(data, "FileName"));
        CollectionAssert.AreEqual(new[] { 24, 16, 24 }, ViewColumns.Integers(data, "ImageWidth"));
        CollectionAssert.AreEqual(new[] { 20, 16, 20 }, ViewColumns.Integers(data, "ImageHeight"));
        var labels = ViewColumns.Vectors<uint>(data, "Labels");
        CollectionAssert.AreEqual(new uint[] { 2, 1 }, labels[0]);
        CollectionAssert.AreEqual(new uint[] { 1 }, labels[1]);
        Assert.IsEmpty(labels[2]);
        var boxes = ViewColumns.Vectors<float>(data, "Box");
        CollectionAssert.AreEqual(new float[] { 2, 3, 12, 8, 0, 0, 24, 20 }, boxes[0]);
        CollectionAssert.AreEqual(new float[] { 0, 2.5f * 1.25f, 4 * 1.5f, 6.5f * 1.25f }, boxes[1]);
        Assert.IsEmpty(boxes[2]);

        var labelsColumn = data.Schema["Labels"];
        Assert.AreEqual(2UL, ((KeyDataViewType)((VectorDataViewType)labelsColumn.Type).ItemType).Count);
        VBuffer<ReadOnlyMemory<char>> names = default;
        labelsColumn.GetKeyValues(ref names);
        CollectionAssert.AreEqual(new[] { "dog", "cat" }, names.DenseValues().Select(n => n.ToString()).ToArray());
        VBuffer<long> ids = default;
        labelsColumn.Annotations.GetValue(DatasetColumnNames.CategoryIdsAnnotation, ref ids);
        CollectionAssert.AreEqual(new long[] { 3, 7 }, ids.DenseValues().ToArray());
    }

    [TestMethod]
    public void LabelAnnotations_ACallerThatReusesItsBuffer_CannotOverwriteThem()
    {
        var labelsColumn = Ml.Data.LoadCocoDetection(CocoFiles.Write(Folder), Images, Options()).Schema["Labels"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        labelsColumn.GetKeyValues(ref names);
        VBufferEditor.Create(ref names, names.Length).Values[0] = "overwritten".AsMemory();
        VBuffer<long> ids = default;
        labelsColumn.Annotations.GetValue(DatasetColumnNames.CategoryIdsAnnotation, ref ids);
        VBufferEditor.Create(ref ids, ids.Length).Values[0] = -1;

        VBuffer<ReadOnlyMemory<char>> again = default;
        labelsColumn.GetKeyValues(ref again);
        VBuffer<long> idsAgain = default;
        labelsColumn.Annotations.GetValue(DatasetColumnNames.CategoryIdsAnnotation, ref idsAgain);

        Assert.AreEqual("dog", again.GetValues()[0].ToString());
        Assert.AreEqual(3L, idsAgain.GetValues()[0]);
    }

    [TestMethod]
    public void Features_AreWhatLoadImagePixelsGives()
    {
        var annotations = CocoFiles.Write(Folder);

        var data = Ml.Data.LoadCocoDetection(annotations, Images, new CocoDetectionOptions { Width = 10, Height = 8, Channels = 1 });

        var paths = Ml.Data.LoadFromEnumerable(new[] { "a.png", "sub/b.png", "c.jpg" }.Select(p => new PathRow { ImagePath = p }));
        var pixels = Ml.Transforms.LoadImagePixels(Ml, new ImagePixelsOptions { ImageFolder = Images, Channels = 1, Height = 8, Width = 10 });
        var expected = ViewColumns.Vectors<float>(pixels.Fit(paths).Transform(paths), "Features");
        var features = ViewColumns.Vectors<float>(data, "Features");
        for (var i = 0; i < 3; i++)
        {
            CollectionAssert.AreEqual(expected[i], features[i]);
        }

        CollectionAssert.AreEqual(new[] { 1, 8, 10 }, ((VectorDataViewType)data.Schema["Features"].Type).Dimensions.ToArray());
        CollectionAssert.AreEqual(new float[] { 2 * 10 / 24f, 3 * 8 / 20f, 12 * 10 / 24f, 8 * 8 / 20f }, ViewColumns.Vectors<float>(data, "Box")[0][..4], new ToleranceComparer(1e-6f));
    }

    [TestMethod]
    public void CrowdBoxes_AreReadWhenAskedFor()
    {
        var annotations = CocoFiles.Write(Folder);

        var data = Ml.Data.LoadCocoDetection(annotations, Images, new CocoDetectionOptions { Width = 24, Height = 20, IncludeCrowd = true });

        CollectionAssert.AreEqual(new uint[] { 2, 1, 1 }, ViewColumns.Vectors<uint>(data, "Labels")[0]);
    }

    [TestMethod]
    public void SavedAnnotations_ReadBackTheSameRows()
    {
        var annotations = CocoFiles.Write(Folder);
        var data = Ml.Data.LoadCocoDetection(annotations, Images, Options());
        var saved = Folder.File("saved.json");

        Ml.Data.SaveCocoJson(data, saved);

        var reread = Ml.Data.LoadCocoDetection(saved, Images, Options());
        foreach (var column in new[] { "ImageId", "FileName" })
        {
            CollectionAssert.AreEqual(ViewColumns.Texts(data, column), ViewColumns.Texts(reread, column));
        }

        CollectionAssert.AreEqual(ViewColumns.Integers(data, "ImageWidth"), ViewColumns.Integers(reread, "ImageWidth"));
        for (var i = 0; i < 3; i++)
        {
            CollectionAssert.AreEqual(ViewColumns.Vectors<uint>(data, "Labels")[i], ViewColumns.Vectors<uint>(reread, "Labels")[i]);
            CollectionAssert.AreEqual(ViewColumns.Vectors<float>(data, "Box")[i], ViewColumns.Vectors<float>(reread, "Box")[i]);
        }

        var json = JsonNode.Parse(File.ReadAllText(saved))!;
        Assert.AreEqual("""[{"id":3,"name":"dog"},{"id":7,"name":"cat"}]""", json["categories"]!.ToJsonString());
        Assert.AreEqual("""{"id":3,"image_id":2,"category_id":3,"bbox":[0,2.5,4,4],"area":16,"iscrowd":0}""", json["annotations"]![2]!.ToJsonString());
        Assert.IsEmpty(Directory.GetFiles(Folder.Root, "*.tmp"));
    }

    [TestMethod]
    public void Detections_AreSavedInTheResultsFormat_ScaledBackToEachImage()
    {
        var detections = Ml.Data.LoadFromEnumerable(new[]
        {
            new Detection { ImageId = "42", Labels = [2, 1], Box = [1, 2, 5, 6, 0, 0, 12, 10], Score = [0.9f, 0.25f], ImageWidth = 24, ImageHeight = 20 },
            new Detection { ImageId = "43", Labels = [], Box = [], Score = [], ImageWidth = 12, ImageHeight = 10 },
        });
        var path = Folder.File("results.json");

        Ml.Data.SaveCocoJson(detections, path, new CocoWriteOptions { ScoreColumnName = "Score", Width = 12, Height = 10 });

        Assert.AreEqual(
            """[{"image_id":42,"category_id":2,"bbox":[2,4,8,8],"score":0.9},{"image_id":42,"category_id":1,"bbox":[0,0,24,20],"score":0.25}]""",
            JsonNode.Parse(File.ReadAllText(path))!.ToJsonString());
    }

    /// <summary>One image path.</summary>
    private sealed class PathRow
    {
        public string ImagePath { get; set; } = "";
    }

    /// <summary>A detector's output for one image, with keys 1…2 and no key values (categories numbered 1, 2).</summary>
    private sealed class Detection
    {
        public string ImageId { get; set; } = "";

        [KeyType(2)]
        public uint[] Labels { get; set; } = [];

        public float[] Box { get; set; } = [];

        public float[] Score { get; set; } = [];

        public int ImageWidth { get; set; }

        public int ImageHeight { get; set; }
    }
}
