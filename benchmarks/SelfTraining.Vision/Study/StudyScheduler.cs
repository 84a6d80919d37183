using System.Diagnostics;
using System.Globalization;

namespace SelfTraining.Vision.Study;

/// <summary>
/// Runs the missing runs of a plan, each in a child process (<c>study-run</c>; output to <c>ID.log</c>), at most
/// <paramref name="jobs"/> at once, in plan order among the runs whose inputs are done. A run whose result exists is
/// skipped (unless its model file is gone and a run to do reads it); a failed run's dependents do not start, and its
/// log is kept as <c>ID.failed.log</c> (a rerun writes <c>ID.log</c> anew). Prints a line per start and end with the
/// elapsed time.
/// </summary>
/// <param name="folder">The study's folder.</param>
/// <param name="childArguments">The child's arguments but <c>--run ID</c>.</param>
/// <param name="jobs">Runs at once.</param>
internal sealed class StudyScheduler(StudyFolder folder, IReadOnlyList<string> childArguments, int jobs)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <returns>The runs started, and the ids of the runs that failed or waited for a failed input.</returns>
    public async Task<(int Started, IReadOnlyList<string> Failed)> RunAsync(IReadOnlyList<StudyRun> plan)
    {
        var done = Done(plan);
        var pending = plan.Where(run => !done.Contains(run.Id)).ToList();
        Print($"{plan.Count} runs planned, {done.Count} done before, {pending.Count} to run, at most {jobs} at once");
        var (running, failed, started) = (new Dictionary<Task<int>, (StudyRun Run, Stopwatch Clock)>(), new List<string>(), 0);
        while (true)
        {
            foreach (var run in pending.Where(run => run.Inputs.All(done.Contains)).Take(jobs - running.Count).ToList())
            {
                pending.Remove(run);
                started++;
                Print($"start {run.Id}");
                running.Add(ChildProcess.RunLoggedAsync([.. childArguments, "--run", run.Id], folder.Log(run.Id)), (run, Stopwatch.StartNew()));
            }

            if (running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(running.Keys);
            var (ended, clock) = running[finished];
            running.Remove(finished);
            var seconds = clock.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture);
            if (await finished == 0 && File.Exists(folder.Result(ended.Id)))
            {
                done.Add(ended.Id);
                Print($"done {ended.Id} in {seconds} s");
            }
            else
            {
                failed.Add(ended.Id);
                var log = folder.FailedLog(ended.Id);
                File.Move(folder.Log(ended.Id), log, overwrite: true);
                Print($"FAILED {ended.Id} after {seconds} s (exit code {await finished}; log {log})");
            }
        }

        foreach (var run in pending)
        {
            failed.Add(run.Id);
            Print($"NOT RUN {run.Id}: its input {string.Join(", ", run.Inputs.Where(id => !done.Contains(id)))} failed");
        }

        return (started, failed);
    }

    /// <summary>
    /// The runs whose result exists, but for a run whose model file is gone (a fresh clone holds results, not models)
    /// while a run still to do reads it: that one runs again (seeded, it writes the same model), and so, in turn, may
    /// the runs its own inputs come from.
    /// </summary>
    private HashSet<string> Done(IReadOnlyList<StudyRun> plan)
    {
        var done = plan.Where(run => File.Exists(folder.Result(run.Id))).Select(run => run.Id).ToHashSet(StringComparer.Ordinal);
        var byId = plan.ToDictionary(run => run.Id, StringComparer.Ordinal);
        var needed = new Queue<string>(plan.Where(run => !done.Contains(run.Id)).SelectMany(run => run.Inputs));
        while (needed.TryDequeue(out var id))
        {
            if (done.Contains(id) && !File.Exists(folder.Model(id)))
            {
                done.Remove(id);
                foreach (var input in byId[id].Inputs)
                {
                    needed.Enqueue(input);
                }
            }
        }

        return done;
    }

    private void Print(string line) =>
        Console.WriteLine($"[{_clock.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)}] {line}");
}
