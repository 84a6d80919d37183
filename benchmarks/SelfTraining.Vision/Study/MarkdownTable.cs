using System.Text;

namespace SelfTraining.Vision.Study;

/// <summary>Writes a markdown table.</summary>
internal static class MarkdownTable
{
    public static void Append(StringBuilder markdown, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        markdown.AppendLine($"| {string.Join(" | ", header)} |");
        markdown.AppendLine($"|{string.Concat(header.Select(_ => " --- |"))}");
        foreach (var row in rows)
        {
            markdown.AppendLine($"| {string.Join(" | ", row)} |");
        }

        markdown.AppendLine();
    }
}
