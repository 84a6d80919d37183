using Microsoft.ML;

namespace MLNet.SelfTraining;

/// <summary>
/// Object detection in ML.NET's catalog style, with ML.NET's object detection columns (<c>Labels</c>, <c>Box</c>;
/// <c>PredictedLabel</c>, <c>PredictedBoundingBoxes</c>, <c>Score</c>): obtain it with
/// <see cref="DetectionCatalogExtensions.Detection(MLContext)"/>. Trainers plug into <see cref="Trainers"/> as extension
/// methods (e.g. the TorchSharp detector of MLNet.SelfTraining.Vision).
/// </summary>
public sealed class DetectionCatalog
{
    internal DetectionCatalog(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        MLContext = mlContext;
        Trainers = new DetectionTrainers(mlContext);
    }

    /// <summary>The detection trainers: extension methods of other assemblies hang on this.</summary>
    public DetectionTrainers Trainers { get; }

    /// <summary>The context the catalog was obtained from (logging, seeds, temporary files).</summary>
    internal MLContext MLContext { get; }

    /// <summary>The place detection trainers are added to as extension methods.</summary>
    public sealed class DetectionTrainers
    {
        internal DetectionTrainers(MLContext mlContext)
        {
            MLContext = mlContext;
        }

        /// <summary>The context the catalog was obtained from.</summary>
        internal MLContext MLContext { get; }
    }
}
