using System.CommandLine;
using System.Globalization;

namespace SelfTraining.Core;

/// <summary>
/// <c>stream</c>: pseudo-labeling and one self-training round over N lazily generated rows, each (N, mode, repeat) in
/// its own child process so the peak RSS is per N; prints a markdown table of medians and writes JSON.
/// </summary>
internal static class StreamCommand
{
    public static Command Create()
    {
        var rows = new Option<long[]>("--rows", "-n") { Description = "Unlabeled row counts N.", DefaultValueFactory = _ => [10_000, 100_000, 1_000_000], AllowMultipleArgumentsPerToken = true };
        var modes = new Option<string[]>("--modes") { Description = "pseudolabel and/or round.", DefaultValueFactory = _ => ["pseudolabel", "round"], AllowMultipleArgumentsPerToken = true };
        var width = new Option<int>("--width") { Description = "Features per row.", DefaultValueFactory = _ => 128 };
        var spread = new Option<float>("--spread") { Description = "Standard deviation of the class centers (noise is 1).", DefaultValueFactory = _ => 0.3f };
        var threshold = new Option<double>("--threshold") { Description = "Confidence threshold.", DefaultValueFactory = _ => 0.75 };
        var repeats = new Option<int>("--repeats") { Description = "Runs per (N, mode) (median reported).", DefaultValueFactory = _ => 3 };
        var output = new Option<string?>("--output", "-o") { Description = "JSON file for the raw results." };
        var command = new Command("stream", "Pseudo-labeling throughput and memory over lazily generated rows.") { rows, modes, width, spread, threshold, repeats, output };
        command.SetAction(parse =>
        {
            var raw = new List<StreamResult>();
            var summaries = new List<StreamResult>();
            foreach (var mode in parse.GetValue(modes)!)
            {
                foreach (var n in parse.GetValue(rows)!)
                {
                    var runs = new List<StreamResult>();
                    for (int r = 0; r < parse.GetValue(repeats); r++)
                    {
                        var result = ChildProcess.Run<StreamResult>(
                        [
                            "stream-one", "--mode", mode, "--rows", Text(n), "--width", Text(parse.GetValue(width)),
                            "--spread", parse.GetValue(spread).ToString(CultureInfo.InvariantCulture), "--threshold", Text(parse.GetValue(threshold)),
                        ]);
                        Console.Error.WriteLine($"  {mode} N={n} run {r + 1}: {result.Seconds:F1} s, {result.RowsPerSecond:N0} rows/s, peak {result.PeakRssMiB:F0} MiB");
                        runs.Add(result);
                    }

                    raw.AddRange(runs);
                    summaries.Add(Median(runs));
                }
            }

            StreamReport.Print(summaries, parse.GetValue(repeats));
            if (parse.GetValue(output) is { } path)
            {
                Json.Write(path, new { trainer = StreamTrainer.Description, summaries, raw });
            }

            return 0;
        });
        return command;
    }

    /// <summary>The hidden child command that runs one (N, mode) once.</summary>
    public static Command CreateChild()
    {
        var mode = new Option<string>("--mode") { Required = true };
        var rows = new Option<long>("--rows") { Required = true };
        var width = new Option<int>("--width") { DefaultValueFactory = _ => 128 };
        var spread = new Option<float>("--spread") { DefaultValueFactory = _ => 0.3f };
        var threshold = new Option<double>("--threshold") { DefaultValueFactory = _ => 0.75 };
        var command = new Command("stream-one", "Runs one streaming measurement (child process).") { mode, rows, width, spread, threshold };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            ChildProcess.Report(StreamRun.Run(parse.GetValue(mode)!, parse.GetValue(rows), parse.GetValue(width), parse.GetValue(spread), parse.GetValue(threshold)));
            return 0;
        });
        return command;
    }

    /// <summary>The run with the median time (its other fields kept together), peak RSS replaced by the median.</summary>
    private static StreamResult Median(List<StreamResult> runs)
    {
        var byTime = runs.OrderBy(r => r.Seconds).ToList();
        return byTime[byTime.Count / 2] with { PeakRssMiB = Stats.Median(runs.Select(r => r.PeakRssMiB)) };
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
