using System.Globalization;

namespace SelfTraining.Vision.Study;

/// <summary>
/// One <c>study</c> command on a folder (a resumed study has several): when it started, its wall time, how many runs
/// it started and how many failed or could not start. Kept one per line in <see cref="StudyFolder.Invocations"/>.
/// </summary>
/// <param name="StartedUtc">Start time.</param>
/// <param name="Seconds">Wall time of its runs (the report excluded).</param>
/// <param name="Jobs">Runs at once.</param>
/// <param name="Started">Runs it started.</param>
/// <param name="Failed">Runs that failed or waited for a failed input.</param>
internal sealed record StudyInvocation(string StartedUtc, double Seconds, int Jobs, int Started, int Failed)
{
    public void AppendTo(string path) =>
        File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"{StartedUtc}\t{Seconds:F0}\t{Jobs}\t{Started}\t{Failed}\n"));

    public static IReadOnlyList<StudyInvocation> ReadAll(string path) => !File.Exists(path) ? [] :
    [
        .. File.ReadAllLines(path).Select(line => line.Split('\t')).Select(f => new StudyInvocation(
            f[0], double.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture),
            int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture))),
    ];
}
