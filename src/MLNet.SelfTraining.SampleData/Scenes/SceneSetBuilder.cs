namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>Collects composed scenes, in order, into the arrays of a <see cref="SceneSet"/>.</summary>
internal sealed class SceneSetBuilder
{
    private readonly int _canvasSize;
    private readonly int _pixels;
    private readonly byte[] _images;
    private readonly byte[] _masks;
    private readonly int[] _digitStarts;
    private readonly List<SceneDigit> _digits = [];
    private int _count;

    /// <summary>Prepares room for <paramref name="capacity"/> scenes of <paramref name="canvasSize"/>² pixels.</summary>
    public SceneSetBuilder(int canvasSize, int capacity)
    {
        _canvasSize = canvasSize;
        _pixels = canvasSize * canvasSize;
        _images = new byte[capacity * _pixels];
        _masks = new byte[capacity * _pixels];
        _digitStarts = new int[capacity + 1];
    }

    /// <summary>Appends the scene on <paramref name="canvas"/>: its image, mask and digits.</summary>
    public void Add(SceneCanvas canvas)
    {
        canvas.WriteImage(_images.AsSpan(_count * _pixels, _pixels));
        canvas.WriteMask(_masks.AsSpan(_count * _pixels, _pixels));
        _digits.AddRange(canvas.Digits);
        _count++;
        _digitStarts[_count] = _digits.Count;
    }

    /// <summary>The scenes added (as many as the capacity).</summary>
    public SceneSet ToSceneSet() => new(_canvasSize, _images, _masks, [.. _digits], _digitStarts);
}
