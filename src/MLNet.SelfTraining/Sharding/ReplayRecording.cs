namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// The values a <see cref="RecordingRowCursor"/> saw for the leading rows, per column, bounded by <see cref="MaxRows"/>
/// and <see cref="MaxBytes"/>. Once sealed, <see cref="Rows"/> is the number of leading rows recorded in every column and
/// <see cref="Complete"/> says whether they are all the view's rows.
/// </summary>
internal sealed class ReplayRecording
{
    /// <summary>ML.NET's binary saver sizes its blocks on at most this many rows.</summary>
    public const int MaxRows = 8_192;

    /// <summary>The estimated bytes of recorded values beyond which recording stops (the saver stops sizing at 80 MB).</summary>
    public const long MaxBytes = 96L << 20;

    private readonly Dictionary<int, IRecordedColumn> _values = [];
    private long _bytes;
    private bool _full;

    /// <param name="columns">The indices of the columns the cursor was opened on.</param>
    public ReplayRecording(IReadOnlySet<int> columns) => Columns = columns;

    /// <summary>The indices of the columns the recording cursor was opened on.</summary>
    public IReadOnlySet<int> Columns { get; }

    /// <summary>The leading rows recorded in every column; 0 until <see cref="Seal"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>Whether the recorded rows are all the view's rows: the cursor reached the end and every row it passed is recorded.</summary>
    public bool Complete { get; private set; }

    /// <summary>The recorded values of column <paramref name="index"/>, read as <typeparamref name="T"/>.</summary>
    public RecordedColumn<T> Column<T>(int index)
    {
        if (!_values.TryGetValue(index, out var column))
        {
            column = new RecordedColumn<T>();
            _values.Add(index, column);
        }

        return column as RecordedColumn<T>
            ?? throw new InvalidOperationException($"Column {index} was expected to be read as {column.GetType().GenericTypeArguments[0]}; got {typeof(T)}.");
    }

    /// <summary>Reserves <paramref name="bytes"/> for one more value, or stops recording for good once the budget is spent.</summary>
    public bool TryReserve(long bytes)
    {
        _full |= _bytes + bytes > MaxBytes;
        _bytes += _full ? 0 : bytes;
        return !_full;
    }

    /// <summary>Fixes <see cref="Rows"/> (the rows recorded in every column the cursor was opened on) and <see cref="Complete"/>.</summary>
    /// <param name="rows">The rows the cursor passed.</param>
    /// <param name="ended">Whether the cursor reached the end of the view.</param>
    public void Seal(long rows, bool ended)
    {
        Rows = Columns.Count == 0 ? 0 : Columns.Min(c => _values.TryGetValue(c, out var column) ? column.Count : 0);
        Complete = ended && Rows == rows;
    }
}
