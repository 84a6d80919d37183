using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>
/// Collects up to a batch of input rows, scores them in one call to an <see cref="IBatchScorer"/>, and serves each row's
/// output. Rows with a NaN or ±Inf input value are not fed to the network: they are not scored, and their output columns
/// give missing values, as ML.NET scorers do for missing features.
/// </summary>
internal sealed class ScoreBatch
{
    private readonly IBatchScorer _scorer;
    private readonly float[] _inputs;
    private readonly float[] _outputs;
    private readonly int[] _scoredRow;
    private int _scoredCount;

    public ScoreBatch(IBatchScorer scorer, int capacity)
    {
        _scorer = scorer;
        Capacity = capacity;
        _inputs = new float[capacity * scorer.InputSize];
        _outputs = new float[capacity * scorer.OutputSize];
        _scoredRow = new int[capacity];
    }

    public int Capacity { get; }

    /// <summary>Rows added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        _scoredCount = 0;
    }

    /// <summary>Adds one row's input; rows without NaN or ±Inf are packed for the network.</summary>
    public void Add(in VBuffer<float> input)
    {
        var slot = _inputs.AsSpan(_scoredCount * _scorer.InputSize, _scorer.InputSize);
        input.CopyTo(slot);
        _scoredRow[Count++] = FloatSpans.ContainsNonFinite(slot) ? -1 : _scoredCount++;
    }

    /// <summary>Runs the network on the rows added so far that can be scored.</summary>
    public void Score()
    {
        if (_scoredCount > 0)
        {
            _scorer.Score(_inputs, _scoredCount, _outputs);
        }
    }

    /// <summary>Whether row <paramref name="row"/> was scored (its input has no NaN or ±Inf).</summary>
    public bool IsScored(int row) => _scoredRow[row] >= 0;

    /// <summary>The network output of the scored row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Output(int row) => _outputs.AsSpan(_scoredRow[row] * _scorer.OutputSize, _scorer.OutputSize);
}
