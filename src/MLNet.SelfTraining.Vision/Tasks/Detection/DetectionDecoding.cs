namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>How the network's maps become boxes (<see cref="DetectionDecoder"/>).</summary>
/// <param name="ScoreThreshold">Boxes scoring lower are not output.</param>
/// <param name="NmsIouThreshold">Per class, a box whose IoU with a higher-scoring kept box is above this is suppressed; 1 keeps all.</param>
/// <param name="MaximumDetections">The most boxes output per image.</param>
internal sealed record DetectionDecoding(float ScoreThreshold, float NmsIouThreshold, int MaximumDetections)
{
    /// <summary>The peaks taken from the heatmap before NMS: CenterNet's top 100 (more when <see cref="MaximumDetections"/> is larger).</summary>
    public int Candidates => Math.Max(100, MaximumDetections);

    /// <summary>Floats per image of the decoded output: the count, then per box its class, score and corners (<see cref="DetectionRow"/>).</summary>
    public int OutputSize => DetectionRow.Size(MaximumDetections);
}
