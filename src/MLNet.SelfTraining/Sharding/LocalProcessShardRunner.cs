using System.ComponentModel;
using System.Diagnostics;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// Runs each shard in a worker process on this machine: <c>{command} {leading arguments} pseudo-label --job {job.json}
/// --shard {i}/{n}</c>, started without a shell (arguments passed as a list), at most <see cref="Concurrency"/> at once.
/// A worker that exits with a non-zero code fails its shard with the code and the end of its standard error; cancelling
/// kills the worker's process tree.
/// </summary>
/// <remarks>
/// The default command is the <c>mlnet-selftraining</c> .NET tool on the <c>PATH</c>
/// (<c>dotnet tool install --global MLNet.SelfTraining.Tool</c>). To run a built tool instead, pass <c>dotnet</c> as the
/// command and the tool's <c>mlnet-selftraining.dll</c> as the leading argument.
/// </remarks>
public sealed class LocalProcessShardRunner : IShardRunner
{
    /// <summary>The default worker command: the <c>mlnet-selftraining</c> .NET tool.</summary>
    public const string DefaultCommand = "mlnet-selftraining";

    /// <summary>The number of standard error lines an error message quotes.</summary>
    private const int StandardErrorLines = 20;

    /// <summary>How long a killed worker is waited for.</summary>
    private const int KillTimeoutMilliseconds = 10_000;

    private readonly SemaphoreSlim _slots;

    /// <summary>Runs up to <paramref name="workers"/> workers at once with <paramref name="command"/>.</summary>
    /// <param name="workers">Worker processes at once, at least 1. Default 2.</param>
    /// <param name="command">The executable. Default <see cref="DefaultCommand"/>.</param>
    /// <param name="leadingArguments">Arguments before <c>pseudo-label</c> (e.g. the tool's dll after <c>dotnet</c>). Default none.</param>
    public LocalProcessShardRunner(int workers = 2, string command = DefaultCommand, IEnumerable<string>? leadingArguments = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        Concurrency = workers;
        Command = command;
        LeadingArguments = leadingArguments?.ToList() ?? [];
        _slots = new SemaphoreSlim(workers);
    }

    /// <inheritdoc/>
    public int Concurrency { get; }

    /// <summary>The executable each worker runs.</summary>
    public string Command { get; }

    /// <summary>The arguments before <c>pseudo-label</c>.</summary>
    public IReadOnlyList<string> LeadingArguments { get; }

    /// <inheritdoc/>
    public async Task RunAsync(ShardRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _slots.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await RunWorkerAsync(request, cancellation).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task RunWorkerAsync(ShardRequest request, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(Command)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in LeadingArguments.Concat(["pseudo-label", "--job", Path.GetFullPath(request.JobPath), "--shard", $"{request.ShardIndex}/{request.ShardCount}"]))
        {
            start.ArgumentList.Add(argument);
        }

        var shard = $"shard {request.ShardIndex}/{request.ShardCount} of '{request.JobPath}'";
        using var process = new Process { StartInfo = start };
        var errors = new Queue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (errors)
            {
                errors.Enqueue(e.Data);
                if (errors.Count > StandardErrorLines)
                {
                    errors.Dequeue();
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The worker for {shard} could not be started: '{Command}' ({e.Message}). Install the tool (dotnet tool install --global MLNet.SelfTraining.Tool) or give the command of a built one.", e);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string tail;
            lock (errors)
            {
                tail = string.Join(Environment.NewLine, errors);
            }

            throw new InvalidOperationException($"The worker for {shard} ({Command} {string.Join(' ', start.ArgumentList)}) exited with code {process.ExitCode}; its standard error ends with:{Environment.NewLine}{tail}");
        }
    }

    /// <summary>Kills the worker and its children and waits for it, so a retry never overlaps it.</summary>
    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }

        process.WaitForExit(KillTimeoutMilliseconds);
    }
}
