using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Tasks;

/// <summary>
/// The columns every image training set reads from a cursor, row by row: the pixels (multiplied by the input scale),
/// the optional example weight and the optional pseudo-label flag, kept for the rows the task's reader keeps.
/// </summary>
internal sealed class ImageRowReader
{
    private readonly ValueGetter<VBuffer<float>> _getFeatures;
    private readonly ValueGetter<float>? _getWeight;
    private readonly ValueGetter<bool>? _getFlag;
    private readonly float _inputScale;
    private readonly float[] _pixelRow;
    private readonly List<float> _pixels = [];
    private readonly List<float> _weights = [];
    private readonly List<bool> _flags = [];
    private VBuffer<float> _features;
    private float _weight;

    /// <param name="cursor">The cursor, with the columns active.</param>
    /// <param name="features">The image column (a known-size vector of <see cref="float"/>).</param>
    /// <param name="weight">The example weight column, or <see langword="null"/>.</param>
    /// <param name="flag">The pseudo-label flag column, or <see langword="null"/>.</param>
    /// <param name="inputScale">Factor applied to the pixels kept.</param>
    public ImageRowReader(DataViewRowCursor cursor, DataViewSchema.Column features, DataViewSchema.Column? weight,
        DataViewSchema.Column? flag, float inputScale)
    {
        _getFeatures = cursor.GetGetter<VBuffer<float>>(features);
        _getWeight = weight is { } w ? cursor.GetGetter<float>(w) : null;
        _getFlag = flag is { } f ? cursor.GetGetter<bool>(f) : null;
        _inputScale = inputScale;
        _pixelRow = new float[((VectorDataViewType)features.Type).Size];
    }

    /// <summary>The rows kept.</summary>
    public int Count => _flags.Count;

    /// <summary>Reads the current row's pixels; <see langword="false"/> when one is not finite (NaN or ±Inf).</summary>
    public bool ReadPixels()
    {
        _getFeatures(ref _features);
        _features.CopyTo(_pixelRow);
        return !FloatSpans.ContainsNonFinite(_pixelRow);
    }

    /// <summary>Reads the current row's weight (1 without a weight column); <see langword="false"/> when it is not finite.</summary>
    public bool ReadWeight()
    {
        _weight = 1;
        _getWeight?.Invoke(ref _weight);
        return float.IsFinite(_weight);
    }

    /// <summary>Keeps the current row: its scaled pixels and weight (read before) and its flag.</summary>
    public void Keep()
    {
        var isPseudo = false;
        _getFlag?.Invoke(ref isPseudo);
        if (_inputScale != 1f)
        {
            for (var i = 0; i < _pixelRow.Length; i++)
            {
                _pixelRow[i] *= _inputScale;
            }
        }

        _pixels.AddRange(_pixelRow);
        _weights.Add(_weight);
        _flags.Add(isPseudo);
    }

    /// <summary>The kept rows' pixels, row-major.</summary>
    public float[] Pixels() => [.. _pixels];

    /// <summary>The kept rows' weights, or <see langword="null"/> without a weight column.</summary>
    public float[]? Weights() => _getWeight is null ? null : [.. _weights];

    /// <summary>Whether each kept row is pseudo-labeled.</summary>
    public bool[] IsPseudo() => [.. _flags];
}
