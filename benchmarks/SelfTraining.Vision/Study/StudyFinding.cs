namespace SelfTraining.Vision.Study;

/// <summary>One finding of the paper tested on one task: the rule, the verdict and the numbers behind it.</summary>
/// <param name="Code">F1 … F5.</param>
/// <param name="Claim">The paper's claim.</param>
/// <param name="Task">The task's title.</param>
/// <param name="Rule">The rule the verdict follows.</param>
/// <param name="Verdict">"holds", "does not hold", "partly" (or "not testable" when no cell qualifies).</param>
/// <param name="Evidence">One line per comparison, with its numbers.</param>
internal sealed record StudyFinding(string Code, string Claim, string Task, string Rule, string Verdict, IReadOnlyList<string> Evidence)
{
    /// <summary>The verdict of <paramref name="holding"/> comparisons out of <paramref name="total"/>.</summary>
    public static string VerdictOf(int holding, int total) =>
        total == 0 ? "not testable" : holding == total ? "holds" : holding == 0 ? "does not hold" : "partly";
}
