using System.Diagnostics;
using MLNet.SelfTraining.SampleData;
using TorchSharp;
using static TorchSharp.torch;

namespace SelfTraining.Vision;

/// <summary>
/// Times <see cref="RawSmallCnn"/> with the same protocol as <c>throughput.py</c>: 10,000 images preloaded as one tensor,
/// AdamW (lr 1e-3, wd 0.01) steps on random batches of 128 in a dispose scope per step, and eval-mode softmax over all
/// images in batches of 256 under <c>inference_mode</c>. No augmentation.
/// </summary>
internal static class RawThroughputRun
{
    public static ThroughputResult Run(int steps, int repeats)
    {
        var started = UtcStamp.Now();
        set_num_threads(1);
        manual_seed(1);
        var data = MnistDataset.ReadEmbedded10k();
        var pixels = Array.ConvertAll(data.Pixels.ToArray(), b => b / 255f);
        using var images = tensor(pixels, [data.Count, 1, 28, 28]);
        using var labels = tensor(Array.ConvertAll(data.Labels.ToArray(), b => (long)b));
        using var model = RawSmallCnn.Create();
        Train(model, images, labels, 20);
        var train = Enumerable.Range(0, repeats).Select(_ => steps * 128 / Train(model, images, labels, steps)).ToArray();
        Infer(model, images);
        var infer = Enumerable.Range(0, repeats).Select(_ => data.Count / Infer(model, images)).ToArray();
        return new ThroughputResult("TorchSharp (plain network, no ML.NET)",
            new Dictionary<string, double> { ["None"] = Stats.Median(train) }, new Dictionary<string, double[]> { ["None"] = train },
            new Dictionary<string, double>(), Stats.Median(infer), infer, steps, data.Count, get_num_threads(), PeakMemory.PeakRssMiB(), started);
    }

    private static double Train(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, int steps)
    {
        using var optimizer = optim.AdamW(model.parameters(), 1e-3, weight_decay: 0.01);
        model.train();
        var clock = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var index = randint(images.shape[0], [128]);
            var loss = nn.functional.cross_entropy(model.forward(images.index_select(0, index)), labels.index_select(0, index));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            loss.ToDouble();
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static double Infer(nn.Module<Tensor, Tensor> model, Tensor images)
    {
        model.eval();
        var clock = Stopwatch.StartNew();
        using (inference_mode())
        {
            for (long start = 0; start < images.shape[0]; start += 256)
            {
                using var scope = NewDisposeScope();
                var batch = images.narrow(0, start, Math.Min(256, images.shape[0] - start));
                nn.functional.softmax(model.forward(batch), 1).sum().ToSingle();
            }
        }
        return clock.Elapsed.TotalSeconds;
    }
}
