using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.Schema;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Tasks;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// One <see cref="SelfTrainingEstimator.Fit"/>, for any task: teacher, then rounds of scoring, selection, student data
/// and student training, until a stop. Everything that depends on the kind of prediction goes through
/// <see cref="TaskBinding{TTarget}"/>.
/// </summary>
/// <typeparam name="TTarget">The pseudo target of one row.</typeparam>
internal sealed class SelfTrainingRun<TTarget> : IDisposable
{
    private readonly FitRequest _request;
    private readonly TaskBinding<TTarget> _task;
    private readonly SelfTrainingOptions _options;
    private readonly IChannel _log;
    private readonly IEstimator<ITransformer> _student;
    private readonly CancellationToken _cancellation;
    private readonly StudentContext _context;
    private readonly RunProgress _progress;
    private readonly Func<long, bool>? _trainsOn;
    private readonly bool _releaseIntermediate;
    private readonly List<SelfTrainingRound> _rounds = [];
    private readonly List<ITransformer> _models = [];
    private IWarmStartStudent? _warmStart;
    private RunState<TTarget>? _state;
    private Spill? _spill;
    private ITeacherScoring? _scoring;

    /// <summary>Binds one run.</summary>
    /// <param name="request">The fit.</param>
    /// <param name="task">The task bound to this run.</param>
    /// <param name="trainsOn">
    /// Which labeled training rows the teacher and students train on (<see langword="null"/>: all); the others are
    /// held out: neither trained on nor pseudo-labeled.
    /// </param>
    /// <param name="releaseIntermediate">Whether a round's teacher is disposed once its student is trained (the validation guard keeps them and disposes them itself).</param>
    public SelfTrainingRun(FitRequest request, TaskBinding<TTarget> task, Func<long, bool>? trainsOn = null, bool releaseIntermediate = true)
    {
        _request = request;
        _task = task;
        _options = request.Options;
        _log = request.Log;
        _student = _options.Student ?? request.Teacher;
        _cancellation = _options.CancellationToken;
        _progress = new RunProgress(_options.Progress, _options.MaximumIterations);
        _context = new StudentContext(_options.PseudoLabelWeight, _cancellation, _progress);
        _trainsOn = trainsOn;
        _releaseIntermediate = releaseIntermediate;
    }

    /// <summary>The task bound to this run.</summary>
    public TaskBinding<TTarget> Task => _task;

    /// <summary>The first teacher (valid after <see cref="Start"/>).</summary>
    public ITransformer Teacher { get; private set; } = null!;

    /// <summary>The current model: the last round's student, or the teacher.</summary>
    public ITransformer Model { get; private set; } = null!;

    /// <summary>The rounds that trained a student.</summary>
    public IReadOnlyList<SelfTrainingRound> Rounds => _rounds;

    /// <summary>Every model this run trained (the teacher first), for a caller that disposes them.</summary>
    public IReadOnlyList<ITransformer> Models => _models;

    /// <summary>Why the run stopped (valid once <see cref="Next"/> returned <see langword="false"/>).</summary>
    public SelfTrainingStopReason StopReason { get; private set; } = SelfTrainingStopReason.MaximumIterations;

    /// <summary>Runs every round and returns the result (unguarded), with <paramref name="verdict"/> saying why.</summary>
    public SelfTrainingTransformer Fit(string verdict)
    {
        RunAll();
        return Result(Model, _rounds, StopReason, validation: null, verdict);
    }

    /// <summary>Trains the teacher and every round until the run stops.</summary>
    public void RunAll()
    {
        Start();
        while (Next())
        {
        }
    }

