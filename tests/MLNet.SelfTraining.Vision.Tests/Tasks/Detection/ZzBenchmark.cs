#pragma warning disable IDE0011
using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class ZzBenchmark
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("Sgd", 0.01, 700, "None")]
    public void Bench(string optimizer, double lr, int steps, string aug)
    {
        var env = Environment.GetEnvironmentVariable("DET_BENCH");
        if (env is not null) { var p = env.Split(','); optimizer = p[0]; lr = double.Parse(p[1]); steps = int.Parse(p[2]); aug = p[3]; }
        var split = SceneSplit.Create(MnistDataset.ReadEmbedded10k(), 300, 0, 200, 0, new SceneOptions { CanvasSize = 96 }, seed: 1);
        var ml = new MLContext(seed: 1);
        var log = new List<string>();
        ml.Log += (_, e) => { if (e.Message.Contains("images/s") || e.Message.Contains("Supervised")) { log.Add(e.Message); Console.WriteLine(e.Message); } };
        var test = split.LoadTest(ml);
        var truth = Enumerable.Range(0, split.Test.Count).Select(i => { var d = split.Test.GetDigits(i).ToArray(); return (d.Select(x => (uint)x.Digit + 1).ToArray(), d.SelectMany(x => new[] { (float)x.X0, x.Y0, x.X1, x.Y1 }).ToArray()); }).ToList();
        foreach (var at in (Environment.GetEnvironmentVariable("DET_AT") ?? $"{steps}").Split(";").Select(int.Parse))
        {
            var o = new TorchObjectDetectorTrainer.Options
            {
                Network = new NetworkOptions { ImageHeight = 96, ImageWidth = 96, BaseWidth = 16 },
                Optimization = new OptimizationOptions { Optimizer = Enum.Parse<TorchOptimizer>(optimizer), LearningRate = lr, NumberOfSteps = steps, BatchSize = 32, Seed = 1 },
                Augmentation = new AugmentationOptions { Policy = Enum.Parse<AugmentationPolicy>(aug) },
            };
            // Train "at" steps of a schedule of "at" steps (a full schedule each).
            o.Optimization.NumberOfSteps = at;
            var clock = Stopwatch.StartNew();
            using var model = ml.Detection().Trainers.TorchDetector(o).Fit(split.LoadLabeled(ml));
            var seconds = clock.Elapsed.TotalSeconds;
            var found = SyntheticBoxes.Detect(model.Transform(test));
            var (m, t) = DetectionMatching.Recall(truth, found);
            var ap = Ap50(truth, found);
            Console.WriteLine($"BENCH {optimizer} lr {lr} aug {aug}: {at} steps in {seconds:F0}s ({at * 32 / seconds:F1} img/s): recall@0.5 (score≥0.3) {m}/{t} = {(double)m / t:F3}, AP50 {ap:F3}");
        }
    }

    private static double Ap50(List<(uint[] L, float[] B)> truth, Detections[] found)
    {
        var aps = new List<double>();
        for (uint k = 1; k <= 10; k++)
        {
            var gts = truth.Sum(t => t.L.Count(l => l == k));
            if (gts == 0) continue;
            var dets = new List<(float S, bool Tp)>();
            for (var i = 0; i < truth.Count; i++)
            {
                var taken = new bool[truth[i].L.Length];
                var f = found[i];
                for (var d = 0; d < f.Score.Length; d++)
                {
                    if (f.PredictedLabel[d] != k) continue;
                    var best = -1; var bi = 0.5;
                    for (var g = 0; g < taken.Length; g++)
                    {
                        if (truth[i].L[g] != k || taken[g]) continue;
                        var iou = DetectionMatching.Iou(f.PredictedBoundingBoxes.AsSpan(4 * d, 4), truth[i].B.AsSpan(4 * g, 4));
                        if (iou >= bi) { bi = iou; best = g; }
                    }
                    if (best >= 0) taken[best] = true;
                    dets.Add((f.Score[d], best >= 0));
                }
            }
            dets.Sort((a, b) => b.S.CompareTo(a.S));
            var tp = 0; var prec = new List<double>(); var rec = new List<double>();
            for (var i = 0; i < dets.Count; i++) { if (dets[i].Tp) tp++; prec.Add(tp / (double)(i + 1)); rec.Add(tp / (double)gts); }
            for (var i = prec.Count - 2; i >= 0; i--) prec[i] = Math.Max(prec[i], prec[i + 1]);
            double sum = 0;
            for (var r = 0; r <= 100; r++) { var idx = rec.FindIndex(x => x >= r / 100.0); sum += idx >= 0 ? prec[idx] : 0; }
            aps.Add(sum / 101);
        }
        return aps.Average();
    }
}
