using System.CommandLine;
using System.Diagnostics;

namespace SelfTraining.Vision.Study;

/// <summary>
/// <c>study</c>: the pre-training vs self-training study (issue 16). Plans every run (<see cref="StudyPlan"/>), runs the
/// missing ones as child processes (<see cref="StudyScheduler"/>; resumable), records its wall time
/// (<see cref="StudyInvocation"/>), then writes the report (<see cref="StudyReportCommand"/>). Exits 1 when a run failed
/// or could not start, after the others finished.
/// </summary>
internal static class StudyCommand
{
    public static Command Create()
    {
        var (config, quick, output) = StudyOptions.Create();
        var jobs = new Option<int>("--jobs") { Description = "Runs at once.", DefaultValueFactory = _ => 2 };
        var figures = StudyReportCommand.FiguresOption();
        var command = new Command("study", "Runs the pre-training vs self-training study (resumable) and writes its report.") { config, output, jobs, quick, figures };
        command.SetAction(async (parse, _) =>
        {
            var (path, isQuick, folder) = (parse.GetValue(config)!, parse.GetValue(quick), new StudyFolder(parse.GetValue(output)!));
            var plan = StudyPlan.Create(StudyConfig.Read(path, isQuick));
            Directory.CreateDirectory(folder.Models);
            var (started, clock) = (UtcStamp.Now(), Stopwatch.StartNew());
            string[] child = [StudyRunCommand.Name, "--config", path, "--out", folder.Root, .. isQuick ? new[] { "--quick" } : []];
            var (count, failed) = await new StudyScheduler(folder, child, parse.GetValue(jobs)).RunAsync(plan);
            new StudyInvocation(started, clock.Elapsed.TotalSeconds, parse.GetValue(jobs), count, failed.Count).AppendTo(folder.Invocations);
            StudyReportCommand.Write(folder, parse.GetValue(figures));
            Console.WriteLine($"report: {folder.Report}");
            if (failed.Count > 0)
            {
                Console.Error.WriteLine($"{failed.Count} runs failed or did not start: {string.Join(", ", failed)}");
            }

            return failed.Count > 0 ? 1 : 0;
        });
        return command;
    }
}
