using Microsoft.ML;
using Microsoft.ML.Data;

namespace SceneDetection;

/// <summary>One image's boxes as the sample draws and prints them: class key, score (1 for true boxes) and corners in pixels.</summary>
internal sealed record Boxes(uint[] Keys, float[] Scores, float[] Corners)
{
    /// <summary>The number of boxes.</summary>
    public int Count => Keys.Length;

    /// <summary>Reads the boxes of every row of <paramref name="data"/>: a key vector, a box vector (4 per box) and, for predictions, a score vector.</summary>
    public static List<Boxes> Read(IDataView data, string labelColumnName, string boxColumnName, string? scoreColumnName)
    {
        var keys = data.GetColumn<uint[]>(labelColumnName).ToList();
        var corners = data.GetColumn<float[]>(boxColumnName).ToList();
        var scores = scoreColumnName is null ? keys.Select(k => Enumerable.Repeat(1f, k.Length).ToArray()).ToList() : data.GetColumn<float[]>(scoreColumnName).ToList();
        return [.. keys.Select((k, i) => new Boxes(k, scores[i], corners[i]))];
    }

    /// <summary>The boxes of <paramref name="boxes"/> whose score is at least <paramref name="threshold"/>.</summary>
    public static Boxes Above(Boxes boxes, float threshold)
    {
        var kept = Enumerable.Range(0, boxes.Count).Where(b => boxes.Scores[b] >= threshold).ToList();
        return new Boxes([.. kept.Select(b => boxes.Keys[b])], [.. kept.Select(b => boxes.Scores[b])], [.. kept.SelectMany(b => boxes.Corners.Skip(4 * b).Take(4))]);
    }
}
