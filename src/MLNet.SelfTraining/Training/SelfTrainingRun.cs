using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.Labels;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Schema;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Training;

/// <summary>One <see cref="SelfTrainingEstimator.Fit"/>: teacher, then rounds of scoring, selection and student training.</summary>
internal sealed class SelfTrainingRun
{
    private const double Epsilon = 1e-8;

    private readonly MLContext _mlContext;
    private readonly IChannel _log;
    private readonly SelfTrainingOptions _options;
    private readonly bool _isBinary;
    private readonly IEstimator<ITransformer> _teacher;
    private readonly IEstimator<ITransformer> _student;
    private IWarmStartStudent? _warmStart;
    private readonly string _scoreColumn;
    private readonly CancellationToken _cancellation;
    private readonly StudentContext _context;

    public SelfTrainingRun(MLContext mlContext, IChannel log, SelfTrainingOptions options, bool isBinary, IEstimator<ITransformer> teacher)
    {
        _mlContext = mlContext;
        _log = log;
        _options = options;
        _isBinary = isBinary;
        _teacher = teacher;
        _student = options.Student ?? teacher;
        _scoreColumn = options.ScoreColumnName ?? (isBinary ? DefaultColumnNames.Probability : DefaultColumnNames.Score);
        _cancellation = options.CancellationToken;
        _context = new StudentContext(options.PseudoLabelWeight, options.CancellationToken);
    }

