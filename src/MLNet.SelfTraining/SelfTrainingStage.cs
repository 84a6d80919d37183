namespace MLNet.SelfTraining;

/// <summary>
/// The stage a self-training run is in when it makes a <see cref="SelfTrainingProgress"/> report. A run goes through
/// <see cref="TeacherTraining"/> and <see cref="TeacherTrained"/> once, then per round <see cref="Scoring"/>,
/// <see cref="PseudoLabelsSelected"/>, <see cref="StudentTraining"/> and <see cref="StudentTrained"/> (a round that
/// selects nothing new stops after <see cref="PseudoLabelsSelected"/>), and ends with <see cref="Finished"/>.
/// </summary>
public enum SelfTrainingStage
{
    /// <summary>The teacher starts training on the labeled rows (round 0).</summary>
    TeacherTraining,

    /// <summary>The teacher is trained (round 0).</summary>
    TeacherTrained,

    /// <summary>
    /// The round's teacher scores the unlabeled rows: <see cref="SelfTrainingProgress.Completed"/> rows scored of
    /// <see cref="SelfTrainingProgress.Total"/>. Reported at 0, every 1,024 rows, and when the pass ends.
    /// </summary>
    Scoring,

    /// <summary>
    /// Selection is done: <see cref="SelfTrainingProgress.Completed"/> rows newly pseudo-labeled of the
    /// <see cref="SelfTrainingProgress.Total"/> rows scored.
    /// </summary>
    PseudoLabelsSelected,

    /// <summary>
    /// The round's student trains: first reported with <see cref="SelfTrainingProgress.Completed"/> 0 and no total when
    /// its fit starts, then once per training step for a student that reports its steps through
    /// <see cref="Students.StudentContext.ReportTrainingSteps"/> (steps done of <see cref="SelfTrainingProgress.Total"/>).
    /// </summary>
    StudentTraining,

    /// <summary>The round's student is trained.</summary>
    StudentTrained,

    /// <summary>
    /// The run is over: <see cref="SelfTrainingProgress.Completed"/> rounds trained a student, of at most
    /// <see cref="SelfTrainingProgress.Total"/> (<see cref="SelfTrainingOptions.MaximumIterations"/>).
    /// </summary>
    Finished,
}
