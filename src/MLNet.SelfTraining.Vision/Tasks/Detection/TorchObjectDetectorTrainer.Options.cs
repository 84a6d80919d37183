using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

public sealed partial class TorchObjectDetectorTrainer
{
    /// <summary>
    /// Options of <see cref="TorchObjectDetectorTrainer"/>: the column names, the decoding of boxes (score threshold,
    /// NMS, count), the output column names, then the groups <see cref="Network"/>, <see cref="Optimization"/>,
    /// <see cref="Augmentation"/> and <see cref="Student"/>. Every default is listed on its property.
    /// </summary>
    public sealed class Options
    {
        /// <summary>The image column: a known-size vector of <see cref="float"/> with
        /// <see cref="NetworkOptions.ImageChannels"/>·<see cref="NetworkOptions.ImageHeight"/>·<see cref="NetworkOptions.ImageWidth"/>
        /// values in C×H×W order. Default: "Features".</summary>
        public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;

        /// <summary>The label column: a vector of Key&lt;<see cref="uint"/>, K&gt;, one key per box (key k + 1 is class k;
        /// K, the key count, is the number of object classes; there is no background class). Its <c>KeyValues</c>
        /// annotation names the classes. Default: "Labels".</summary>
        public string LabelColumnName { get; set; } = Defaults.LabelColumnName;

        /// <summary>The box column: a vector of <see cref="float"/>, 4 per box (x0, y0, x1, y1 in pixels; x to the right,
        /// y down, the image spans [0, W]×[0, H]), in the order of the labels. Default: "Box".</summary>
        public string BoxColumnName { get; set; } = Defaults.BoxColumnName;

        /// <summary>An optional <see cref="float"/> column whose values multiply each image's loss sums (the self-training
        /// stage writes each row's multiplicity into it). Default: <see langword="null"/>.</summary>
        public string? ExampleWeightColumnName { get; set; }

        /// <summary>The <see cref="bool"/> column marking pseudo-labeled rows; when present in the training data the trainer
        /// runs in student mode (<see cref="Student"/>). Default: "IsPseudoLabel".</summary>
        public string PseudoLabelFlagColumnName { get; set; } = Defaults.PseudoLabelFlagColumnName;

        /// <summary>The lowest score of an output box, in [0, 1]: boxes scoring lower are left out. Default: 0.05.</summary>
        public float ScoreThreshold { get; set; } = Defaults.ScoreThreshold;

        /// <summary>The IoU above which a box is suppressed by a higher-scoring box of its class (greedy per-class NMS), in
        /// [0, 1]; 1 turns NMS off. Default: 0.5.</summary>
        public float NmsIouThreshold { get; set; } = Defaults.NmsIouThreshold;

        /// <summary>The most boxes output per image (those of highest score), 1 to 1000. Default: 100.</summary>
        public int MaximumDetections { get; set; } = Defaults.MaximumDetections;

        /// <summary>The output column of the boxes' classes: a vector of keys of the label column's type. Default: "PredictedLabel".</summary>
        public string PredictedLabelColumnName { get; set; } = DefaultColumnNames.PredictedLabel;

        /// <summary>The output column of the boxes' scores, descending. Default: "Score".</summary>
        public string ScoreColumnName { get; set; } = DefaultColumnNames.Score;

        /// <summary>The output column of the boxes' corners, 4 per box in pixels. Default: "PredictedBoundingBoxes".</summary>
        public string PredictedBoundingBoxesColumnName { get; set; } = DefaultColumnNames.PredictedBoundingBoxes;

        /// <summary>The input images and the backbone (<see cref="NetworkOptions.DropoutRate"/> is not used: the detection
        /// head has no dropout).</summary>
        public NetworkOptions Network { get; set; } = new();

        /// <summary>Optimizer and schedule, length, batches, weight average, seed and threads. Default: the
        /// <see cref="OptimizationOptions"/> defaults, except <see cref="OptimizationOptions.BatchSize"/> = 32 and
        /// <see cref="OptimizationOptions.InferenceBatchSize"/> = 64.</summary>
        public OptimizationOptions Optimization { get; set; } = new() { BatchSize = Defaults.BatchSize, InferenceBatchSize = Defaults.InferenceBatchSize };

        /// <summary>Training augmentation (the student's noise), applied to each image and its boxes together: geometric
        /// steps move the boxes with the pixels, clip them to the image and drop those that leave it (with their labels);
        /// photometric steps are colour-only; flips stay off unless <see cref="AugmentationOptions.HorizontalFlip"/> is set.
        /// Default: <see cref="AugmentationPolicy.None"/>.</summary>
        public AugmentationOptions Augmentation { get; set; } = new();

        /// <summary>Student mode: batch mix (<see cref="StudentOptions.PseudoLabelRatio"/>) and loss combination
        /// (<see cref="StudentOptions.NormalizeLoss"/>, <see cref="StudentOptions.LossAverageDecay"/>). The online
        /// re-labeling options are the classifier's and must stay unset.</summary>
        public StudentOptions Student { get; set; } = new();

        /// <summary>Cancels training between steps. Default: none.</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Receives every optimizer step of a fit (step, total steps, loss average, learning rate), on the training
        /// thread, synchronously: a handler must be quick and must not throw (an exception stops the fit). Inside
        /// self-training the steps also go to the run's <see cref="SelfTrainingOptions.Progress"/>, whether or not this
        /// option is set. Reporting never changes training. Default: <see langword="null"/>.</summary>
        public IProgress<TrainingProgress>? Progress { get; set; }

        internal static class Defaults
        {
            public const string FeatureColumnName = DefaultColumnNames.Features;
            public const string LabelColumnName = DefaultColumnNames.Labels;
            public const string BoxColumnName = DefaultColumnNames.Box;
            public const string PseudoLabelFlagColumnName = DefaultColumnNames.IsPseudoLabel;
            public const float ScoreThreshold = 0.05f;
            public const float NmsIouThreshold = 0.5f;
            public const int MaximumDetections = 100;
            public const int BatchSize = 32;
            public const int InferenceBatchSize = 64;
        }
    }
}
