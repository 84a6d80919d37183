using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision;

/// <summary>One segmentation or detection run's settings (a <c>segment</c> or <c>detect</c> run of a phase file; see
/// benchmarks/configs/phase.schema.json): the two kinds have the same settings.</summary>
/// <param name="Labeled">Labeled scenes.</param>
/// <param name="Unlabeled">Unlabeled scenes.</param>
/// <param name="TestScenes">Test scenes.</param>
/// <param name="Canvas">Scene side S in pixels.</param>
/// <param name="MaximumDigits">Most digits per scene.</param>
/// <param name="ScenesSeed">Seed of the scenes (fixed across trainer seeds).</param>
/// <param name="Seed">Seed of teacher and student.</param>
/// <param name="TeacherPolicy">Augmentation policy of the teacher.</param>
/// <param name="StudentPolicy">Augmentation policy of the student.</param>
/// <param name="TeacherSteps">Optimizer steps of the teacher.</param>
/// <param name="StudentSteps">Optimizer steps of the student.</param>
/// <param name="NormalizeLoss">The paper's loss normalization of the student.</param>
/// <param name="Threshold">Pixel confidence from which a pixel is a pseudo pixel, or score from which a teacher box is a
/// pseudo box (inclusive).</param>
/// <param name="Width">SmallCnn base width.</param>
/// <param name="BatchSize">Training batch size (the student's is half human, half pseudo).</param>
/// <param name="LearningRate">Peak AdamW learning rate.</param>
internal sealed record SceneConfig(
    int Labeled,
    int Unlabeled,
    int TestScenes,
    int Canvas,
    int MaximumDigits,
    int ScenesSeed,
    int Seed,
    AugmentationPolicy TeacherPolicy,
    AugmentationPolicy StudentPolicy,
    int TeacherSteps,
    int StudentSteps,
    bool NormalizeLoss,
    double Threshold,
    int Width,
    int BatchSize,
    double LearningRate) : IRunConfig<SceneConfig>, ISceneRun
{
    /// <summary>The same run for a smoke test (<c>--quick</c>): step counts, unlabeled and test scenes × 3/50.</summary>
    public SceneConfig Shrunk() => this with
    {
        TeacherSteps = QuickRun.Steps(TeacherSteps),
        StudentSteps = QuickRun.Steps(StudentSteps),
        Unlabeled = QuickRun.Steps(Unlabeled),
        TestScenes = QuickRun.Steps(TestScenes),
    };

    /// <inheritdoc/>
    public SceneGeneration Scenes() => new(Canvas, MaximumDigits, ScenesSeed, Labeled, Unlabeled, TestScenes);

    /// <summary>
    /// The name of the teacher's cache entry: every setting the teacher depends on (the benchmarks' Python side names
    /// its entries alike, with <c>pytorch</c>).
    /// </summary>
    /// <param name="model">What the teacher is: <c>teacher</c> (a segmenter) or <c>detector</c>.</param>
    /// <param name="implementation"><c>mlnet</c> or <c>pytorch</c>.</param>
    public string TeacherKey(string model, string implementation) =>
        FormattableString.Invariant(
            $"{model}-{implementation}-k{Labeled}-{TeacherPolicy}-t{TeacherSteps}-seed{Seed}-c{Canvas}-d{MaximumDigits}-scenes{ScenesSeed}-w{Width}-b{BatchSize}-lr{LearningRate}");
}
