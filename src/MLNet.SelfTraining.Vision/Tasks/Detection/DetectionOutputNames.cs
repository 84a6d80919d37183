namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>The names of a detector's three output columns.</summary>
/// <param name="PredictedLabel">The boxes' class keys.</param>
/// <param name="Score">The boxes' scores.</param>
/// <param name="PredictedBoundingBoxes">The boxes' corners.</param>
internal sealed record DetectionOutputNames(string PredictedLabel, string Score, string PredictedBoundingBoxes);
