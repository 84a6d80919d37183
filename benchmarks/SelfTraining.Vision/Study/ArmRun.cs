using System.Diagnostics;
using Microsoft.ML;

namespace SelfTraining.Vision.Study;

/// <summary>
/// Runs one arm of a study cell: the task's network from its initial backbone (random, or a pre-training's backbone)
/// trained on the cell's labeled scenes; or, for a self-training arm, one round of the core's self-training whose
/// teacher is another arm's saved model (<see cref="PretrainedTeacher"/>) and whose student starts from the arm's
/// backbone, with the object-centric images (or the unlabeled scenes) as unlabeled data, their pseudo labels measured
/// against the hidden truth first (<see cref="PseudoBoxPass"/>, <see cref="PseudoMaskPass"/>). The model is evaluated on
/// the test scenes; a teacher arm's model is saved for the self-training arms.
/// </summary>
internal static class ArmRun
{
    public static StudyResult Run(StudyConfig config, StudyRun run, StudyFolder folder)
    {
        var (started, clock) = (UtcStamp.Now(), Stopwatch.StartNew());
        var (arm, cell) = (run.Arm!, run.Cell!);
        var task = Task(run.Task!);
        var mlContext = new MLContext(seed: run.Seed);
        var settings = config.Arm(cell, run.Steps, run.Seed);
        var scenes = config.ArmScenes(cell, arm.SelfTraining).Create();
        var (labeled, test) = (scenes.LoadLabeled(mlContext), scenes.LoadTest(mlContext));
        var backbone = run.Backbone is null ? null : folder.Model(run.Backbone);
        ITransformer model;
        StudyPseudoLabels? pseudoLabels = null;
        bool? studentTrained = null;
        if (run.Teacher is null)
        {
            model = task.Trainer(mlContext, settings, backbone, student: false).Fit(labeled);
        }
        else
        {
            var teacher = task.Load(mlContext, folder.Model(run.Teacher));
            var unlabeled = arm.SelfTraining == StudyArm.SceneImages ? scenes.LoadUnlabeled(mlContext) : scenes.ObjectCentric.ToDataView(mlContext, hideTargets: true);
            pseudoLabels = task.PseudoLabels(teacher, unlabeled, config.Threshold);
            var selfTrained = task.SelfTraining(mlContext, new PretrainedTeacher(task.Trainer(mlContext, settings, null, student: false), teacher), unlabeled,
                task.Trainer(mlContext, settings, backbone, student: true), config.Threshold).Fit(labeled);
            studentTrained = !ReferenceEquals(selfTrained.Model, selfTrained.Teacher);
            model = selfTrained;
        }

        if (run.SavesModel)
        {
            task.Save(model, folder.Model(run.Id));
        }

        var (value, averagePrecision50) = task.Evaluate(mlContext, model, test);
        (model as IDisposable)?.Dispose();
        return new StudyResult(run.Id, run.Kind, task.Name, cell.Policy, cell.Labeled, run.Seed, arm.Name, arm.Init, arm.SelfTraining, run.Steps,
            task.Metric, value, averagePrecision50, pseudoLabels, studentTrained, clock.Elapsed.TotalSeconds, PeakMemory.PeakRssMiB(), started, config.IsQuick);
    }

    private static IStudyTask Task(string name) => name switch
    {
        RunKind.Detect => new DetectionStudyTask(),
        RunKind.Segment => new SegmentationStudyTask(),
        _ => throw new ArgumentException($"Unknown study task '{name}' (expected {RunKind.Detect} or {RunKind.Segment}).", nameof(name)),
    };
}