    /// <summary>Checks the labels, plans the columns and trains the teacher.</summary>
    public void Start()
    {
        var training = _request.Training;
        var labeled = LabelScan.Read(training, _task.LabelColumns, _task.MakeLabeledReader, _cancellation);
        var trains = _trainsOn is { } keep ? labeled.Select((isLabeled, row) => isLabeled && keep(row)).ToArray() : labeled;
        long labeledCount = trains.LongCount(x => x);
        if (labeledCount == 0)
        {
            throw new ArgumentException(
                $"The training data was expected to have at least one row whose {Labels()} is not missing; got {labeled.Length} rows, none labeled.", "trainingData");
        }

        _task.CheckLabels(training, _cancellation);
        var plan = PlanColumns(training, _request.Unlabeled);
        _warmStart = _options.InitializeStudentFromTeacher ? WarmStartTrainer(_student, plan.Student.Consumer) : null;
        var unlabeled = UnlabeledSource(training, labeled, _request.Unlabeled, plan);
        int unlabeledCount = LabelScan.Count(unlabeled, _cancellation);
        var scoringView = plan.ScoringView(unlabeled, _ => true);
        CheckTeacherReads(schema => _request.Teacher.GetOutputSchema(ShapeColumns.With(ShapeColumns.Of(schema), plan.Student.AddedColumns())), scoringView);
        _log.Info(MessageSensitivity.None, $"Self-training: {labeledCount} labeled rows, {unlabeledCount} unlabeled rows, weights in {(plan.Student.WeightColumn is { } w ? $"'{w}'" : "no column")}.");

        _progress.Report(SelfTrainingStage.TeacherTraining);
        var teacherModel = _request.Teacher.Fit(new AppendedDataView([plan.TeacherView(training, row => trains[row], labeledCount)], _cancellation));
        _models.Add(teacherModel);
        _cancellation.ThrowIfCancellationRequested();
        _progress.Report(SelfTrainingStage.TeacherTrained);
        CheckTeacherReads(teacherModel.GetOutputSchema, scoringView);
        _task.BindTeacher(teacherModel, training, plan.Student.Consumer, _cancellation);
        var agrees = _options.DiagnosticLabelColumnName is { } diagnostic && _task.DiagnosticColumns(diagnostic).All(c => unlabeled.Schema.GetColumnOrNull(c) is not null)
            ? _task.BindDiagnostic(unlabeled, diagnostic, _cancellation)
            : null;

        _state = new RunState<TTarget>(_task, plan, training, trains, labeledCount, unlabeled, new UnlabeledPool<TTarget>(unlabeledCount), agrees);
        _spill = new Spill(_request.MLContext);
        _scoring = _options.Sharding is { } sharding
            ? new ShardedScoring(_request.MLContext, sharding, scoringView, unlabeledCount, _task.TaskName, _task.SelectionThreshold)
            : new InProcessScoring<TTarget>(plan, unlabeled);
        Teacher = teacherModel;
        Model = teacherModel;
    }

