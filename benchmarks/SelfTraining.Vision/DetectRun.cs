using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace SelfTraining.Vision;

/// <summary>
/// Runs one detection configuration: a TorchSharp detector teacher on the labeled scenes (or the cached one, see
/// <see cref="TeacherCache"/>), a timed pass of it over the unlabeled scenes (<see cref="PseudoBoxPass"/>: pseudo-box
/// precision and recall, inference speed), then one round of the core's detection self-training
/// (<c>mlContext.Detection().SelfTraining</c>: pseudo boxes at the score threshold, a student from scratch on human and
/// pseudo boxes); teacher and student evaluated on the test scenes with <c>mlContext.Detection().Evaluate</c>.
/// </summary>
internal static class DetectRun
{
    public static DetectResult Run(SceneConfig config, string? output)
    {
        var started = UtcStamp.Now();
        var mlContext = new MLContext(seed: config.Seed);
        var scenes = config.Scenes().Create();
        var (labeled, unlabeled, test) = (scenes.LoadLabeled(mlContext), scenes.LoadUnlabeled(mlContext), scenes.LoadTest(mlContext));
        var detection = mlContext.Detection();
        var teacherTrainer = detection.Trainers.TorchDetector(DetectorOptionsFactory.Teacher(config));
        var (teacher, teacherSeconds, cached) = TeacherCache.Beside(output).GetOrTrain(config.TeacherKey("detector", "mlnet"), () =>
        {
            var clock = Stopwatch.StartNew();
            var model = teacherTrainer.Fit(labeled);
            return (model, clock.Elapsed.TotalSeconds);
        }, path => TorchObjectDetectorTransformer.Load(mlContext, path), (model, path) => model.Save(path));
        var (pseudoBoxes, inferImagesPerSecond) = PseudoBoxPass.Run(teacher, unlabeled, config.Threshold);

        var student = new TimedEstimator(detection.Trainers.TorchDetector(DetectorOptionsFactory.Student(config)));
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Labels, MaximumIterations = 1, Student = student };
        var boxes = new PseudoBoxOptions { ScoreThreshold = (float)config.Threshold };
        var selfTrainingClock = Stopwatch.StartNew();
        using var model = detection.SelfTraining(new PretrainedTeacher(teacherTrainer, teacher), unlabeled, options, boxes).Fit(labeled);
        var selfTrainingSeconds = selfTrainingClock.Elapsed.TotalSeconds;

        var teacherScores = BoxScores.Of(detection.Evaluate(teacher.Transform(test)));
        var studentScores = BoxScores.Of(detection.Evaluate(model.Transform(test)));
        teacher.Dispose();
        return new DetectResult("ML.NET/TorchSharp", config, teacherScores, studentScores, pseudoBoxes, cached, teacherSeconds, student.Seconds,
            selfTrainingSeconds, (double)config.TeacherSteps * config.BatchSize / teacherSeconds,
            student.Seconds > 0 ? (double)config.StudentSteps * config.BatchSize / student.Seconds : null, inferImagesPerSecond, PeakMemory.PeakRssMiB(), started);
    }
}
