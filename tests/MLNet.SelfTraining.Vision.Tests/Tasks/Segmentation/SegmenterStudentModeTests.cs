using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

/// <summary>The segmenter as a self-training student: registered, in student mode with the run's α, stopped by its token.</summary>
[TestClass]
public sealed class SegmenterStudentModeTests
{
    [TestMethod]
    public void InsideAStudentContext_WithoutTheFlagColumn_Throws_AndRegisters()
    {
        var mlContext = new MLContext(seed: 1);
        var trainer = mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 1));
        var data = SyntheticScenes.View(mlContext, SyntheticScenes.Rows(8, seed: 1));

        using (StudentRun.Enter(pseudoLabelWeight: 1))
        {
            ShapeCapture.OutputOf(trainer, data);
            Assert.IsTrue(StudentContext.Current!.Consumers.Contains(trainer), "GetOutputSchema registers the trainer");
            var error = Assert.ThrowsExactly<InvalidOperationException>(() => trainer.Fit(data));
            StringAssert.Contains(error.Message, "no 'IsPseudoLabel' column (Options.PseudoLabelFlagColumnName)");
        }

        Assert.IsNull(trainer.SoftLabelColumnName);
    }

    [TestMethod]
    public void WithTheFlagColumn_TrainsMixedBatches_WeighingThePseudoLossWithTheRunsAlpha()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var rows = SyntheticScenes.Rows(48, seed: 1).Select((r, i) => new StudentSceneRow
        {
            Features = r.Features,
            Mask = i % 3 == 0 ? r.Mask : [.. r.Mask.Select((v, p) => p % 7 == 0 ? SegmentationMasks.Ignore : v)],   // pseudo masks have holes
            IsPseudoLabel = i % 3 != 0,
            Weight = i % 3 == 0 ? 1 : 2,
        });
        var data = mlContext.Data.LoadFromEnumerable(rows, SyntheticScenes.Definition(typeof(StudentSceneRow)));
        var options = SyntheticScenes.Options(steps: 20);
        options.ExampleWeightColumnName = "Weight";
        options.Student.NormalizeLoss = true;

        using (StudentRun.Enter(pseudoLabelWeight: 3))
        {
            using var model = mlContext.Segmentation().Trainers.TorchSegmenter(options).Fit(data);
        }

        Assert.IsTrue(messages.Any(m => m.Contains("Student mode: 16 human-labeled and 32 pseudo-labeled rows, batches of 8 + 8, 20 steps.")), string.Join("\n", messages));
        Assert.IsTrue(messages.Any(m => m.Contains("Loss averages at the end") && m.Contains("weights human 0.250")), "α = 3: the human loss weighs 1/(1+α)");
    }

    [TestMethod]
    public void TheRunsCancelledToken_StopsTraining()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticScenes.Rows(8, seed: 1).Select((r, i) => new StudentSceneRow { Features = r.Features, Mask = r.Mask, IsPseudoLabel = i % 2 == 0 });
        var data = mlContext.Data.LoadFromEnumerable(rows, SyntheticScenes.Definition(typeof(StudentSceneRow)));

        using (StudentRun.Enter(pseudoLabelWeight: 1, new CancellationToken(canceled: true)))
        {
            Assert.ThrowsExactly<OperationCanceledException>(() => mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 1_000_000)).Fit(data));
        }
    }

    private sealed class StudentSceneRow
    {
        [VectorType(SyntheticScenes.PixelCount)]
        public float[] Features { get; set; } = [];

        [VectorType(SyntheticScenes.PixelCount)]
        public byte[] Mask { get; set; } = [];

        public bool IsPseudoLabel { get; set; }

        public float Weight { get; set; } = 1;
    }
}
