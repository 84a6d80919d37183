using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.ImageFiles;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MLNet.SelfTraining.Vision.Tests.ImageFiles;

/// <summary><c>LoadImagePixels</c> as a pipeline stage: its shape before fitting, a prediction engine, saving.</summary>
[TestClass]
public sealed class ImagePixelsChainTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static NetworkOptions Network() => new() { ImageChannels = 1, ImageHeight = 12, ImageWidth = 12, BaseWidth = 8 };

    private static ImagePixelsOptions Pixels(string folder) => new() { ImageFolder = folder, Height = 12, Width = 12, SkipInvalidImages = true };

    /// <summary>The shape of a view with the columns of <typeparamref name="T"/>, from an unsaved mapping that reads nothing.</summary>
    private static SchemaShape ShapeOf<T>()
        where T : class, new()
        => Ml.Transforms.CustomMapping<NoInput, T>((_, _) => { }, contractName: null).GetOutputSchema(new SchemaShape([]));

    [TestMethod]
    public void EstimatorShape_DescribesTheKnownSizePixelVector_SoAClassifierCanBeAppended()
    {
        var pixels = Ml.Transforms.LoadImagePixels(Ml, new ImagePixelsOptions { Channels = 3, Height = 4, Width = 5 });
        var classifier = Ml.MulticlassClassification.Trainers.TorchImageClassifier(Ml, imageChannels: 3, imageHeight: 4, imageWidth: 5);

        var shape = pixels.GetOutputSchema(ShapeOf<KeyedPathRow>());
        var chained = pixels.Append(classifier).GetOutputSchema(ShapeOf<KeyedPathRow>());

        var features = shape.Single(c => c.Name == "Features");
        Assert.AreEqual(SchemaShape.Column.VectorKind.Vector, features.Kind);
        Assert.AreEqual(NumberDataViewType.Single, features.ItemType);
        Assert.IsTrue(chained.Any(c => c.Name == "PredictedLabel"));
    }

    [TestMethod]
    public void EstimatorShape_NamesAMissingOrNonTextPathColumn()
    {
        var pixels = Ml.Transforms.LoadImagePixels(Ml, new ImagePixelsOptions { ImagePathColumnName = "Label" });

        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Transforms.LoadImagePixels(Ml, new ImagePixelsOptions { ImagePathColumnName = "Path" }).GetOutputSchema(ShapeOf<KeyedPathRow>()));
        var wrongType = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => pixels.GetOutputSchema(ShapeOf<KeyedPathRow>()));

        StringAssert.Contains(missing.Message, "'Path'");
        StringAssert.Contains(wrongType.Message, "'Label': expected String");
    }

    [TestMethod]
    public void FolderPipeline_SelfTrains_AndAPredictionEngineNamesTheClassOfAnImage()
    {
        var folder = GeneratedImageFolder.Create(perClass: 12);
        var data = Ml.Data.LoadImageFolder(folder);
        var recipe = ImageSelfTrainingRecipe.Paper(steps: 30, seed: 1, network: Network());
        var pipeline = Ml.Transforms.Conversion.MapValueToKey("Label", keyData: data.ClassNameData)
            .Append(Ml.Transforms.LoadImagePixels(Ml, Pixels(data.Folder)))
            .Append(Ml.MulticlassClassification.Trainers.SelfTraining(Ml, unlabeledData: null, recipe))
            .Append(Ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        using var model = pipeline.Fit(data.All);
        using var engine = Ml.Model.CreatePredictionEngine<PathRow, Prediction>(model);
        var dark = engine.Predict(new PathRow { ImagePath = Path.Combine("labeled", "dark", "dark-1.jpg") }).PredictedLabel;
        var light = engine.Predict(new PathRow { ImagePath = Path.Combine("labeled", "light", "more", "light-0.png") }).PredictedLabel;

        Assert.AreEqual("dark", dark);
        Assert.AreEqual("light", light);
        Assert.HasCount(2, model.OfType<ImagePixelsTransformer>().Single().SkippedFiles);
    }

    [TestMethod]
    public void PredictionEngine_ReadsTheSameImageAsTransform()
    {
        var folder = GeneratedImageFolder.Create(perClass: 1);
        var rows = new[] { new PathRow { ImagePath = Path.Combine("labeled", "dark", "more", "dark-0.png") } };
        var data = Ml.Data.LoadFromEnumerable(rows);
        var transformer = Ml.Transforms.LoadImagePixels(Ml, Pixels(folder)).Fit(data);

        using var engine = Ml.Model.CreatePredictionEngine<PathRow, PixelRow>(transformer);
        var predicted = engine.Predict(rows[0]).Features;
        var transformed = Ml.Data.CreateEnumerable<PixelRow>(transformer.Transform(data), reuseRowObject: false).Single().Features;

        Assert.IsTrue(transformer.IsRowToRowMapper);
        Assert.HasCount(144, predicted);
        CollectionAssert.AreEqual(transformed, predicted);
    }

    [TestMethod]
    public void Save_IsRefusedNamingTheAlternatives()
    {
        var data = Ml.Data.LoadFromEnumerable(new[] { new PathRow { ImagePath = "a.png" } });
        var transformer = Ml.Transforms.LoadImagePixels(Ml, new ImagePixelsOptions()).Fit(data);

        var error = Assert.ThrowsExactly<NotSupportedException>(() => Ml.Model.Save(transformer, data.Schema, new MemoryStream()));

        StringAssert.Contains(error.Message, "LoadImagePixels");
        StringAssert.Contains(error.Message, "LoadImages → ResizeImages → ExtractPixels");
    }

    internal sealed class NoInput
    {
    }

    internal sealed class PathRow
    {
        public string ImagePath { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    internal sealed class KeyedPathRow
    {
        public string ImagePath { get; set; } = string.Empty;

        [KeyType(2)]
        public uint Label { get; set; }
    }

    internal sealed class PixelRow
    {
        public float[] Features { get; set; } = [];
    }

    internal sealed class Prediction
    {
        public string PredictedLabel { get; set; } = string.Empty;
    }
}
