namespace SelfTraining.Vision.Study;

/// <summary>
/// One arm of a study cell: how its network starts (<see cref="Init"/>) and whether it self-trains, on which unlabeled
/// images, with which teacher (the model of another arm of the same cell and seed).
/// </summary>
/// <param name="Name">The arm's name in run ids, results and tables.</param>
/// <param name="Init">The initial backbone: <see cref="RandomInit"/>, <see cref="SupervisedInit"/> or <see cref="SimClrInit"/>.</param>
/// <param name="SelfTraining">The unlabeled images: <see cref="NoSelfTraining"/>, <see cref="ObjectImages"/> or <see cref="SceneImages"/>.</param>
/// <param name="TeacherArm">The arm whose model is the teacher; <see langword="null"/> without self-training.</param>
/// <param name="Title">The arm's column title in the report.</param>
internal sealed record StudyArm(string Name, string Init, string SelfTraining, string? TeacherArm, string Title)
{
    /// <summary>Random initial weights.</summary>
    public const string RandomInit = "random";

    /// <summary>The backbone of the supervised pre-training on the object-centric images (also that pre-training's name).</summary>
    public const string SupervisedInit = "supervised";

    /// <summary>The backbone of the SimCLR pre-training on the object-centric images (also that pre-training's name).</summary>
    public const string SimClrInit = "simclr";

    /// <summary>No self-training.</summary>
    public const string NoSelfTraining = "none";

    /// <summary>Self-training with the object-centric images as unlabeled data (the paper's setup).</summary>
    public const string ObjectImages = "objects";

    /// <summary>Self-training with the unlabeled scenes (the variant).</summary>
    public const string SceneImages = "scenes";

    public static readonly StudyArm Random = new(RandomInit, RandomInit, NoSelfTraining, null, "random init");

    public static readonly StudyArm Supervised = new(SupervisedInit, SupervisedInit, NoSelfTraining, null, "supervised pre-trained");

    public static readonly StudyArm SimClr = new(SimClrInit, SimClrInit, NoSelfTraining, null, "SimCLR pre-trained");

    public static readonly StudyArm SelfTrain = new("selftrain", RandomInit, ObjectImages, RandomInit, "self-training");

    public static readonly StudyArm PretrainSelfTrain = new("pretrain+selftrain", SupervisedInit, ObjectImages, SupervisedInit, "pre-training + self-training");

    public static readonly StudyArm SelfTrainScenes = new("selftrain-scenes", RandomInit, SceneImages, RandomInit, "self-training (unlabeled scenes)");

    /// <summary>Every arm, in the tables' column order.</summary>
    public static readonly IReadOnlyList<StudyArm> All = [Random, Supervised, SimClr, SelfTrain, PretrainSelfTrain, SelfTrainScenes];

    /// <summary>The pre-trainings, by name (<see cref="SupervisedInit"/>, <see cref="SimClrInit"/>).</summary>
    public static readonly IReadOnlyList<string> Pretrainings = [SupervisedInit, SimClrInit];

    /// <summary>The arm that starts from <paramref name="init"/> and does not self-train.</summary>
    public static StudyArm Plain(string init) => All.Single(arm => arm.Init == init && arm.TeacherArm is null);

    /// <summary>The arm named <paramref name="name"/>.</summary>
    public static StudyArm Named(string name) => All.Single(arm => arm.Name == name);
}
