namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>Writes predictions.tsv.</summary>
internal static class PredictionFile
{
    public static void Write(string path, ScoringResult result)
    {
        using var writer = new StreamWriter(path);
        foreach (var prediction in result.Predictions)
        {
            writer.WriteLine($"{prediction.Key}\t{prediction.Label}\t{TsvFields.Floats(prediction.Score)}");
        }

        writer.WriteLine($"accuracy\t{TsvFields.Number(result.Accuracy)}");
    }
}
