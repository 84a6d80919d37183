using System.Globalization;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>Writes masks.tsv: "mask TAB confidences" per image (space-separated), then "pixel_accuracy TAB value".</summary>
internal static class MaskFile
{
    public static void Write(string path, MaskScoringResult result)
    {
        using var writer = new StreamWriter(path);
        foreach (var prediction in result.Predictions)
        {
            var confidences = string.Join(' ', prediction.Confidence.Select(value => value.ToString("R", CultureInfo.InvariantCulture)));
            writer.WriteLine($"{string.Join(' ', prediction.Mask)}\t{confidences}");
        }

        writer.WriteLine($"pixel_accuracy\t{result.PixelAccuracy.ToString("R", CultureInfo.InvariantCulture)}");
    }
}
