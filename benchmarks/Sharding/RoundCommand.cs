using System.CommandLine;
using System.Globalization;
using System.Text;
using SelfTraining.Vision.Study;

namespace SelfTraining.Sharding;

/// <summary><c>round</c> (figure 4): the self-training estimator with sharded vs in-process scoring: test accuracy (must be equal) and fit time.</summary>
internal static class RoundCommand
{
    public static Command Create()
    {
        var labeled = new Option<int>("--labeled") { Description = "Labeled images k.", DefaultValueFactory = _ => 100 };
        var (repeats, tool, output) = (CommonOptions.Repeats(), CommonOptions.Tool(), CommonOptions.Output());
        var command = new Command("round", "The student's rounds with sharded vs single-process scoring on MNIST-10k.") { labeled, repeats, tool, output };
        command.SetAction(parse =>
        {
            var started = UtcStamp.Now();
            var runs = new List<RoundResult>();
            for (int repeat = 1; repeat <= parse.GetValue(repeats); repeat++)
            {
                foreach (var sharded in new[] { false, true })
                {
                    var run = ChildProcess.Run<RoundResult>(
                        ["round-one", "--labeled", parse.GetValue(labeled).ToString(CultureInfo.InvariantCulture), "--tool", parse.GetValue(tool)!, .. sharded ? new[] { "--sharded" } : []])
                        with { Repeat = repeat };
                    Console.Error.WriteLine($"  round, {(sharded ? "sharded" : "in process")}, run {repeat}: {run.FitSeconds:F1} s, student {100 * run.StudentAccuracy:F2} %");
                    runs.Add(run);
                }
            }

            var description = string.Format(CultureInfo.InvariantCulture, RoundRun.Description, parse.GetValue(labeled));
            Console.Write(Report(runs, description));
            if (parse.GetValue(output) is { } path)
            {
                Json.Write(path, new { started, description, runs });
            }

            return 0;
        });
        return command;
    }

    /// <summary>The hidden child command that runs one fit.</summary>
    public static Command CreateChild()
    {
        var labeled = new Option<int>("--labeled") { Required = true };
        var sharded = new Option<bool>("--sharded");
        var tool = CommonOptions.Tool();
        var command = new Command("round-one", "Runs one self-training fit (child process).") { labeled, sharded, tool };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            ChildProcess.Report(RoundRun.Run(parse.GetValue(sharded), parse.GetValue(labeled), parse.GetValue(tool)!));
            return 0;
        });
        return command;
    }

    private static string Report(IReadOnlyList<RoundResult> runs, string description)
    {
        var markdown = new StringBuilder();
        markdown.AppendLine("### 4. The student's rounds: sharded vs single-process scoring");
        markdown.AppendLine();
        markdown.AppendLine($"{description}. Each fit in a fresh process, the two interleaved; fit time = `Fit` wall time, median of {runs.Count / 2}.");
        markdown.AppendLine();
        var single = runs.Where(r => !r.Sharded).ToList();
        var sharded = runs.Where(r => r.Sharded).ToList();
        double singleSeconds = Stats.Median(single.Select(r => r.FitSeconds));
        IReadOnlyList<string> Row(string name, List<RoundResult> group)
        {
            double seconds = Stats.Median(group.Select(r => r.FitSeconds));
            var range = group.Count > 1 ? $" ({Text.F(group.Min(r => r.FitSeconds))}–{Text.F(group.Max(r => r.FitSeconds))})" : "";
            return [name, Text.Percent(group[0].TeacherAccuracy, 2), Text.Percent(group[0].StudentAccuracy, 2), string.Join(" / ", group[0].PseudoLabeled.Select(p => Text.N(p))),
                group[0].StopReason, Text.F(seconds) + range, Text.Ratio(seconds / singleSeconds)];
        }

        MarkdownTable.Append(markdown, ["scoring", "teacher test acc.", "student test acc.", "pseudo-labeled per round", "stop", "fit s, median (min–max)", "× single-process"],
            [Row("single process (in-process scoring)", single), Row($"sharded ({RoundRun.Workers} worker processes)", sharded)]);
        bool equal = runs.All(r => r.StudentAccuracy == runs[0].StudentAccuracy && r.TeacherAccuracy == runs[0].TeacherAccuracy && r.PseudoLabeled.SequenceEqual(runs[0].PseudoLabeled));
        markdown.AppendLine(equal
            ? $"**Equal: the same test accuracy ({Text.Percent(runs[0].StudentAccuracy, 2)}) and the same pseudo-labeled counts in every run, sharded or not.**"
            : "**NOT EQUAL: the sharded and single-process fits differ (see the table and the JSON); this is a bug.**");
        markdown.AppendLine();
        return markdown.ToString();
    }
}
