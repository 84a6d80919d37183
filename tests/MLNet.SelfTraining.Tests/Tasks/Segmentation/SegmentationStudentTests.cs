using Microsoft.ML;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests.Tasks.Segmentation;

[TestClass]
public sealed class SegmentationStudentTests
{
    [TestMethod]
    public void AlphaAndTheCancellationToken_ReachTheConsumer_ThroughStudentContext()
    {
        var ml = new MLContext(seed: 1);
        using var cancellation = new CancellationTokenSource();
        var student = new RecordingSegmenter(ml);
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f])], 4);

        using var model = ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, Student = student, PseudoLabelWeight = 0.3, CancellationToken = cancellation.Token },
            new PseudoMaskOptions()).Fit(PseudoMaskTests.Labeled(ml));

        var context = student.Contexts.Single();
        Assert.IsNotNull(context);
        Assert.AreEqual(0.3, context.Value.Alpha);
        Assert.AreEqual(cancellation.Token, context.Value.Token);
        Assert.AreEqual(1.0, model.Rounds.Single().PseudoLabelWeight, "a consumer normalizes its loss itself: pseudo rows weigh 1");
    }

    [TestMethod]
    public void AConsumerThatReadsSoftTargets_IsRejected()
    {
        var ml = new MLContext(seed: 1);
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f])], 4);
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, Student = new RecordingSegmenter(ml, softLabelColumnName: "Soft") };

        var error = Assert.ThrowsExactly<ArgumentException>(
            () => ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled, options, new PseudoMaskOptions()).Fit(PseudoMaskTests.Labeled(ml)));

        Assert.AreEqual(nameof(SelfTrainingOptions.Student), error.ParamName);
        Assert.Contains("'Soft'", error.Message);
    }

    [TestMethod]
    public void NormalizedWeighting_WithAStudentThatIsNoConsumer_IsRejected()
    {
        var ml = new MLContext(seed: 1);
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f])], 4);
        var options = new SelfTrainingOptions
        {
            LabelColumnName = DefaultColumnNames.Mask,
            Weighting = PseudoLabelWeighting.Normalized,
            Student = new RecordingSegmenter(ml, consumes: false),
        };

        var error = Assert.ThrowsExactly<ArgumentException>(
            () => ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled, options, new PseudoMaskOptions()).Fit(PseudoMaskTests.Labeled(ml)));

        Assert.AreEqual(nameof(SelfTrainingOptions.Weighting), error.ParamName);
        Assert.Contains(nameof(IPseudoLabelConsumer), error.Message);
    }

    [TestMethod]
    public void AStudentThatIsNoConsumer_GetsPseudoRowsOfWeightAlpha()
    {
        var ml = new MLContext(seed: 1);
        var student = new RecordingSegmenter(ml, consumes: false);
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f])], 4);

        using var model = ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, Student = student, PseudoLabelWeight = 0.5 },
            new PseudoMaskOptions()).Fit(PseudoMaskTests.Labeled(ml));

        Assert.AreEqual(0.5, model.Rounds.Single().PseudoLabelWeight);
        Assert.IsTrue(student.Fits.Single().All(r => r.IsPseudo is null), "no flag column for a student that does not consume it");
        Assert.HasCount(2, student.Fits.Single());
    }

    [TestMethod]
    public void AnIntensitySegmenter_SelfTrains_AndItsStudentIsEvaluated()
    {
        var ml = new MLContext(seed: 1);
        var segmenter = new IntensitySegmenter(ml);

        using var model = ml.Segmentation().SelfTraining(segmenter, Scenes.Make(ml, 20, seed: 2, labeled: false)).Fit(Scenes.Make(ml, 3, seed: 1, labeled: true));
        var metrics = ml.Segmentation().Evaluate(model.Transform(Scenes.Make(ml, 10, seed: 3, labeled: true)));

        Assert.AreEqual(SelfTrainingStopReason.AllLabeled, model.StopReason, "every image got a pseudo pixel");
        Assert.AreEqual(20, model.Rounds.Single().PseudoLabeled);
        Assert.HasCount(2, segmenter.Fits, "the teacher, then the student");
        Assert.IsNull(segmenter.Fits[0].Alpha, "the teacher is not trained as a student");
        Assert.AreEqual(1.0, segmenter.Fits[1].Alpha);
        Assert.IsGreaterThan(0, segmenter.Fits[1].PseudoPixels);
        CollectionAssert.AreEqual(SceneRow.Classes, metrics.ClassNames.ToArray());
        Assert.AreEqual(640, metrics.ValidPixelCount);
        Assert.IsGreaterThan(0.9, metrics.MeanIoU, "well-separated intensities are segmented almost perfectly");
    }
}