    public SelfTrainingTransformer Fit(IDataView training, IDataView? unlabeledData)
    {
        var labelColumn = training.Schema.GetColumnOrNull(_options.LabelColumnName)
            ?? throw new ArgumentException(
                $"Label column '{_options.LabelColumnName}' was expected in the training data; got columns {string.Join(", ", training.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"))}.",
                nameof(SelfTrainingOptions.LabelColumnName));
        var codec = LabelCodec.Create(labelColumn, _isBinary);
        var labeled = LabelScan.Present(training, codec, _cancellation);
        long labeledCount = labeled.LongCount(x => x);
        if (labeledCount == 0)
        {
            throw new ArgumentException(
                $"The training data was expected to have at least one row whose '{labelColumn.Name}' is not missing; got {labeled.Length} rows, none labeled.", "trainingData");
        }

        var (plan, weightColumn) = PlanColumns(training, unlabeledData, codec);
        _warmStart = _options.InitializeStudentFromTeacher ? WarmStartTrainer(_student, plan.Consumer) : null;
        var unlabeled = UnlabeledSource(training, labeled, unlabeledData, plan);
        int unlabeledCount = LabelScan.Count(unlabeled, _cancellation);
        _log.Info(MessageSensitivity.None, $"Self-training: {labeledCount} labeled rows, {unlabeledCount} unlabeled rows, weights in {(weightColumn is null ? "no column" : $"'{weightColumn}'")}.");

        var teacherModel = _teacher.Fit(new AppendedDataView([plan.TeacherView(training, row => labeled[row], labeledCount)], _cancellation));
        _cancellation.ThrowIfCancellationRequested();
        CheckTeacherReads(teacherModel, plan.ScoringView(unlabeled, _ => true));
        var scores = TeacherPass.Scores(teacherModel, training.Schema, _isBinary, _scoreColumn);
        codec.Bind(scores);
        var classes = LabelScan.Classes(training, codec, _cancellation);
        CheckEveryClassLabeled(classes, scores.ClassCount, labelColumn.Name);
        var trueClasses = DiagnosticClasses(unlabeled, scores);

        var state = new RunState(plan, training, labeled, labeledCount, classes, unlabeled, new UnlabeledPool(unlabeledCount), scores.ClassCount, trueClasses);
        return Rounds(state, teacherModel);
    }

    private SelfTrainingTransformer Rounds(RunState state, ITransformer teacherModel)
    {
        var rounds = new List<SelfTrainingRound>();
        var stop = SelfTrainingStopReason.MaximumIterations;
        ITransformer model = teacherModel;
        using var spill = new Spill(_mlContext);
        for (int round = 1; round <= _options.MaximumIterations; round++)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (state.Pool.LabeledIteration.All(i => i >= 0))
            {
                stop = SelfTrainingStopReason.AllLabeled;
                break;
            }

            var clock = Stopwatch.StartNew();
            var scoring = Score(state, model, round);
            if (!scoring.Changed)
            {
                _log.Info(MessageSensitivity.None, $"Round {round}: no new row passed selection; stopping.");
                stop = SelfTrainingStopReason.NoChange;
                break;
            }

            var (humanLoss, pseudoLoss, weight) = Weights(state, model);
            var pseudoView = spill.Write(state.Plan.StudentPseudoView(state.Unlabeled, state.Pool,
                row => (float)(weight * state.Pool.Multiplicity[row]), state.ClassCount, state.PseudoLabeledCount));
            var humanView = state.Plan.StudentHumanView(state.Training, row => state.Labeled[row], state.LabeledCount, row => state.Classes[row], state.ClassCount);
            ITransformer student;
            using (_warmStart?.StartFrom(model))
            using (_context.Enter())
            {
                student = _student.Fit(new AppendedDataView([humanView, pseudoView], _cancellation));
            }

            if (_cancellation.IsCancellationRequested)
            {
                (student as IDisposable)?.Dispose();
                _cancellation.ThrowIfCancellationRequested();
            }

            if (!_options.KeepRoundModels)
            {
                ReleaseIntermediate(model, teacherModel);
            }

            model = student;
            var record = state.Record(round, scoring, humanLoss, pseudoLoss, weight, clock.Elapsed, _options.KeepRoundModels ? student : null);
            rounds.Add(record);
            _log.Info(MessageSensitivity.None,
                $"Round {round}: scored {record.Scored}, selected {record.Selected} (mean confidence {record.MeanConfidence:F3}), student trained on {record.PseudoLabeled} pseudo rows with weight {weight:G4}{(record.PseudoLabelAccuracy is { } a ? $", pseudo-label accuracy {a:P2}" : "")}, {record.Elapsed.TotalSeconds:F1} s.");
        }

        if (stop == SelfTrainingStopReason.MaximumIterations && state.Pool.LabeledIteration.All(i => i >= 0))
        {
            stop = SelfTrainingStopReason.AllLabeled;
        }

        return new SelfTrainingTransformer(model, teacherModel, rounds, stop, state.Pool.LabeledIteration, state.Pool.PseudoClass);
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

    private ScoringOutcome Score(RunState state, ITransformer model, int round)
    {
        var pool = state.Pool;
        var selector = new PseudoLabelSelector(_options.Selection, state.ClassCount);
        var scoredRows = new List<int>();
        var soft = new Dictionary<int, float[]>();
        bool keepSoft = state.Plan.WantsSoftTargets;
        long invalid = 0;
        var view = state.Plan.ScoringView(state.Unlabeled, row => _options.RescorePseudoLabels || !pool.IsLabeled(row));
        TeacherPass.Run(model, view, _isBinary, _scoreColumn, _cancellation, (row, probabilities, valid) =>
        {
            if (!valid)
            {
                invalid++;
                return;
            }

            var (classIndex, confidence) = TeacherScores.ArgMax(probabilities);
            scoredRows.Add((int)row);
            pool.ScoredClass[row] = classIndex;
            pool.ScoredConfidence[row] = confidence;
            if (selector.IsCandidate(classIndex, confidence))
            {
                selector.Observe(classIndex, confidence);
                if (keepSoft)
                {
                    soft[(int)row] = (float[])probabilities.Clone();
                }
            }
        });

        var selection = selector.Finish();
        long selected = 0;
        double confidenceSum = 0;
        bool changed = false;
        foreach (var row in scoredRows)
        {
            int classIndex = pool.ScoredClass[row];
            float confidence = pool.ScoredConfidence[row];
            float multiplicity = selection.WeightOf(classIndex, confidence);
            bool wasLabeled = pool.IsLabeled(row);
            if (multiplicity > 0)
            {
                bool isNew = !wasLabeled || pool.PseudoClass[row] != classIndex;
                changed |= isNew;
                selected += isNew ? 1 : 0;
                confidenceSum += isNew ? confidence : 0;
                pool.Label(row, isNew ? round : pool.LabeledIteration[row], classIndex, confidence, multiplicity, soft.GetValueOrDefault(row));
            }
            else if (wasLabeled)
            {
                pool.Unlabel(row);
                changed = true;
            }
        }

        return new ScoringOutcome(scoredRows.Count + invalid, invalid, selected, selected == 0 ? double.NaN : confidenceSum / selected, changed);
    }

    private (double HumanLoss, double PseudoLoss, double Weight) Weights(RunState state, ITransformer model)
    {
        double humanLoss = 0;
        long humanRows = 0;
        TeacherPass.Run(model, ColumnPlan.IndexedView(state.Training, row => state.Labeled[row]), _isBinary, _scoreColumn, _cancellation, (row, probabilities, valid) =>
        {
            if (valid && state.Classes[row] >= 0)
            {
                humanLoss -= Math.Log(Math.Max(probabilities[state.Classes[row]], 1e-15));
                humanRows++;
            }
        });
        humanLoss /= Math.Max(humanRows, 1);

        double pseudoLoss = 0, pseudoMass = 0;
        var pool = state.Pool;
        for (int row = 0; row < pool.Count; row++)
        {
            if (pool.IsLabeled(row))
            {
                pseudoLoss -= pool.Multiplicity[row] * Math.Log(Math.Max(pool.Confidence[row], 1e-15));
                pseudoMass += pool.Multiplicity[row];
            }
        }

        pseudoLoss /= Math.Max(pseudoMass, Epsilon);
        double alpha = _options.PseudoLabelWeight;
        double weight = (state.Plan.ConsumerNormalizes, _options.Weighting) switch
        {
            (true, _) => 1.0,
            (false, PseudoLabelWeighting.Fixed) => alpha,
            _ => alpha * (state.LabeledCount / Math.Max(pseudoMass, Epsilon)) * (humanLoss / Math.Max(pseudoLoss, Epsilon)),
        };
        return (humanLoss, pseudoLoss, weight);
    }

    private (ColumnPlan Plan, string? WeightColumn) PlanColumns(IDataView training, IDataView? unlabeledData, LabelCodec codec)
    {
        var shape = ShapeColumns.Of(training.Schema);
        var studentPlan = StudentPlan.Create(_student, shape, _options, _context);
        studentPlan.CheckedOutput(_student, shape, _context);
        foreach (var note in studentPlan.Notes)
        {
            _log.Warning(MessageSensitivity.None, note);
        }

        var consumer = studentPlan.Consumer;
        var weightColumn = studentPlan.WeightColumn;
        if (weightColumn is null && consumer is not null && _options.Selection.BalanceClasses)
        {
            _log.Warning(MessageSensitivity.None,
                $"Selection.BalanceClasses caps large classes, but its multiplicities for small classes need an example weight column, and the student {consumer.GetType().Name} reads none: small classes are not up-weighted. Set the trainer's example weight column (e.g. \"{DefaultColumnNames.Weight}\") to enable them.");
        }

        var excluded = new HashSet<string> { codec.Column.Name };
        if (weightColumn is not null)
        {
            excluded.Add(weightColumn);
        }

        if (consumer is not null)
        {
            excluded.Add(consumer.PseudoLabelFlagColumnName);
            if (consumer.SoftLabelColumnName is { } soft)
            {
                excluded.Add(soft);
            }
        }

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

        bool trainingHasWeight = weightColumn is not null && training.Schema.GetColumnOrNull(weightColumn) is not null;
        return (new ColumnPlan(codec, shared, weightColumn, trainingHasWeight, consumer), weightColumn);
    }

    private IDataView UnlabeledSource(IDataView training, bool[] labeled, IDataView? unlabeledData, ColumnPlan plan)
    {
        var parts = new List<IDataView>();
        var diagnostic = _options.DiagnosticLabelColumnName;
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

        bool withDiagnostic = diagnostic is not null && sources.Count > 0 && sources.All(s => s.Data.Schema.GetColumnOrNull(diagnostic) is not null);
        if (diagnostic is not null && sources.Count > 0 && !withDiagnostic)
        {
            throw new ArgumentException($"Diagnostic label column '{diagnostic}' was expected in the unlabeled data; got no such column.", nameof(SelfTrainingOptions.DiagnosticLabelColumnName));
        }

        var columns = withDiagnostic && !plan.SharedColumns.Contains(diagnostic!) ? plan.SharedColumns.Append(diagnostic!).ToList() : plan.SharedColumns.ToList();
        foreach (var (data, keep, count) in sources)
        {
            parts.Add(new AugmentedDataView(data, columns, [], keep, count));
        }

        return parts.Count switch
        {
            0 => new AugmentedDataView(training, columns, [], _ => false, 0),
            1 => parts[0],
            _ => new AppendedDataView(parts),
        };
    }

    private int[]? DiagnosticClasses(IDataView unlabeled, TeacherScores scores)
    {
        if (_options.DiagnosticLabelColumnName is not { } name || unlabeled.Schema.GetColumnOrNull(name) is not { } column)
        {
            return null;
        }

        var codec = LabelCodec.Create(column, _isBinary);
        codec.Bind(scores);
        return LabelScan.Classes(unlabeled, codec, _cancellation);
    }

    private static void CheckTeacherReads(ITransformer teacherModel, IDataView scoringView)
    {
        try
        {
            teacherModel.GetOutputSchema(scoringView.Schema);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"The unlabeled data does not match what the teacher consumes: {e.Message}", "unlabeledData", e);
        }
    }

    private static void CheckEveryClassLabeled(int[] classes, int classCount, string labelColumn)
    {
        var counts = new long[classCount];
        foreach (var c in classes.Where(c => c >= 0))
        {
            counts[c]++;
        }

        var empty = Enumerable.Range(0, classCount).Where(c => counts[c] == 0).ToList();
        if (empty.Count > 0)
        {
            throw new ArgumentException(
                $"Every class of label column '{labelColumn}' was expected to have at least one labeled row; got none for class index(es) {string.Join(", ", empty)} of {classCount}. The teacher cannot pseudo-label a class it never saw: label a few rows of it, or drop it from the label's key values.",
                "trainingData");
        }
    }
}
