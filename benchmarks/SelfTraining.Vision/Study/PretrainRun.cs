using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining.Vision;

namespace SelfTraining.Vision.Study;

/// <summary>
/// Runs one pre-training of the study on the object-centric images and saves the backbone alone
/// (<c>models/pretrain-METHOD-seedN.zip</c>): supervised (the TorchSharp classifier on their digit labels,
/// <see cref="TrainerOptionsFactory.Pretraining"/>) or SimCLR (<see cref="SimClrPretraining"/>; labels unused).
/// </summary>
internal static class PretrainRun
{
    public static StudyResult Run(StudyConfig config, StudyRun run, StudyFolder folder)
    {
        var (started, clock) = (UtcStamp.Now(), Stopwatch.StartNew());
        var mlContext = new MLContext(seed: run.Seed);
        var images = config.PretrainingImages().Create().LoadObjectCentric(mlContext);
        var settings = config.Pretraining(StudyPlan.Pretraining(config, run.Init), run.Seed);
        var backbone = folder.Model(run.Id);
        if (run.Init == StudyArm.SupervisedInit)
        {
            var trainer = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TrainerOptionsFactory.Pretraining(settings));
            using var model = trainer.Fit(images);
            model.SaveBackbone(backbone);
        }
        else
        {
            SimClrPretraining.Run(mlContext, settings, images, backbone);
        }

        return new StudyResult(run.Id, run.Kind, null, null, null, run.Seed, null, run.Init, StudyArm.NoSelfTraining, run.Steps, null, null, null, null, null,
            clock.Elapsed.TotalSeconds, PeakMemory.PeakRssMiB(), started, config.IsQuick);
    }
}
