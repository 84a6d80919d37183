using System.Globalization;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>Writes predictions.tsv.</summary>
internal static class PredictionFile
{
    public static void Write(string path, ScoringResult result)
    {
        using var writer = new StreamWriter(path);
        foreach (var prediction in result.Predictions)
        {
            var scores = string.Join(' ', prediction.Score.Select(score => score.ToString("R", CultureInfo.InvariantCulture)));
            writer.WriteLine($"{prediction.Key}\t{prediction.Label}\t{scores}");
        }

        writer.WriteLine($"accuracy\t{result.Accuracy.ToString("R", CultureInfo.InvariantCulture)}");
    }
}
