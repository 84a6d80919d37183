using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Datasets;

namespace MLNet.SelfTraining.Vision.Tests.Datasets;

[TestClass]
public sealed class CocoDetectionErrorTests : DatasetFolderTests
{
    /// <summary>Loads the test data set with <paramref name="json"/> as its annotations; returns the error and the annotations path.</summary>
    private (TException Error, string Path) Fails<TException>(string? json = null, CocoDetectionOptions? options = null)
        where TException : Exception
    {
        var path = CocoFiles.Write(Folder, json);
        var error = Assert.ThrowsExactly<TException>(
            () => Ml.Data.LoadCocoDetection(path, Path.Combine(Folder.Root, "images"), options ?? new() { Width = 24, Height = 20 }));
        return (error, path);
    }

    private void AssertMessage(string json, string expected)
    {
        var (error, path) = Fails<InvalidDataException>(json);
        StringAssert.Contains(error.Message, $"Annotations file '{path}'");
        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    public void MalformedJson_GivesTheLineAndByte()
    {
        var (error, path) = Fails<InvalidDataException>("{\n  \"images\": [\n    { \"id\": 1, }\n  ]\n}");

        StringAssert.Contains(error.Message, $"Annotations file '{path}' is not valid COCO JSON at line 3");
    }

    [TestMethod]
    public void FieldOfTheWrongType_GivesItsJsonPath()
    {
        var (error, _) = Fails<InvalidDataException>(CocoFiles.With(j => j["images"]![1]!["width"] = "wide"));

        StringAssert.Contains(error.Message, "$.images[1].width");
    }

    [TestMethod]
    public void MissingFields_AreNamed()
    {
        AssertMessage(CocoFiles.With(j => j.Remove("categories")), "categories is missing or null; it is required");
        AssertMessage(CocoFiles.With(j => j["images"]![1]!.AsObject().Remove("file_name")), "images[1].file_name (image id 2) is missing");
        AssertMessage(CocoFiles.With(j => j["annotations"]![2]!.AsObject().Remove("bbox")), "annotations[2].bbox (annotation id 12) is missing");
        AssertMessage(CocoFiles.With(j => j["annotations"]![0]!.AsObject().Remove("image_id")), "annotations[0].image_id (annotation id 10) is missing");
    }

    [TestMethod]
    public void RepeatedIds_AreNamed()
    {
        AssertMessage(CocoFiles.With(j => j["images"]![2]!["id"] = 1), "images[2].id is 1, the id of images[0] too");
        AssertMessage(CocoFiles.With(j => j["categories"]![1]!["id"] = 7), "categories[1].id is 7, the id of another category too");
        AssertMessage(CocoFiles.With(j => j["categories"]![1]!["name"] = "cat"), "is 'cat', the name of categories[");
        AssertMessage(CocoFiles.With(j => j["annotations"]![3]!["id"] = 10), "annotations[3].id is 10, the id of annotations[0] too");
    }

    [TestMethod]
    public void UnknownImageOrCategory_IsNamed()
    {
        AssertMessage(CocoFiles.With(j => j["annotations"]![1]!["image_id"] = 9), "annotations[1].image_id (annotation id 11) is 9; expected the id of an entry of images");
        AssertMessage(CocoFiles.With(j => j["annotations"]![1]!["category_id"] = 1), "annotations[1].category_id (annotation id 11) is 1; expected the id of an entry of categories");
    }

    [TestMethod]
    public void BadBoxes_AreNamed()
    {
        AssertMessage(CocoFiles.With(j => j["annotations"]![0]!["bbox"] = new JsonArray(2, 3, -1, 5)),
            "annotations[0].bbox (annotation id 10, image id 1) is [2, 3, -1, 5]; expected [x, y, width, height], 4 finite numbers with width and height ≥ 0");
        AssertMessage(CocoFiles.With(j => j["annotations"]![0]!["bbox"] = new JsonArray(2, 3, 5)), "annotations[0].bbox (annotation id 10, image id 1) is [2, 3, 5]");
        AssertMessage(CocoFiles.With(j => j["annotations"]![0]!["bbox"] = new JsonArray(20, 3, 5.5, 5)),
            "annotations[0].bbox (annotation id 10, image id 1) is [20, 3, 5.5, 5], corners (20, 3) to (25.5, 8); expected it inside the image's 24×20 pixels (within 1 pixel)");
        AssertMessage(CocoFiles.With(j => j["annotations"]![0]!["iscrowd"] = 2), "annotations[0].iscrowd (annotation id 10) is 2; expected 0 or 1");
    }

    [TestMethod]
    public void NaNInTheFile_IsMalformedJson()
    {
        var (error, _) = Fails<InvalidDataException>(CocoFiles.Json.Replace("[2, 3, 10, 5]", "[2, NaN, 10, 5]", StringComparison.Ordinal));

        StringAssert.Contains(error.Message, "is not valid COCO JSON at line 10");
    }

    [TestMethod]
    public void MissingImage_NamesTheFileTheJsonPathAndTheImageId()
    {
        var (error, path) = Fails<FileNotFoundException>(CocoFiles.With(j => j["images"]![2]!["file_name"] = "gone.png"));

        StringAssert.Contains(error.Message, Path.Combine(Folder.Root, "images", "gone.png"));
        StringAssert.Contains(error.Message, $"file_name 'gone.png' of images[2] (image id 3) of annotations file '{path}'");
    }

    [TestMethod]
    public void DeclaredSizeOtherThanTheFiles_IsNamed()
    {
        AssertMessage(CocoFiles.With(j => j["images"]![1]!["height"] = 15),
            $"images[1] (image id 2) declares width 16, height 15, but its image file '{Path.Combine(Folder.Root, "images", "sub/b.png")}' is 16×16; expected the same size");
    }

    [TestMethod]
    public void FileNameLeavingTheImagesFolder_IsRefused()
    {
        Folder.Image("outside.png", 24, 20);

        var (error, _) = Fails<InvalidDataException>(CocoFiles.With(j => j["images"]![2]!["file_name"] = "../outside.png"));

        StringAssert.Contains(error.Message, "outside the image folder");
        StringAssert.Contains(error.Message, "images[2] (image id 3)");
    }

    [TestMethod]
    public void Bounds_AreNamed()
    {
        var (size, path) = Fails<InvalidDataException>(options: new() { MaximumAnnotationsFileBytes = 100 });
        var (images, _) = Fails<InvalidDataException>(options: new() { MaximumImages = 2 });
        var (depth, _) = Fails<InvalidDataException>(CocoFiles.With(j => j["info"] = JsonNode.Parse(new string('[', 20) + new string(']', 20))));

        StringAssert.Contains(size.Message, $"Annotations file '{path}' is ");
        StringAssert.Contains(size.Message, "expected at most 100 (CocoDetectionOptions.MaximumAnnotationsFileBytes)");
        StringAssert.Contains(images.Message, "images has 3 entries; expected at most 2 (CocoDetectionOptions.MaximumImages)");
        StringAssert.Contains(depth.Message, "depth");
    }

    [TestMethod]
    public void SaveCocoJson_NamesMissingColumnsAndBadRows()
    {
        var path = CocoFiles.Write(Folder);
        var data = Ml.Data.LoadCocoDetection(path, Path.Combine(Folder.Root, "images"), new() { Width = 24, Height = 20 });
        var bad = Ml.Transforms.CopyColumns("Score", "Box").Fit(data).Transform(data);

        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Data.SaveCocoJson(data, Folder.File("r.json"), new CocoWriteOptions { ScoreColumnName = "Score" }));
        var scores = Assert.ThrowsExactly<InvalidDataException>(() => Ml.Data.SaveCocoJson(bad, Folder.File("r.json"), new CocoWriteOptions { ScoreColumnName = "Score" }));

        StringAssert.Contains(missing.Message, "Could not find score column 'Score'");
        StringAssert.Contains(scores.Message, "Row 0 (image id '1') has 8 values in column 'Score'; expected 2 finite scores, one per label.");
        Assert.IsFalse(File.Exists(Folder.File("r.json")));
    }

    [TestMethod]
    public void SaveCocoJson_NamesARowWithAnInfiniteFarCorner()
    {
        var rows = new[] { new DetectionRow { Labels = [1], Box = [1, 2, float.PositiveInfinity, 4] } };
        var data = Ml.Data.LoadFromEnumerable(rows);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Ml.Data.SaveCocoJson(data, Folder.File("inf.json"), new CocoWriteOptions { Width = 12, Height = 10 }));

        StringAssert.Contains(error.Message, "Row 0 (image id '7') has box 0 = (1, 2, ");
        StringAssert.Contains(error.Message, "in column 'Box'; expected finite corners");
        Assert.IsFalse(File.Exists(Folder.File("inf.json")));
    }

    /// <summary>One detection row with the columns <c>SaveCocoJson</c> reads.</summary>
    private sealed class DetectionRow
    {
        public string ImageId { get; set; } = "7";

        [KeyType(2)]
        [VectorType]
        public uint[] Labels { get; set; } = [];

        [VectorType]
        public float[] Box { get; set; } = [];

        public string FileName { get; set; } = "a.png";

        public int ImageWidth { get; set; } = 12;

        public int ImageHeight { get; set; } = 10;
    }
}
