namespace SelfTraining.Core;

/// <summary>One round of one MNIST run (test accuracy NaN for guarded runs; validation scores null for unguarded ones).</summary>
internal sealed record MnistRoundResult(
    int Round, long Selected, long PseudoLabeled, double? PseudoLabelAccuracy, double MeanConfidence,
    double PseudoLabelWeight, double StudentTestAccuracy, double Seconds, double? TeacherValidation, double? StudentValidation);

/// <summary>One MNIST run (one child process): a trainer, a split, a labeled-set size, a weighting and a guard.</summary>
internal sealed record MnistResult(
    string Trainer, string Split, int Labeled, int Unlabeled, string Weighting, double Alpha, double TeacherAccuracy,
    double StudentAccuracy, string StopReason, double FitSeconds, double PeakRssMiB, IReadOnlyList<MnistRoundResult> Rounds,
    string Guard, string Verdict, int? BestRound, double Threshold, double? ValidationTeacher, double? ValidationBest);

/// <summary>The medians of the repeats of one MNIST configuration, with the rounds and verdict of the first repeat.</summary>
internal sealed record MnistSummary(
    string Trainer, string Hyperparameters, string Split, int Labeled, int Unlabeled, string Weighting, double Alpha, int Repeats,
    double TeacherAccuracy, double StudentAccuracy, double StudentAccuracyMin, double StudentAccuracyMax,
    double FitSecondsMedian, double FitSecondsMin, double FitSecondsMax, double PeakRssMiBMedian, string StopReason,
    IReadOnlyList<MnistRoundResult> Rounds, string Guard, string Verdict, int? BestRound, double Threshold);
