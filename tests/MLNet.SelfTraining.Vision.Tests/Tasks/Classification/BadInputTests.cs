using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class BadInputTests
{
    [TestMethod]
    public void Fit_WithImagesOfTheWrongSize_NamesColumnExpectedAndGot()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1));
        var options = TinyClassifier.Options();
        options.Network.ImageHeight = 10;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(data));

        StringAssert.Contains(error.Message, "Schema mismatch for feature column 'Features': expected Vector<Single, 120> (1×10×12");
        StringAssert.Contains(error.Message, "got Vector<Single, 144>");
    }

    [TestMethod]
    public void Fit_WithANonKeyLabel_NamesColumnExpectedAndGot()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(SyntheticImages.Rows(10, seed: 1));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options()).Fit(data));

        StringAssert.Contains(error.Message, "Schema mismatch for label column 'Label': expected Key<UInt32>");
        StringAssert.Contains(error.Message, "got String");
    }

    [TestMethod]
    public void Transform_WithALabelKeyOfADifferentClassCount_NamesColumnExpectedAndGot()
    {
        var mlContext = new MLContext(seed: 1);
        using var model = mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1))
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1)));
        var twoClasses = SyntheticImages.Rows(10, seed: 2).Where(r => r.Label != "sq");
        var other = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(mlContext.Data.LoadFromEnumerable(twoClasses))
            .Transform(mlContext.Data.LoadFromEnumerable(twoClasses));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Transform(other));

        StringAssert.Contains(error.Message, "Schema mismatch for label column 'Label': expected Key<UInt32, 0-2> (3 classes, as in training), got Key<UInt32, 0-1>");
    }

    [TestMethod]
    public void Fit_OnEmptyData_NamesTheColumns()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, []);

        var error = Assert.ThrowsExactly<InvalidOperationException>(
            () => mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options()).Fit(data));

        StringAssert.Contains(error.Message, "The training data is empty: no rows to read from feature column 'Features' and label column 'Label'");
    }

    [TestMethod]
    public void Fit_SkipsRowsWithNaNPixels_AndFailsWhenNoRowIsLeft()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticImages.Rows(6, seed: 1);
        foreach (var row in rows)
        {
            row.Features[7] = float.NaN;
        }

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options()).Fit(SyntheticImages.KeyedView(mlContext, rows)));

        StringAssert.Contains(error.Message, "None of the 6 training rows is usable");
        StringAssert.Contains(error.Message, "6 have non-finite (NaN or ±Inf) pixels in column 'Features'");
    }

    [TestMethod]
    public void Fit_SkipsARowWithAnInfinitePixel_WithAWarning_AndScoresFiniteProbabilities()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var rows = SyntheticImages.Rows(100, seed: 1);
        rows[42].Features[7] = float.PositiveInfinity;

        using var model = mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 2))
            .Fit(SyntheticImages.KeyedView(mlContext, rows));
        var scored = mlContext.Data.CreateEnumerable<KeyPrediction>(
            model.Transform(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(5, seed: 2))), reuseRowObject: false).ToArray();

        Assert.IsTrue(messages.Any(m => m.Contains("Skipped 1 of 100 training rows") && m.Contains("1 with non-finite (NaN or ±Inf) pixels in column 'Features'")),
            string.Join(Environment.NewLine, messages.Where(m => m.Contains("Skipped"))));
        Assert.IsTrue(scored.All(r => r.Score.All(float.IsFinite)));
    }

    [TestMethod]
    [DataRow(float.NaN)]
    [DataRow(float.PositiveInfinity)]
    [DataRow(float.NegativeInfinity)]
    public void Transform_OfARowWithANonFinitePixel_GivesNaNScoresAndAMissingPrediction(float pixel)
    {
        var mlContext = new MLContext(seed: 1);
        using var model = mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1))
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1)));
        var rows = SyntheticImages.Rows(3, seed: 2);
        rows[1].Features[0] = pixel;

        var scored = mlContext.Data.CreateEnumerable<KeyPrediction>(model.Transform(SyntheticImages.KeyedView(mlContext, rows)), reuseRowObject: false).ToArray();

        Assert.IsTrue(scored[1].Score.All(float.IsNaN));
        Assert.AreEqual(0u, scored[1].PredictedLabel);
        Assert.IsTrue(scored[0].Score.All(float.IsFinite));
        Assert.AreNotEqual(0u, scored[2].PredictedLabel);
    }

    [TestMethod]
    public void Options_OutOfRange_NameTheOptionAndTheValue()
    {
        var error = Rejected(o => o.Optimization.BatchSize = 1);

        Assert.AreEqual("Optimization.BatchSize", error.ParamName);
        StringAssert.Contains(error.Message, "The 'Optimization.BatchSize' option of TorchImageClassifierTrainer must be at least 2. Got 1 instead.");
    }

    [TestMethod]
    public void NewOptions_OutOfRange_NameTheOptionAndTheValue()
    {
        var onlineError = Rejected(o => o.Student.OnlineRelabelThreshold = 0);
        var rotationError = Rejected(o => o.Augmentation.MaximumRotationDegrees = -5);
        var elasticError = Rejected(o => o.Augmentation.ElasticSigma = 0);

        StringAssert.Contains(onlineError.Message, "The 'Student.OnlineRelabelThreshold' option of TorchImageClassifierTrainer must be null or in the range (0, 1]. Got 0 instead.");
        StringAssert.Contains(rotationError.Message, "The 'Augmentation.MaximumRotationDegrees' option of TorchImageClassifierTrainer must be in the range [0, 180]. Got -5 instead.");
        StringAssert.Contains(elasticError.Message, "The 'Augmentation.ElasticSigma' option of TorchImageClassifierTrainer must be finite and positive. Got 0 instead.");
    }

    [TestMethod]
    public void ScaleJitterMaximum_BelowThePolicysMinimum_IsRejectedNamingTheOption()
    {
        var error = Rejected(o =>
        {
            o.Augmentation.Policy = AugmentationPolicy.S1;
            o.Augmentation.ScaleJitterMaximum = 0.7;
        });

        Assert.AreEqual("Augmentation.ScaleJitterMaximum", error.ParamName);
        StringAssert.Contains(error.Message, "The 'Augmentation.ScaleJitterMaximum' option of TorchImageClassifierTrainer must be finite and at least ScaleJitterMinimum (0.8). Got 0.7 instead.");
    }

    [TestMethod]
    public void Options_OfEachGroup_AreNamedWithTheirGroup()
    {
        var network = Rejected(o => o.Network.DropoutRate = 1);
        var optimization = Rejected(o => o.Optimization.LearningRate = 0);
        var student = Rejected(o => o.Student.PseudoLabelRatio = -1);
        var group = Rejected(o => o.Network = null!);

        Assert.AreEqual("Network.DropoutRate", network.ParamName);
        StringAssert.Contains(network.Message, "The 'Network.DropoutRate' option of TorchImageClassifierTrainer must be in the range [0, 1). Got 1 instead.");
        StringAssert.Contains(optimization.Message, "The 'Optimization.LearningRate' option of TorchImageClassifierTrainer must be finite and positive. Got 0 instead.");
        StringAssert.Contains(student.Message, "The 'Student.PseudoLabelRatio' option of TorchImageClassifierTrainer must be finite and positive. Got -1 instead.");
        StringAssert.Contains(group.Message, "The 'Network' option of TorchImageClassifierTrainer must be not null. Got null instead.");
    }

    [TestMethod]
    public void MaskUnconfidentPseudoRows_WithoutAnOnlineThreshold_NamesBothOptions()
    {
        var error = Rejected(o => o.Student.MaskUnconfidentPseudoRows = true);

        Assert.AreEqual("Student.MaskUnconfidentPseudoRows", error.ParamName);
        StringAssert.Contains(error.Message, "The 'Student.MaskUnconfidentPseudoRows' option of TorchImageClassifierTrainer must be false unless Student.OnlineRelabelThreshold is set. Got True instead.");
    }

    [TestMethod]
    public void RelabelWithWeightAverage_WithoutAWeightAverage_NamesWhatItNeeds()
    {
        var error = Rejected(o =>
        {
            o.Student.OnlineRelabelThreshold = 0.95;
            o.Student.RelabelWithWeightAverage = true;
        });

        Assert.AreEqual("Student.RelabelWithWeightAverage", error.ParamName);
        StringAssert.Contains(error.Message, "The 'Student.RelabelWithWeightAverage' option of TorchImageClassifierTrainer must be false unless Student.OnlineRelabelThreshold and Optimization.WeightAverageDecay are set. Got True instead.");
    }

    [TestMethod]
    public void WeightAverageDecay_OfOne_NamesTheOptionAndTheValue()
    {
        var error = Rejected(o => o.Optimization.WeightAverageDecay = 1);

        StringAssert.Contains(error.Message, "The 'Optimization.WeightAverageDecay' option of TorchImageClassifierTrainer must be null or in the range [0, 1). Got 1 instead.");
    }

    [TestMethod]
    public void Fit_WithAnInitialModelOfAnotherNetwork_NamesBothNetworks()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1));
        using var teacher = mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1))
            .Fit(data);
        var options = TinyClassifier.Options(steps: 1);
        options.Network.BaseWidth = 16;
        options.InitialModel = teacher;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(data));

        StringAssert.Contains(error.Message, "expected SmallCnn 1×12×12 → 3 classes, width 16, got SmallCnn 1×12×12 → 3 classes, width 8");
    }

    /// <summary>The error of creating the trainer with the tiny options changed by <paramref name="change"/>.</summary>
    private static ArgumentOutOfRangeException Rejected(Action<TorchImageClassifierTrainer.Options> change)
    {
        var mlContext = new MLContext(seed: 1);
        var options = TinyClassifier.Options();
        change(options);
        return Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options));
    }

    private sealed class KeyPrediction
    {
        [KeyType(3)]
        public uint PredictedLabel { get; set; }

        public float[] Score { get; set; } = [];
    }
}
