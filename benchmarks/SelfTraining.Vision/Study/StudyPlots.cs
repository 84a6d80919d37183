using ScottPlot;

namespace SelfTraining.Vision.Study;

/// <summary>The study's figures (ScottPlot PNGs, 800 × 500): per task, the metric against labeled scenes (every arm) and Δ
/// against augmentation policy (every arm of the policy table), one line per arm.</summary>
internal static class StudyPlots
{
    /// <summary>Writes both figures of every task to <paramref name="folder"/>.</summary>
    /// <returns>Each figure's title and path.</returns>
    public static IReadOnlyList<(string Title, string Path)> Write(StudyResults results, string folder)
    {
        Directory.CreateDirectory(folder);
        var figures = new List<(string, string)>();
        foreach (var task in results.Tasks)
        {
            var (title, metric) = (StudyReport.Title(task), results.Metric(task));
            var bySize = results.SizeCells;
            var sizeTitle = $"{title}: test {metric} by labeled scenes at {bySize.FirstOrDefault()?.Policy}";
            figures.Add((sizeTitle, Save(sizeTitle, "labeled scenes", $"test {metric} (%)", Path.Combine(folder, $"{task}-accuracy-vs-labeled.png"),
                [.. bySize.Select(c => (double)c.Labeled)], null,
                StudyArm.All.Select(arm => (arm, bySize.Select(c => results.Value(task, c, arm.Name)?.Mean).ToArray())))));

            var byPolicy = results.PolicyCells;
            var policyTitle = $"{title}: Δ {metric} vs random init by augmentation at {byPolicy.FirstOrDefault()?.Labeled} labeled scenes";
            figures.Add((policyTitle, Save(policyTitle, "augmentation policy", $"Δ test {metric} vs random init (points)",
                Path.Combine(folder, $"{task}-delta-vs-augmentation.png"), [.. byPolicy.Select((_, i) => (double)i + 1)], [.. byPolicy.Select(c => c.Policy.ToString())],
                StudyArm.All.Where(arm => arm != StudyArm.Random && arm != StudyArm.SelfTrainScenes).Select(arm => (arm, byPolicy.Select(c => results.Delta(task, c, arm.Name)?.Mean).ToArray())))));
        }

        return figures;
    }

    /// <summary>Each arm's marker (the same in every figure), so lines that coincide stay visible.</summary>
    private static readonly MarkerShape[] s_markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.Cross];

    /// <summary>One line per arm over <paramref name="xs"/> (points missing where a value is null; an arm with none left
    /// out), the legend below the axes.</summary>
    private static string Save(string title, string xLabel, string yLabel, string path, double[] xs, string[]? tickLabels,
        IEnumerable<(StudyArm Arm, double?[] Values)> series)
    {
        var plot = new Plot();
        foreach (var (arm, values) in series)
        {
            var points = xs.Zip(values).Where(p => p.Second is not null).ToArray();
            if (points.Length > 0)
            {
                var line = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => 100 * p.Second!.Value).ToArray());
                line.LegendText = arm.Title;
                line.MarkerShape = s_markers[StudyArm.All.ToList().IndexOf(arm)];
                line.MarkerSize = 9;
            }
        }

        if (tickLabels is not null)
        {
            plot.Add.HorizontalLine(0, color: Colors.Gray);
            plot.Axes.Bottom.SetTicks(xs, tickLabels);
        }
        else
        {
            plot.Axes.Bottom.SetTicks(xs, [.. xs.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        plot.Axes.Margins(horizontal: 0.08, vertical: 0.1);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, 800, 500);
        return Path.GetFullPath(path);
    }
}
