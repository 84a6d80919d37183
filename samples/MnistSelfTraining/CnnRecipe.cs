namespace MnistSelfTraining;

/// <summary>How the sample's TorchSharp CNN is self-trained: one of the library's <c>ImageSelfTrainingRecipe</c> presets (figures in docs/results.md).</summary>
public enum CnnRecipe
{
    /// <summary>
    /// Zoph et al.'s recipe: the teacher's hard pseudo labels above 0.9, a fresh student on human + pseudo rows with the
    /// paper's loss normalization, S2 augmentation, as many steps as the teacher (about 2.5 minutes on 2 cores).
    /// </summary>
    Paper,

    /// <summary>
    /// The best students measured: every unlabeled image is a candidate, the student re-labels them online
    /// at 0.95 and leaves the unconfident ones out of its loss (FixMatch), 1 human : 3 pseudo rows per batch, S2 with
    /// elastic distortion, FixMatch's plain loss, a weight average, 8× the teacher's steps (about 15 minutes on 2 cores).
    /// </summary>
    FixMatch,
}
