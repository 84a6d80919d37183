namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>A trained network that scores rows in batches: a fixed number of input floats per row in, a fixed number of
/// output floats per row out. Implementations serialize concurrent calls.</summary>
internal interface IBatchScorer
{
    /// <summary>Floats per input row (e.g. C·H·W pixels).</summary>
    int InputSize { get; }

    /// <summary>Floats per output row (e.g. one probability per class).</summary>
    int OutputSize { get; }

    /// <summary>Scores the first <paramref name="rows"/> rows of <paramref name="inputs"/>.</summary>
    /// <param name="inputs">At least <paramref name="rows"/>·<see cref="InputSize"/> values, row after row.</param>
    /// <param name="rows">Rows in the batch.</param>
    /// <param name="outputs">Receives <paramref name="rows"/>·<see cref="OutputSize"/> values, row after row.</param>
    void Score(float[] inputs, int rows, float[] outputs);
}
