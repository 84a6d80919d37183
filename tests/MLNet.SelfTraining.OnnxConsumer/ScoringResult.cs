namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>One image's prediction: the key, its label (the key's value) and the class probabilities.</summary>
internal sealed record Prediction(uint Key, string Label, float[] Score);

/// <summary>Every image's prediction and the accuracy of <c>Evaluate</c>.</summary>
internal sealed record ScoringResult(IReadOnlyList<Prediction> Predictions, double Accuracy);
