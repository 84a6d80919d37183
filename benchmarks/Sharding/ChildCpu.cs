using System.Globalization;

namespace SelfTraining.Sharding;

/// <summary>
/// User + system CPU time of this process's children that have exited and been waited for (Linux: <c>cutime</c> +
/// <c>cstime</c> of <c>/proc/self/stat</c>, what <c>getrusage(RUSAGE_CHILDREN)</c> reports). .NET waits for each child it
/// started as it exits, so the difference across an arm is the CPU time of that arm's worker processes (<c>taskset</c>
/// execs <c>dotnet</c> in the same process). Zero where there is no <c>/proc</c>.
/// </summary>
internal static class ChildCpu
{
    /// <summary>USER_HZ, the unit of <c>/proc</c> times: 100 on every Linux architecture .NET runs on (<c>getconf CLK_TCK</c>).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU time of the exited, waited-for children so far.</summary>
    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/stat"))
        {
            return 0;
        }

        // Fields after "(comm)": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }
}
