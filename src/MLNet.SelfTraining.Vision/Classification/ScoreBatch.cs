using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Classification;

/// <summary>
/// Collects up to a batch of image rows, scores them in one forward pass, and serves each row's probabilities and
/// predicted key. Rows with a NaN pixel are not fed to the network: their scores are NaN and their predicted key is 0
/// (missing), as ML.NET scorers do for missing features.
/// </summary>
internal sealed class ScoreBatch
{
    private readonly ImageClassifierPredictor _predictor;
    private readonly int _classCount;
    private readonly float[] _pixels;
    private readonly float[] _probabilities;
    private readonly int[] _networkRow;
    private int _validCount;

    public ScoreBatch(ImageClassifierPredictor predictor, int capacity)
    {
        _predictor = predictor;
        _classCount = predictor.Spec.ClassCount;
        Capacity = capacity;
        _pixels = new float[capacity * predictor.PixelCount];
        _probabilities = new float[capacity * _classCount];
        _networkRow = new int[capacity];
    }

    public int Capacity { get; }

    /// <summary>Rows added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        _validCount = 0;
    }

    /// <summary>Adds one row's image; valid rows are packed for the network.</summary>
    public void Add(in VBuffer<float> image)
    {
        var slot = _pixels.AsSpan(_validCount * _predictor.PixelCount, _predictor.PixelCount);
        image.CopyTo(slot);
        _networkRow[Count++] = FloatSpans.ContainsNaN(slot) ? -1 : _validCount++;
    }

    /// <summary>Runs the network on the valid rows added so far.</summary>
    public void Score()
    {
        if (_validCount > 0)
            _predictor.Predict(_pixels, _validCount, _probabilities);
    }

    /// <summary>Copies the probabilities of row <paramref name="row"/> into <paramref name="destination"/>.</summary>
    public void GetScores(int row, ref VBuffer<float> destination)
    {
        var editor = VBufferEditor.Create(ref destination, _classCount);
        if (_networkRow[row] < 0)
            editor.Values.Fill(float.NaN);
        else
            _probabilities.AsSpan(_networkRow[row] * _classCount, _classCount).CopyTo(editor.Values);
        destination = editor.Commit();
    }

    /// <summary>The predicted key of row <paramref name="row"/>: 1 + the most probable class, or 0 for an invalid row.</summary>
    public uint GetPredictedKey(int row)
    {
        if (_networkRow[row] < 0)
            return 0;
        var scores = _probabilities.AsSpan(_networkRow[row] * _classCount, _classCount);
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
                best = k;
        }
        return (uint)best + 1;
    }
}
