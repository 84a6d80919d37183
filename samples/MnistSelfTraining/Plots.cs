using ScottPlot;

namespace MnistSelfTraining;

/// <summary>The sample's figures (ScottPlot PNGs), written in the working directory.</summary>
internal static class Plots
{
    /// <summary>Test accuracy of the teacher (round 0) and of each round's student, one line per model.</summary>
    /// <returns>The PNG's full path.</returns>
    public static string AccuracyPerRound(string fileName, IEnumerable<(string Model, double[] Accuracy)> series)
    {
        var plot = new Plot();
        foreach (var (model, accuracy) in series)
        {
            var line = plot.Add.Scatter(Enumerable.Range(0, accuracy.Length).Select(r => (double)r).ToArray(), accuracy.Select(a => 100 * a).ToArray());
            line.LegendText = model;
            line.MarkerSize = 8;
        }

        plot.Title("Test accuracy: teacher (round 0) and each round's student");
        plot.XLabel("round");
        plot.YLabel("test accuracy (%)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, fileName, 800, 500);
    }

    /// <summary>Per class, a histogram of the selected pseudo labels' confidence (the round teacher's top probability).</summary>
    /// <returns>The PNG's full path.</returns>
    public static string ConfidenceHistograms(string fileName, string title, (int Class, float Confidence)[] pseudoLabels, IReadOnlyList<string> classNames, double threshold)
    {
        const int Columns = 5;
        var multiplot = new Multiplot();
        multiplot.AddPlots(classNames.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: (classNames.Count + Columns - 1) / Columns, columns: Columns);
        for (int c = 0; c < classNames.Count; c++)
        {
            var confidence = pseudoLabels.Where(p => p.Class == c).Select(p => (double)p.Confidence).ToArray();
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(20, threshold, 1.0);
            histogram.AddRange(confidence);
            var plot = multiplot.GetPlot(c);
            plot.Add.Histogram(histogram);
            plot.Title($"{classNames[c]}: {confidence.Length} rows", size: 12);
            plot.XLabel("confidence", size: 10);
        }

        multiplot.GetPlot(0).YLabel($"rows ({title})", size: 10);
        var path = Path.GetFullPath(fileName);
        multiplot.SavePng(path, 1500, 600);
        return path;
    }

    private static string Save(Plot plot, string fileName, int width, int height)
    {
        var path = Path.GetFullPath(fileName);
        plot.SavePng(path, width, height);
        return path;
    }
}
