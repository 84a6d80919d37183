using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Schema;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Tasks;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// One <see cref="SelfTrainingEstimator.Fit"/> under the validation guard (<see cref="SelfTrainingOptions.Validation"/>):
/// for each confidence threshold, runs on the training part of each split with rounds in step, each round's student
/// measured against the model before it; stops at the first round (or <see cref="ValidationOptions.Patience"/> rounds)
/// without improvement; keeps the best threshold and round; then returns that model, retrained on every labeled row
/// when the split held rows out and <see cref="ValidationOptions.RefitOnAllLabeled"/> (always for cross-validation).
/// </summary>
/// <typeparam name="TTarget">The pseudo target of one row.</typeparam>
internal sealed class GuardedFit<TTarget>(FitRequest request, Func<SelfTrainingOptions, TaskBinding<TTarget>> bind)
{
    private readonly SelfTrainingOptions _options = request.Options;
    private readonly ValidationOptions _guard = request.Options.Validation;
    private readonly IChannel _log = request.Log;
    private readonly CancellationToken _cancellation = request.Options.CancellationToken;

    public SelfTrainingTransformer Fit()
    {
        if (!_guard.Enabled)
        {
            return Unguarded("not validated: the validation guard is off (Validation.Enabled = false).");
        }

        var strata = bind(_options).ValidationStrata(request.Training, _cancellation);
        if (strata is null)
        {
            if (_guard.ValidationData is not null)
            {
                throw new ArgumentException($"{nameof(ValidationOptions)}.{nameof(ValidationOptions.ValidationData)} was expected to be null: the validation guard measures classification only for now; got validation data for the task of label column '{_options.LabelColumnName}'.", nameof(ValidationOptions.ValidationData));
            }

            return Warned("not validated: the validation guard measures classification only for now; this task self-trained unguarded (set Validation.Enabled = false to silence this warning).");
        }

        if (_guard.Method == ValidationMethod.Auto && _guard.ValidationData is null && ReadsPseudoLabelColumns())
        {
            const string notice = "not validated: the student reads pseudo-label columns (a TorchSharp image student), whose every validation run costs a full fit, and Validation.Method = Auto leaves it unguarded; set Validation.Method = HoldOut (or CrossValidation), or pass Validation.ValidationData, to guard it.";
            _log.Info(MessageSensitivity.None, notice);
            return Unguarded(notice);
        }

        var (splits, source, holdsOut) = Splits(strata);
        if (splits.Count == 0)
        {
            var small = HeldOutRows.TooSmall(strata);
            return Warned($"not validated: holding labeled rows out needs at least {HeldOutRows.MinimumPerStratum} labeled rows of every class; got {string.Join(", ", small.Select(s => $"{s.Rows} of '{s.Stratum}'"))}. Self-training ran unguarded: pass Validation.ValidationData, label more rows, or set Validation.Enabled = false to silence this warning.");
        }

        bool refit = holdsOut && (splits.Count > 1 || _guard.RefitOnAllLabeled);
        var thresholds = _guard.ConfidenceThresholds ?? [_options.Selection.ConfidenceThreshold];
        var scores = new Dictionary<double, ValidationScore>();
        ValidationCurve<TTarget>? chosen = null;
        foreach (var threshold in thresholds.Distinct())
        {
            var curve = Curve(threshold, splits, source);
            scores[threshold] = curve.Best;
            _log.Info(MessageSensitivity.None, $"Validation ({source}, threshold {threshold}): best {GuardVerdict.Text(_guard.Metric, curve.Best)} at round {curve.BestRound} (0: the teacher); rounds stopped: {curve.Stop}.");
            if (chosen is null || GuardVerdict.Better(_guard.Metric, curve.Best.Value) > GuardVerdict.Better(_guard.Metric, chosen.Best.Value))
            {
                chosen?.Release([]);
                chosen = curve;
            }
            else
            {
                curve.Release([]);
            }
        }

        var validation = new SelfTrainingValidation
        {
            Metric = _guard.Metric,
            Source = source,
            Teacher = chosen!.Teacher,
            Best = chosen.Best,
            BestRound = chosen.BestRound,
            ConfidenceThreshold = chosen.Threshold,
            ThresholdScores = _guard.ConfidenceThresholds is null ? new Dictionary<double, ValidationScore>() : scores,
            Refit = refit,
        };
        var verdict = GuardVerdict.Of(validation, chosen.Students);
        _log.Info(MessageSensitivity.None, $"Validation verdict: {verdict}");
        return refit ? Refit(chosen, validation, verdict) : Keep(chosen, validation, verdict);
    }

