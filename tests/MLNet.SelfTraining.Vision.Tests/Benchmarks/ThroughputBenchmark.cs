using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Classification;

namespace MLNet.SelfTraining.Vision.Tests.Benchmarks;

/// <summary>
/// Training and scoring throughput of the small CNN on 1×28×28 images, one TorchSharp thread. A measurement, not a check:
/// it runs only when the environment variable VISION_BENCHMARK is 1 (e.g. <c>VISION_BENCHMARK=1 dotnet test --filter
/// ThroughputBenchmark --logger "console;verbosity=detailed"</c>).
/// </summary>
[TestClass]
public sealed class ThroughputBenchmark
{
    private const int Side = 28;
    private const int Rows = 2048;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(AugmentationPolicy.None)]
    [DataRow(AugmentationPolicy.S1)]
    [DataRow(AugmentationPolicy.S2)]
    [DataRow(AugmentationPolicy.S4)]
    public void SmallCnn_ImagesPerSecond(AugmentationPolicy policy)
    {
        if (Environment.GetEnvironmentVariable("VISION_BENCHMARK") != "1")
            Assert.Inconclusive("Set VISION_BENCHMARK=1 to run the throughput benchmark.");
        var mlContext = new MLContext(seed: 1);
        var epochMessages = new List<string>();
        mlContext.Log += (_, e) =>
        {
            if (e.Message.Contains("images/s"))
                epochMessages.Add(e.Message);
        };
        var data = Digits(mlContext);
        var options = new TorchImageClassifierTrainer.Options { NumberOfEpochs = 3, Seed = 1 };
        options.Augmentation.Policy = policy;

        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(data);
        var clock = Stopwatch.StartNew();
        var scored = mlContext.Data.CreateEnumerable<ScoreRow>(model.Transform(data), reuseRowObject: true).Count();
        var inference = scored / clock.Elapsed.TotalSeconds;

        TestContext.WriteLine($"{policy}: training {string.Join(" | ", epochMessages)}; scoring {inference.ToString("F0", CultureInfo.InvariantCulture)} images/s");
    }

    private static IDataView Digits(MLContext mlContext)
    {
        var random = new Random(1);
        var rows = Enumerable.Range(0, Rows).Select(i => new DigitRow
        {
            Features = Enumerable.Range(0, Side * Side).Select(_ => random.NextSingle()).ToArray(),
            Label = (i % 10).ToString(CultureInfo.InvariantCulture),
        });
        var raw = mlContext.Data.LoadFromEnumerable(rows.ToArray());
        return mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(raw).Transform(raw);
    }

    private sealed class DigitRow
    {
        [VectorType(Side * Side)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
