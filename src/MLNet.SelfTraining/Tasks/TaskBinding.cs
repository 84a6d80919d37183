using Microsoft.ML;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tasks;

/// <summary>
/// The seam between the task-free orchestration and one task, bound to one fit: how labels are read, how the teacher's
/// output for one row becomes a pseudo target, what is confident enough, and how targets become the student's label
/// columns. A new task (segmentation, detection) implements this class and a <see cref="SelfTrainingTask{TTarget}"/>.
/// </summary>
/// <typeparam name="TTarget">The pseudo target of one row.</typeparam>
internal abstract class TaskBinding<TTarget>
{
    /// <summary>The label columns of the training data: pseudo-labeled rows get computed columns of these names and types.</summary>
    public abstract IReadOnlyList<string> LabelColumns { get; }

    /// <summary>The number of classes (valid after <see cref="BindTeacher"/>), for per-class counts.</summary>
    public abstract int ClassCount { get; }

    /// <summary>The task's name in a shard job (<c>classification</c>, <c>segmentation</c>, <c>detection</c>), for people reading it.</summary>
    public abstract string TaskName { get; }

    /// <summary>The confidence threshold the selection applies, written into a shard job for people reading it; <see langword="null"/> when it is not one number.</summary>
    public abstract double? SelectionThreshold { get; }

    /// <summary>What the log says when a scoring pass selects nothing new (the run then stops with <see cref="SelfTrainingStopReason.NoChange"/>).</summary>
    public virtual string NoSelection => "no new row passed selection";

    /// <summary>Makes a reader telling whether the current training row is labeled (it reads only <see cref="LabelColumns"/>).</summary>
    public abstract Func<bool> MakeLabeledReader(DataViewRow row);

    /// <summary>
    /// Checks the human labels before any teacher is trained (e.g. that more than one class is labeled), so a user
    /// learns of bad labels in seconds, not after a teacher's fit.
    /// </summary>
    /// <param name="training">The training data.</param>
    /// <param name="cancellation">Stops the pass.</param>
    /// <exception cref="ArgumentException">The labels cannot train a teacher; the message says what the user did.</exception>
    public abstract void CheckLabels(IDataView training, CancellationToken cancellation);

    /// <summary>Label columns holding "no label", added to unlabeled rows as the teacher scores them.</summary>
    public abstract IEnumerable<ComputedColumn> MissingLabelColumns();

    /// <summary>
    /// Called once, with the first teacher: checks the teacher's output and the human labels (e.g. that every class
    /// has one), and learns what the student reads (<paramref name="consumer"/>'s soft targets).
    /// </summary>
    /// <param name="teacher">The first teacher.</param>
    /// <param name="training">The training data (labeled and unlabeled rows).</param>
    /// <param name="consumer">The student trainer that reads pseudo-label columns, if any.</param>
    /// <param name="cancellation">Stops a pass over the training data.</param>
    public abstract void BindTeacher(ITransformer teacher, IDataView training, IPseudoLabelConsumer? consumer, CancellationToken cancellation);

    /// <summary>The columns of a teacher's output (<paramref name="scored"/>) that <see cref="MakeTeacherReader"/> reads.</summary>
    public abstract IEnumerable<DataViewSchema.Column> TeacherColumns(DataViewSchema scored);

    /// <summary>Makes a reader of the teacher's prediction on the current row of a scored view.</summary>
    public abstract TeacherReader<TTarget> MakeTeacherReader(DataViewRow scored);

    /// <summary>Makes a reader of the teacher's loss on the current human-labeled training row (<see langword="null"/> when not measurable).</summary>
    public abstract Func<long, double?> MakeHumanLossReader(DataViewRow scored);

    /// <summary>The teacher's loss on its own pseudo target (for the normalized weighting).</summary>
    public abstract double PseudoLoss(in TTarget target, float confidence);

    /// <summary>Starts the selection of one scoring pass.</summary>
    public abstract IPseudoLabelSelection<TTarget> StartSelection();

