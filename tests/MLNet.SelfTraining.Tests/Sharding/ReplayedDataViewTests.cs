using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>The worker's write: a view the saver reads twice is scored once when it fits the recording, and the file reads back as the unwrapped write.</summary>
[TestClass]
public sealed class ReplayedDataViewTests
{
    private static readonly MLContext Ml = new(seed: 1);

    [TestMethod]
    public void EachRow_IsScoredOnce_WhenTheViewFitsTheRecording()
    {
        var (wrapped, unwrapped) = (new Counter(), new Counter());

        Save(new ReplayedDataView(Scored(3_000, wrapped)));
        Save(Scored(3_000, unwrapped));

        Assert.AreEqual(3_000, wrapped.Calls);
        Assert.AreEqual(6_000, unwrapped.Calls);
    }

    [TestMethod]
    public void AViewBeyondTheRecording_IsReadAsUnwrapped()
    {
        var (wrapped, unwrapped) = (new Counter(), new Counter());

        Save(new ReplayedDataView(Scored(20_000, wrapped)));
        Save(Scored(20_000, unwrapped));

        Assert.IsGreaterThanOrEqualTo(20_000 + ReplayRecording.MaxRows, wrapped.Calls);
        Assert.IsGreaterThanOrEqualTo(20_000 + ReplayRecording.MaxRows, unwrapped.Calls);
    }

    [TestMethod]
    [DataRow(3_000)]
    [DataRow(20_000)]
    public void TheWrittenFile_ReadsBackAsTheUnwrappedWrite(int rows)
    {
        var wrapped = Save(new ReplayedDataView(Scored(rows, new Counter())));
        var unwrapped = Save(Scored(rows, new Counter()));

        var (read, expected) = (ReadBack(wrapped), ReadBack(unwrapped));
        CollectionAssert.AreEqual(expected, read);
        Assert.HasCount(rows, read);
    }

    [TestMethod]
    public void ACursorOverOtherColumns_ReadsTheInnerView()
    {
        var counter = new Counter();
        var view = new ReplayedDataView(Scored(100, counter));
        var plain = Scored(100, new Counter());

        var text = view.GetColumn<string>(view.Schema[nameof(Output.Text)]).ToList();
        var keys = view.GetColumn<uint>(view.Schema[nameof(Output.Key)]).ToList();

        Assert.AreEqual(200, counter.Calls);
        CollectionAssert.AreEqual(plain.GetColumn<string>(plain.Schema[nameof(Output.Text)]).ToList(), text);
        CollectionAssert.AreEqual(plain.GetColumn<uint>(plain.Schema[nameof(Output.Key)]).ToList(), keys);
    }

    private static IDataView Scored(int rows, Counter counter)
    {
        var data = Ml.Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(i => new Input { Row = i }));
        return Ml.Transforms.CustomMapping<Input, Output>((input, output) =>
        {
            Interlocked.Increment(ref counter.Calls);
            output.Fixed = [input.Row, -input.Row, 0.5f];
            output.Variable = Enumerable.Repeat((float)input.Row, input.Row % 4).ToArray();
            output.Key = (uint)(input.Row % 10) + 1;
            output.Text = $"row {input.Row}";
        }, contractName: null).Fit(data).Transform(data);
    }

    private static byte[] Save(IDataView view)
    {
        using var stream = new MemoryStream();
        Ml.Data.SaveAsBinary(view, stream, keepHidden: false);
        return stream.ToArray();
    }

    private static List<string> ReadBack(byte[] file)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, file);
            var view = Ml.Data.LoadFromBinary(path);
            return Ml.Data.CreateEnumerable<Output>(view, reuseRowObject: false)
                .Select(o => $"{string.Join(',', o.Fixed)}|{string.Join(',', o.Variable)}|{o.Key}|{o.Text}")
                .ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class Counter
    {
        public int Calls;
    }

    private sealed class Input
    {
        public int Row { get; set; }
    }

    private sealed class Output
    {
        [VectorType(3)]
        public float[] Fixed { get; set; } = [];

        public float[] Variable { get; set; } = [];

        [KeyType(10)]
        public uint Key { get; set; }

        public string Text { get; set; } = "";
    }
}
