using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Evaluation;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace SelfTraining.Vision;

/// <summary>
/// Runs one segmentation configuration: a TorchSharp segmenter teacher on the labeled scenes (or the cached one, see
/// <see cref="TeacherCache"/>), a timed pass of it over the unlabeled scenes (pseudo-mask statistics, inference speed),
/// then one round of the core's segmentation self-training (<c>mlContext.Segmentation().SelfTraining</c>: pseudo masks
/// at the pixel threshold, a student from scratch on human and pseudo masks); teacher and student evaluated on the test
/// scenes with <c>mlContext.Segmentation().Evaluate</c>.
/// </summary>
internal static class SegmentRun
{
    public static SegmentResult Run(SceneConfig config, string? output)
    {
        var started = UtcStamp.Now();
        var mlContext = new MLContext(seed: config.Seed);
        var scenes = config.Scenes().Create();
        var (labeled, unlabeled, test) = (scenes.LoadLabeled(mlContext), scenes.LoadUnlabeled(mlContext), scenes.LoadTest(mlContext));
        var segmentation = mlContext.Segmentation();
        var teacherTrainer = segmentation.Trainers.TorchSegmenter(SegmenterOptionsFactory.Teacher(config));
        var (teacher, teacherSeconds, cached) = TeacherCache.Beside(output).GetOrTrain(config.TeacherKey("teacher", "mlnet"), () =>
        {
            var clock = Stopwatch.StartNew();
            var model = teacherTrainer.Fit(labeled);
            return (model, clock.Elapsed.TotalSeconds);
        }, path => TorchImageSegmenterTransformer.Load(mlContext, path), (model, path) => model.Save(path));
        var (pseudoMasks, inferImagesPerSecond) = PseudoMaskPass.Run(teacher, unlabeled, config.Threshold);

        var student = new TimedEstimator(segmentation.Trainers.TorchSegmenter(SegmenterOptionsFactory.Student(config)));
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, Student = student };
        var masks = new PseudoMaskOptions { PixelConfidenceThreshold = (float)config.Threshold };
        var selfTrainingClock = Stopwatch.StartNew();
        using var model = segmentation.SelfTraining(new PretrainedTeacher(teacherTrainer, teacher), unlabeled, options, masks).Fit(labeled);
        var selfTrainingSeconds = selfTrainingClock.Elapsed.TotalSeconds;

        var teacherScores = Scores(segmentation.Evaluate(teacher.Transform(test)));
        var studentScores = Scores(segmentation.Evaluate(model.Transform(test)));
        teacher.Dispose();
        return new SegmentResult("ML.NET/TorchSharp", config, teacherScores, studentScores, pseudoMasks, cached, teacherSeconds, student.Seconds,
            selfTrainingSeconds, (double)config.TeacherSteps * config.BatchSize / teacherSeconds,
            student.Seconds > 0 ? (double)config.StudentSteps * config.BatchSize / student.Seconds : null, inferImagesPerSecond, PeakMemory.PeakRssMiB(), started);
    }

    private static MaskScores Scores(SegmentationMetrics metrics) =>
        new(metrics.MeanIoU, [.. metrics.PerClassIoU.Select(v => double.IsNaN(v) ? (double?)null : v)], metrics.PixelAccuracy);
}
