namespace SelfTraining.Vision.Study;

/// <summary>
/// The files of a study's output folder: per run <c>ID.json</c> (the result, written last and atomically: a run whose
/// result exists is done) and <c>ID.log</c>; <c>models/ID.zip</c> (pre-trained backbones and teacher models);
/// <c>invocations.tsv</c> (each <c>study</c> command's wall time); <c>machine.md</c> (written by run-study.sh).
/// </summary>
/// <param name="Root">The folder.</param>
internal sealed record StudyFolder(string Root)
{
    public string Result(string id) => Path.Combine(Root, id + ".json");

    public string Log(string id) => Path.Combine(Root, id + ".log");

    /// <summary>The kept log of the last failed attempt of run <paramref name="id"/>.</summary>
    public string FailedLog(string id) => Path.Combine(Root, id + ".failed.log");

    public string Models => Path.Combine(Root, "models");

    public string Model(string id) => Path.Combine(Models, id + ".zip");

    public string Invocations => Path.Combine(Root, "invocations.tsv");

    public string Machine => Path.Combine(Root, "machine.md");

    /// <summary>The markdown report, beside the folder (<c>DIR.md</c>).</summary>
    public string Report => Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root)) + ".md";
}
