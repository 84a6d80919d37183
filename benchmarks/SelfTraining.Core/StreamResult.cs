namespace SelfTraining.Core;

/// <summary>
/// One streaming measurement (one child process). <c>pseudolabel</c>: PseudoLabel Fit + one full cursor pass;
/// <c>round</c>: SelfTraining with MaximumIterations = 1 (teacher fit on the labeled rows included).
/// </summary>
internal sealed record StreamResult(
    string Mode, long Rows, int Width, int Classes, double Seconds, double RowsPerSecond, double RawPassSeconds,
    double FitSeconds, double PassSeconds, long Selected, double TeacherAccuracy, double? StudentAccuracy,
    double BaselineRssMiB, double PeakRssMiB);
