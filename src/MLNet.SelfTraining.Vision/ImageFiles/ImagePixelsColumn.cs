using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>The pixels of the image whose path is in the same row.</summary>
internal sealed class ImagePixelsColumn : ComputedColumn
{
    private readonly ImagePixelsOptions _options;
    private readonly ImageFileReader _reader;
    private readonly Action<string, Exception> _skipped;

    public ImagePixelsColumn(ImagePixelsOptions options, Action<string, Exception> skipped)
        : base(options.OutputColumnName, TypeOf(options), null)
    {
        _options = options;
        _reader = new ImageFileReader(options);
        _skipped = skipped;
    }

    /// <summary>The column's type: a known-size vector of C×H×W <see cref="float"/>.</summary>
    public static VectorDataViewType TypeOf(ImagePixelsOptions options)
        => new(NumberDataViewType.Single, options.Channels, options.Height, options.Width);

    public override IReadOnlyList<string> Dependencies => [_options.ImagePathColumnName];

    public override Delegate MakeGetter(DataViewRow source)
    {
        var pathGetter = source.GetGetter<ReadOnlyMemory<char>>(source.Schema[_options.ImagePathColumnName]);
        var path = default(ReadOnlyMemory<char>);
        ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> value) =>
        {
            pathGetter(ref path);
            var editor = VBufferEditor.Create(ref value, _reader.Size);
            try
            {
                _reader.Read(path.ToString(), editor.Values);
            }
            catch (Exception e) when (_options.SkipInvalidImages && e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                editor.Values.Fill(float.NaN);
                _skipped(path.ToString(), e);
            }

            value = editor.Commit();
        };
        return getter;
    }
}
