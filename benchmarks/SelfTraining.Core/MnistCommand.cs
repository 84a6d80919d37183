using System.CommandLine;
using System.Globalization;
using MLNet.SelfTraining;

namespace SelfTraining.Core;

/// <summary>
/// <c>mnist</c>: every (trainer, k, weighting) configuration, each repeat in its own child process; prints a markdown
/// table of medians and writes the raw results as JSON.
/// </summary>
internal static class MnistCommand
{
    public static Command Create()
    {
        var labeled = new Option<int[]>("--labeled", "-k") { Description = "Labeled set sizes k.", DefaultValueFactory = _ => [100, 250, 1000], AllowMultipleArgumentsPerToken = true };
        var trainers = new Option<string[]>("--trainers") { Description = "Trainers.", DefaultValueFactory = _ => MnistTrainers.Names, AllowMultipleArgumentsPerToken = true };
        var normalizedFor = new Option<string[]>("--normalized-for") { Description = "Trainers also run with Normalized weighting (Fixed is always run).", DefaultValueFactory = _ => ["LbfgsMaximumEntropy"], AllowMultipleArgumentsPerToken = true };
        var repeats = new Option<int>("--repeats") { Description = "Runs per configuration (median reported).", DefaultValueFactory = _ => 3 };
        var iterations = new Option<int>("--iterations") { Description = "Self-training rounds (MaximumIterations).", DefaultValueFactory = _ => 10 };
        var threshold = new Option<double>("--threshold") { Description = "Confidence threshold.", DefaultValueFactory = _ => 0.75 };
        var alpha = new Option<double>("--alpha") { Description = "Pseudo-label weight α.", DefaultValueFactory = _ => 1.0 };
        var split = SplitOption();
        var output = new Option<string?>("--output", "-o") { Description = "JSON file for the raw results." };
        var guards = new Option<string[]>("--guards")
        {
            Description = "Validation guards to run: off, auto (the library's default), holdout, holdout-norefit, cv; '+grid' chooses the threshold from --threshold-grid.",
            DefaultValueFactory = _ => ["off"],
            AllowMultipleArgumentsPerToken = true,
        };
        var grid = new Option<double[]>("--threshold-grid") { Description = "Thresholds a '+grid' guard chooses from.", DefaultValueFactory = _ => [0.5, 0.75, 0.9, 0.95], AllowMultipleArgumentsPerToken = true };
        var command = new Command("mnist", "Teacher vs student accuracy on an MNIST-10k split.")
        {
            labeled, trainers, normalizedFor, repeats, iterations, threshold, alpha, split, output, guards, grid, Patience, SdcaIterations, LightGbmTrees,
        };
        command.SetAction(parse =>
        {
            ApplyTrainerOptions(parse);
            var summaries = new List<MnistSummary>();
            var raw = new List<MnistResult>();
            foreach (var k in parse.GetValue(labeled)!)
            {
                foreach (var trainer in parse.GetValue(trainers)!)
                {
                    var weightings = parse.GetValue(normalizedFor)!.Contains(trainer)
                        ? new[] { PseudoLabelWeighting.Fixed, PseudoLabelWeighting.Normalized }
                        : [PseudoLabelWeighting.Fixed];
                    foreach (var (weighting, guard) in weightings.SelectMany(w => parse.GetValue(guards)!.Select(g => (w, g))))
                    {
                        var (name, refit, useGrid) = ParseGuard(guard);
                        var runs = new List<MnistResult>();
                        for (int r = 0; r < parse.GetValue(repeats); r++)
                        {
                            var result = ChildProcess.Run<MnistResult>(
                            [
                                "mnist-one", "--trainer", trainer, "--labeled", Text(k), "--weighting", weighting.ToString(),
                                "--alpha", Text(parse.GetValue(alpha)), "--iterations", Text(parse.GetValue(iterations)),
                                "--threshold", Text(parse.GetValue(threshold)), "--split", parse.GetValue(split)!, "--lightgbm-trees", Text(MnistTrainers.LightGbmTrees),
                                "--guard", name, "--refit", refit ? "true" : "false", "--patience", Text(parse.GetValue(Patience)),
                                .. useGrid ? parse.GetValue(grid)!.Select(Text).Prepend("--thresholds") : [],
                                .. MnistTrainers.SdcaIterations is { } epochs ? new[] { "--sdca-iterations", Text(epochs) } : [],
                            ]);
                            Console.Error.WriteLine($"  {trainer} k={k} {weighting} guard {result.Guard} run {r + 1}: teacher {result.TeacherAccuracy:P2}, student {result.StudentAccuracy:P2}, {result.FitSeconds:F1} s, {result.PeakRssMiB:F0} MiB; {result.Verdict}");
                            runs.Add(result);
                        }

                        raw.AddRange(runs);
                        summaries.Add(Summarize(runs));
                    }
                }
            }

            MnistReport.Print(summaries);
            if (parse.GetValue(output) is { } path)
            {
                Json.Write(path, new { summaries, raw });
            }

            return 0;
        });
        return command;
    }

