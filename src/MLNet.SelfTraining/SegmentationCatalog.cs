using Microsoft.ML;
using MLNet.SelfTraining.Evaluation;
using MLNet.SelfTraining.Tasks.Segmentation;

namespace MLNet.SelfTraining;

/// <summary>
/// Semantic segmentation in ML.NET's catalog style (ML.NET has no segmentation catalog): obtain it with
/// <see cref="SegmentationCatalogExtensions.Segmentation(MLContext)"/>. Trainers plug into <see cref="Trainers"/> as
/// extension methods (e.g. the TorchSharp segmenter of MLNet.SelfTraining.Vision).
/// </summary>
public sealed class SegmentationCatalog
{
    internal SegmentationCatalog(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        MLContext = mlContext;
        Trainers = new SegmentationTrainers(mlContext);
    }

    /// <summary>The segmentation trainers: extension methods of other assemblies hang on this.</summary>
    public SegmentationTrainers Trainers { get; }

    /// <summary>The context the catalog was obtained from (logging, seeds, temporary files).</summary>
    internal MLContext MLContext { get; }

    /// <summary>
    /// Self-training of a semantic segmenter (Zoph et al. 2020): the teacher, trained on the human masks, pseudo-labels
    /// the unlabeled images; a pixel keeps the teacher's class when its confidence is at least
    /// <paramref name="pixelConfidenceThreshold"/> and is 255 (ignored) otherwise; the student trains on human and
    /// pseudo masks (see <see cref="SelfTraining(IEstimator{ITransformer}, IDataView?, SelfTrainingOptions, PseudoMaskOptions)"/>).
    /// </summary>
    /// <param name="teacher">A segmentation pipeline whose model outputs <c>PredictedMask</c> and <c>Confidence</c>; also the student.</param>
    /// <param name="unlabeledData">Unlabeled images, or <see langword="null"/> to use only training rows whose mask is all 255.</param>
    /// <param name="maskColumnName">The mask column (<see cref="SegmentationMasks"/>). Default <c>"Mask"</c>.</param>
    /// <param name="pixelConfidenceThreshold">A pixel is a pseudo pixel when the teacher's confidence is at least this value. Default 0.5.</param>
    /// <param name="maximumIterations">Rounds of teacher → student. Default 1 (the paper's single round).</param>
    public SelfTrainingEstimator SelfTraining(IEstimator<ITransformer> teacher, IDataView? unlabeledData = null,
        string maskColumnName = DefaultColumnNames.Mask, float pixelConfidenceThreshold = PseudoMaskOptions.DefaultPixelConfidenceThreshold,
        int maximumIterations = 1)
        => SelfTraining(teacher, unlabeledData,
            new SelfTrainingOptions { LabelColumnName = maskColumnName, MaximumIterations = maximumIterations },
            new PseudoMaskOptions { PixelConfidenceThreshold = pixelConfidenceThreshold });

