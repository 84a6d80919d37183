namespace MLNet.SelfTraining.Evaluation;

/// <summary>The true and predicted boxes of one evaluated image (classes 0…K−1, boxes 4 floats each).</summary>
internal sealed record DetectionImage(int[] TrueClasses, float[] TrueBoxes, int[] Classes, float[] Boxes, float[] Scores);
