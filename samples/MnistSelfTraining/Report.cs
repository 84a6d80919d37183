using Microsoft.ML.Data;
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
        var table = new Table().AddColumns("round", "selected", "pseudo-labeled", "mean confidence", "pseudo-label accuracy", "weight", "seconds");
        foreach (var r in model.Rounds)
        {
            table.AddRow($"{r.Round}", $"{r.Selected}", $"{r.PseudoLabeled}", $"{r.MeanConfidence:F3}", r.PseudoLabelAccuracy is { } a ? $"{a:P1}" : "-", $"{r.PseudoLabelWeight:G3}", $"{r.Elapsed.TotalSeconds:F1}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Stopped: {model.StopReason}.");
    }

    public static void Metrics(string title, MulticlassClassificationMetrics teacher, MulticlassClassificationMetrics student)
    {
        var table = new Table().Title(title).AddColumns("metric", "teacher (labeled only)", "self-trained student");
        table.AddRow("micro accuracy", $"{teacher.MicroAccuracy:P2}", $"{student.MicroAccuracy:P2}");
        table.AddRow("macro accuracy", $"{teacher.MacroAccuracy:P2}", $"{student.MacroAccuracy:P2}");
        table.AddRow("log-loss", $"{teacher.LogLoss:F3}", $"{student.LogLoss:F3}");
        for (int c = 0; c < teacher.PerClassLogLoss.Count; c++)
        {
            table.AddRow($"log-loss digit {c}", $"{teacher.PerClassLogLoss[c]:F3}", $"{student.PerClassLogLoss[c]:F3}");
        }

        AnsiConsole.Write(table);
    }

    public static void Prediction(MnistSplit split)
    {
        int index = split.Test[^1];
        var input = new MnistModel.ModelInput { Features = split.Data.GetImage(index).ToArray().Select(b => b / 255f).ToArray() };
        var top = MnistModel.PredictAllLabels(input).Take(3).Select(p => $"{p.Key} ({p.Value:P1})");
        AnsiConsole.MarkupLine($"Saved {Markup.Escape(MnistModel.MLNetModelPath)}; reloaded with plain ML.NET, it reads test image {index} (a {split.Data.GetLabel(index)}) as: {string.Join(", ", top)}.");
    }
}
