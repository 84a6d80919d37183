using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>One output row of <see cref="ImagePixelsRowMapper"/>: the input row's columns plus its image's pixels.</summary>
internal sealed class ImagePixelsRow : DataViewRow
{
    private readonly ImagePixelsRowMapper _mapper;
    private readonly DataViewRow _input;
    private readonly HashSet<int> _active;
    private readonly Delegate? _pixels;

    public ImagePixelsRow(ImagePixelsRowMapper mapper, DataViewRow input, ImagePixelsColumn column, HashSet<int> active)
    {
        _mapper = mapper;
        _input = input;
        _active = active;
        _pixels = active.Contains(mapper.OutputSchema[column.Name].Index) ? column.MakeGetter(input) : null;
    }

    public override DataViewSchema Schema => _mapper.OutputSchema;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsColumnActive(column))
        {
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when the row was created.");
        }

        if (_mapper.SourceOf(column) is { } source)
        {
            return _input.GetGetter<TValue>(source);
        }

        return _pixels as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();
}
