using Microsoft.ML;
using MLNet.SelfTraining.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>
/// <see cref="SelfTrainingOptions.Sharding"/>: scoring through worker processes of the built tool gives the pseudo
/// labels, round records and final model of in-process scoring, and leaves no file behind.
/// </summary>
[TestClass]
public sealed class ShardedSelfTrainingTests
{
    [TestMethod]
    [DataRow(1, false)]
    [DataRow(3, false)]
    [DataRow(3, true)]
    public void ShardedScoring_GivesTheSamePseudoLabelsRoundsAndModel_AsInProcessScoring(int shards, bool rescore)
    {
        var working = Directory.CreateTempSubdirectory("sharded-fit-").FullName;
        var (single, singleScores) = FitMnist(null, rescore);
        var runner = new KillingRunner(ShardTool.Runner(2));
        var (sharded, shardedScores) = FitMnist(new ShardingOptions { Runner = runner, ShardCount = shards, WorkingFolder = working }, rescore);

        Assert.HasCount(2, single.Rounds);
        CollectionAssert.AreEqual(Enumerable.Repeat(2, shards).ToList(), Enumerable.Range(0, shards).Select(i => runner.Attempts[i]).ToList(), "each round ran every shard once, in worker processes");
        Assert.IsGreaterThan(0, single.Rounds[1].Selected, "round 2 selects rows: its scoring is compared too");
        CollectionAssert.AreEqual(single.LabeledIteration.ToList(), sharded.LabeledIteration.ToList());
        CollectionAssert.AreEqual(single.PseudoLabels.ToList(), sharded.PseudoLabels.ToList());
        foreach (var (a, b) in single.Rounds.Zip(sharded.Rounds))
        {
            Assert.AreEqual((a.Scored, a.InvalidScores, a.Selected, a.PseudoLabeled, a.MeanConfidence, a.PseudoLabelAccuracy, a.PseudoLabelWeight),
                (b.Scored, b.InvalidScores, b.Selected, b.PseudoLabeled, b.MeanConfidence, b.PseudoLabelAccuracy, b.PseudoLabelWeight));
            CollectionAssert.AreEqual(a.PseudoLabeledPerClass.ToList(), b.PseudoLabeledPerClass.ToList());
        }

        CollectionAssert.AreEqual(singleScores, shardedScores, "the final students predict the same scores");
        Assert.IsEmpty(Directory.GetFileSystemEntries(working), "the fit's shard folder is deleted when the fit ends");
        Directory.Delete(working);
    }

    [TestMethod]
    public void ShardedScoring_OfASegmentationTeacher_GivesTheSamePseudoMasks_EvenWithMoreShardsThanRows()
    {
        var ml = new MLContext(seed: 1);
        var random = new Random(5);
        var unlabeled = SceneRow.Load(ml, Enumerable.Range(0, 12).Select(_ => SceneRow.Scored(
            [.. Enumerable.Range(0, 4).Select(_ => (byte)random.Next(2))], [.. Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble())])), 4);
        SelfTrainingTransformer Fit(ShardingOptions? sharding, RecordingSegmenter student)
            => ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled,
                new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, Student = student, Sharding = sharding }, new PseudoMaskOptions())
                .Fit(PseudoMaskTests.Labeled(ml));
        var (singleStudent, shardedStudent) = (new RecordingSegmenter(ml), new RecordingSegmenter(ml));

        using var single = Fit(null, singleStudent);
        using var sharded = Fit(new ShardingOptions { Runner = ShardTool.Runner(2), ShardCount = 14 }, shardedStudent);

        Assert.IsGreaterThan(0, single.Rounds.Single().Selected);
        Assert.AreEqual(single.Rounds.Single().MeanConfidence, sharded.Rounds.Single().MeanConfidence);
        CollectionAssert.AreEqual(single.LabeledIteration.ToList(), sharded.LabeledIteration.ToList());
        var (a, b) = (singleStudent.Fits.Single(), shardedStudent.Fits.Single());
        Assert.HasCount(a.Count, b);
        foreach (var (x, y) in a.Zip(b))
        {
            CollectionAssert.AreEqual(x.Mask, y.Mask);
            Assert.AreEqual(x.IsPseudo, y.IsPseudo);
        }
    }

    [TestMethod]
    public void ATeacherMLNetCannotSave_IsNamed_WhenScoringIsSharded()
    {
        var ml = new MLContext(seed: 1);
        const int pixels = IntensitySegmenter.Pixels;
        var labeled = SceneRow.Load(ml, [SceneRow.Labeled([.. Enumerable.Range(0, pixels).Select(p => (byte)(p % 2))])], pixels);
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored(new byte[pixels], Enumerable.Repeat(0.9f, pixels).ToArray())], pixels);
        var runner = new KillingRunner(ShardTool.Runner(1));
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, Sharding = new ShardingOptions { Runner = runner } };

        var error = Assert.ThrowsExactly<ArgumentException>(
            () => ml.Segmentation().SelfTraining(new IntensitySegmenter(ml), unlabeled, options, new PseudoMaskOptions()).Fit(labeled));

        Assert.IsEmpty(runner.Attempts, "no worker starts");
        Assert.AreEqual(nameof(SelfTrainingOptions.Sharding), error.ParamName);
        Assert.Contains("needs a teacher ML.NET can save", error.Message);
        Assert.Contains("round 1's teacher", error.Message);
    }

    [TestMethod]
    [DataRow(0, 3, "ShardCount")]
    [DataRow(100_000, 3, "ShardCount")]
    [DataRow(2, 0, "MaximumAttempts")]
    public void InvalidShardingOptions_AreNamed(int shardCount, int attempts, string name)
    {
        var options = new SelfTrainingOptions { Sharding = new ShardingOptions { ShardCount = shardCount, MaximumAttempts = attempts } };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);

        Assert.AreEqual(name, error.ParamName);
    }

    private static (SelfTrainingTransformer Model, List<string> TestScores) FitMnist(ShardingOptions? sharding, bool rescore)
    {
        var ml = new MLContext(seed: 1);
        var data = new MnistFixture(ml, 100);
        var options = new SelfTrainingOptions
        {
            Validation = Unguarded.Validation,
            MaximumIterations = 2,
            RescorePseudoLabels = rescore,
            DiagnosticLabelColumnName = DefaultColumnNames.Label,
            Selection = new() { ConfidenceThreshold = 0.9 },
            Sharding = sharding,
        };
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: DefaultColumnNames.Weight);
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, trainer, ml.Data.TakeRows(data.UnlabeledWithTrueLabels, 1500), options).Fit(data.Labeled);
        return (model, ShardColumns.Values(model.Transform(ml.Data.TakeRows(data.Test, 300)), DefaultColumnNames.Score));
    }
}
