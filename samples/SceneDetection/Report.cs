using System.Globalization;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Evaluation;
using MLNet.SelfTraining.SampleData.Scenes;
using Spectre.Console;

namespace SceneDetection;

/// <summary>Console output of the sample.</summary>
internal static class Report
{
    public static void Scenes(SceneSplit split, int seed)
    {
        AnsiConsole.MarkupLine($"[bold]Scenes[/] ({split.Test.CanvasSize}×{split.Test.CanvasSize} pixels, MNIST-10k digits from disjoint pools, seed {seed}): "
            + "10 classes (digits 0–9), one box per digit.");
        AnsiConsole.MarkupLine($"  {Describe(split.Labeled)} labeled, {Describe(split.Unlabeled)} unlabeled (boxes hidden), {Describe(split.Test)} test.");
    }

    /// <summary>The rounds, then per class the pseudo boxes the round made.</summary>
    public static void Rounds(SelfTrainingTransformer model, IReadOnlyList<string> classNames)
    {
        var table = new Table().AddColumns("round", "images scored", "pseudo-labeled images", "pseudo boxes", "mean box score", "images whose pseudo boxes match the truth", "seconds");
        foreach (var r in model.Rounds)
        {
            table.AddRow($"{r.Round}", $"{r.Scored:N0}", $"{r.PseudoLabeled:N0}", $"{r.PseudoLabeledPerClass.Sum():N0}", $"{r.MeanConfidence:F3}",
                r.PseudoLabelAccuracy is { } a ? $"{a:P1}" : "-", $"{r.Elapsed.TotalSeconds:F1}");
        }

        AnsiConsole.Write(table);
        foreach (var r in model.Rounds)
        {
            var perClass = r.PseudoLabeledPerClass.Select((count, c) => $"{classNames[c]}: {count:N0}");
            AnsiConsole.MarkupLine($"Round {r.Round}'s pseudo boxes per class: {Markup.Escape(string.Join(", ", perClass))}.");
        }

        AnsiConsole.MarkupLine($"Stopped: {model.StopReason}.");
    }

    /// <summary>COCO's metrics of the teacher and the student on the test images, then the AP of each class.</summary>
    public static void Metrics(string title, DetectionMetrics teacher, DetectionMetrics student)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("metric", "teacher (labeled only)", "self-trained student", "Δ");
        (string Name, Func<DetectionMetrics, double> Of)[] rows =
        [
            ("AP (IoU 0.50:0.95)", m => m.AveragePrecision),
            ("AP50", m => m.AveragePrecision50),
            ("AP75", m => m.AveragePrecision75),
            ("AP small (< 32² px)", m => m.AveragePrecisionSmall),
            ("AP medium", m => m.AveragePrecisionMedium),
            ("AR@100", m => m.AverageRecall100),
        ];
        foreach (var (name, of) in rows)
        {
            table.AddRow(name, Percent(of(teacher)), Percent(of(student)), Points(of(teacher), of(student)));
        }

        AnsiConsole.Write(table);
        var classes = new Table().Title("AP per class").AddColumns("class", "teacher", "student", "Δ");
        for (int c = 0; c < teacher.ClassNames.Count; c++)
        {
            classes.AddRow(Markup.Escape(teacher.ClassNames[c]), Percent(teacher.PerClassAveragePrecision[c]), Percent(student.PerClassAveragePrecision[c]),
                Points(teacher.PerClassAveragePrecision[c], student.PerClassAveragePrecision[c]));
        }

        AnsiConsole.Write(classes);
        AnsiConsole.MarkupLine($"Teacher → student: AP {Percent(teacher.AveragePrecision)} → {Percent(student.AveragePrecision)} ({Points(teacher.AveragePrecision, student.AveragePrecision)} points), "
            + $"AP50 {Percent(teacher.AveragePrecision50)} → {Percent(student.AveragePrecision50)} ({Points(teacher.AveragePrecision50, student.AveragePrecision50)} points).");
    }

    /// <summary>The boxes the reloaded student finds in one test image, against the truth.</summary>
    public static void Prediction(string path, int row, IReadOnlyList<string> classNames, SceneDetectionModel.ModelOutput prediction, Boxes truth, float threshold)
    {
        var found = Boxes.Above(new Boxes(prediction.PredictedLabel, prediction.Score, prediction.PredictedBoundingBoxes), threshold);
        AnsiConsole.MarkupLine($"The student saved to {Markup.Escape(path)}; reloaded with TorchObjectDetectorTransformer.Load, it finds in test image {row} "
            + $"(score ≥ {threshold}): {Markup.Escape(Describe(classNames, found))} (truth: {Markup.Escape(Describe(classNames, truth))}).");
    }

    public static void Figure(string what, string path)
    {
        AnsiConsole.MarkupLine($"Wrote {Markup.Escape(what)}: {Markup.Escape(path)}");
    }

    private static string Describe(SceneSet scenes)
        => string.Create(CultureInfo.InvariantCulture, $"{scenes.Count:N0} ({(scenes.Count == 0 ? 0 : (double)scenes.DigitCount / scenes.Count):F2} digits/scene)");

    /// <summary>"7 (0.93) at 12,30–35,52; …", or "nothing".</summary>
    private static string Describe(IReadOnlyList<string> classNames, Boxes boxes)
    {
        if (boxes.Count == 0)
        {
            return "nothing";
        }

        return string.Join("; ", Enumerable.Range(0, boxes.Count).Select(b =>
        {
            var name = boxes.Keys[b] is >= 1 and var key && key <= classNames.Count ? classNames[(int)key - 1] : "?";
            var corners = boxes.Corners.AsSpan(4 * b, 4).ToArray().Select(v => v.ToString("F0", CultureInfo.InvariantCulture)).ToArray();
            return string.Create(CultureInfo.InvariantCulture, $"{name} ({boxes.Scores[b]:F2}) at {corners[0]},{corners[1]}–{corners[2]},{corners[3]}");
        }));
    }

    private static string Percent(double value) => double.IsNaN(value) ? "-" : value.ToString("P2", CultureInfo.InvariantCulture);

    private static string Points(double teacher, double student)
        => double.IsNaN(teacher) || double.IsNaN(student) ? "-" : (100 * (student - teacher)).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
