using System.Globalization;

namespace SelfTraining.Core;

/// <summary>Markdown tables of the MNIST figure.</summary>
internal static class MnistReport
{
    public static void Print(IReadOnlyList<MnistSummary> summaries)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"### ML.NET self-training on MNIST-10k ({string.Join(", ", summaries.Select(s => s.Split).Distinct())} split, 2,000 test images)");
        Console.WriteLine();
        Console.WriteLine("| Trainer | k | Unlabeled | Weighting (α) | Guard | Threshold | Teacher acc | Student acc | Δ (pt) | Fit s, median [min–max] | Peak RSS MiB | Rounds (stop), best |");
        Console.WriteLine("|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in summaries)
        {
            var range = s.StudentAccuracyMin == s.StudentAccuracyMax ? "" : string.Format(c, " [{0:F2}–{1:F2}]", 100 * s.StudentAccuracyMin, 100 * s.StudentAccuracyMax);
            Console.WriteLine(string.Format(c, "| {0} | {1} | {2} | {3} ({4}) | {15} | {16} | {5:F2}% | {6:F2}%{7} | {8:+0.00;-0.00} | {9:F1} [{10:F1}–{11:F1}] | {12:F0} | {13} ({14}){17} |",
                s.Trainer, s.Labeled, s.Unlabeled, s.Weighting, s.Alpha, 100 * s.TeacherAccuracy, 100 * s.StudentAccuracy, range,
                100 * (s.StudentAccuracy - s.TeacherAccuracy), s.FitSecondsMedian, s.FitSecondsMin, s.FitSecondsMax, s.PeakRssMiBMedian,
                s.Rounds.Count, s.StopReason, s.Guard, s.Threshold, s.BestRound is { } best ? $", best {best}" : ""));
        }

        Console.WriteLine();
        Console.WriteLine("Verdicts (first repeat):");
        Console.WriteLine();
        foreach (var s in summaries.Where(s => s.Guard != "off"))
        {
            Console.WriteLine($"- {s.Trainer}, k = {s.Labeled}, {s.Weighting}, guard {s.Guard}: {s.Verdict}");
        }

        summaries = summaries.Where(s => s.Guard == "off").ToList();
        int maxRounds = summaries.Count == 0 ? 0 : summaries.Max(s => s.Rounds.Count);
        var header = string.Concat(Enumerable.Range(1, maxRounds).Select(r => $" R{r} |"));
        var rule = string.Concat(Enumerable.Repeat("---:|", maxRounds));
        Console.WriteLine();
        Console.WriteLine("Round-by-round student test accuracy (%; R0 = teacher), first repeat:");
        Console.WriteLine();
        Console.WriteLine("| Trainer | k | Weighting | R0 |" + header);
        Console.WriteLine("|---|---:|---|---:|" + rule);
        foreach (var s in summaries)
        {
            var cells = string.Concat(Enumerable.Range(0, maxRounds).Select(i => i < s.Rounds.Count ? string.Format(c, " {0:F2} |", 100 * s.Rounds[i].StudentTestAccuracy) : " |"));
            Console.WriteLine(string.Format(c, "| {0} | {1} | {2} | {3:F2} |{4}", s.Trainer, s.Labeled, s.Weighting, 100 * s.TeacherAccuracy, cells));
        }

        Console.WriteLine();
        Console.WriteLine("Round-by-round pseudo labels: rows the student trained on, their accuracy (%) and the pseudo-row weight, first repeat:");
        Console.WriteLine();
        Console.WriteLine("| Trainer | k | Weighting |" + header);
        Console.WriteLine("|---|---:|---|" + rule);
        foreach (var s in summaries)
        {
            var cells = string.Concat(Enumerable.Range(0, maxRounds).Select(i => i < s.Rounds.Count
                ? string.Format(c, " {0} @ {1:F1} (w {2:G3}) |", s.Rounds[i].PseudoLabeled, 100 * (s.Rounds[i].PseudoLabelAccuracy ?? double.NaN), s.Rounds[i].PseudoLabelWeight)
                : " |"));
            Console.WriteLine(string.Format(c, "| {0} | {1} | {2} |{3}", s.Trainer, s.Labeled, s.Weighting, cells));
        }

        Console.WriteLine();
        Console.WriteLine("Hyperparameters (teacher = student):");
        foreach (var trainer in summaries.Select(s => s.Trainer).Distinct())
        {
            Console.WriteLine($"- {trainer}: {MnistTrainers.Describe(trainer)}");
        }
    }
}
