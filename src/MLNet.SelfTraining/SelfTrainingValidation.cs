namespace MLNet.SelfTraining;

/// <summary>What the validation guard (<see cref="SelfTrainingOptions.Validation"/>) measured and decided.</summary>
public sealed record SelfTrainingValidation
{
    /// <summary>The metric models were compared by.</summary>
    public required ValidationMetric Metric { get; init; }

    /// <summary>Where the validation rows came from, e.g. "hold-out of 20 labeled rows", "5-fold cross-validation", "validation data (500 rows)".</summary>
    public required string Source { get; init; }

    /// <summary>The teacher's (round 0's) score with the chosen threshold.</summary>
    public required ValidationScore Teacher { get; init; }

    /// <summary>The returned model's score on validation (the teacher's when <see cref="BestRound"/> is 0).</summary>
    public required ValidationScore Best { get; init; }

    /// <summary>The round whose student scored best (0: the teacher); the returned model is that round's (retrained on every labeled row when <see cref="Refit"/>).</summary>
    public required int BestRound { get; init; }

    /// <summary>The confidence threshold the returned model was self-trained with (chosen from the grid when one was given).</summary>
    public required double ConfidenceThreshold { get; init; }

    /// <summary>Per threshold of <see cref="ValidationOptions.ConfidenceThresholds"/>, the best score its rounds reached; empty without a grid.</summary>
    public required IReadOnlyDictionary<double, ValidationScore> ThresholdScores { get; init; }

    /// <summary>Whether the returned model was trained again, on every labeled row, after the decision.</summary>
    public required bool Refit { get; init; }

    /// <summary>Whether a student beat the teacher on validation (the returned model is a student).</summary>
    public bool Helped => BestRound > 0;
}
