using Microsoft.ML;
using MLNet.SelfTraining.Labels;

namespace MLNet.SelfTraining.Training;

/// <summary>Streaming passes over a label column.</summary>
internal static class LabelScan
{
    /// <summary>Per row of <paramref name="data"/>, whether its label is present.</summary>
    public static bool[] Present(IDataView data, LabelCodec codec, CancellationToken cancellation)
    {
        var present = new List<bool>();
        using var cursor = data.GetRowCursor([codec.Column]);
        var isMissing = codec.MakeMissingReader(cursor);
        while (cursor.MoveNext())
        {
            CheckCancellation(present.Count, cancellation);
            present.Add(!isMissing());
        }

        return present.ToArray();
    }

    /// <summary>Per row of <paramref name="data"/> (the view <paramref name="codec"/> was made for), the class index of its label (−1 when missing or unknown).</summary>
    public static int[] Classes(IDataView data, LabelCodec codec, CancellationToken cancellation)
    {
        var classes = new List<int>();
        using var cursor = data.GetRowCursor([codec.Column]);
        var classOf = codec.MakeClassReader(cursor);
        while (cursor.MoveNext())
        {
            CheckCancellation(classes.Count, cancellation);
            classes.Add(classOf());
        }

        return classes.ToArray();
    }

    /// <summary>The number of rows of <paramref name="data"/>, counting them when the view does not know.</summary>
    public static int Count(IDataView data, CancellationToken cancellation)
    {
        if (data.GetRowCount() is { } known)
        {
            return checked((int)known);
        }

        int count = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            CheckCancellation(count, cancellation);
            count++;
        }

        return count;
    }

    private static void CheckCancellation(int row, CancellationToken cancellation)
    {
        if (row % 4096 == 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }
    }
}