    /// <summary>The hidden child command that runs one configuration once.</summary>
    public static Command CreateChild()
    {
        var trainer = new Option<string>("--trainer") { Required = true };
        var labeled = new Option<int>("--labeled") { Required = true };
        var weighting = new Option<PseudoLabelWeighting>("--weighting") { DefaultValueFactory = _ => PseudoLabelWeighting.Fixed };
        var alpha = new Option<double>("--alpha") { DefaultValueFactory = _ => 1.0 };
        var iterations = new Option<int>("--iterations") { DefaultValueFactory = _ => 10 };
        var threshold = new Option<double>("--threshold") { DefaultValueFactory = _ => 0.75 };
        var split = SplitOption();
        var guard = new Option<string>("--guard") { DefaultValueFactory = _ => "off" };
        var refit = new Option<bool>("--refit") { DefaultValueFactory = _ => true };
        var thresholds = new Option<double[]?>("--thresholds") { AllowMultipleArgumentsPerToken = true };
        var command = new Command("mnist-one", "Runs one MNIST configuration once (child process).")
        {
            trainer, labeled, weighting, alpha, iterations, threshold, split, guard, refit, thresholds, Patience, SdcaIterations, LightGbmTrees,
        };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            ApplyTrainerOptions(parse);
            ChildProcess.Report(MnistRun.Run(new MnistConfig(parse.GetValue(trainer)!, parse.GetValue(split)!, parse.GetValue(labeled), parse.GetValue(weighting),
                parse.GetValue(alpha), parse.GetValue(iterations), parse.GetValue(threshold), parse.GetValue(guard)!, parse.GetValue(refit), parse.GetValue(thresholds) is { Length: > 0 } grid ? grid : null, parse.GetValue(Patience))));
            return 0;
        });
        return command;
    }

    private static readonly Option<int?> SdcaIterations = new("--sdca-iterations") { Description = "SDCA epochs (default: the trainer's choice)." };

    private static readonly Option<int> Patience = new("--patience") { Description = "The guard's patience (rounds without improvement before it stops).", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> LightGbmTrees = new("--lightgbm-trees") { Description = "LightGBM boosting rounds.", DefaultValueFactory = _ => 100 };

    private static Option<string> SplitOption() => new("--split")
    {
        Description = "MNIST-10k split: canonical, or random:SEED (MnistSplit.Random).",
        DefaultValueFactory = _ => SplitChoice.Canonical,
    };

    private static void ApplyTrainerOptions(ParseResult parse)
    {
        MnistTrainers.SdcaIterations = parse.GetValue(SdcaIterations);
        MnistTrainers.LightGbmTrees = parse.GetValue(LightGbmTrees);
    }

    /// <summary>"holdout-norefit+grid" → (holdout, no refit, grid).</summary>
    private static (string Guard, bool Refit, bool Grid) ParseGuard(string guard)
    {
        var parts = guard.Split('+');
        bool grid = parts.Length == 2 && parts[1] == "grid";
        var (name, refit) = parts[0] == "holdout-norefit" ? ("holdout", false) : (parts[0], true);
        if (parts.Length > 2 || (parts.Length == 2 && !grid) || !MnistConfig.Guards.Contains(name))
        {
            throw new ArgumentException($"Unknown guard '{guard}'; expected off, auto, holdout, holdout-norefit or cv, optionally followed by '+grid'.", nameof(guard));
        }

        return (name, refit, grid);
    }

    private static MnistSummary Summarize(List<MnistResult> runs)
    {
        var first = runs[0];
        return new MnistSummary(first.Trainer, MnistTrainers.Describe(first.Trainer), first.Split, first.Labeled, first.Unlabeled, first.Weighting,
            first.Alpha, runs.Count, Stats.Median(runs.Select(r => r.TeacherAccuracy)), Stats.Median(runs.Select(r => r.StudentAccuracy)),
            runs.Min(r => r.StudentAccuracy), runs.Max(r => r.StudentAccuracy), Stats.Median(runs.Select(r => r.FitSeconds)),
            runs.Min(r => r.FitSeconds), runs.Max(r => r.FitSeconds), Stats.Median(runs.Select(r => r.PeakRssMiB)), first.StopReason, first.Rounds,
            first.Guard, first.Verdict, first.BestRound, first.Threshold);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
