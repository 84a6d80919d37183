using System.Text.Json;

namespace SelfTraining.Sharding;

/// <summary>What is pseudo-labeled: a saved teacher, the unlabeled rows as ML.NET binary files, the teacher output columns the shards keep.</summary>
/// <param name="Name">For tables: e.g. "tabular" or "detection".</param>
/// <param name="Task">The job's task: classification, segmentation, detection.</param>
/// <param name="TeacherPath">The teacher, saved with <c>mlContext.Model.Save</c>.</param>
/// <param name="Inputs">The unlabeled rows, in order.</param>
/// <param name="Columns">The teacher output columns every shard keeps.</param>
/// <param name="Rows">The rows over every input.</param>
internal sealed record Workload(string Name, string Task, string TeacherPath, IReadOnlyList<string> Inputs, IReadOnlyList<string> Columns, long Rows)
{
    /// <summary>The bytes of the input files.</summary>
    public long InputBytes => Inputs.Sum(i => new FileInfo(i).Length);

    /// <summary>The bytes of the teacher file.</summary>
    public long TeacherBytes => new FileInfo(TeacherPath).Length;

    /// <summary>
    /// The workload saved in <paramref name="folder"/> (its <c>workload.json</c>); when there is none, creates the folder,
    /// makes the workload there with <paramref name="make"/> and saves it.
    /// </summary>
    public static Workload ReadOrMake(string folder, Func<Workload> make)
    {
        var ready = Path.Combine(folder, "workload.json");
        if (File.Exists(ready))
        {
            return JsonSerializer.Deserialize<Workload>(File.ReadAllText(ready), Json.Options)!;
        }

        Directory.CreateDirectory(folder);
        var workload = make();
        File.WriteAllText(ready, JsonSerializer.Serialize(workload, Json.Indented));
        return workload;
    }
}
