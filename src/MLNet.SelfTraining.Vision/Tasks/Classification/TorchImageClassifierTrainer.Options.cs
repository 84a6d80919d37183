using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

public sealed partial class TorchImageClassifierTrainer
{
    /// <summary>
    /// Options of <see cref="TorchImageClassifierTrainer"/>: the column names, then the groups <see cref="Network"/>,
    /// <see cref="Optimization"/>, <see cref="Augmentation"/> and <see cref="Student"/>. Every default is listed on its
    /// property.
    /// </summary>
    public sealed class Options
    {
        /// <summary>The image column: a known-size vector of <see cref="float"/> with
        /// <see cref="NetworkOptions.ImageChannels"/>·<see cref="NetworkOptions.ImageHeight"/>·<see cref="NetworkOptions.ImageWidth"/>
        /// values in C×H×W order. Default: "Features".</summary>
        public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;

        /// <summary>The label column, a key type (e.g. from <c>MapValueToKey</c>); its key count is the number of classes. Default: "Label".</summary>
        public string LabelColumnName { get; set; } = Defaults.LabelColumnName;

        /// <summary>An optional <see cref="float"/> column whose values multiply each row's loss. Default: <see langword="null"/>.</summary>
        public string? ExampleWeightColumnName { get; set; }

        /// <summary>The <see cref="bool"/> column marking pseudo-labeled rows; when present in the training data the trainer
        /// runs in student mode (<see cref="Student"/>). Default: "IsPseudoLabel".</summary>
        public string PseudoLabelFlagColumnName { get; set; } = Defaults.PseudoLabelFlagColumnName;

        /// <summary>The soft-target column (a vector of class probabilities): when set and present in the training data, the
        /// loss is cross-entropy against these probabilities, and a self-training stage writes the teacher's probabilities
        /// into it for pseudo-labeled rows. <see langword="null"/> trains on hard labels only (the paper's recipe).
        /// Default: <see langword="null"/>.</summary>
        public string? SoftLabelColumnName { get; set; }

        /// <summary>The input images, the backbone and the head.</summary>
        public NetworkOptions Network { get; set; } = new();

        /// <summary>Optimizer and schedule, length, batches, weight average, seed and threads.</summary>
        public OptimizationOptions Optimization { get; set; } = new();

        /// <summary>Training augmentation (the student's noise). Default: <see cref="AugmentationPolicy.None"/>.</summary>
        public AugmentationOptions Augmentation { get; set; } = new();

        /// <summary>Student mode: batch mix, loss combination and online re-labeling.</summary>
        public StudentOptions Student { get; set; } = new();

        /// <summary>A fitted classifier with the same network whose weights initialize training (e.g. the teacher);
        /// <see langword="null"/> starts from random weights. Default: <see langword="null"/>.</summary>
        public TorchImageClassifierTransformer? InitialModel { get; set; }

        /// <summary>Cancels training between steps (throws <see cref="OperationCanceledException"/>). Inside self-training
        /// the run's token (<see cref="SelfTrainingOptions.CancellationToken"/>) stops it as well. Default: none.</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Receives every optimizer step of a fit (step, total steps, loss average, learning rate), on the training
        /// thread, synchronously: a handler must be quick and must not throw (an exception stops the fit).
        /// <see cref="Progress{T}"/> posts each report to the <see cref="SynchronizationContext"/> captured when it was
        /// created (the thread pool in a console application, where reports can then arrive out of order); implement
        /// <see cref="IProgress{T}"/> directly to handle them in order. Inside self-training the steps also go to the run's
        /// <see cref="SelfTrainingOptions.Progress"/> (as <see cref="SelfTrainingStage.StudentTraining"/> reports), whether
        /// or not this option is set. Reporting never changes training. Default: <see langword="null"/>.</summary>
        public IProgress<TrainingProgress>? Progress { get; set; }

        internal static class Defaults
        {
            public const string FeatureColumnName = "Features";
            public const string LabelColumnName = "Label";
            public const string PseudoLabelFlagColumnName = "IsPseudoLabel";
        }
    }
}
