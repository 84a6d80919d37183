using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;

namespace SelfTraining.Vision;

/// <summary>
/// The scenes of a <c>segment</c> or <c>detect</c> run: <see cref="SceneSplit.Create"/> on the embedded MNIST-10k (no
/// object-centric images) with the run's canvas, digits and scenes seed, and its scene counts.
/// </summary>
/// <param name="Canvas">Scene side S in pixels.</param>
/// <param name="MaximumDigits">Most digits per scene.</param>
/// <param name="ScenesSeed">Seed of <see cref="SceneSplit.Create"/> (fixed across trainer seeds).</param>
/// <param name="Labeled">Labeled scenes.</param>
/// <param name="Unlabeled">Unlabeled scenes.</param>
/// <param name="TestScenes">Test scenes.</param>
internal sealed record SceneGeneration(int Canvas, int MaximumDigits, int ScenesSeed, int Labeled, int Unlabeled, int TestScenes)
{
    /// <summary>Generates the scenes (a set's scenes do not depend on the other sets' counts).</summary>
    public SceneSplit Create() => SceneSplit.Create(MnistDataset.ReadEmbedded10k(), Labeled, Unlabeled, TestScenes, 0,
        new SceneOptions { CanvasSize = Canvas, MaximumDigits = MaximumDigits }, ScenesSeed);
}