    private SelfTrainingTransformer Unguarded(string verdict)
    {
        using var run = new SelfTrainingRun<TTarget>(request, bind(_options));
        return run.Fit(verdict);
    }

    private SelfTrainingTransformer Warned(string verdict)
    {
        _log.Warning(MessageSensitivity.None, verdict);
        return Unguarded(verdict);
    }

    private (IReadOnlyList<ValidationSplit> Splits, string Source, bool HoldsOut) Splits(string?[] strata)
    {
        var training = request.Training;
        var label = _options.LabelColumnName;
        if (_guard.ValidationData is { } data)
        {
            CheckValidationSchema(data);
            return ([new ValidationSplit(null, data, label, _ => true, EveryClass: true)], "validation data", false);
        }

        if (HeldOutRows.TooSmall(strata).Count > 0)
        {
            return ([], "", true);
        }

        if (Method(strata) == ValidationMethod.HoldOut)
        {
            var heldOut = HeldOutRows.HoldOut(strata, _guard.HoldOutFraction, _guard.Seed);
            return ([new ValidationSplit(row => !heldOut[row], training, label, row => heldOut[row], EveryClass: false)],
                $"hold-out of {heldOut.Count(x => x)} labeled rows", true);
        }

        var fold = HeldOutRows.Folds(strata, _guard.Folds, _guard.Seed);
        var splits = Enumerable.Range(0, _guard.Folds)
            .Select(f => new ValidationSplit(row => fold[row] != f, training, label, row => fold[row] == f, EveryClass: false))
            .ToList();
        return (splits, $"{_guard.Folds}-fold cross-validation", true);
    }

    /// <summary>The method <see cref="ValidationMethod.Auto"/> stands for here (the student is an ML.NET trainer).</summary>
    private ValidationMethod Method(string?[] strata) => _guard.Method != ValidationMethod.Auto
        ? _guard.Method
        : strata.Count(s => s is not null) < _guard.CrossValidationBelow ? ValidationMethod.CrossValidation : ValidationMethod.HoldOut;

    /// <summary>Whether the student is a trainer that reads pseudo-label columns (<see cref="IPseudoLabelConsumer"/>).</summary>
    private bool ReadsPseudoLabelColumns()
    {
        var context = new StudentContext(_options.PseudoLabelWeight, _cancellation);
        return StudentPlan.Create(_options.Student ?? request.Teacher, ShapeColumns.Of(request.Training.Schema), _options, context).Consumer is not null;
    }

    /// <summary>The guarded rounds of one threshold, every split in step.</summary>
    private ValidationCurve<TTarget> Curve(double threshold, IReadOnlyList<ValidationSplit> splits, string source)
    {
        var options = _options.With(_options.MaximumIterations, threshold);
        var runs = splits.Select(s => new SelfTrainingRun<TTarget>(request with { Options = options }, bind(options), s.TrainsOn, releaseIntermediate: false)).ToList();
        try
        {
            return Rounds(threshold, splits, source, runs);
        }
        catch
        {
            new ValidationCurve<TTarget>(threshold, runs, default).Release([]);
            throw;
        }
    }

