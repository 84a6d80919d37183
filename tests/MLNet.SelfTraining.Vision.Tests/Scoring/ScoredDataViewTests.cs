using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tests.Scoring;

[TestClass]
public sealed class ScoredDataViewTests
{
    [TestMethod]
    public void Cursor_ScoresInBatches_ComputesEveryOutputColumn_AndGivesMissingValuesForNaNRows()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 7).Select(i => new PairRow { Id = i, Pair = i == 4 ? [float.NaN, 1] : [i, 10 * i] }).ToArray();
        var input = mlContext.Data.LoadFromEnumerable(rows);
        var scorer = new DoublingScorer();
        var schema = new ScoredSchema(input.Schema, input.Schema["Pair"], [new SumColumn("Sum"), new SumColumn("SumAgain")]);

        var scored = new ScoredDataView(schema, input, scorer, batchSize: 3);
        var sums = scored.GetColumn<float>("Sum").ToArray();
        var again = scored.GetColumn<float>("SumAgain").ToArray();
        var ids = scored.GetColumn<int>("Id").ToArray();

        CollectionAssert.AreEqual(new[] { 0f, 22, 44, 66, float.NaN, 110, 132 }, sums);
        CollectionAssert.AreEqual(sums, again);
        CollectionAssert.AreEqual(Enumerable.Range(0, 7).ToArray(), ids);
        CollectionAssert.AreEqual(new[] { 3, 2, 1, 3, 2, 1 }, scorer.BatchSizes, "batches of 3 rows, the NaN row left out of its batch");
    }

    [TestMethod]
    public void RowMapper_ScoresEachRowOnce_AndPassesInputColumnsThrough()
    {
        var mlContext = new MLContext(seed: 1);
        var input = mlContext.Data.LoadFromEnumerable(new[] { new PairRow { Id = 5, Pair = [1, 2] } });
        var scorer = new DoublingScorer();
        var schema = new ScoredSchema(input.Schema, input.Schema["Pair"], [new SumColumn("Sum")]);
        var mapper = new ScoredRowMapper(schema, scorer);
        using var cursor = input.GetRowCursor(input.Schema);
        cursor.MoveNext();

        using var row = mapper.GetRow(cursor, mapper.OutputSchema);
        float sum = 0, sumAgain = 0;
        int id = 0;
        row.GetGetter<float>(mapper.OutputSchema["Sum"])(ref sum);
        row.GetGetter<float>(mapper.OutputSchema["Sum"])(ref sumAgain);
        row.GetGetter<int>(mapper.OutputSchema["Id"])(ref id);

        Assert.AreEqual(6f, sum);
        Assert.AreEqual(6f, sumAgain);
        Assert.AreEqual(5, id);
        CollectionAssert.AreEqual(new[] { 1 }, scorer.BatchSizes);
        CollectionAssert.AreEqual(new[] { mapper.InputSchema["Pair"] }, mapper.GetDependencies([mapper.OutputSchema["Sum"]]).ToArray());
    }

    [TestMethod]
    public void Getter_OfTheWrongType_NamesTheColumnAndItsType()
    {
        var mlContext = new MLContext(seed: 1);
        var input = mlContext.Data.LoadFromEnumerable(new[] { new PairRow { Id = 1, Pair = [1, 2] } });
        var schema = new ScoredSchema(input.Schema, input.Schema["Pair"], [new SumColumn("Sum")]);
        var scored = new ScoredDataView(schema, input, new DoublingScorer(), batchSize: 2);
        using var cursor = scored.GetRowCursor(scored.Schema);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<double>(scored.Schema["Sum"]));

        Assert.Contains("'Sum'", error.Message);
        Assert.Contains("Single", error.Message);
    }

    /// <summary>Doubles each of the two inputs of a row and records the batch sizes it was called with.</summary>
    private sealed class DoublingScorer : IBatchScorer
    {
        public List<int> BatchSizes { get; } = [];

        public int InputSize => 2;

        public int OutputSize => 2;

        public void Score(float[] inputs, int rows, float[] outputs)
        {
            BatchSizes.Add(rows);
            for (var i = 0; i < rows * 2; i++)
            {
                outputs[i] = 2 * inputs[i];
            }
        }
    }

    /// <summary>The sum of a row's outputs, NaN for a row that was not scored.</summary>
    private sealed class SumColumn(string name) : OutputColumn<float>(name, NumberDataViewType.Single, DataViewSchema.Annotations.Empty)
    {
        protected override void Read(ReadOnlySpan<float> output, ref float value)
        {
            value = 0;
            foreach (var v in output)
            {
                value += v;
            }
        }

        protected override void ReadMissing(ref float value) => value = float.NaN;
    }

    private sealed class PairRow
    {
        public int Id { get; set; }

        [VectorType(2)]
        public float[] Pair { get; set; } = [];
    }
}
