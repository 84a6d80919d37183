using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace SelfTraining.Vision;

/// <summary>
/// Times the library's SmallCnn on the 10,000 embedded MNIST images: training through
/// <see cref="TorchImageClassifierTrainer.Fit"/> (batch 128; the time of a 1-step fit is subtracted, so reading the rows
/// and building the network are excluded) and scoring through the fitted transformer (batch 256, every Score read).
/// With an elastic strength, each policy but None is timed a second time with elastic distortion ("S2+elastic16").
/// </summary>
internal static class ThroughputRun
{
    private const int BatchSize = 128;

    public static ThroughputResult Run(ThroughputConfig config)
    {
        var (steps, repeats, policies, elastic) = (config.Steps, config.Repeats, config.Policies, config.Elastic);
        var started = UtcStamp.Now();
        var mlContext = new MLContext(seed: 1);
        var data = MnistDataset.LoadEmbedded10k(mlContext);
        var rate = new Dictionary<string, double>();
        var all = new Dictionary<string, double[]>();
        var overhead = new Dictionary<string, double>();
        TorchImageClassifierTransformer? model = null;
        var augmentations = policies.Select(p => (Name: p.ToString(), Policy: p, Elastic: 0.0))
            .Concat(policies.Where(p => elastic > 0 && p != AugmentationPolicy.None).Select(p => (Name: $"{p}+elastic{elastic:g}", Policy: p, Elastic: elastic)))
            .ToList();
        foreach (var (name, policy, alpha) in augmentations)
        {
            TimeFit(mlContext, data, policy, alpha, steps: 20).Model.Dispose();      // warmup
            var baseline = Stats.Median(Enumerable.Range(0, repeats).Select(_ => Dispose(TimeFit(mlContext, data, policy, alpha, 1))));
            var repeatsPerSecond = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                var (seconds, fitted) = TimeFit(mlContext, data, policy, alpha, steps + 1);
                repeatsPerSecond[r] = steps * BatchSize / Math.Max(seconds - baseline, 1e-9);
                model?.Dispose();
                model = fitted;
            }
            rate[name] = Stats.Median(repeatsPerSecond);
            all[name] = repeatsPerSecond;
            overhead[name] = baseline;
        }

        Score(model!, data);                                                  // warmup
        var infer = Enumerable.Range(0, repeats).Select(_ => 10_000 / Score(model!, data)).ToArray();
        model!.Dispose();
        return new ThroughputResult("ML.NET/TorchSharp", rate, all, overhead, Stats.Median(infer), infer, steps, 10_000, 1,
            PeakMemory.PeakRssMiB(), started);
    }

    private static (double Seconds, TorchImageClassifierTransformer Model) TimeFit(MLContext mlContext, IDataView data, AugmentationPolicy policy,
        double elastic, int steps)
    {
        var trainer = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext,
            TrainerOptionsFactory.Throughput(steps, BatchSize, policy, elastic));
        var clock = Stopwatch.StartNew();
        var model = trainer.Fit(data);
        return (clock.Elapsed.TotalSeconds, model);
    }

    private static double Dispose((double Seconds, TorchImageClassifierTransformer Model) fit)
    {
        fit.Model.Dispose();
        return fit.Seconds;
    }

    /// <summary>Scores every row and reads every Score vector; returns the seconds taken.</summary>
    private static double Score(TorchImageClassifierTransformer model, IDataView data)
    {
        var clock = Stopwatch.StartNew();
        var scored = model.Transform(data);
        var column = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> score = default;
        var sum = 0f;
        while (cursor.MoveNext())
        {
            getter(ref score);
            sum += score.GetValues()[0];
        }
        GC.KeepAlive(sum);
        return clock.Elapsed.TotalSeconds;
    }
}
