using Microsoft.ML;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>
/// <see cref="SelfTrainingOptions.Sharding"/> with <see cref="OrleansShardRunner"/>: the estimator's rounds score on
/// the silos and give the pseudo labels and round records of in-process scoring.
/// </summary>
[TestClass]
public sealed class OrleansSelfTrainingTests
{
    [TestMethod]
    public async Task ShardedOnTwoSilos_GivesThePseudoLabelsAndRounds_OfInProcessScoring()
    {
        await using var cluster = await TwoSiloCluster<ShardWorkerSilo>.StartAsync();
        var runner = new RecordingRunner(await OrleansShardRunner.ForActiveSilosAsync(cluster.Client));
        var working = Directory.CreateTempSubdirectory("orleans-fit-").FullName;

        using var single = Fit(sharding: null);
        using var sharded = await Task.Run(() => Fit(new ShardingOptions { Runner = runner, ShardCount = 5, WorkingFolder = working }));

        Assert.HasCount(2, single.Rounds);
        Assert.HasCount(10, runner.Calls, "each of the 2 rounds scored its 5 shards on the silos");
        Assert.IsEmpty(runner.Failures);
        Assert.IsGreaterThan(0, single.Rounds[0].Selected);
        CollectionAssert.AreEqual(single.LabeledIteration.ToList(), sharded.LabeledIteration.ToList());
        CollectionAssert.AreEqual(single.PseudoLabels.ToList(), sharded.PseudoLabels.ToList());
        foreach (var (a, b) in single.Rounds.Zip(sharded.Rounds))
        {
            Assert.AreEqual((a.Scored, a.Selected, a.PseudoLabeled, a.MeanConfidence), (b.Scored, b.Selected, b.PseudoLabeled, b.MeanConfidence));
        }

        Assert.IsEmpty(Directory.GetFileSystemEntries(working), "the fit's shard folder is deleted when the fit ends");
        Directory.Delete(working);
    }

    private static SelfTrainingTransformer Fit(ShardingOptions? sharding)
    {
        var ml = new MLContext(seed: 1);
        var keys = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(BlobRow.Make(300, seed: 3)));
        var labeled = keys.Transform(ml.Data.LoadFromEnumerable(BlobRow.Make(30, seed: 1)));
        var unlabeled = keys.Transform(ml.Data.LoadFromEnumerable(BlobRow.Make(2000, seed: 2)));
        var options = new SelfTrainingOptions
        {
            Validation = new ValidationOptions { Enabled = false },
            MaximumIterations = 2,
            DiagnosticLabelColumnName = DefaultColumnNames.Label,
            Selection = new() { ConfidenceThreshold = 0.9 },
            Sharding = sharding,
        };
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: DefaultColumnNames.Weight);
        return ml.MulticlassClassification.Trainers.SelfTraining(ml, trainer, unlabeled, options).Fit(labeled);
    }
}
