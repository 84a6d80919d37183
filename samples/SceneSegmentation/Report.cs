using System.Globalization;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Evaluation;
using MLNet.SelfTraining.SampleData.Scenes;
using Spectre.Console;

namespace SceneSegmentation;

/// <summary>Console output of the sample.</summary>
internal static class Report
{
    public static void Scenes(SceneSplit split, int seed)
    {
        AnsiConsole.MarkupLine($"[bold]Scenes[/] ({split.Test.CanvasSize}×{split.Test.CanvasSize} pixels, MNIST-10k digits from disjoint pools, seed {seed}): "
            + $"{SceneSet.MaskClassNames.Count} classes (background, digits 0–9), the digits' anti-aliased rims ignored (255).");
        AnsiConsole.MarkupLine($"  {Describe(split.Labeled)} labeled, {Describe(split.Unlabeled)} unlabeled (masks hidden), {Describe(split.Test)} test.");
    }

    public static void Voc(string folder, long labeled, long unlabeled, long test, int size, int classes)
    {
        AnsiConsole.MarkupLine($"[bold]PASCAL VOC folder[/] {Markup.Escape(folder)}: {labeled:N0} labeled (train), {unlabeled:N0} unlabeled (images without a mask), "
            + $"{test:N0} test (val); images read as 3×{size}×{size}; {classes} classes.");
    }

    /// <summary>The rounds, then per class the pseudo masks that hold at least one pseudo pixel of it.</summary>
    public static void Rounds(SelfTrainingTransformer model, IReadOnlyList<string> classNames)
    {
        var table = new Table().AddColumns("round", "images scored", "pseudo-labeled images", "mean pixel confidence", "pseudo-mask accuracy (≥ 90 % of pixels right)", "seconds");
        foreach (var r in model.Rounds)
        {
            table.AddRow($"{r.Round}", $"{r.Scored:N0}", $"{r.PseudoLabeled:N0}", $"{r.MeanConfidence:F3}", r.PseudoLabelAccuracy is { } a ? $"{a:P1}" : "-", $"{r.Elapsed.TotalSeconds:F1}");
        }

        AnsiConsole.Write(table);
        foreach (var r in model.Rounds)
        {
            var perClass = r.PseudoLabeledPerClass.Select((count, c) => $"{classNames[c]}: {count:N0}");
            AnsiConsole.MarkupLine($"Round {r.Round}'s pseudo masks, images with a pseudo pixel of each class: {Markup.Escape(string.Join(", ", perClass))}.");
        }

        AnsiConsole.MarkupLine($"Stopped: {model.StopReason}.");
    }

    /// <summary>Mean IoU and pixel accuracy of the teacher and the student on the test images, then the IoU of each class.</summary>
    public static void Metrics(string title, SegmentationMetrics teacher, SegmentationMetrics student)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("metric", "teacher (labeled only)", "self-trained student", "Δ");
        table.AddRow("mean IoU", Percent(teacher.MeanIoU), Percent(student.MeanIoU), Points(teacher.MeanIoU, student.MeanIoU));
        table.AddRow("pixel accuracy", Percent(teacher.PixelAccuracy), Percent(student.PixelAccuracy), Points(teacher.PixelAccuracy, student.PixelAccuracy));
        table.AddRow("mean class accuracy", Percent(teacher.MeanClassAccuracy), Percent(student.MeanClassAccuracy), Points(teacher.MeanClassAccuracy, student.MeanClassAccuracy));
        AnsiConsole.Write(table);

        var classes = new Table().Title("IoU per class").AddColumns("class", "teacher", "student", "Δ");
        for (int c = 0; c < teacher.ClassNames.Count; c++)
        {
            classes.AddRow(Markup.Escape(teacher.ClassNames[c]), Percent(teacher.PerClassIoU[c]), Percent(student.PerClassIoU[c]), Points(teacher.PerClassIoU[c], student.PerClassIoU[c]));
        }

        AnsiConsole.Write(classes);
        AnsiConsole.MarkupLine($"Teacher → student: mean IoU {Percent(teacher.MeanIoU)} → {Percent(student.MeanIoU)} ({Points(teacher.MeanIoU, student.MeanIoU)} points), "
            + $"pixel accuracy {Percent(teacher.PixelAccuracy)} → {Percent(student.PixelAccuracy)}, over {teacher.ValidPixelCount:N0} test pixels.");
    }

    /// <summary>The classes other than the background found in a predicted mask, with their pixel counts, against the truth.</summary>
    public static void Prediction(string path, int row, IReadOnlyList<string> classNames, ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> truth)
    {
        AnsiConsole.MarkupLine($"The student saved to {Markup.Escape(path)}; reloaded with TorchImageSegmenterTransformer.Load, it finds in test image {row}: "
            + $"{Markup.Escape(Classes(classNames, predicted))} (truth: {Markup.Escape(Classes(classNames, truth))}).");
    }

    public static void Figure(string what, string path)
    {
        AnsiConsole.MarkupLine($"Wrote {Markup.Escape(what)}: {Markup.Escape(path)}");
    }

    private static string Describe(SceneSet scenes)
        => string.Create(CultureInfo.InvariantCulture, $"{scenes.Count:N0} ({(scenes.Count == 0 ? 0 : (double)scenes.DigitCount / scenes.Count):F2} digits/scene)");

    /// <summary>"7: 130 px, 2: 95 px", most pixels first; 255 (ignored) and class 0 (the background) are left out.</summary>
    private static string Classes(IReadOnlyList<string> classNames, ReadOnlySpan<byte> mask)
    {
        var counts = new int[classNames.Count];
        foreach (var value in mask)
        {
            if (value > 0 && value < counts.Length)
            {
                counts[value]++;
            }
        }

        var found = Enumerable.Range(1, counts.Length - 1).Where(c => counts[c] > 0).OrderByDescending(c => counts[c]).Select(c => $"{classNames[c]}: {counts[c]} px").ToList();
        return found.Count == 0 ? "background only" : string.Join(", ", found);
    }

    private static string Percent(double value) => double.IsNaN(value) ? "-" : value.ToString("P2", CultureInfo.InvariantCulture);

    private static string Points(double teacher, double student)
        => double.IsNaN(teacher) || double.IsNaN(student) ? "-" : (100 * (student - teacher)).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
