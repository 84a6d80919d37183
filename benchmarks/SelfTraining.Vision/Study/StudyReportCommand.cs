using System.CommandLine;

namespace SelfTraining.Vision.Study;

/// <summary><c>study-report --out DIR [--figures F]</c>: reads <c>DIR/*.json</c> and writes <c>DIR.md</c> and the PNGs (to F, default <c>DIR/figures</c>).</summary>
internal static class StudyReportCommand
{
    /// <summary>The figures' folder option (the <c>study</c> command has it too).</summary>
    public static Option<string?> FiguresOption() =>
        new("--figures") { Description = "Folder of the PNGs (default DIR/figures; docs/study for the committed figures of a full run)." };

    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The study's output folder.", Required = true };
        var figures = FiguresOption();
        var command = new Command("study-report", "Writes the study's markdown report (DIR.md) and figures from its results.") { output, figures };
        command.SetAction(parse =>
        {
            var folder = new StudyFolder(parse.GetValue(output)!);
            Write(folder, parse.GetValue(figures));
            Console.WriteLine(File.ReadAllText(folder.Report));
            return 0;
        });
        return command;
    }

    /// <summary>Writes the report of <paramref name="folder"/> and its figures (to <paramref name="figures"/>, default <c>DIR/figures</c>).</summary>
    public static void Write(StudyFolder folder, string? figures)
    {
        var results = StudyResults.Read(folder.Root);
        var written = StudyPlots.Write(results, figures ?? Path.Combine(folder.Root, "figures"));
        File.WriteAllText(folder.Report, StudyReport.Markdown(results, folder, written));
    }
}
