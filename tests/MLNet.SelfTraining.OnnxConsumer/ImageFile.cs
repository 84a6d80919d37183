using System.Globalization;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>One labeled image: its label's text and its pixels as the model's feature column holds them.</summary>
internal sealed record LabeledImage(string Label, float[] Pixels);

/// <summary>Reads images.tsv: "label TAB pixel pixel …" per line.</summary>
internal static class ImageFile
{
    public static List<LabeledImage> Read(string path) =>
        [.. File.ReadLines(path).Where(line => line.Length > 0).Select((line, index) => Parse(line, index + 1, path))];

    private static LabeledImage Parse(string line, int number, string path)
    {
        var parts = line.Split('\t');
        if (parts.Length != 2)
        {
            throw new InvalidDataException($"{path}, line {number}: expected '<label>\\t<pixels>', got {parts.Length} tab-separated fields.");
        }

        var pixels = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(value => float.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        return new LabeledImage(parts[0], pixels);
    }
}