    /// <summary>Runs the next round; <see langword="false"/> (and <see cref="StopReason"/> set) when the run stops instead.</summary>
    public bool Next()
    {
        var state = _state ?? throw new InvalidOperationException("The run has not started.");
        int round = _rounds.Count + 1;
        _cancellation.ThrowIfCancellationRequested();
        bool allLabeled = state.Pool.LabeledIteration.All(i => i >= 0);
        if (round > _options.MaximumIterations)
        {
            StopReason = allLabeled ? SelfTrainingStopReason.AllLabeled : SelfTrainingStopReason.MaximumIterations;
            return false;
        }

        // A run that re-scores goes on when every row carries a pseudo label: the next teacher may change them (every
        // valid image is a pseudo row of a dense task's first round); it stops when a round changes nothing.
        if (allLabeled && !(_options.RescorePseudoLabels && state.Pool.Count > 0))
        {
            StopReason = SelfTrainingStopReason.AllLabeled;
            return false;
        }

        var clock = Stopwatch.StartNew();
        _progress.Round = round;
        var model = Model;
        var scoring = ScoringPass.Run(state, _scoring!, model, round, _options.RescorePseudoLabels, _progress, _cancellation);
        _progress.Report(SelfTrainingStage.PseudoLabelsSelected, scoring.Selected, scoring.Scored);
        if (!scoring.Changed)
        {
            _log.Info(MessageSensitivity.None, $"Round {round}: {_task.NoSelection}; stopping.");
            StopReason = SelfTrainingStopReason.NoChange;
            return false;
        }

        var (humanLoss, pseudoLoss, weight) = PseudoLabelWeights.Compute(state, model, _options, _cancellation);
        var pseudoView = _spill!.Write(state.Plan.StudentPseudoView(state.Unlabeled, state.Pool, row => (float)(weight * state.Pool.Multiplicity[row])));
        var humanView = state.Plan.StudentHumanView(state.Training, row => state.Labeled[row], state.LabeledCount);
        _progress.Report(SelfTrainingStage.StudentTraining);
        var student = FitStudent(model, new AppendedDataView([humanView, pseudoView], _cancellation));
        _models.Add(student);
        _progress.Report(SelfTrainingStage.StudentTrained);
        if (_releaseIntermediate && !_options.KeepRoundModels)
        {
            ReleaseIntermediate(model, Teacher);
        }

        Model = student;
        var record = state.Record(round, scoring, humanLoss, pseudoLoss, weight, clock.Elapsed, _options.KeepRoundModels ? student : null);
        _rounds.Add(record);
        _log.Info(MessageSensitivity.None,
            $"Round {round}: scored {record.Scored}, selected {record.Selected} (mean confidence {record.MeanConfidence:F3}), student trained on {record.PseudoLabeled} pseudo rows with weight {weight:G4}{(record.PseudoLabelAccuracy is { } a ? $", pseudo-label accuracy {a:P2}" : "")}, {record.Elapsed.TotalSeconds:F1} s.");
        return true;
    }

    /// <summary>The result of this run with <paramref name="model"/> as its final model.</summary>
    public SelfTrainingTransformer Result(ITransformer model, IReadOnlyList<SelfTrainingRound> rounds, SelfTrainingStopReason stop, SelfTrainingValidation? validation, string verdict)
    {
        var pool = _state!.Pool;
        _progress.Report(SelfTrainingStage.Finished, rounds.Count, _options.MaximumIterations);
        var reported = Enumerable.Range(0, pool.Count).Select(row => pool.IsLabeled(row) ? _task.ReportedClass(pool.Target[row]) : -1).ToArray();
        return new SelfTrainingTransformer(model, Teacher, rounds, stop, pool.LabeledIteration, reported, validation, verdict);
    }

    /// <summary>Deletes the run's spilled rows and sharded scoring's files.</summary>
    public void Dispose()
    {
        _scoring?.Dispose();
        _spill?.Dispose();
    }

    /// <summary>Fits a round's student inside the run's <see cref="StudentContext"/>; a cancelled fit never returns a model.</summary>
    private ITransformer FitStudent(ITransformer teacher, IDataView data)
    {
        ITransformer student;
        using (_warmStart?.StartFrom(teacher))
        using (_context.Enter())
        {
            student = _student.Fit(data);
        }

        if (_cancellation.IsCancellationRequested)
        {
            (student as IDisposable)?.Dispose();
            _cancellation.ThrowIfCancellationRequested();
        }

        return student;
    }

    private static IWarmStartStudent WarmStartTrainer(IEstimator<ITransformer> student, IPseudoLabelConsumer? consumer)
    {
        var trainer = consumer ?? StudentInspector.LastEstimator(student);
        return trainer as IWarmStartStudent ?? throw new ArgumentException(
            $"{nameof(SelfTrainingOptions.InitializeStudentFromTeacher)} needs a student trainer that implements {nameof(IWarmStartStudent)}; the student's trainer is {trainer.GetType().Name}, which does not. Set {nameof(SelfTrainingOptions.InitializeStudentFromTeacher)} to false, or use a trainer that can start from an earlier model.",
            nameof(SelfTrainingOptions.InitializeStudentFromTeacher));
    }

