using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;

namespace SelfTraining.Vision;

/// <summary>
/// The scenes of a <c>segment</c> or <c>detect</c> run, or of a study run: <see cref="SceneSplit.Create"/> on the
/// embedded MNIST-10k with the run's canvas, digits and scenes seed, and its scene and object-centric image counts.
/// </summary>
/// <param name="Canvas">Scene side S in pixels.</param>
/// <param name="MaximumDigits">Most digits per scene.</param>
/// <param name="ScenesSeed">Seed of <see cref="SceneSplit.Create"/> (fixed across trainer seeds).</param>
/// <param name="Labeled">Labeled scenes.</param>
/// <param name="Unlabeled">Unlabeled scenes.</param>
/// <param name="TestScenes">Test scenes.</param>
/// <param name="ObjectCentric">Object-centric images (one digit each; none for <c>segment</c> and <c>detect</c> runs).</param>
internal sealed record SceneGeneration(int Canvas, int MaximumDigits, int ScenesSeed, int Labeled, int Unlabeled, int TestScenes, int ObjectCentric = 0)
{
    /// <summary>Generates the scenes (a set's scenes do not depend on the other sets' counts).</summary>
    public SceneSplit Create() => SceneSplit.Create(MnistDataset.ReadEmbedded10k(), Labeled, Unlabeled, TestScenes, ObjectCentric,
        new SceneOptions { CanvasSize = Canvas, MaximumDigits = MaximumDigits }, ScenesSeed);
}
