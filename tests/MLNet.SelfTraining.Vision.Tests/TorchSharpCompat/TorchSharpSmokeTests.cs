using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.TorchSharpCompat;

/// <summary>Proves the TorchSharp native backend loads and trains in this test host (on Debian 12 only thanks to the compat step).</summary>
[TestClass]
public sealed class TorchSharpSmokeTests
{
    private const int Samples = 32;
    private const int Side = 8;

    [TestMethod]
    public void SmallCnn_LearnsWhichHalfOfTheImageIsBright()
    {
        torch.manual_seed(7);
        torch.set_num_threads(1);
        using var model = nn.Sequential(
            ("conv", nn.Conv2d(1, 4, 3)),
            ("relu", nn.ReLU()),
            ("flatten", nn.Flatten()),
            ("linear", nn.Linear(4 * (Side - 2) * (Side - 2), 2)));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        (float[] pixels, long[] classes) = HalfBrightImages();
        using Tensor images = torch.tensor(pixels, [Samples, 1, Side, Side]);
        using Tensor labels = torch.tensor(classes);

        var losses = new List<float>();
        for (int step = 0; step < 30; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            Tensor loss = nn.functional.cross_entropy(model.forward(images), labels);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        Assert.IsLessThan(losses[0] * 0.5f, losses[^1], $"loss went {losses[0]:F3} -> {losses[^1]:F3}");
    }

    // Class 0: left half bright; class 1: right half bright; uniform noise everywhere.
    private static (float[] Pixels, long[] Classes) HalfBrightImages()
    {
        var random = new Random(11);
        var pixels = new float[Samples * Side * Side];
        var classes = new long[Samples];
        for (int n = 0; n < Samples; n++)
        {
            classes[n] = n % 2;
            for (int y = 0; y < Side; y++)
            {
                for (int x = 0; x < Side; x++)
                {
                    bool bright = (x < Side / 2) == (classes[n] == 0);
                    pixels[(((n * Side) + y) * Side) + x] = (bright ? 0.8f : 0.2f) + (0.3f * (float)random.NextDouble());
                }
            }
        }

        return (pixels, classes);
    }
}