    /// <summary>A copy of a target the reader produced that stays valid after the reader moves on (selected rows are kept).</summary>
    public abstract TTarget Keep(in TTarget target);

    /// <summary>Whether two targets are the same pseudo label (a re-scored row whose label did not change is not new).</summary>
    public abstract bool SameLabel(in TTarget a, in TTarget b);

    /// <summary>Adds <paramref name="target"/>'s classes to <paramref name="perClass"/> (length <see cref="ClassCount"/>).</summary>
    public abstract void CountClasses(in TTarget target, long[] perClass);

    /// <summary>The class index reported for a pseudo-labeled row in <see cref="SelfTrainingTransformer.PseudoLabels"/>.</summary>
    public abstract int ReportedClass(in TTarget target);

    /// <summary>The student's label columns on pseudo-labeled rows, from each row's target.</summary>
    public abstract IEnumerable<ComputedColumn> PseudoLabelColumns(Func<long, TTarget> targetOf);

    /// <summary>Columns the <paramref name="consumer"/> reads beyond the labels (e.g. soft targets), on pseudo-labeled rows.</summary>
    public abstract IEnumerable<ComputedColumn> PseudoConsumerColumns(IPseudoLabelConsumer consumer, Func<long, TTarget> targetOf);

    /// <summary>Columns the <paramref name="consumer"/> reads beyond the labels, on human-labeled rows.</summary>
    public abstract IEnumerable<ComputedColumn> HumanConsumerColumns(IPseudoLabelConsumer consumer);

    /// <summary>
    /// Binds a column of true labels of the unlabeled rows (diagnostics only) and returns, per unlabeled row, whether a
    /// pseudo target agrees with it.
    /// </summary>
    /// <exception cref="ArgumentException">The column cannot be read as this task's labels.</exception>
    public abstract Func<int, TTarget, bool> BindDiagnostic(IDataView unlabeled, string column, CancellationToken cancellation);

    /// <summary>
    /// The columns of the unlabeled rows that <see cref="BindDiagnostic"/> reads when the diagnostic label column is
    /// <paramref name="column"/> (by default that column alone; detection adds the true boxes).
    /// </summary>
    public virtual IReadOnlyList<string> DiagnosticColumns(string column) => [column];

    /// <summary>
    /// The validation guard's seam: per row of <paramref name="training"/>, the stratum a held-out split keeps in
    /// proportion (classification: the label as text), <see langword="null"/> for an unlabeled row. The method returns
    /// <see langword="null"/> when the task has no validation metric yet (the fit then runs unguarded).
    /// </summary>
    public virtual string?[]? ValidationStrata(IDataView training, CancellationToken cancellation) => null;

    /// <summary>
    /// Binds the labeled rows of <paramref name="data"/> that <paramref name="rows"/> keeps (read from
    /// <paramref name="labelColumn"/>) as validation rows of the bound teacher's classes; called after
    /// <see cref="BindTeacher"/>, and only when <see cref="ValidationStrata"/> is not <see langword="null"/>.
    /// </summary>
    /// <param name="data">Held-out training rows or the user's validation data.</param>
    /// <param name="labelColumn">The label column of <paramref name="data"/>.</param>
    /// <param name="rows">Which rows are validation rows.</param>
    /// <param name="everyClass">Whether every class must have a row (the user's validation data).</param>
    /// <param name="cancellation">Stops the pass.</param>
    /// <exception cref="ArgumentException">The labels cannot be read, or a class has no row when <paramref name="everyClass"/>.</exception>
    public virtual ValidationSet BindValidation(IDataView data, string labelColumn, Func<long, bool> rows, bool everyClass, CancellationToken cancellation)
        => throw new NotSupportedException($"{GetType().Name} has no validation metric.");
}

/// <summary>Reads the teacher's prediction on the current row; <see langword="false"/> when it is not valid (e.g. NaN scores).</summary>
internal delegate bool TeacherReader<TTarget>(out TTarget target, out float confidence);
