namespace SelfTraining.Vision;

/// <summary>The measured outcome of one <see cref="SelfTrainConfig"/> run.</summary>
internal sealed record SelfTrainResult(
    string Implementation,
    SelfTrainConfig Config,
    double TeacherAccuracy,
    double StudentAccuracy,
    IReadOnlyList<RoundSummary> Rounds,
    double FitSeconds,
    double PeakRssMiB,
    string StartedUtc);

/// <summary>What one self-training round selected, and the test accuracy of its student.</summary>
internal sealed record RoundSummary(int Round, long Selected, long PseudoLabeled, double MeanConfidence, double? PseudoLabelAccuracy, double Seconds,
    double StudentAccuracy);
