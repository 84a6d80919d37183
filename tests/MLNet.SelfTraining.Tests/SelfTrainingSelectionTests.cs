using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests;

[TestClass]
public sealed class SelfTrainingSelectionTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static SelfTrainingTransformer Fit(IDataView unlabeled, SelfTrainingOptions options)
        => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), unlabeled, options).Fit(Ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1)));

    [TestMethod]
    public void BalanceClasses_CapsEveryClassAtTheTarget()
    {
        var unlabeled = Ml.Data.LoadFromEnumerable(Blobs.Make(60, seed: 2));
        var model = Fit(unlabeled, new SelfTrainingOptions
        {
            Validation = Unguarded.Validation,
            MaximumIterations = 1,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.5, BalanceClasses = true, SamplesPerClass = 20 },
        });

        CollectionAssert.AreEqual(new long[] { 20, 20, 20 }, model.Rounds.Single().PseudoLabeledPerClass.ToArray());
    }

    [TestMethod]
    public void BalanceClasses_WithAConsumerThatReadsNoWeights_LogsAWarning()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var student = new HardLabelConsumer(Blobs.Pipeline(ml, weightColumn: null));
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.5, BalanceClasses = true } };

        ml.MulticlassClassification.Trainers.SelfTraining(ml, student, ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2)), options)
            .Fit(ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1)));

        Assert.IsTrue(messages.Any(m => m.Contains("small classes are not up-weighted", StringComparison.Ordinal)), string.Join("\n", messages.Take(20)));
    }

    [TestMethod]
    public void RescorePseudoLabels_KeepsTheBookkeepingConsistent()
    {
        var unlabeled = Ml.Data.LoadFromEnumerable(Blobs.Make(60, seed: 2, spread: 2.0));
        var model = Fit(unlabeled, new SelfTrainingOptions
        {
            Validation = Unguarded.Validation,
            MaximumIterations = 3,
            RescorePseudoLabels = true,
            DiagnosticLabelColumnName = "TrueLabel",
            Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.9 },
        });

        Assert.IsNotEmpty(model.Rounds);
        foreach (var round in model.Rounds)
        {
            Assert.AreEqual(round.PseudoLabeledPerClass.Sum(), round.PseudoLabeled);
        }

        Assert.AreEqual(model.Rounds[^1].PseudoLabeled, model.LabeledIteration.Count(i => i >= 0));
        Assert.IsTrue(model.LabeledIteration.All(i => i <= model.Rounds.Count));
    }

    [TestMethod]
    public void SingleLabels_AreMappedThroughTheTeachersLabelValues()
    {
        var rows = Blobs.Make(3, seed: 1).Select(r => new SingleRow { Label = Array.IndexOf(Blobs.Classes, r.Label) * 10f, Features = r.Features });
        var unlabeled = Blobs.Make(40, seed: 2).Select(r => new SingleRow { Label = float.NaN, Features = r.Features, TrueLabel = Array.IndexOf(Blobs.Classes, r.TrueLabel) * 10f });
        var data = Ml.Data.LoadFromEnumerable(rows.Concat(unlabeled));
        var model = Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), null,
            new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1, DiagnosticLabelColumnName = "TrueLabel" }).Fit(data);

        Assert.HasCount(120, model.LabeledIteration);
        Assert.IsGreaterThan(0.9, model.Rounds.Single().PseudoLabelAccuracy!.Value);
    }

    internal sealed class SingleRow
    {
        public float Label { get; set; }

        public float TrueLabel { get; set; } = float.NaN;

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>A real ML.NET pipeline that declares itself a pseudo-label consumer reading hard labels and no weights.</summary>
    private sealed class HardLabelConsumer(IEstimator<ITransformer> inner) : IEstimator<ITransformer>, IPseudoLabelConsumer
    {
        public string PseudoLabelFlagColumnName => "IsPseudoLabel";

        public string? SoftLabelColumnName => null;

        public string? ExampleWeightColumnName => null;

        public ITransformer Fit(IDataView input) => inner.Fit(input);

        public SchemaShape GetOutputSchema(SchemaShape inputSchema)
        {
            StudentContext.Current?.Register(this);
            return inner.GetOutputSchema(inputSchema);
        }
    }
}
