namespace SelfTraining.Vision;

/// <summary>Training and inference speed of the SmallCnn in one process.</summary>
/// <param name="Implementation">Which stack was measured.</param>
/// <param name="TrainImagesPerSecond">Median training images/s per augmentation policy (fixed per-fit overhead excluded).</param>
/// <param name="TrainRepeatsImagesPerSecond">Every timed repeat, per policy.</param>
/// <param name="FitOverheadSeconds">Median time of a 1-step fit (reading the rows, building the network), per policy.</param>
/// <param name="InferImagesPerSecond">Median inference images/s (batch 256, whole data set scored).</param>
/// <param name="InferRepeatsImagesPerSecond">Every timed inference repeat.</param>
/// <param name="TrainSteps">Timed steps per training repeat (batch 128).</param>
/// <param name="InferImages">Images scored per inference repeat.</param>
/// <param name="Threads">Torch intra-op threads.</param>
/// <param name="PeakRssMiB">Peak RSS of the process.</param>
/// <param name="StartedUtc">Start time.</param>
internal sealed record ThroughputResult(
    string Implementation,
    IReadOnlyDictionary<string, double> TrainImagesPerSecond,
    IReadOnlyDictionary<string, double[]> TrainRepeatsImagesPerSecond,
    IReadOnlyDictionary<string, double> FitOverheadSeconds,
    double InferImagesPerSecond,
    double[] InferRepeatsImagesPerSecond,
    int TrainSteps,
    int InferImages,
    int Threads,
    double PeakRssMiB,
    string StartedUtc);
