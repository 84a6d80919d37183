namespace MLNet.SelfTraining;

/// <summary>What the validation guard (<see cref="ValidationOptions"/>) compares models by.</summary>
public enum ValidationMetric
{
    /// <summary>The share of validation rows whose most probable class is their label (higher is better).</summary>
    Accuracy,

    /// <summary>The mean over classes of each class's accuracy (higher is better): small classes weigh as much as large ones.</summary>
    MacroAccuracy,

    /// <summary>The mean of −ln p(label) over the validation rows, p clipped at 1e−15 (lower is better).</summary>
    LogLoss,
}
