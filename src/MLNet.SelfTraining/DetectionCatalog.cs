using Microsoft.ML;
using MLNet.SelfTraining.Evaluation;
using MLNet.SelfTraining.Tasks.Detection;

namespace MLNet.SelfTraining;

/// <summary>
/// Object detection in ML.NET's catalog style, with ML.NET's object detection columns (<c>Labels</c>, <c>Box</c>;
/// <c>PredictedLabel</c>, <c>PredictedBoundingBoxes</c>, <c>Score</c>): obtain it with
/// <see cref="DetectionCatalogExtensions.Detection(MLContext)"/>. Trainers plug into <see cref="Trainers"/> as extension
/// methods (e.g. the TorchSharp detector of MLNet.SelfTraining.Vision).
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Column</term><description>Type and content</description></listheader>
/// <item><term><c>Features</c> (input)</term><description>What the detector reads, e.g. an image as a known-size vector of Single, C×H×W, pixel / 255.</description></item>
/// <item><term><c>Labels</c> (input)</term><description>Variable-size vector of Key&lt;UInt32, K&gt;, one key per box: key k + 1 is class k; class names from its key values (ML.NET's <c>KeyValues</c> annotation), else "0"…"K−1". Key 0 (missing) is an error.</description></item>
/// <item><term><c>Box</c> (input)</term><description>Variable-size vector of Single, 4 per box: x0, y0, x1, y1 in pixels (x to the right, y down, the image spanning [0, W]×[0, H]).</description></item>
/// <item><term><c>PredictedLabel</c> (output)</term><description>Vector of Key&lt;UInt32, K&gt;, one per predicted box, with the key values of <c>Labels</c>.</description></item>
/// <item><term><c>PredictedBoundingBoxes</c> (output)</term><description>Vector of Single, 4 per predicted box, in pixels.</description></item>
/// <item><term><c>Score</c> (output)</term><description>Vector of Single, one per predicted box, by descending score.</description></item>
/// </list>
/// </remarks>
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

    /// <summary>
    /// Self-training of an object detector (Zoph et al. 2020): the teacher, trained on the human boxes, pseudo-labels the
    /// unlabeled images; its boxes whose score is at least <paramref name="scoreThreshold"/> after per-class
    /// non-maximum suppression are their pseudo boxes; the student trains on human and pseudo boxes (see
    /// <see cref="SelfTraining(IEstimator{ITransformer}, IDataView, SelfTrainingOptions, PseudoBoxOptions)"/>).
    /// </summary>
    /// <param name="teacher">A detection pipeline whose model outputs <c>PredictedLabel</c>, <c>PredictedBoundingBoxes</c> and <c>Score</c>; also the student.</param>
    /// <param name="unlabeledData">The unlabeled images (required: every training row is labeled, an image without boxes being one known to hold no object).</param>
    /// <param name="labelColumnName">The column of box classes. Default <c>"Labels"</c>.</param>
    /// <param name="boxColumnName">The column of boxes. Default <c>"Box"</c>.</param>
    /// <param name="scoreThreshold">A teacher box is a pseudo box when its score is at least this value. Default 0.5.</param>
    /// <param name="maximumIterations">
    /// Rounds of teacher → student. Default 1 (the paper's single round). Every valid image is a pseudo row of the first
    /// round, so a later round only scores the images earlier teachers scored NaN; when none is left the run stops with
    /// <see cref="SelfTrainingStopReason.AllLabeled"/>. For rounds in which each student re-labels every image (Noisy
    /// Student), use the options overload with <see cref="SelfTrainingOptions.RescorePseudoLabels"/>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="teacher"/> or <paramref name="unlabeledData"/> is <see langword="null"/>.</exception>
    public SelfTrainingEstimator SelfTraining(IEstimator<ITransformer> teacher, IDataView unlabeledData,
        string labelColumnName = DefaultColumnNames.Labels, string boxColumnName = DefaultColumnNames.Box,
        float scoreThreshold = PseudoBoxOptions.DefaultScoreThreshold, int maximumIterations = 1)
        => SelfTraining(teacher, unlabeledData,
            new SelfTrainingOptions { LabelColumnName = labelColumnName, MaximumIterations = maximumIterations },
            new PseudoBoxOptions { BoxColumnName = boxColumnName, ScoreThreshold = scoreThreshold });

    /// <summary>Self-training of an object detector, with all options.</summary>
    /// <remarks>
    /// <para>Input columns: whatever the teacher and student pipelines read (e.g. the image's <c>Features</c>), plus the
    /// label column named by <see cref="SelfTrainingOptions.LabelColumnName"/> (set it, e.g. to <c>"Labels"</c>: its
    /// default <c>"Label"</c> is classification's) and the box column <see cref="PseudoBoxOptions.BoxColumnName"/>,
    /// typed as in the table of <see cref="DetectionCatalog"/> (both of variable size). Every training row is labeled: a
    /// row without boxes is an image known to hold no object. Before the teacher is trained the labels are checked (4
    /// coordinates per key, no key 0, finite coordinates, x0 &lt; x1 and y0 &lt; y1, at least one box in the data); a
    /// message names the row and the box.</para>
    /// <para>The teacher's model outputs, per box, a class key (<see cref="PseudoBoxOptions.PredictedLabelColumnName"/>,
    /// the key count of the label column), 4 coordinates (<see cref="PseudoBoxOptions.PredictedBoundingBoxesColumnName"/>)
    /// and a score (<see cref="PseudoBoxOptions.ScoreColumnName"/>); lengths that disagree, or a key outside 1…K, stop
    /// the run with a message naming the column and the unlabeled row. An image with a NaN or infinite score or
    /// coordinate is invalid (<see cref="SelfTrainingRound.InvalidScores"/>). Of the others, boxes without area are
    /// dropped, per-class greedy non-maximum suppression by descending score drops a box whose IoU with a kept box of
    /// its class exceeds <see cref="PseudoBoxOptions.NmsIouThreshold"/>, and the first
    /// <see cref="PseudoBoxOptions.MaximumBoxesPerImage"/> boxes whose score is at least
    /// <see cref="PseudoBoxOptions.ScoreThreshold"/> are the image's pseudo boxes.</para>
    /// <para>Every valid unlabeled image is a pseudo row of weight 1, with or without pseudo boxes: an image with none
    /// teaches the student that it holds no object (at the threshold 0.5, a real object the teacher scored lower is
    /// taught as background). Pseudo rows get the label and box columns (same types and key values as the human ones).
    /// When a scoring pass yields no pseudo box at all, nothing is selected and the run stops with
    /// <see cref="SelfTrainingStopReason.NoChange"/> (the log says no box passed the threshold), returning the current
    /// teacher. An image's confidence (in <see cref="SelfTrainingRound.MeanConfidence"/>) is the mean score of its
    /// pseudo boxes (0 without any); <see cref="SelfTrainingRound.PseudoLabeledPerClass"/> counts pseudo boxes;
    /// <see cref="SelfTrainingTransformer.PseudoLabels"/> reports the class of an image's highest-scored pseudo box, −1
    /// when it has none.</para>
    /// <para>Options that select rows by class probability (<see cref="SelfTrainingOptions.Selection"/>,
    /// <see cref="SelfTrainingOptions.ScoreColumnName"/>) do not apply and must be left at their defaults.
    /// <see cref="PseudoLabelWeighting.Normalized"/> needs a student that implements
    /// <see cref="Students.IPseudoLabelConsumer"/> (it normalizes its loss per batch with α from
    /// <see cref="Students.StudentContext"/>): the teacher's loss on human boxes cannot be measured from its output. Such
    /// a student reads no soft targets. With <see cref="SelfTrainingOptions.DiagnosticLabelColumnName"/> (true classes)
    /// and <see cref="PseudoBoxOptions.DiagnosticBoxColumnName"/> (true boxes) in the unlabeled data, an image is correct
    /// in <see cref="SelfTrainingRound.PseudoLabelAccuracy"/> when its pseudo boxes pair one-to-one with its true boxes,
    /// each pair of the same class with an IoU of at least 0.5.</para>
    /// </remarks>
    /// <param name="teacher">A detection pipeline whose model outputs the predicted label, box and score columns.</param>
    /// <param name="unlabeledData">The unlabeled images (required).</param>
    /// <param name="options">The self-training options; checked at once.</param>
    /// <param name="boxes">How pseudo boxes are made; checked and copied at once.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid or does not apply to detection.</exception>
    public SelfTrainingEstimator SelfTraining(IEstimator<ITransformer> teacher, IDataView unlabeledData, SelfTrainingOptions options, PseudoBoxOptions boxes)
    {
        if (unlabeledData is null)
        {
            throw new ArgumentNullException(nameof(unlabeledData),
                "Detection self-training needs unlabeled images: every training row is labeled (a row without boxes is an image known to hold no object), so the images to pseudo-label come only from this argument.");
        }

        return new(MLContext, teacher, unlabeledData, options, new DetectionTask(options, boxes));
    }

    /// <summary>
    /// Evaluates predicted boxes against true boxes as pycocotools' COCOeval does for boxes: AP@[.50:.05:.95], AP50,
    /// AP75, AP by object size, AR@1/10/100 (see <see cref="DetectionMetrics"/>).
    /// </summary>
    /// <remarks>
    /// ML.NET's own <c>MulticlassClassification.EvaluateObjectDetection</c> (Microsoft.ML.TorchSharp) can score the same
    /// columns but gives other numbers except on easy cases: it matches once per image by descending IoU rather than per
    /// IoU threshold in score order, measures boxes as inclusive pixels (width x1 − x0 + 1), integrates all points of the
    /// precision envelope rather than COCO's 101, has no 100-detection limit, area ranges or AR, returns only MAP50 and
    /// MAP50_95, reads labels as text, prints to standard output on every call and throws
    /// <see cref="KeyNotFoundException"/> when a predicted class has no true box (this evaluator leaves such a class out).
    /// </remarks>
    /// <param name="data">Rows with the five columns, e.g. a detector's output on a test set.</param>
    /// <param name="labelColumnName">The true box classes (a vector of Key&lt;UInt32, K&gt;). Default <c>"Labels"</c>.</param>
    /// <param name="boxColumnName">The true boxes (a vector of Single, 4 per key, x0 &lt; x1 and y0 &lt; y1). Default <c>"Box"</c>.</param>
    /// <param name="predictedLabelColumnName">The predicted box classes (the key type of the label column). Default <c>"PredictedLabel"</c>.</param>
    /// <param name="predictedBoundingBoxesColumnName">The predicted boxes (a vector of Single, 4 per key, x0 ≤ x1 and y0 ≤ y1). Default <c>"PredictedBoundingBoxes"</c>.</param>
    /// <param name="scoreColumnName">The predicted boxes' scores (a vector of Single, one per key, finite). Default <c>"Score"</c>.</param>
    /// <exception cref="ArgumentException">A column is missing or of another type, the key types disagree, or a row's values are invalid (the message names the column, the row and the box).</exception>
    public DetectionMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Labels, string boxColumnName = DefaultColumnNames.Box,
        string predictedLabelColumnName = DefaultColumnNames.PredictedLabel, string predictedBoundingBoxesColumnName = DefaultColumnNames.PredictedBoundingBoxes,
        string scoreColumnName = DefaultColumnNames.Score)
        => DetectionEvaluator.Evaluate(data, labelColumnName, boxColumnName, predictedLabelColumnName, predictedBoundingBoxesColumnName, scoreColumnName);

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
