using System.Diagnostics;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class TorchObjectDetectorTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Fit_FindsTheSquares_WithTheirClass()
    {
        var mlContext = new MLContext(seed: 1);
        var train = SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(96, seed: 1));
        var test = SyntheticBoxes.Rows(32, seed: 2);
        var clock = Stopwatch.StartNew();

        using var model = mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 200)).Fit(train);

        TestContext.WriteLine($"200 steps of batch 16 at 1×32×32 in {clock.Elapsed.TotalSeconds:F1} s.");
        var found = SyntheticBoxes.Detect(model.Transform(SyntheticBoxes.View(mlContext, test)));
        var (matched, total) = DetectionMatching.Recall([.. test.Select(r => (r.Labels, r.Box))], found);
        TestContext.WriteLine($"{matched} of {total} squares found at IoU 0.5 with their class; {found.Sum(f => f.Score.Count(s => s >= 0.3f))} detections ≥ 0.3.");
        Assert.IsGreaterThan(0.7 * total, matched);
    }

    [TestMethod]
    public void Transform_AddsTheThreeColumns_WithTheLabelsKeyTypeAndKeyValues_AsGetOutputSchemaSays()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(16, seed: 1));
        var trainer = mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 60));

        var shape = ShapeCapture.OutputOf(trainer, data);
        using var model = trainer.Fit(data);
        var scored = model.Transform(data);

        var predicted = scored.Schema[DefaultColumnNames.PredictedLabel];
        Assert.AreEqual(new VectorDataViewType(new KeyDataViewType(typeof(uint), 2)), predicted.Type);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        predicted.GetKeyValues(ref names);
        CollectionAssert.AreEqual(SyntheticBoxes.Classes, names.DenseValues().Select(n => n.ToString()).ToArray());
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single), scored.Schema[DefaultColumnNames.Score].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single), scored.Schema[DefaultColumnNames.PredictedBoundingBoxes].Type);
        var labelShape = shape.Single(c => c.Name == DefaultColumnNames.PredictedLabel);
        Assert.IsTrue(labelShape.IsKey && labelShape.Kind == SchemaShape.Column.VectorKind.VariableVector);
        Assert.IsTrue(labelShape.Annotations.Any(a => a.Name == "KeyValues"));
        Assert.AreEqual(SchemaShape.Column.VectorKind.VariableVector, shape.Single(c => c.Name == DefaultColumnNames.Score).Kind);
        Assert.IsTrue(shape.Any(c => c.Name == "Box"), "the input columns pass through");

        var found = SyntheticBoxes.Detect(scored);
        Assert.IsTrue(found.All(f => f.PredictedLabel.Length == f.Score.Length && f.PredictedBoundingBoxes.Length == 4 * f.Score.Length));
        Assert.IsTrue(found.All(f => f.Score.Zip(f.Score.Skip(1)).All(p => p.First >= p.Second)), "scores descend");
        Assert.IsTrue(found.All(f => f.Score.All(s => s is >= 0.05f and < 1) && f.PredictedBoundingBoxes.All(v => v is >= 0 and <= SyntheticBoxes.Side)));
        Assert.IsTrue(found.Sum(f => f.Score.Length) > 0);
        var text = mlContext.Transforms.Conversion.MapKeyToValue("PredictedName", DefaultColumnNames.PredictedLabel).Fit(scored).Transform(scored);
        var classes = text.GetColumn<VBuffer<ReadOnlyMemory<char>>>("PredictedName").SelectMany(v => v.DenseValues().Select(n => n.ToString())).ToHashSet();
        Assert.IsTrue(classes.IsSubsetOf(SyntheticBoxes.Classes) && classes.Count > 0, "MapKeyToValue gives the class names");
    }

    [TestMethod]
    public void PredictionEngine_EqualsBatchTransform_AndSaveLoadGivesTheSameOutputs()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticBoxes.Rows(40, seed: 3);
        var data = SyntheticBoxes.View(mlContext, rows);
        var path = TestArchives.TempPath(TestContext, "detector.zip");
        var options = SyntheticBoxes.Options(steps: 30);
        options.Optimization.InferenceBatchSize = 16;                  // batches of 16, 16 and 8
        options.ScoreThreshold = 0.01f;
        using var model = mlContext.Detection().Trainers.TorchDetector(options).Fit(data);

        var batch = SyntheticBoxes.Detect(model.Transform(data));
        var engine = mlContext.Model.CreatePredictionEngine<BoxRow, Detections>(model, inputSchemaDefinition: SyntheticBoxes.Definition(typeof(BoxRow)));
        var single = rows.Select(r => engine.Predict(r)).ToArray();
        model.Save(path);
        using var loaded = TorchObjectDetectorTransformer.Load(new MLContext(seed: 9), path);
        var reloaded = SyntheticBoxes.Detect(loaded.Transform(data));

        Assert.IsTrue(batch.Sum(b => b.Score.Length) > rows.Length, "boxes to compare");
        for (var i = 0; i < rows.Length; i++)
        {
            CollectionAssert.AreEqual(batch[i].PredictedLabel, single[i].PredictedLabel, $"row {i}: labels");
            CollectionAssert.AreEqual(batch[i].Score, single[i].Score, new ToleranceComparer(1e-5f), $"row {i}: scores");
            CollectionAssert.AreEqual(batch[i].PredictedBoundingBoxes, single[i].PredictedBoundingBoxes, new ToleranceComparer(1e-3f), $"row {i}: boxes");
            CollectionAssert.AreEqual(batch[i].PredictedLabel, reloaded[i].PredictedLabel, $"row {i}: reloaded labels");
            CollectionAssert.AreEqual(batch[i].Score, reloaded[i].Score, $"row {i}: reloaded scores");
            CollectionAssert.AreEqual(batch[i].PredictedBoundingBoxes, reloaded[i].PredictedBoundingBoxes, $"row {i}: reloaded boxes");
        }

        CollectionAssert.AreEqual(SyntheticBoxes.Classes, loaded.ClassNames.ToArray());
        Assert.AreEqual(("Labels", "Box", 0.01f, 0.5f, 100), (loaded.LabelColumnName, loaded.BoxColumnName, loaded.ScoreThreshold, loaded.NmsIouThreshold, loaded.MaximumDetections));
        var backbone = TestArchives.TempPath(TestContext, "backbone.zip");
        loaded.SaveBackbone(backbone);
        var fromBackbone = SyntheticBoxes.Options(steps: 1);
        fromBackbone.Network.InitialBackbonePath = backbone;
        using var started = mlContext.Detection().Trainers.TorchDetector(fromBackbone).Fit(data);
    }

    [TestMethod]
    public void SeededFits_GiveIdenticalWeights()
    {
        var data = SyntheticBoxes.View(new MLContext(seed: 1), SyntheticBoxes.Rows(24, seed: 1));
        var options = SyntheticBoxes.Options(steps: 8);
        options.Augmentation.Policy = AugmentationPolicy.S4;

        var weights = Enumerable.Range(0, 3).Select(run =>
        {
            if (run == 2)
            {
                options.Optimization.Seed = 2;
            }

            var path = TestArchives.TempPath(TestContext, $"run{run}.zip");
            using (var model = new MLContext(seed: run).Detection().Trainers.TorchDetector(options).Fit(data))
            {
                model.Save(path);
            }

            using var zip = ZipFile.OpenRead(path);
            using var stream = new MemoryStream();
            zip.GetEntry("weights.bin")!.Open().CopyTo(stream);
            return stream.ToArray();
        }).ToArray();

        CollectionAssert.AreEqual(weights[0], weights[1], "the same seed gives the same weights");
        CollectionAssert.AreNotEqual(weights[0], weights[2], "another seed gives others");
    }

    [TestMethod]
    public void Loss_IsFiniteAndFalls()
    {
        var mlContext = new MLContext(seed: 1);
        var steps = new List<TrainingProgressStep>();
        var options = SyntheticBoxes.Options(steps: 40);
        options.Optimization.BatchSize = 8;
        options.Progress = new Progress(steps);

        using var model = mlContext.Detection().Trainers.TorchDetector(options).Fit(SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(8, seed: 4)));

        Assert.HasCount(40, steps);
        Assert.IsTrue(steps.All(s => double.IsFinite(s.Loss)));
        Assert.IsLessThan(steps[0].Loss / 2, steps[^1].Loss, $"first {steps[0].Loss:F3}, last {steps[^1].Loss:F3}");
    }

    /// <summary>One step's loss (the epoch's running mean: one step per epoch here).</summary>
    private sealed record TrainingProgressStep(double Loss);

    /// <summary>Records every step, synchronously.</summary>
    private sealed class Progress(List<TrainingProgressStep> steps) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => steps.Add(new TrainingProgressStep(value.LossAverage));
    }
}
