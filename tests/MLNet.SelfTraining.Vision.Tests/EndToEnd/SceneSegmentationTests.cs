using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.EndToEnd;

/// <summary>The segmenter as the teacher and the student of the core's segmentation task (<c>mlContext.Segmentation().SelfTraining</c>).</summary>
[TestClass]
public sealed class SceneSegmentationTests
{
    private const int Canvas = 48;

    [TestMethod]
    public void SelfTraining_OnSquares_TheStudentLearnsFromThePseudoMasks()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var labeled = SyntheticScenes.View(mlContext, SyntheticScenes.Rows(24, seed: 1));
        var unlabeledRows = SyntheticScenes.Rows(160, seed: 3).Select(r => new UnlabeledSquareRow { Features = r.Features, Mask = Ignored(), TrueMask = r.Mask });
        var unlabeled = mlContext.Data.LoadFromEnumerable(unlabeledRows, UnlabeledDefinition());
        var segmenter = mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 200));

        var model = mlContext.Segmentation()
            .SelfTraining(segmenter, unlabeled,
                new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, DiagnosticLabelColumnName = nameof(UnlabeledSquareRow.TrueMask) },
                new PseudoMaskOptions())
            .Fit(labeled);
        var round = model.Rounds.Single();
        var metrics = mlContext.Segmentation().Evaluate(model.Transform(SyntheticScenes.View(mlContext, SyntheticScenes.Rows(32, seed: 2))));

        Assert.IsTrue(messages.Any(m => m.Contains($"Student mode: 24 human-labeled and {round.PseudoLabeled} pseudo-labeled")),
            string.Join("\n", messages.Where(m => m.Contains("mode"))));
        Assert.IsGreaterThan(150L, round.PseudoLabeled, "nearly every unlabeled image has confident pixels");
        Assert.IsGreaterThan(0.8, round.PseudoLabelAccuracy!.Value, "pseudo masks agree with the hidden truth");
        Assert.IsGreaterThan(0.6, metrics.MeanIoU, $"student mIoU {metrics.MeanIoU:F3}, per class {string.Join(", ", metrics.PerClassIoU.Select(v => v.ToString("F2")))}");
    }

    [TestMethod]
    public void SelfTraining_OnDigitScenes_ReadsTheScenesColumns_AndReportsPseudoMaskAccuracy()
    {
        var split = SceneSplit.Create(MnistDataset.ReadEmbedded10k(), labeledScenes: 60, unlabeledScenes: 120, testScenes: 40, objectCentricImages: 0,
            new SceneOptions { CanvasSize = Canvas, MaximumDigits = 2 }, seed: 1);
        var mlContext = new MLContext(seed: 1);
        var segmenter = mlContext.Segmentation().Trainers.TorchSegmenter(new TorchImageSegmenterTrainer.Options
        {
            Network = new NetworkOptions { ImageChannels = 1, ImageHeight = Canvas, ImageWidth = Canvas, BaseWidth = 8 },
            Optimization = new OptimizationOptions { NumberOfSteps = 40, BatchSize = 16, LearningRate = 0.01, Seed = 1 },
            Augmentation = new AugmentationOptions { Policy = AugmentationPolicy.S1 },
        });

        var model = mlContext.Segmentation()
            .SelfTraining(segmenter, split.LoadUnlabeled(mlContext),
                new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, DiagnosticLabelColumnName = SceneSet.TrueMaskColumnName },
                new PseudoMaskOptions())
            .Fit(split.LoadLabeled(mlContext));
        var metrics = mlContext.Segmentation().Evaluate(model.Transform(split.LoadTest(mlContext)));

        var round = model.Rounds.Single();
        Assert.AreEqual(120L, round.Scored);
        Assert.IsNotNull(round.PseudoLabelAccuracy);
        CollectionAssert.AreEqual(SceneSet.MaskClassNames.ToArray(), metrics.ClassNames.ToArray());
        Assert.AreEqual(40L * Canvas * Canvas, metrics.ValidPixelCount + IgnoredPixels(split.Test));
    }

    private static long IgnoredPixels(SceneSet scenes) => scenes.Masks.ToArray().LongCount(v => v == SegmentationMasks.Ignore);

    private static byte[] Ignored() => Enumerable.Repeat(SegmentationMasks.Ignore, SyntheticScenes.PixelCount).ToArray();

    private static SchemaDefinition UnlabeledDefinition()
    {
        var definition = SyntheticScenes.Definition(typeof(UnlabeledSquareRow));
        var names = SyntheticScenes.Classes.Select(c => c.AsMemory()).ToArray();
        definition[nameof(UnlabeledSquareRow.TrueMask)].AddAnnotation(SegmentationMasks.ClassNamesAnnotation,
            new VBuffer<ReadOnlyMemory<char>>(names.Length, names), new VectorDataViewType(TextDataViewType.Instance, names.Length));
        return definition;
    }

    private sealed class UnlabeledSquareRow
    {
        [VectorType(SyntheticScenes.PixelCount)]
        public float[] Features { get; set; } = [];

        [VectorType(SyntheticScenes.PixelCount)]
        public byte[] Mask { get; set; } = [];

        [VectorType(SyntheticScenes.PixelCount)]
        public byte[] TrueMask { get; set; } = [];
    }
}
