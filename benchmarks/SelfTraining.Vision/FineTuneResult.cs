namespace SelfTraining.Vision;

/// <summary>The measured outcome of one <see cref="FineTuneConfig"/> run.</summary>
internal sealed record FineTuneResult(
    string Implementation,
    FineTuneConfig Config,
    double TestAccuracy,
    double FitSeconds,
    double PeakRssMiB,
    string StartedUtc);
