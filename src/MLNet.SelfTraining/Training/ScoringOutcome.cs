namespace MLNet.SelfTraining.Training;

/// <summary>What a round's scoring pass found.</summary>
internal sealed record ScoringOutcome(long Scored, long InvalidScores, long Selected, double MeanConfidence, bool Changed);
