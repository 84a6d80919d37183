using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Data;

/// <summary>A view with a schema and no rows, used to compute output schemas.</summary>
internal sealed class EmptyDataView : IDataView
{
    public EmptyDataView(DataViewSchema schema)
    {
        Schema = schema;
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => 0;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(Schema);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(Schema)];

    private sealed class Cursor(DataViewSchema schema) : DataViewRowCursor
    {
        public override DataViewSchema Schema => schema;

        public override long Position => -1;

        public override long Batch => 0;

        public override bool MoveNext() => false;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
            => (ref TValue value) => throw new InvalidOperationException("An empty view has no rows.");

        public override ValueGetter<DataViewRowId> GetIdGetter()
            => (ref DataViewRowId id) => throw new InvalidOperationException("An empty view has no rows.");

        public override bool IsColumnActive(DataViewSchema.Column column) => true;
    }
}
