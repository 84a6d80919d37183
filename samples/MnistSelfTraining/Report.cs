using MLNet.SelfTraining;
using MLNet.SelfTraining.SampleData;
using Spectre.Console;

namespace MnistSelfTraining;

/// <summary>Console output of the sample.</summary>
internal static class Report
{
    public static void Data(MnistSplit split)
    {
        AnsiConsole.MarkupLine($"[bold]MNIST-10k (embedded)[/]: {split.Data.Count} images; canonical split: {split.Labeled.Count} labeled, {split.Unlabeled.Count} unlabeled, {split.Test.Count} test.");
    }

    public static void Rounds(SelfTrainingTransformer model)
    {
        var table = new Table().AddColumns("round", "selected", "pseudo-labeled", "mean confidence", "pseudo-label accuracy", "weight", "validation: teacher → student", "seconds");
        foreach (var r in model.Rounds)
        {
            table.AddRow($"{r.Round}", $"{r.Selected}", $"{r.PseudoLabeled}", $"{r.MeanConfidence:F3}", r.PseudoLabelAccuracy is { } a ? $"{a:P1}" : "-", $"{r.PseudoLabelWeight:G3}",
                r.TeacherValidation is { } t && r.StudentValidation is { } s ? $"{Score(t)} → {Score(s)}" : "-", $"{r.Elapsed.TotalSeconds:F1}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Stopped: {model.StopReason}.");
        AnsiConsole.MarkupLine($"[bold]Verdict:[/] {Markup.Escape(model.Verdict)}");
    }

    private static string Score(ValidationScore score) => score.Spread > 0 ? $"{score.Value:P1} ± {100 * score.Spread:F1}" : $"{score.Value:P1}";

    /// <summary>Accuracy and calibration of the teacher and the student on the test rows, then their confusion matrices.</summary>
    public static void Metrics(string title, ModelEvaluation teacher, ModelEvaluation student)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("metric", "teacher (labeled only)", "self-trained student");
        table.AddRow("micro accuracy", $"{teacher.Metrics.MicroAccuracy:P2}", $"{student.Metrics.MicroAccuracy:P2}");
        table.AddRow("macro accuracy", $"{teacher.Metrics.MacroAccuracy:P2}", $"{student.Metrics.MacroAccuracy:P2}");
        table.AddRow("log-loss", $"{teacher.Metrics.LogLoss:F3}", $"{student.Metrics.LogLoss:F3}");
        table.AddRow($"expected calibration error ({ExpectedCalibrationError.Bins} bins)", $"{teacher.ExpectedCalibrationError:F3}", $"{student.ExpectedCalibrationError:F3}");
        AnsiConsole.Write(table);
        foreach (var (name, evaluation) in new[] { ("teacher", teacher), ("student", student) })
        {
            AnsiConsole.MarkupLine($"Confusion matrix of the {name} (rows: true digit, columns: predicted):");
            Console.WriteLine(evaluation.Metrics.ConfusionMatrix.GetFormattedConfusionTable());   // plain text, wider than 80 columns
        }
    }

    /// <summary>Says whether the student is overconfident and what the remedy checked here gives.</summary>
    public static void Calibration(ModelEvaluation teacher, ModelEvaluation student, (double Temperature, double LogLoss, double ExpectedCalibrationError) remedy)
    {
        var (t, s) = (teacher.Metrics, student.Metrics);
        if (s.LogLoss <= t.LogLoss && student.ExpectedCalibrationError <= teacher.ExpectedCalibrationError)
        {
            AnsiConsole.MarkupLine($"Calibration: the student's log-loss ({t.LogLoss:F3} → {s.LogLoss:F3}) and expected calibration error ({teacher.ExpectedCalibrationError:F3} → {student.ExpectedCalibrationError:F3}) did not rise: its probabilities are as trustworthy as its teacher's.");
            return;
        }

        AnsiConsole.MarkupLine(
            $"[yellow]Calibration: the student is more accurate ({t.MicroAccuracy:P2} → {s.MicroAccuracy:P2}) but its log-loss rose ({t.LogLoss:F3} → {s.LogLoss:F3}) "
            + $"and so did its expected calibration error ({teacher.ExpectedCalibrationError:F3} → {student.ExpectedCalibrationError:F3}): it learnt the teacher's hard pseudo labels as if they were certain, "
            + "so its probabilities are overconfident; do not read them as probabilities as they are.[/]");
        AnsiConsole.MarkupLine(
            $"Remedy checked here: temperature scaling, T = {remedy.Temperature:F2} fitted on the unlabeled images so the student's probabilities match its teacher's (no labels spent): "
            + $"log-loss {s.LogLoss:F3} → {remedy.LogLoss:F3}, expected calibration error {student.ExpectedCalibrationError:F3} → {remedy.ExpectedCalibrationError:F3}, accuracy unchanged "
            + "(TemperatureScaling.Apply on the Score column; with a labeled validation set, fit T on it instead). "
            + "A student that trains on the teacher's probabilities (soft targets, TorchImageClassifierTrainer.Options.SoftLabelColumnName) avoids it at training time; this sample does not run that.");
    }

    public static void Prediction(string model, string path, string reader, IEnumerable<KeyValuePair<string, float>> digits, int index, string truth)
    {
        var top = digits.Take(3).Select(p => $"{p.Key} ({p.Value:P1})");
        AnsiConsole.MarkupLine($"{Markup.Escape(model)} saved to {Markup.Escape(path)}; reloaded with {Markup.Escape(reader)}, it reads test image {index} (a {Markup.Escape(truth)}) as: {string.Join(", ", top)}.");
    }

    public static void Figure(string what, string path)
    {
        AnsiConsole.MarkupLine($"Wrote {Markup.Escape(what)}: {Markup.Escape(path)}");
    }
}
