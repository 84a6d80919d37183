using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tests;

[TestClass]
public sealed class SelfTrainingBadInputTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static IDataView Labeled => Ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1));

    private static IDataView Unlabeled => Ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2));

    [TestMethod]
    public void MissingLabelColumn_IsNamed()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), Unlabeled, labelColumnName: "Target").Fit(Labeled));

        Assert.Contains("'Target'", error.Message);
        Assert.Contains("'Features'", error.Message);
    }

    [TestMethod]
    public void LabelOfTheWrongType_SaysWhatWasExpected()
    {
        var data = Ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(i => new DoubleLabelRow { Label = i % 2, Features = [i, 1] }));
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), null).Fit(data));

        Assert.Contains("'Label'", error.Message);
        Assert.Contains("Double", error.Message);
    }

    [TestMethod]
    public void UnlabeledDataWithADifferentFeatureSize_IsRejected()
    {
        var wide = Ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(i => new WideRow { Features = [i, 1, 2] }));
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), wide).Fit(Labeled));

        Assert.Contains("'Features'", error.Message);
        Assert.AreEqual("unlabeledData", error.ParamName);
    }

    [TestMethod]
    public void UnlabeledDataWithoutTheFeatures_IsRejected()
    {
        var other = Ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(i => new OtherRow { Pixels = [i, 1] }));
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), other).Fit(Labeled));

        Assert.Contains("does not match what the teacher consumes", error.Message);
    }

    [TestMethod]
    public void InitializeStudentFromTeacher_WithATrainerThatCannotStartFromAModel_IsRejected()
    {
        var options = new SelfTrainingOptions { InitializeStudentFromTeacher = true };
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), Unlabeled, options).Fit(Labeled));

        Assert.AreEqual(nameof(SelfTrainingOptions.InitializeStudentFromTeacher), error.ParamName);
        Assert.Contains("LbfgsMaximumEntropyMulticlassTrainer", error.Message);
        Assert.Contains("IWarmStartStudent", error.Message);
    }

    [TestMethod]
    public void NoLabeledRows_IsRejected()
    {
        var hidden = Ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1, hideLabels: true));
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), Unlabeled).Fit(hidden));

        Assert.Contains("none labeled", error.Message);
    }

    [TestMethod]
    public void AKeyClassWithoutLabeledRows_IsNamed()
    {
        var rows = Enumerable.Range(0, 12).Select(i => new KeyRow { Label = (uint)(i % 2), Features = [i % 2 * 5 + i * 0.01f, 1] });
        var data = Ml.Data.LoadFromEnumerable(rows);
        var trainer = Ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy();
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, trainer, Unlabeled).Fit(data));

        Assert.Contains("class index(es) 2 of 3", error.Message);
    }

    [TestMethod]
    public void NaNFeatures_AreCountedAndNeverSelected()
    {
        var rows = Blobs.Make(30, seed: 2);
        rows[0].Features = [float.NaN, 1f];
        rows[1].Features = [float.NaN, float.NaN];
        var model = Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), Ml.Data.LoadFromEnumerable(rows),
            new SelfTrainingOptions { MaximumIterations = 1, Validation = Unguarded.Validation }).Fit(Labeled);

        Assert.AreEqual(2, model.Rounds.Single().InvalidScores);
        Assert.AreEqual(-1, model.LabeledIteration[0]);
        Assert.AreEqual(-1, model.LabeledIteration[1]);
    }

    [TestMethod]
    public void TeacherWithoutProbabilities_FailsClearly()
    {
        var pipeline = Ml.Transforms.Conversion.MapValueToKey("Label").Append(Ml.MulticlassClassification.Trainers.SdcaNonCalibrated(maximumNumberOfIterations: 5));
        var error = Assert.ThrowsExactly<InvalidOperationException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, pipeline, Unlabeled).Fit(Labeled));

        Assert.Contains("'Score'", error.Message);
        Assert.Contains("probabilities", error.Message);
    }

    [TestMethod]
    [DataRow(-0.1)]
    [DataRow(1.0)]
    [DataRow(double.NaN)]
    public void ThresholdOutOfRange_IsRejectedAtConstruction(double threshold)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), Unlabeled, confidenceThreshold: threshold));

        Assert.AreEqual(nameof(PseudoLabelOptions.ConfidenceThreshold), error.ParamName);
    }

    [TestMethod]
    public void NegativeIterationsOrWeight_AreRejected()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SelfTrainingOptions { MaximumIterations = -1 }.Validate());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SelfTrainingOptions { PseudoLabelWeight = 0 }.Validate());
    }

    internal sealed class DoubleLabelRow
    {
        public double Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    internal sealed class WideRow
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }

    internal sealed class OtherRow
    {
        [VectorType(2)]
        public float[] Pixels { get; set; } = [];
    }

    /// <summary>ML.NET reads a [KeyType] uint property of a class as 0-based: 0 is the first key value.</summary>
    internal sealed class KeyRow
    {
        [KeyType(3)]
        public uint Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
