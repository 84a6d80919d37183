namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>Writes masks.tsv: "mask TAB confidences" per image (space-separated), then "pixel_accuracy TAB value".</summary>
internal static class MaskFile
{
    public static void Write(string path, MaskScoringResult result)
    {
        using var writer = new StreamWriter(path);
        foreach (var prediction in result.Predictions)
        {
            writer.WriteLine($"{string.Join(' ', prediction.Mask)}\t{TsvFields.Floats(prediction.Confidence)}");
        }

        writer.WriteLine($"pixel_accuracy\t{TsvFields.Number(result.PixelAccuracy)}");
    }
}
