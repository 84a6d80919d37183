using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// A run's private folder for spill files, <c>mlnet-selftraining-{pid}-{process start, Unix ms}-{guid}</c> under the
/// temporary folder: 0700 with 0600 files on Unix, created on first use and deleted on dispose. Creating one removes the
/// folders that runs of processes that no longer exist left behind (e.g. after Ctrl+C).
/// </summary>
internal sealed class SpillFolder : IDisposable
{
    private const string Prefix = "mlnet-selftraining-";

    /// <summary>Two start times of one process may differ by rounding; a reused PID starts much later.</summary>
    private const long StartTimeToleranceMilliseconds = 1_000;

    private static readonly Lazy<long> s_currentStartTime = new(() =>
    {
        using var current = Process.GetCurrentProcess();
        return StartTime(current);
    });

    private readonly string _path;
    private bool _created;

    public SpillFolder(string tempFolder)
    {
        RemoveStaleFolders(tempFolder);
        _path = Path.Combine(tempFolder, $"{Prefix}{Environment.ProcessId}-{s_currentStartTime.Value}-{Guid.NewGuid():N}");
    }

    /// <summary>Creates a new file in the folder (created if needed) that only the current user can read.</summary>
    /// <param name="path">The new file's path.</param>
    /// <returns>The file's stream, open for writing.</returns>
    public FileStream CreateFile(out string path)
    {
        path = NewFilePath();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>Creates a new folder inside the run's folder (created if needed) that only the current user can enter.</summary>
    /// <returns>The new folder's path.</returns>
    public string CreateFolder()
    {
        EnsureCreated();
        var path = Path.Combine(_path, Guid.NewGuid().ToString("N"));
        CreateOwnerOnly(path);
        return path;
    }

    private string NewFilePath()
    {
        EnsureCreated();
        return Path.Combine(_path, $"{Guid.NewGuid():N}.idv");
    }

    private void EnsureCreated()
    {
        if (!_created)
        {
            CreateOwnerOnly(_path);
            _created = true;
        }
    }

    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Deletes the folder and what is left in it.</summary>
    public void Dispose()
    {
        if (_created)
        {
            TryDelete(_path);
            _created = false;
        }
    }

    private static void RemoveStaleFolders(string tempFolder)
    {
        if (!Directory.Exists(tempFolder))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(tempFolder, Prefix + "*"))
        {
            var parts = Path.GetFileName(folder)[Prefix.Length..].Split('-');
            if (parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var started)
                && !IsRunning(pid, started))
            {
                TryDelete(folder);
            }
        }
    }

    private static bool IsRunning(int pid, long started)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return Math.Abs(StartTime(process) - started) <= StartTimeToleranceMilliseconds;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (Win32Exception)
        {
            return true; // the process exists but its start time cannot be read: keep its folder
        }
    }

    private static long StartTime(Process process) => new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A view may still hold a file open on Windows, or the folder is another user's; the next run retries.
        }
    }
}
