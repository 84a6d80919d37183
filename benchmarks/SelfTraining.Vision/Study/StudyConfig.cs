using System.Text.Json;
using System.Text.Json.Serialization;
using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision.Study;

/// <summary>
/// The pre-training vs self-training study (issue 16; benchmarks/configs/study/study.json): the scenes, the trainers'
/// shared settings, the cells (every policy at <see cref="FullLabeled"/>, every labeled size at
/// <see cref="StrongestPolicy"/>), the seeds and the speedup runs. <see cref="StudyPlan"/> turns it into runs.
/// </summary>
/// <param name="Description">What the study measures (not read by the program).</param>
/// <param name="Canvas">Scene side S in pixels.</param>
/// <param name="MaximumDigits">Most digits per scene.</param>
/// <param name="ScenesSeed">Seed of every scene and object-centric image (fixed across trainer seeds).</param>
/// <param name="Unlabeled">Unlabeled scenes (the self-training variant's unlabeled data).</param>
/// <param name="TestScenes">Test scenes.</param>
/// <param name="ObjectCentric">Object-centric images: the pre-training data and the self-training arms' unlabeled data.</param>
/// <param name="Width">SmallCnn base width.</param>
/// <param name="BatchSize">Batch of every arm.</param>
/// <param name="LearningRate">Peak AdamW learning rate of every arm.</param>
/// <param name="Steps">Optimizer steps of every arm.</param>
/// <param name="Threshold">Score (detection) or pixel confidence (segmentation) from which a teacher output is a pseudo label.</param>
/// <param name="NormalizeLoss">The paper's loss normalization of the self-trained students.</param>
/// <param name="Tasks">The tasks (<c>detect</c>, <c>segment</c>).</param>
/// <param name="Policies">The rows of the first table, at <see cref="FullLabeled"/>.</param>
/// <param name="FullLabeled">The labeled scenes of the first table.</param>
/// <param name="LabeledSizes">The rows of the second table, at <see cref="StrongestPolicy"/>.</param>
/// <param name="StrongestPolicy">The policy of the second table (and of the unlabeled-scenes variant).</param>
/// <param name="SupervisedPretraining">The supervised pre-training.</param>
/// <param name="SimClrPretraining">The SimCLR pre-training.</param>
/// <param name="Seeds">The seeds of every run.</param>
/// <param name="RepeatSeeds">More seeds for <see cref="RepeatCells"/> (every arm but the unlabeled-scenes variant).</param>
/// <param name="RepeatCells">The cells the conclusions rest on.</param>
/// <param name="SpeedupCells">The cells of the speedup runs.</param>
/// <param name="SpeedupSteps">The speedup runs' shorter step budgets (the arm itself is the <see cref="Steps"/> point).</param>
internal sealed record StudyConfig(
    string Description,
    int Canvas,
    int MaximumDigits,
    int ScenesSeed,
    int Unlabeled,
    int TestScenes,
    int ObjectCentric,
    int Width,
    int BatchSize,
    double LearningRate,
    int Steps,
    double Threshold,
    bool NormalizeLoss,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<AugmentationPolicy> Policies,
    int FullLabeled,
    IReadOnlyList<int> LabeledSizes,
    AugmentationPolicy StrongestPolicy,
    PretrainingConfig SupervisedPretraining,
    PretrainingConfig SimClrPretraining,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<int> RepeatSeeds,
    IReadOnlyList<StudyCell> RepeatCells,
    IReadOnlyList<StudyCell> SpeedupCells,
    IReadOnlyList<int> SpeedupSteps)
{
    private static readonly JsonSerializerOptions s_strict = new(Json.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>Whether this is the smoke run (<c>--quick</c>) of the file.</summary>
    [JsonIgnore]
    public bool IsQuick { get; private init; }

    /// <summary>Reads the study file at <paramref name="path"/> (every property required, none unknown); shrunk when <paramref name="quick"/>.</summary>
    public static StudyConfig Read(string path, bool quick)
    {
        var config = JsonSerializer.Deserialize<StudyConfig>(File.ReadAllText(path), s_strict)
            ?? throw new InvalidDataException($"{path} holds no study.");
        if (!config.Policies.Contains(config.StrongestPolicy) || !config.LabeledSizes.Contains(config.FullLabeled))
        {
            throw new InvalidDataException($"{path}: strongestPolicy must be one of the policies and fullLabeled one of the labeled sizes.");
        }

        return quick ? config.Shrunk() : config;
    }

    /// <summary>The cells: every policy at <see cref="FullLabeled"/>, then every other labeled size at <see cref="StrongestPolicy"/>.</summary>
    public IReadOnlyList<StudyCell> Cells() =>
    [
        .. Policies.Select(policy => new StudyCell(policy, FullLabeled)),
        .. LabeledSizes.Where(size => size != FullLabeled).Select(size => new StudyCell(StrongestPolicy, size)),
    ];

    /// <summary>The settings of an arm of <paramref name="cell"/> (the scene runs' record, teacher = student), for the options factories.</summary>
    public SceneConfig Arm(StudyCell cell, int steps, int seed) =>
        new(cell.Labeled, Unlabeled, TestScenes, Canvas, MaximumDigits, ScenesSeed, seed, cell.Policy, cell.Policy, steps, steps,
            NormalizeLoss, Threshold, Width, BatchSize, LearningRate);

    /// <summary>The settings of a pre-training (its steps, batch, learning rate and policy, the study's network).</summary>
    public SceneConfig Pretraining(PretrainingConfig pretraining, int seed)
    {
        var policy = pretraining.Policy ?? AugmentationPolicy.None;
        return new(0, 0, 0, Canvas, MaximumDigits, ScenesSeed, seed, policy, policy, pretraining.Steps, pretraining.Steps, NormalizeLoss,
            Threshold, Width, pretraining.BatchSize, pretraining.LearningRate);
    }

    /// <summary>The images of an arm: the cell's labeled scenes, the test scenes, and its self-training's unlabeled images
    /// (<see cref="StudyArm.SelfTraining"/>; a set does not depend on the other sets' counts).</summary>
    public SceneGeneration ArmScenes(StudyCell cell, string selfTraining) =>
        new(Canvas, MaximumDigits, ScenesSeed, cell.Labeled, selfTraining == StudyArm.SceneImages ? Unlabeled : 0, TestScenes,
            selfTraining == StudyArm.ObjectImages ? ObjectCentric : 0);

    /// <summary>The object-centric images alone (the pre-training data).</summary>
    public SceneGeneration PretrainingImages() => new(Canvas, MaximumDigits, ScenesSeed, 0, 0, 0, ObjectCentric);

    /// <summary>The smoke run (<c>--quick</c>): every step count and the unlabeled, test and object-centric counts × 3/50
    /// (<see cref="QuickRun"/>), the first seed only, and only the cells the conclusions rest on (<see cref="RepeatCells"/>,
    /// with <see cref="StrongestPolicy"/> at <see cref="FullLabeled"/>): every arm and task still runs.</summary>
    private StudyConfig Shrunk() => this with
    {
        Policies = [.. Policies.Where(policy => policy == StrongestPolicy || RepeatCells.Contains(new(policy, FullLabeled)))],
        LabeledSizes = [.. LabeledSizes.Where(size => size == FullLabeled || RepeatCells.Contains(new(StrongestPolicy, size)))],
        Unlabeled = QuickRun.Steps(Unlabeled),
        TestScenes = QuickRun.Steps(TestScenes),
        ObjectCentric = QuickRun.Steps(ObjectCentric),
        Steps = QuickRun.Steps(Steps),
        SupervisedPretraining = SupervisedPretraining with { Steps = QuickRun.Steps(SupervisedPretraining.Steps) },
        SimClrPretraining = SimClrPretraining with { Steps = QuickRun.Steps(SimClrPretraining.Steps) },
        Seeds = [Seeds[0]],
        RepeatSeeds = [],
        SpeedupSteps = [.. SpeedupSteps.Select(QuickRun.Steps)],
        IsQuick = true,
    };
}
