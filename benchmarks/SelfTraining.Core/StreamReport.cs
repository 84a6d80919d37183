using System.Globalization;

namespace SelfTraining.Core;

/// <summary>Markdown table of the streaming figure.</summary>
internal static class StreamReport
{
    public static void Print(IReadOnlyList<StreamResult> summaries, int repeats)
    {
        var c = CultureInfo.InvariantCulture;
        var first = summaries.FirstOrDefault();
        Console.WriteLine(string.Format(c, "### Streaming pseudo-labeling ({0} features, 10 Gaussian blobs, teacher on 1,000 labeled rows; median of {1})",
            first?.Width ?? 0, repeats));
        Console.WriteLine();
        Console.WriteLine("| Mode | N | Total s | Rows/s | Fit / setup s | Pass / round s | Raw generation pass s | Selected | Teacher acc | Student acc | RSS before MiB | Peak RSS MiB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in summaries)
        {
            Console.WriteLine(string.Format(c, "| {0} | {1:N0} | {2:F2} | {3:N0} | {4:F2} | {5:F2} | {6:F2} | {7:N0} | {8:F2}% | {9} | {10:F0} | {11:F0} |",
                s.Mode, s.Rows, s.Seconds, s.RowsPerSecond, s.FitSeconds, s.PassSeconds, s.RawPassSeconds, s.Selected,
                100 * s.TeacherAccuracy, s.StudentAccuracy is { } a ? string.Format(c, "{0:F2}%", 100 * a) : "–", s.BaselineRssMiB, s.PeakRssMiB));
        }

        Console.WriteLine();
        Console.WriteLine($"Trainer (teacher and student): {StreamTrainer.Description}.");
        Console.WriteLine("pseudolabel: teacher.Transform + Transforms.PseudoLabel(0.75).Fit (one pass) + one full cursor pass reading all five output columns.");
        Console.WriteLine("round: SelfTraining(MaximumIterations = 1, Fixed α = 1) Fit, including the teacher fit on 1,000 rows (setup) and the round (score, spill selected rows, student fit).");
    }
}
