using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tests.PseudoLabeling;

[TestClass]
public sealed class PseudoLabelEstimatorTests
{
    private static readonly MLContext Ml = new(seed: 1);

    // Scores for 3 classes; predicted class = argmax, confidence = max.
    private static readonly float[][] Scores =
    [
        [0.90f, 0.05f, 0.05f], // 0: class 0, 0.90
        [0.80f, 0.10f, 0.10f], // 1: class 0, 0.80
        [0.75f, 0.20f, 0.05f], // 2: class 0, 0.75 (not > 0.75)
        [0.70f, 0.20f, 0.10f], // 3: class 0, 0.70
        [0.10f, 0.85f, 0.05f], // 4: class 1, 0.85
        [0.05f, 0.05f, 0.90f], // 5: class 2, 0.90
        [0.05f, 0.10f, 0.85f], // 6: class 2, 0.85
        [0.02f, 0.02f, 0.96f], // 7: class 2, 0.96
        [float.NaN, 0.5f, 0.5f], // 8: invalid
    ];

    private static IDataView Scored() => Ml.Data.LoadFromEnumerable(Scores.Select(s => new ScoreRow { Score = s }));

    private static List<OutputRow> Run(PseudoLabelEstimator.Options options, out PseudoLabelTransformer transformer)
    {
        transformer = Ml.Transforms.PseudoLabel(options).Fit(Scored());
        return Ml.Data.CreateEnumerable<OutputRow>(transformer.Transform(Scored()), reuseRowObject: false).ToList();
    }

    private static int[] Selected(List<OutputRow> rows) => rows.Select((r, i) => (r, i)).Where(p => p.r.PseudoLabelSelected).Select(p => p.i).ToArray();

    [TestMethod]
    public void Threshold_IsStrict()
    {
        var rows = Run(new PseudoLabelEstimator.Options { ConfidenceThreshold = 0.75 }, out _);

        CollectionAssert.AreEqual(new[] { 0, 1, 4, 5, 6, 7 }, Selected(rows));
        Assert.AreEqual(0.90f, rows[0].PseudoLabelConfidence);
        Assert.AreEqual(3u, rows[7].PseudoLabel);
    }

    [TestMethod]
    public void MaximumPerClass_KeepsTheMostConfidentOfEachClass()
    {
        var rows = Run(new PseudoLabelEstimator.Options { ConfidenceThreshold = 0, MaximumPerClass = 1 }, out var transformer);

        CollectionAssert.AreEqual(new[] { 0, 4, 7 }, Selected(rows));
        Assert.AreEqual(0.96f, transformer.ClassCuts[2]);
    }

    [TestMethod]
    public void MaximumSelected_KeepsTheMostConfidentOverall()
    {
        var rows = Run(new PseudoLabelEstimator.Options { ConfidenceThreshold = 0, MaximumSelected = 3 }, out _);

        CollectionAssert.AreEquivalent(new[] { 0, 5, 7 }, Selected(rows));
    }

    [TestMethod]
    public void BalanceClasses_CapsLargeClasses_AndWeightsSmallOnes()
    {
        var rows = Run(new PseudoLabelEstimator.Options { ConfidenceThreshold = 0.6, BalanceClasses = true, SamplesPerClass = 2 }, out var transformer);

        CollectionAssert.AreEqual(new[] { 0, 1, 4, 5, 7 }, Selected(rows));
        CollectionAssert.AreEqual(new[] { 1f, 2f, 1f }, transformer.ClassMultiplicities.ToArray());
        Assert.AreEqual(2f, rows[4].PseudoLabelWeight);
        Assert.AreEqual(0f, rows[3].PseudoLabelWeight);
    }

    [TestMethod]
    public void BalanceClasses_WithoutSamplesPerClass_CapsAtTheMeanClassCount()
    {
        // Candidates above 0.6: class 0 has 4, class 1 has 1, class 2 has 3 → target ⌈8/3⌉ = 3.
        var rows = Run(new PseudoLabelEstimator.Options { ConfidenceThreshold = 0.6, BalanceClasses = true }, out var transformer);

        CollectionAssert.AreEqual(new[] { 0, 1, 2, 4, 5, 6, 7 }, Selected(rows), "class 0 keeps its 3 most confident rows");
        Assert.AreEqual(0.75f, transformer.ClassCuts[0]);
        CollectionAssert.AreEqual(new[] { 1f, 3f, 1f }, transformer.ClassMultiplicities.ToArray());
    }

    [TestMethod]
    public void NaNScores_AreNeverSelected()
    {
        var rows = Run(new PseudoLabelEstimator.Options { ConfidenceThreshold = 0 }, out _);

        Assert.IsFalse(rows[8].PseudoLabelSelected);
        Assert.IsTrue(float.IsNaN(rows[8].PseudoLabelConfidence));
        Assert.AreEqual(0u, rows[8].PseudoLabel);
    }

    [TestMethod]
    public void SoftLabel_IsTheProbabilityVector()
    {
        var rows = Run(new PseudoLabelEstimator.Options(), out _);

        CollectionAssert.AreEqual(Scores[4], rows[4].SoftLabel);
    }

    [TestMethod]
    public void NonProbabilityScores_AreRejected()
    {
        var raw = Ml.Data.LoadFromEnumerable(new[] { new ScoreRow { Score = [2.5f, -1f, 0.3f] } });

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Ml.Transforms.PseudoLabel().Fit(raw));
        Assert.Contains("'Score'", error.Message);
    }

    [TestMethod]
    public void ConflictingCaps_AreRejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.Transforms.PseudoLabel(new PseudoLabelEstimator.Options { MaximumSelected = 3, MaximumPerClass = 1 }));
        Assert.AreEqual(nameof(PseudoLabelOptions.MaximumSelected), error.ParamName);
    }

    [TestMethod]
    public void ClassThresholdsOfTheWrongLength_AreRejectedAtFit()
    {
        var estimator = Ml.Transforms.PseudoLabel(new PseudoLabelEstimator.Options { ClassThresholds = [0.5, 0.5] });

        var error = Assert.ThrowsExactly<ArgumentException>(() => estimator.Fit(Scored()));
        Assert.Contains("expected 3, got 2", error.Message);
    }

    [TestMethod]
    public void Save_ExplainsWhyItIsNotSupported()
    {
        var transformer = Ml.Transforms.PseudoLabel().Fit(Scored());

        var error = Assert.ThrowsExactly<NotSupportedException>(() => Ml.Model.Save(transformer, Scored().Schema, new MemoryStream()));
        Assert.Contains("training-time stage", error.Message);
    }

    internal sealed class ScoreRow
    {
        [VectorType(3)]
        public float[] Score { get; set; } = [];
    }

    internal sealed class OutputRow
    {
        [KeyType(3)]
        public uint PseudoLabel { get; set; }

        public float PseudoLabelConfidence { get; set; }

        public bool PseudoLabelSelected { get; set; }

        public float PseudoLabelWeight { get; set; }

        public float[] SoftLabel { get; set; } = [];
    }
}
