namespace MLNet.SelfTraining.SampleData.Tests;

[TestClass]
public sealed class SplitMix64Tests
{
    [TestMethod]
    public void Next_Seed1234567_MatchesReferenceOutput()
    {
        // The first outputs of Vigna's splitmix64.c seeded with 1234567.
        var generator = new SplitMix64(1234567);

        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];

        CollectionAssert.AreEqual(expected, Enumerable.Range(0, expected.Length).Select(_ => generator.Next()).ToArray());
    }

    [TestMethod]
    public void Next_Seed0_MatchesReferenceOutput()
    {
        var generator = new SplitMix64(0);

        ulong[] expected = [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F];

        CollectionAssert.AreEqual(expected, Enumerable.Range(0, expected.Length).Select(_ => generator.Next()).ToArray());
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(7)]
    [DataRow(int.MaxValue)]
    public void NextBelow_IsHighWordOfNextTimesBound(int bound)
    {
        var generator = new SplitMix64(42);
        var twin = new SplitMix64(42);

        for (var i = 0; i < 1_000; i++)
        {
            var value = generator.NextBelow(bound);

            Assert.AreEqual((int)(((UInt128)twin.Next() * (ulong)bound) >> 64), value);
            Assert.IsInRange(0, bound - 1, value);
        }
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-3)]
    public void NextBelow_NonPositiveBound_ThrowsNamingBound(int bound)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SplitMix64(1).NextBelow(bound));

        Assert.AreEqual("bound", error.ParamName);
        Assert.AreEqual(bound, error.ActualValue);
    }
}
