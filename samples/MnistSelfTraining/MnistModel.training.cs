// Shaped like ML.NET Model Builder's generated <Name>.training.cs, with a self-training step.
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.PseudoLabeling;

namespace MnistSelfTraining;

public partial class MnistModel
{
    /// <summary>
    /// The teacher (and student) pipeline: LBFGS maximum entropy on the 784 pixels, reading pseudo-label weights, with
    /// scikit-learn's LogisticRegression defaults (L2 = 1, no L1) as in docs/results.md.
    /// </summary>
    public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
        => mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            labelColumnName: "Label", featureColumnName: "Features", exampleWeightColumnName: "Weight",
            l1Regularization: 0f, l2Regularization: 1f);

    /// <summary>
    /// Self-trains <see cref="BuildPipeline"/> on the labeled rows and the unlabeled pool, keeping every round's student
    /// (to evaluate each round) and reporting to <paramref name="progress"/>.
    /// </summary>
    public static SelfTrainingTransformer RetrainModel(MLContext mlContext, IDataView labeled, IDataView unlabeled, int rounds, IProgress<SelfTrainingProgress>? progress = null)
    {
        var options = new SelfTrainingOptions
        {
            MaximumIterations = rounds,
            Weighting = PseudoLabelWeighting.Fixed,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.75 },
            DiagnosticLabelColumnName = "Label",
            KeepRoundModels = true,
            Progress = progress,
        };
        return mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, BuildPipeline(mlContext), unlabeled, options).Fit(labeled);
    }

    /// <summary>Saves the model as a plain ML.NET zip: it loads back with <c>mlContext.Model.Load</c>, no extension needed.</summary>
    public static void SaveModel(MLContext mlContext, ITransformer model, IDataView data, string modelSavePath)
    {
        using var stream = File.Create(modelSavePath);
        mlContext.Model.Save(model, data.Schema, stream);
    }
}
