using Microsoft.ML;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Tasks.Classification;

namespace MLNet.SelfTraining;

/// <summary>
/// ML.NET catalog entry points of MLNet.SelfTraining.
/// </summary>
/// <remarks>
/// The self-training methods take the <see cref="MLContext"/> explicitly: ML.NET 5 keeps a catalog's environment
/// internal (<c>IInternalCatalog</c> is <c>[BestFriend]</c>), and the context is what logging (<see cref="MLContext.Log"/>),
/// seeds and temporary files come from.
/// </remarks>
public static class SelfTrainingCatalog
{
    /// <summary>Self-training around a multiclass classification pipeline (see <see cref="SelfTrainingEstimator"/>).</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="mlContext">The context that logs and provides seeds and temporary files.</param>
    /// <param name="teacher">A pipeline ending in a multiclass trainer that outputs probabilities; also the student.</param>
    /// <param name="unlabeledData">Unlabeled rows, or <see langword="null"/> to use only rows of the training data whose label is missing.</param>
    /// <param name="labelColumnName">The label column. Default <c>"Label"</c>.</param>
    /// <param name="confidenceThreshold">Pseudo-label rows whose confidence is strictly greater. Default 0.75.</param>
    /// <param name="maximumIterations">Rounds of teacher → student. Default 10.</param>
    public static SelfTrainingEstimator SelfTraining(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        MLContext mlContext, IEstimator<ITransformer> teacher, IDataView? unlabeledData = null,
        string labelColumnName = DefaultColumnNames.Label, double confidenceThreshold = 0.75, int maximumIterations = 10)
        => catalog.SelfTraining(mlContext, teacher, unlabeledData, Flat(labelColumnName, confidenceThreshold, maximumIterations));

    /// <summary>Self-training around a multiclass classification pipeline, with all options.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="mlContext">The context that logs and provides seeds and temporary files.</param>
    /// <param name="teacher">A pipeline ending in a multiclass trainer that outputs probabilities.</param>
    /// <param name="unlabeledData">Unlabeled rows, or <see langword="null"/>.</param>
    /// <param name="options">The options; checked at once.</param>
    public static SelfTrainingEstimator SelfTraining(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        MLContext mlContext, IEstimator<ITransformer> teacher, IDataView? unlabeledData, SelfTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new SelfTrainingEstimator(mlContext, teacher, unlabeledData, options, new ClassificationTask(isBinary: false));
    }

    /// <summary>Self-training around a binary classification pipeline whose trainer outputs a calibrated <c>Probability</c>.</summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="mlContext">The context that logs and provides seeds and temporary files.</param>
    /// <param name="teacher">A pipeline ending in a calibrated binary trainer; also the student.</param>
    /// <param name="unlabeledData">Unlabeled rows, or <see langword="null"/>.</param>
    /// <param name="labelColumnName">The Boolean label column. Default <c>"Label"</c>.</param>
    /// <param name="confidenceThreshold">Pseudo-label rows whose confidence is strictly greater. Default 0.75.</param>
    /// <param name="maximumIterations">Rounds of teacher → student. Default 10.</param>
    public static SelfTrainingEstimator SelfTraining(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        MLContext mlContext, IEstimator<ITransformer> teacher, IDataView? unlabeledData = null,
        string labelColumnName = DefaultColumnNames.Label, double confidenceThreshold = 0.75, int maximumIterations = 10)
        => catalog.SelfTraining(mlContext, teacher, unlabeledData, Flat(labelColumnName, confidenceThreshold, maximumIterations));

    /// <summary>Self-training around a binary classification pipeline, with all options.</summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="mlContext">The context that logs and provides seeds and temporary files.</param>
    /// <param name="teacher">A pipeline ending in a calibrated binary trainer.</param>
    /// <param name="unlabeledData">Unlabeled rows, or <see langword="null"/>.</param>
    /// <param name="options">The options; checked at once.</param>
    public static SelfTrainingEstimator SelfTraining(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        MLContext mlContext, IEstimator<ITransformer> teacher, IDataView? unlabeledData, SelfTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new SelfTrainingEstimator(mlContext, teacher, unlabeledData, options, new ClassificationTask(isBinary: true));
    }

    /// <summary>The pseudo-labeling stage (see <see cref="PseudoLabelEstimator"/>) with a confidence threshold and an optional per-class cap.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="scoreColumnName">The teacher's probability column. Default <c>"Score"</c>.</param>
    /// <param name="confidenceThreshold">Select rows whose confidence is strictly greater. Default 0.75.</param>
    /// <param name="maximumPerClass">Keep at most this many of the most confident rows per class. Default <see langword="null"/> (no cap).</param>
    public static PseudoLabelEstimator PseudoLabel(this TransformsCatalog catalog, string scoreColumnName = DefaultColumnNames.Score,
        double confidenceThreshold = 0.75, int? maximumPerClass = null)
        => catalog.PseudoLabel(new PseudoLabelEstimator.Options
        {
            ScoreColumnName = scoreColumnName,
            ConfidenceThreshold = confidenceThreshold,
            MaximumPerClass = maximumPerClass,
        });

    /// <summary>The pseudo-labeling stage with all options.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="options">The options; checked at once.</param>
    public static PseudoLabelEstimator PseudoLabel(this TransformsCatalog catalog, PseudoLabelEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new PseudoLabelEstimator(options);
    }

    private static SelfTrainingOptions Flat(string labelColumnName, double confidenceThreshold, int maximumIterations)
        => new()
        {
            LabelColumnName = labelColumnName,
            MaximumIterations = maximumIterations,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = confidenceThreshold },
        };
}
