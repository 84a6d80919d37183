namespace SelfTraining.Vision.Study;

/// <summary>
/// One planned run of the study: a pre-training (<see cref="Task"/>, <see cref="Cell"/> and <see cref="Arm"/> null;
/// <see cref="Init"/> names it) or an arm of a cell for a task. Ids: <c>pretrain-METHOD-seedN</c> and
/// <c>TASK-POLICY-kLABELED-ARM[-tSTEPS]-seedN</c> (<c>-tSTEPS</c> only for a speedup run's shorter budget).
/// </summary>
/// <param name="Id">The run id: the name of its result, log and model files.</param>
/// <param name="Stage">0 pre-training, 1 arms without self-training, 2 self-training arms and speedup runs (the order runs start in).</param>
/// <param name="Init">The pre-training's method, or the arm's initial backbone (<see cref="StudyArm.Init"/>).</param>
/// <param name="Seed">The trainer seed.</param>
/// <param name="Steps">Optimizer steps.</param>
/// <param name="Task">The task (<c>detect</c>, <c>segment</c>) of an arm.</param>
/// <param name="Cell">The cell of an arm.</param>
/// <param name="Arm">The arm.</param>
/// <param name="Backbone">The pre-training whose backbone the network starts from; <see langword="null"/> for random weights.</param>
/// <param name="Teacher">The arm whose model is the self-training teacher; <see langword="null"/> without self-training.</param>
/// <param name="SavesModel">Whether the run writes its model (a backbone for a pre-training) for other runs.</param>
internal sealed record StudyRun(
    string Id, int Stage, string Init, int Seed, int Steps, string? Task, StudyCell? Cell, StudyArm? Arm, string? Backbone, string? Teacher, bool SavesModel)
{
    /// <summary>The runs whose models this run reads (it starts once their results exist).</summary>
    public IEnumerable<string> Inputs => new[] { Backbone, Teacher }.OfType<string>();

    public const string PretrainKind = "pretrain";

    public const string ArmKind = "arm";

    /// <summary><see cref="PretrainKind"/> or <see cref="ArmKind"/>.</summary>
    public string Kind => Arm is null ? PretrainKind : ArmKind;
}
