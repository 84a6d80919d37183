using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

public sealed partial class TorchImageSegmenterTrainer
{
    /// <summary>
    /// Options of <see cref="TorchImageSegmenterTrainer"/>: the column names and the class count, then the groups
    /// <see cref="Network"/>, <see cref="Optimization"/>, <see cref="Augmentation"/> and <see cref="Student"/>. Every
    /// default is listed on its property.
    /// </summary>
    public sealed class Options
    {
        /// <summary>The image column: a known-size vector of <see cref="float"/> with
        /// <see cref="NetworkOptions.ImageChannels"/>·<see cref="NetworkOptions.ImageHeight"/>·<see cref="NetworkOptions.ImageWidth"/>
        /// values in C×H×W order. Default: "Features".</summary>
        public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;

        /// <summary>The mask column (<see cref="SegmentationMasks"/>): a known-size vector of <see cref="byte"/> with one
        /// value per pixel (H·W, row-major), the class index 0…K−1 or 255 for a pixel left out of the loss. Default: "Mask".</summary>
        public string MaskColumnName { get; set; } = Defaults.MaskColumnName;

        /// <summary>
        /// The number of classes K, used only when the mask column has no <see cref="SegmentationMasks.ClassNamesAnnotation"/>
        /// annotation (with one, K is its number of names and this option is ignored); 2 to 255. The classes are then
        /// named by their index ("0", "1", …) in <c>PredictedMask</c>'s annotation. Default: <see langword="null"/>.
        /// </summary>
        public int? NumberOfClasses { get; set; }

        /// <summary>An optional <see cref="float"/> column whose values multiply each row's per-pixel losses (the
        /// self-training stage writes each row's multiplicity into it). Default: <see langword="null"/>.</summary>
        public string? ExampleWeightColumnName { get; set; }

        /// <summary>The <see cref="bool"/> column marking pseudo-labeled rows; when present in the training data the trainer
        /// runs in student mode (<see cref="Student"/>). Default: "IsPseudoLabel".</summary>
        public string PseudoLabelFlagColumnName { get; set; } = Defaults.PseudoLabelFlagColumnName;

        /// <summary>The input images, the backbone and the head (<see cref="NetworkOptions.DropoutRate"/> is the dropout
        /// before the head's 1×1 classifier).</summary>
        public NetworkOptions Network { get; set; } = new();

        /// <summary>Optimizer and schedule, length, batches, weight average, seed and threads. Default: the
        /// <see cref="OptimizationOptions"/> defaults, except <see cref="OptimizationOptions.BatchSize"/> = 32 and
        /// <see cref="OptimizationOptions.InferenceBatchSize"/> = 64 (a mask per image costs more than a class).</summary>
        public OptimizationOptions Optimization { get; set; } = new() { BatchSize = Defaults.BatchSize, InferenceBatchSize = Defaults.InferenceBatchSize };

        /// <summary>Training augmentation (the student's noise), applied to each image and its mask together: geometric
        /// steps move the mask with the pixels (nearest neighbour, 255 where the image is padded), photometric steps are
        /// colour-only. Default: <see cref="AugmentationPolicy.None"/>.</summary>
        public AugmentationOptions Augmentation { get; set; } = new();

        /// <summary>Student mode: batch mix (<see cref="StudentOptions.PseudoLabelRatio"/>) and loss combination
        /// (<see cref="StudentOptions.NormalizeLoss"/>, <see cref="StudentOptions.LossAverageDecay"/>). The online
        /// re-labeling options are the classifier's and must stay unset.</summary>
        public StudentOptions Student { get; set; } = new();

        /// <summary>Cancels training between steps. Default: none.</summary>
        public CancellationToken CancellationToken { get; set; }

        internal static class Defaults
        {
            public const string FeatureColumnName = DefaultColumnNames.Features;
            public const string MaskColumnName = DefaultColumnNames.Mask;
            public const string PseudoLabelFlagColumnName = DefaultColumnNames.IsPseudoLabel;
            public const int BatchSize = 32;
            public const int InferenceBatchSize = 64;
        }
    }
}