    /// <summary>Self-training of a semantic segmenter, with all options.</summary>
    /// <remarks>
    /// <para>Input columns: whatever the teacher and student pipelines read (e.g. the image's <c>Features</c>), plus the
    /// mask column named by <see cref="SelfTrainingOptions.LabelColumnName"/> (set it, e.g. to <c>"Mask"</c>: its default
    /// <c>"Label"</c> is classification's): a known-size vector of <see cref="byte"/>, H×W classes 0…K−1 or 255, with
    /// K from its <see cref="SegmentationMasks.ClassNamesAnnotation"/> annotation or
    /// <see cref="PseudoMaskOptions.NumberOfClasses"/>. A training row whose mask is all 255 is unlabeled (it is
    /// pseudo-labeled like the rows of <paramref name="unlabeledData"/>); a mask value ≥ K other than 255 is an error,
    /// found before the teacher is trained.</para>
    /// <para>The teacher's model outputs the predicted mask and the per-pixel confidence
    /// (<see cref="PseudoMaskOptions.PredictedMaskColumnName"/>, <see cref="PseudoMaskOptions.ConfidenceColumnName"/>).
    /// An image whose confidences are all NaN is invalid (<see cref="SelfTrainingRound.InvalidScores"/>); an image with no
    /// pseudo pixel is not a pseudo row; a round that finds no new pseudo pixel stops the run with
    /// <see cref="SelfTrainingStopReason.NoChange"/>. A pseudo row weighs 1; its confidence (in
    /// <see cref="SelfTrainingRound.MeanConfidence"/>) is the mean confidence of its pseudo pixels.
    /// <see cref="SelfTrainingTransformer.PseudoLabels"/> reports, per image, the most frequent class other than 0 (the
    /// background) among its pseudo pixels, else 0.</para>
    /// <para>Options that select rows by class probability (<see cref="SelfTrainingOptions.Selection"/>,
    /// <see cref="SelfTrainingOptions.ScoreColumnName"/>) do not apply and must be left at their defaults.
    /// <see cref="PseudoLabelWeighting.Normalized"/> needs a student that implements
    /// <see cref="Students.IPseudoLabelConsumer"/> (it normalizes its loss per batch with α from
    /// <see cref="Students.StudentContext"/>): the teacher's loss on human masks cannot be measured from a predicted class
    /// and its confidence. Such a student reads no soft targets (<see cref="Students.IPseudoLabelConsumer.SoftLabelColumnName"/>
    /// is null). With <see cref="SelfTrainingOptions.DiagnosticLabelColumnName"/> (a column of true masks), a pseudo
    /// image is correct in <see cref="SelfTrainingRound.PseudoLabelAccuracy"/> when at least 90 % of its pseudo pixels
    /// whose truth is not 255 have the true class.</para>
    /// </remarks>
    /// <param name="teacher">A segmentation pipeline whose model outputs the predicted mask and confidence columns.</param>
    /// <param name="unlabeledData">Unlabeled images, or <see langword="null"/>.</param>
    /// <param name="options">The self-training options; checked at once.</param>
    /// <param name="masks">How pseudo masks are made; checked and copied at once.</param>
    /// <exception cref="ArgumentException">An option is invalid or does not apply to segmentation.</exception>
    public SelfTrainingEstimator SelfTraining(IEstimator<ITransformer> teacher, IDataView? unlabeledData, SelfTrainingOptions options, PseudoMaskOptions masks)
        => new(MLContext, teacher, unlabeledData, options, new SegmentationTask(options, masks));

    /// <summary>
    /// Evaluates predicted masks against true masks, the PASCAL VOC way: one confusion matrix over every pixel of
    /// <paramref name="data"/> whose true class is not 255 (see <see cref="SegmentationMetrics"/>).
    /// </summary>
    /// <param name="data">Rows with both mask columns, e.g. a segmenter's output on a test set.</param>
    /// <param name="labelColumnName">The true mask column (<see cref="SegmentationMasks"/>; its class names give K, else the predicted column's). Default <c>"Mask"</c>.</param>
    /// <param name="predictedMaskColumnName">The predicted mask column, of the same size. Default <c>"PredictedMask"</c>.</param>
    /// <exception cref="ArgumentException">A column is missing or of another type or size, no class names are found, or a value is neither a class index nor 255 (the message names the column, the row and the value).</exception>
    public SegmentationMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Mask, string predictedMaskColumnName = DefaultColumnNames.PredictedMask)
        => SegmentationEvaluator.Evaluate(data, labelColumnName, predictedMaskColumnName);

    /// <summary>The place segmentation trainers are added to as extension methods.</summary>
    public sealed class SegmentationTrainers
    {
        internal SegmentationTrainers(MLContext mlContext)
        {
            MLContext = mlContext;
        }

        /// <summary>The context the catalog was obtained from.</summary>
        internal MLContext MLContext { get; }
    }
}
