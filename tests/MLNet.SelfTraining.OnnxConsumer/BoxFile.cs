namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>Writes boxes.tsv: "keys TAB names TAB scores TAB corners" per image, each field space-separated.</summary>
internal static class BoxFile
{
    public static void Write(string path, IReadOnlyList<BoxPrediction> predictions)
    {
        using var writer = new StreamWriter(path);
        foreach (var found in predictions)
        {
            writer.WriteLine(string.Join('\t', string.Join(' ', found.Keys), string.Join(' ', found.Names), TsvFields.Floats(found.Scores), TsvFields.Floats(found.Corners)));
        }
    }
}
