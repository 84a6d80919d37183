using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.PseudoLabeling;
using SelfTraining.Core;

namespace SelfTraining.Sharding;

/// <summary>
/// One self-training fit (the body of a child process): MNIST-10k's canonical split with k labeled images, the README
/// example's L-BFGS (L1 = 0, L2 = 1, at most 100 iterations, weights from "Weight"), threshold 0.75, 3 rounds, validation
/// guard off; scoring in process or through <see cref="Workers"/> worker processes of the tool.
/// </summary>
internal static class RoundRun
{
    public const int Workers = 2;

    public const string Description = "MNIST-10k canonical split, k = {0}; teacher and student LbfgsMaximumEntropy (L1 = 0, L2 = 1, at most 100 iterations, "
        + "threads = cores, weights from \"Weight\": the README example's configuration), threshold 0.75, MaximumIterations = 3, the library's default "
        + "weighting, **validation guard off** (ValidationOptions.Enabled = false: every round's student is kept), true labels of the unlabeled rows as the "
        + "diagnostic column. Sharded: SelfTrainingOptions.Sharding with a LocalProcessShardRunner of 2 worker processes of the built tool and the default "
        + "ShardCount (2 × workers = 4 shards per round)";

    public static RoundResult Run(bool sharded, int labeled, string toolDll)
    {
        var ml = new MLContext(seed: 1);
        var split = SplitChoice.Create(SplitChoice.Canonical, labeled);
        var test = split.LoadTest(ml);
        var unlabeled = split.Data.ToDataView(ml, split.Unlabeled); // true labels kept: diagnostics only
        var options = new SelfTrainingOptions
        {
            MaximumIterations = 3,
            DiagnosticLabelColumnName = DefaultColumnNames.Label,
            ExampleWeightColumnName = DefaultColumnNames.Weight,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.75 },
            Validation = new ValidationOptions { Enabled = false },
            Sharding = sharded ? new ShardingOptions { Runner = ShardTool.Runner(toolDll, Workers) } : null,
        };
        var teacher = MnistTrainers.Create(ml, "LbfgsMaximumEntropy");

        var clock = Stopwatch.StartNew();
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, teacher, unlabeled, options).Fit(split.LoadLabeled(ml));
        var seconds = clock.Elapsed.TotalSeconds;
        double Accuracy(ITransformer m) => ml.MulticlassClassification.Evaluate(m.Transform(test)).MicroAccuracy;
        return new RoundResult(sharded, 0, seconds, Accuracy(model.Teacher), Accuracy(model), [.. model.Rounds.Select(r => (long)r.PseudoLabeled)], model.StopReason.ToString());
    }
}
