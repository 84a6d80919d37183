using System.CommandLine;

namespace SelfTraining.Vision.Study;

/// <summary>The options the <c>study</c> and <c>study-run</c> commands share.</summary>
internal static class StudyOptions
{
    public static (Option<string> Config, Option<bool> Quick, Option<string> Output) Create() =>
    (
        new Option<string>("--config") { Description = "Study file (benchmarks/configs/study/study.json).", Required = true },
        new Option<bool>("--quick") { Description = "Smoke run: step counts and the unlabeled, test and object-centric counts × 3/50, the first seed, the repeat cells only." },
        new Option<string>("--out") { Description = "Output folder: one JSON and log per run, models/; the report goes to DIR.md.", Required = true }
    );
}
