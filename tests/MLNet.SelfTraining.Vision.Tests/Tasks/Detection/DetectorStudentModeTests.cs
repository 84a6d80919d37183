using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

/// <summary>The detector as a self-training student: registered, in student mode with the run's α, stopped by its token.</summary>
[TestClass]
public sealed class DetectorStudentModeTests
{
    [TestMethod]
    public void InsideAStudentContext_WithoutTheFlagColumn_Throws_AndRegisters()
    {
        var mlContext = new MLContext(seed: 1);
        var trainer = mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 1));
        var data = SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(8, seed: 1));

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
        var rows = SyntheticBoxes.Rows(48, seed: 1).Select((r, i) => new StudentBoxRow
        {
            Features = r.Features,
            Labels = i % 3 == 0 || i % 2 == 0 ? r.Labels : [],                          // some pseudo rows have no box
            Box = i % 3 == 0 || i % 2 == 0 ? r.Box : [],
            IsPseudoLabel = i % 3 != 0,
            Weight = i % 3 == 0 ? 1 : 2,
        });
        var data = mlContext.Data.LoadFromEnumerable(rows, SyntheticBoxes.Definition(typeof(StudentBoxRow)));
        var options = SyntheticBoxes.Options(steps: 20);
        options.ExampleWeightColumnName = "Weight";

        using (StudentRun.Enter(pseudoLabelWeight: 3))
        {
            using var model = mlContext.Detection().Trainers.TorchDetector(options).Fit(data);
        }

        Assert.IsTrue(messages.Any(m => m.Contains("Student mode: 16 human-labeled and 32 pseudo-labeled rows, batches of 8 + 8, 20 steps.")), string.Join("\n", messages));
        Assert.IsTrue(messages.Any(m => m.Contains("Loss averages at the end") && m.Contains("weights human 0.250")), "α = 3: the human loss weighs 1/(1+α)");
    }

    [TestMethod]
    public void TheRunsCancelledToken_StopsTraining()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticBoxes.Rows(8, seed: 1).Select((r, i) => new StudentBoxRow { Features = r.Features, Labels = r.Labels, Box = r.Box, IsPseudoLabel = i % 2 == 0 });
        var data = mlContext.Data.LoadFromEnumerable(rows, SyntheticBoxes.Definition(typeof(StudentBoxRow)));

        using (StudentRun.Enter(pseudoLabelWeight: 1, new CancellationToken(canceled: true)))
        {
            Assert.ThrowsExactly<OperationCanceledException>(() => mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 1_000_000)).Fit(data));
        }
    }

    private sealed class StudentBoxRow
    {
        [VectorType(SyntheticBoxes.PixelCount)]
        public float[] Features { get; set; } = [];

        [KeyType(2)]
        public uint[] Labels { get; set; } = [];

        public float[] Box { get; set; } = [];

        public bool IsPseudoLabel { get; set; }

        public float Weight { get; set; } = 1;
    }
}
