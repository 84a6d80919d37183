namespace MLNet.SelfTraining.Tasks.Classification;

/// <summary>A classification pseudo target: the class index (score slot) and, for students that read soft targets, the teacher's probabilities.</summary>
/// <param name="Class">The predicted class index.</param>
/// <param name="Probabilities">The class probabilities, or <see langword="null"/> when the student reads hard labels only.</param>
internal readonly record struct ClassPrediction(int Class, float[]? Probabilities);
