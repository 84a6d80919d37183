using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Schema;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Pretraining;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Pretraining;

[TestClass]
public sealed class SimClrBadInputTests
{
    [TestMethod]
    public void Fit_WithoutTheImageColumn_NamesIt()
    {
        var mlContext = new MLContext(seed: 1);
        var options = TinySimClr.Options();
        options.FeatureColumnName = "Pixels";

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TinySimClr.Fit(mlContext, options));

        StringAssert.Contains(error.Message, "Could not find feature column 'Pixels'");
    }

    [TestMethod]
    public void GetOutputSchema_WithoutTheImageColumn_NamesIt()
    {
        var mlContext = new MLContext(seed: 1);
        var options = TinySimClr.Options();
        options.FeatureColumnName = "Pixels";
        var shape = ShapeColumns.Of(TinySimClr.Images(mlContext, count: 2).Schema);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.Transforms.SimClrImageEmbedding(mlContext, options).GetOutputSchema(shape));

        StringAssert.Contains(error.Message, "Could not find feature column 'Pixels'");
    }

    [TestMethod]
    public void FitAndTransform_WithImagesOfTheWrongSize_NameColumnExpectedAndGot()
    {
        var mlContext = new MLContext(seed: 1);
        var options = TinySimClr.Options();
        options.Network.ImageWidth = 10;
        using var model = TinySimClr.Fit(mlContext, TinySimClr.Options(steps: 1));
        var other = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 4).Select(_ => new WideRow()));

        var fit = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TinySimClr.Fit(mlContext, options));
        var transform = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Transform(other));

        StringAssert.Contains(fit.Message, "Schema mismatch for feature column 'Features': expected Vector<Single, 120> (1×12×10");
        StringAssert.Contains(fit.Message, "got Vector<Single, 144>");
        StringAssert.Contains(transform.Message, "Schema mismatch for feature column 'Features': expected Vector<Single, 144> (1×12×12");
        StringAssert.Contains(transform.Message, "got Vector<Single, 150>");
    }

    [TestMethod]
    public void Fit_WithATextImageColumn_NamesColumnExpectedAndGot()
    {
        var mlContext = new MLContext(seed: 1);
        var options = TinySimClr.Options();
        options.FeatureColumnName = "Label";

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TinySimClr.Fit(mlContext, options));

        StringAssert.Contains(error.Message, "Schema mismatch for feature column 'Label': expected Vector<Single, 144>");
        StringAssert.Contains(error.Message, "got String");
    }

    [TestMethod]
    [DataRow(0.0, DisplayName = "zero")]
    [DataRow(-0.5, DisplayName = "negative")]
    [DataRow(double.NaN, DisplayName = "NaN")]
    [DataRow(double.PositiveInfinity, DisplayName = "infinite")]
    public void Options_WithATemperatureNotFiniteAndPositive_AreRejected(double temperature)
    {
        var options = TinySimClr.Options();
        options.Temperature = temperature;

        var error = Rejected(options);

        Assert.AreEqual("Temperature", error.ParamName);
        StringAssert.Contains(error.Message, "The 'Temperature' option of TorchSimClrEstimator must be finite and positive. Got ");
    }

    [TestMethod]
    public void Options_WithABatchOfOneImage_AreRejected()
    {
        var options = TinySimClr.Options();
        options.Optimization.BatchSize = 1;

        var error = Rejected(options);

        Assert.AreEqual("Optimization.BatchSize", error.ParamName);
        StringAssert.Contains(error.Message, "The 'Optimization.BatchSize' option of TorchSimClrEstimator must be at least 2. Got 1 instead.");
    }

    [TestMethod]
    public void Options_WithoutAugmentationOrProjection_AreRejected()
    {
        var noAugmentation = TinySimClr.Options();
        noAugmentation.Augmentation.Policy = AugmentationPolicy.None;
        var noProjection = TinySimClr.Options();
        noProjection.ProjectionDimension = 0;
        var noHidden = TinySimClr.Options();
        noHidden.ProjectionHiddenDimension = 0;

        Assert.AreEqual("Augmentation.Policy", Rejected(noAugmentation).ParamName);
        Assert.AreEqual("ProjectionDimension", Rejected(noProjection).ParamName);
        StringAssert.Contains(Rejected(noHidden).Message, "The 'ProjectionHiddenDimension' option of TorchSimClrEstimator must be null or at least 1. Got 0 instead.");
    }

    [TestMethod]
    public void CatalogArguments_AreCheckedLikeTheOptions()
    {
        var mlContext = new MLContext(seed: 1);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Transforms.SimClrImageEmbedding(mlContext, temperature: 0));

        Assert.AreEqual("Temperature", error.ParamName);
    }

    [TestMethod]
    public void Fit_OnOneUsableImage_SaysTwoAreNeeded()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticImages.Rows(3, seed: 1);
        rows[0].Features[0] = float.NaN;
        rows[2].Features[3] = float.PositiveInfinity;

        var error = Assert.ThrowsExactly<InvalidOperationException>(
            () => TinySimClr.Fit(mlContext, TinySimClr.Options(), mlContext.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Contrastive training needs at least 2 images in column 'Features'");
        StringAssert.Contains(error.Message, "got 1 usable of 3 rows (2 with non-finite (NaN or ±Inf) pixels)");
    }

    private static ArgumentOutOfRangeException Rejected(TorchSimClrEstimator.Options options)
    {
        var mlContext = new MLContext(seed: 1);
        return Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Transforms.SimClrImageEmbedding(mlContext, options));
    }

    private sealed class WideRow
    {
        [VectorType(150)]
        public float[] Features { get; set; } = new float[150];
    }
}
