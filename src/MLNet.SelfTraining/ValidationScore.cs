namespace MLNet.SelfTraining;

/// <summary>A model's validation metric: its value (the mean over folds when cross-validated) and its spread.</summary>
/// <param name="Value">The metric (<see cref="ValidationOptions.Metric"/>), e.g. 0.85 for 85 % accuracy.</param>
/// <param name="Spread">The standard deviation over folds when cross-validated; 0 for a hold-out or validation data.</param>
public readonly record struct ValidationScore(double Value, double Spread);