    /// <summary>
    /// Disposes the previous round's student once the next one is trained: nothing else holds it, and models such as
    /// TorchSharp networks keep native memory until disposed (or, later and unpredictably, finalized).
    /// </summary>
    private static void ReleaseIntermediate(ITransformer previous, ITransformer teacherModel)
    {
        if (!ReferenceEquals(previous, teacherModel) && previous is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private ColumnPlan<TTarget> PlanColumns(IDataView training, IDataView? unlabeledData)
    {
        var shape = ShapeColumns.Of(training.Schema);
        var student = StudentPlan.Create(_student, shape, _options, _context);
        student.CheckedOutput(_student, shape, _context);
        foreach (var note in student.Notes)
        {
            _log.Warning(MessageSensitivity.None, note);
        }

        if (student.WeightColumn is null && student.Consumer is { } consumer && _options.Selection.BalanceClasses)
        {
            _log.Warning(MessageSensitivity.None,
                $"Selection.BalanceClasses caps large classes, but its multiplicities for small classes need an example weight column, and the student {consumer.GetType().Name} reads none: small classes are not up-weighted. Set the trainer's example weight column (e.g. \"{DefaultColumnNames.Weight}\") to enable them.");
        }

        var excluded = new HashSet<string>(_task.LabelColumns);
        excluded.UnionWith(student.AddedColumns().Select(c => c.Name));
        var shared = new List<string>();
        foreach (var column in training.Schema.Where(c => !c.IsHidden && !excluded.Contains(c.Name)))
        {
            var other = unlabeledData?.Schema.GetColumnOrNull(column.Name);
            if (unlabeledData is not null && other is null)
            {
                continue;
            }

            if (other is { } o && !o.Type.Equals(column.Type))
            {
                throw new ArgumentException(
                    $"Column '{column.Name}' of the unlabeled data was expected to be {column.Type}, as in the training data; got {o.Type}.", nameof(unlabeledData));
            }

            shared.Add(column.Name);
        }

        bool trainingHasWeight = student.WeightColumn is { } weight && training.Schema.GetColumnOrNull(weight) is not null;
        return new ColumnPlan<TTarget>(_task, shared, student, trainingHasWeight);
    }

    private IDataView UnlabeledSource(IDataView training, bool[] labeled, IDataView? unlabeledData, ColumnPlan<TTarget> plan)
    {
        var diagnostic = _options.DiagnosticLabelColumnName is { } label ? _task.DiagnosticColumns(label) : [];
        long missing = labeled.LongLength - labeled.LongCount(x => x);
        var sources = new List<(IDataView Data, Func<long, bool>? Keep, long? Count)>();
        if (missing > 0)
        {
            sources.Add((training, row => !labeled[row], missing));
        }

        if (unlabeledData is not null)
        {
            sources.Add((unlabeledData, null, null));
        }

        bool withDiagnostic = diagnostic.Count > 0 && sources.Count > 0;
        if (withDiagnostic && diagnostic.FirstOrDefault(c => sources.Any(s => s.Data.Schema.GetColumnOrNull(c) is null)) is { } absent)
        {
            throw new ArgumentException($"Diagnostic column '{absent}' was expected in the unlabeled data; got no such column.", nameof(SelfTrainingOptions.DiagnosticLabelColumnName));
        }

        var columns = withDiagnostic ? plan.SharedColumns.Union(diagnostic).ToList() : plan.SharedColumns.ToList();
        var parts = sources.Select(s => (IDataView)new AugmentedDataView(s.Data, columns, [], s.Keep, s.Count)).ToList();
        return parts.Count switch
        {
            0 => new AugmentedDataView(training, columns, [], _ => false, 0),
            1 => parts[0],
            _ => new AppendedDataView(parts),
        };
    }

    private string Labels() => string.Join(", ", _task.LabelColumns.Select(c => $"'{c}'"));

    /// <summary>
    /// The teacher reads the unlabeled rows: checked on its pipeline (plus the columns the stage adds) before it trains,
    /// and on the fitted model after.
    /// </summary>
    private static void CheckTeacherReads(Func<DataViewSchema, object> outputSchemaOf, IDataView scoringView)
    {
        try
        {
            outputSchemaOf(scoringView.Schema);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"The unlabeled data does not match what the teacher consumes: {e.Message}", "unlabeledData", e);
        }
    }
}
