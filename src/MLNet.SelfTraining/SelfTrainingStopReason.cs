namespace MLNet.SelfTraining;

/// <summary>Why self-training stopped (scikit-learn's <c>termination_condition_</c>).</summary>
public enum SelfTrainingStopReason
{
    /// <summary><see cref="SelfTrainingOptions.MaximumIterations"/> rounds ran.</summary>
    MaximumIterations,

    /// <summary>A round selected no new row; the model of the previous round (the teacher in round 1) is kept.</summary>
    NoChange,

    /// <summary>Every unlabeled row carries a pseudo label (also when there was nothing unlabeled).</summary>
    AllLabeled,

    /// <summary>
    /// The validation guard (<see cref="SelfTrainingOptions.Validation"/>) stopped the rounds: a round's student did not
    /// beat the model before it on validation by more than <see cref="ValidationOptions.Tolerance"/>, for
    /// <see cref="ValidationOptions.Patience"/> rounds in a row. The best model on validation is returned — the teacher
    /// when no student beat it (<see cref="SelfTrainingValidation.BestRound"/> 0).
    /// </summary>
    NoImprovement,
}