    private ValidationCurve<TTarget> Rounds(double threshold, IReadOnlyList<ValidationSplit> splits, string source, List<SelfTrainingRun<TTarget>> runs)
    {
        var sets = new List<ValidationSet>();
        foreach (var (run, split) in runs.Zip(splits))
        {
            run.Start();
            sets.Add(run.Task.BindValidation(split.Data, split.LabelColumn, row => split.Validates(row), split.EveryClass, _cancellation));
        }

        var curve = new ValidationCurve<TTarget>(threshold, runs, Score(runs, sets));
        var active = runs.Select(_ => true).ToArray();
        int misses = 0;
        for (int round = 1; ; round++)
        {
            for (int i = 0; i < runs.Count; i++)
            {
                active[i] = active[i] && runs[i].Next();
            }

            if (!active.Any(a => a))
            {
                curve.Stop = runs[0].StopReason;
                return curve;
            }

            var student = Score(runs, sets);
            curve.Students.Add(student);
            var before = curve.Before(round);
            bool improved = Beats(student, before);
            misses = improved ? 0 : misses + 1;
            if (Beats(student, curve.Best))
            {
                curve.BestRound = round;
            }

            _log.Info(MessageSensitivity.None, $"Validation ({source}, threshold {threshold}), round {round}: teacher {GuardVerdict.Text(_guard.Metric, before)}, student {GuardVerdict.Text(_guard.Metric, student)}: {(improved ? "better" : "not better")}.");
            if (misses >= _guard.Patience)
            {
                curve.Stop = SelfTrainingStopReason.NoImprovement;
                return curve;
            }
        }
    }

    /// <summary>The returned model is the chosen curve's best model of its (single) run.</summary>
    private SelfTrainingTransformer Keep(ValidationCurve<TTarget> curve, SelfTrainingValidation validation, string verdict)
    {
        var run = curve.Runs[0];
        var model = run.Models[curve.BestRound];
        var rounds = curve.Annotate(run.Rounds);
        var result = run.Result(model, rounds, curve.Stop, validation, verdict);
        curve.Release(rounds.Select(r => r.Student).Append(model).Append(run.Teacher));
        return result;
    }

    /// <summary>The chosen threshold's best number of rounds, replayed on every labeled row.</summary>
    private SelfTrainingTransformer Refit(ValidationCurve<TTarget> curve, SelfTrainingValidation validation, string verdict)
    {
        curve.Release([]);
        var options = _options.With(curve.BestRound, curve.Threshold);
        using var run = new SelfTrainingRun<TTarget>(request with { Options = options }, bind(options));
        run.RunAll();
        var stop = curve.Stop == SelfTrainingStopReason.NoImprovement ? curve.Stop : run.StopReason;
        return run.Result(run.Model, curve.Annotate(run.Rounds), stop, validation, verdict);
    }

    private ValidationScore Score(IReadOnlyList<SelfTrainingRun<TTarget>> runs, IReadOnlyList<ValidationSet> sets)
    {
        var values = runs.Zip(sets, (run, set) => set.Measure(run.Model, _guard.Metric, _cancellation)).ToList();
        double mean = values.Average();
        double spread = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new ValidationScore(mean, spread);
    }

    private bool Beats(ValidationScore a, ValidationScore b)
        => GuardVerdict.Better(_guard.Metric, a.Value) > GuardVerdict.Better(_guard.Metric, b.Value) + _guard.Tolerance;

    /// <summary>The user's validation data has the label column and the training data's columns, with their types.</summary>
    private void CheckValidationSchema(IDataView data)
    {
        const string name = nameof(ValidationOptions.ValidationData);
        if (data.Schema.GetColumnOrNull(_options.LabelColumnName) is null)
        {
            throw new ArgumentException($"The validation data was expected to have label column '{_options.LabelColumnName}'; got columns {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"))}.", name);
        }

        foreach (var column in request.Training.Schema.Where(c => !c.IsHidden))
        {
            if (data.Schema.GetColumnOrNull(column.Name) is not { } other)
            {
                throw new ArgumentException($"The validation data was expected to have column '{column.Name}' ({column.Type}), as the training data has; got no such column.", name);
            }

            if (!other.Type.Equals(column.Type))
            {
                throw new ArgumentException($"Column '{column.Name}' of the validation data was expected to be {column.Type}, as in the training data; got {other.Type}.", name);
            }
        }
    }
}
