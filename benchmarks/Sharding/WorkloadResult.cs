namespace SelfTraining.Sharding;

/// <summary>The measurements of one workload, as written to JSON and read back by <c>paper</c>.</summary>
/// <param name="Workload">The workload (teacher, inputs, columns, rows).</param>
/// <param name="Description">The data and the teacher, for the report.</param>
/// <param name="InputBytes">The bytes of the input files.</param>
/// <param name="TeacherBytes">The bytes of the teacher file.</param>
/// <param name="Started">UTC start of the measurements.</param>
/// <param name="Summaries">Each arm's medians.</param>
/// <param name="Raw">Every measurement.</param>
internal sealed record WorkloadResult(Workload Workload, string Description, long InputBytes, long TeacherBytes, string Started,
    List<ArmSummary> Summaries, List<ArmResult> Raw)
{
    public double InputBytesPerRow => (double)InputBytes / Workload.Rows;

    /// <summary>Measures <paramref name="arms"/> on <paramref name="workload"/>.</summary>
    public static WorkloadResult Measure(Workload workload, string description, IReadOnlyList<Arm> arms, int repeats, string work, string toolDll)
    {
        var started = UtcStamp.Now();
        var raw = new ArmMeasurement(workload, work, toolDll).Run(arms, repeats);
        return new WorkloadResult(workload, description, workload.InputBytes, workload.TeacherBytes, started, ArmSummary.Of(arms, raw), raw);
    }
}
