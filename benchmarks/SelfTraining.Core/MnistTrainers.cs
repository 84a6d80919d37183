using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace SelfTraining.Core;

/// <summary>
/// The multiclass trainers of the MNIST figure, with the hyperparameters documented in docs/lab-notebook.md. Teacher and
/// student use the same ones; all read example weights from <see cref="WeightColumn"/>.
/// </summary>
internal static class MnistTrainers
{
    public const string WeightColumn = "Weight";

    /// <summary>SDCA epochs; <see langword="null"/> lets the trainer choose (set by <c>--sdca-iterations</c>).</summary>
    public static int? SdcaIterations { get; set; }

    /// <summary>LightGBM boosting rounds (set by <c>--lightgbm-trees</c>).</summary>
    public static int LightGbmTrees { get; set; } = 100;

    public static readonly string[] Names = ["LbfgsMaximumEntropy", "LbfgsDefaults", "SdcaMaximumEntropy", "LightGbm"];

    /// <summary>One-line description of the hyperparameters of <paramref name="name"/>.</summary>
    public static string Describe(string name) => name switch
    {
        "LbfgsMaximumEntropy" => "L1=0, L2=1 (= scikit-learn C=1), at most 100 L-BFGS iterations, threads = cores",
        "LbfgsDefaults" => "the README's example: LbfgsMaximumEntropy with ML.NET's defaults (L1=1, L2=1)",
        "SdcaMaximumEntropy" => $"ML.NET default L1/L2 (chosen by the trainer), {(SdcaIterations is { } n ? $"at most {n} epochs" : "default epochs")}, 1 thread (SDCA is not reproducible on more), data cached (AppendCacheCheckpoint)",
        "LightGbm" => $"softmax, {LightGbmTrees} trees, 8 leaves, min 5 rows per leaf, learning rate 0.1, seed 1, 1 thread",
        _ => throw Unknown(name),
    };

    public static IEstimator<ITransformer> Create(MLContext ml, string name) => name switch
    {
        "LbfgsMaximumEntropy" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            ExampleWeightColumnName = WeightColumn,
            L1Regularization = 0,
            L2Regularization = 1,
            MaximumNumberOfIterations = 100,
        }),
        "LbfgsDefaults" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: WeightColumn),
        "SdcaMaximumEntropy" => ml.Transforms.Concatenate("Features", "Features").AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                ExampleWeightColumnName = WeightColumn,
                MaximumNumberOfIterations = SdcaIterations,
                NumberOfThreads = 1,
            })),
        "LightGbm" => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            ExampleWeightColumnName = WeightColumn,
            UseSoftmax = true,
            NumberOfIterations = LightGbmTrees,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 5,
            LearningRate = 0.1,
            Seed = 1,
            NumberOfThreads = 1,
        }),
        _ => throw Unknown(name),
    };

    private static ArgumentException Unknown(string name)
        => new($"Unknown trainer '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name));
}
