using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace SelfTraining.Core;

/// <summary>
/// The trainer of the streaming figure: L-BFGS maximum entropy with one thread (with more threads ML.NET's L-BFGS
/// loads the whole training set into memory; with one it streams it) and a small iteration budget.
/// </summary>
internal static class StreamTrainer
{
    public const string Description = "LbfgsMaximumEntropy, NumberOfThreads=1 (streaming), at most 10 iterations, L1=0, L2=1, weights from \"Weight\"";

    /// <summary>The trainer; <paramref name="weighted"/> reads example weights (self-training), otherwise none (a plain teacher).</summary>
    public static IEstimator<ITransformer> Create(MLContext ml, bool weighted)
        => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            ExampleWeightColumnName = weighted ? MnistTrainers.WeightColumn : null,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 10,
            L1Regularization = 0,
            L2Regularization = 1,
        });
}
