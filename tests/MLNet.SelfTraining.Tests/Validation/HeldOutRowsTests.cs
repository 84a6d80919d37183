using MLNet.SelfTraining.Training;

namespace MLNet.SelfTraining.Tests.Validation;

[TestClass]
public sealed class HeldOutRowsTests
{
    // 10 rows of "a", 5 of "b", 2 of "c", and 3 unlabeled rows, interleaved.
    private static readonly string?[] Strata = Enumerable.Range(0, 20)
        .Select(i => i switch { < 10 => "a", < 15 => "b", < 17 => "c", _ => null })
        .OrderBy(s => s is null ? 1 : 0).ThenBy(_ => 0).ToArray();

    [TestMethod]
    public void HoldOut_KeepsEachClassInProportion_AtLeastOneRowOnEitherSide()
    {
        var heldOut = HeldOutRows.HoldOut(Strata, 0.2, seed: 1);

        int Held(string s) => Enumerable.Range(0, Strata.Length).Count(i => Strata[i] == s && heldOut[i]);
        Assert.AreEqual(2, Held("a"));
        Assert.AreEqual(1, Held("b"));
        Assert.AreEqual(1, Held("c"), "at least one row of every class is held out, and one is left to train on");
        Assert.IsFalse(Enumerable.Range(0, Strata.Length).Any(i => Strata[i] is null && heldOut[i]), "unlabeled rows are never held out");
    }

    [TestMethod]
    public void HoldOut_IsFixedByItsSeed()
    {
        CollectionAssert.AreEqual(HeldOutRows.HoldOut(Strata, 0.3, seed: 4), HeldOutRows.HoldOut(Strata, 0.3, seed: 4));
        Assert.IsTrue(Enumerable.Range(1, 5).Any(seed => !HeldOutRows.HoldOut(Strata, 0.3, seed).SequenceEqual(HeldOutRows.HoldOut(Strata, 0.3, seed: 4))));
    }

    [TestMethod]
    public void Folds_PartitionTheLabeledRows_StratifiedAndBalanced()
    {
        var fold = HeldOutRows.Folds(Strata, 3, seed: 2);

        Assert.IsTrue(Enumerable.Range(0, Strata.Length).All(i => (Strata[i] is null) == (fold[i] == -1)));
        var sizes = Enumerable.Range(0, 3).Select(f => fold.Count(x => x == f)).ToArray();
        Assert.IsLessThanOrEqualTo(1, sizes.Max() - sizes.Min(), string.Join(", ", sizes));
        var perClassA = Enumerable.Range(0, 3).Select(f => Enumerable.Range(0, Strata.Length).Count(i => Strata[i] == "a" && fold[i] == f)).ToArray();
        Assert.IsLessThanOrEqualTo(1, perClassA.Max() - perClassA.Min(), "each class is dealt round the folds");
        CollectionAssert.AreEqual(fold, HeldOutRows.Folds(Strata, 3, seed: 2));
    }

    [TestMethod]
    public void TooSmall_NamesTheClassesWithFewerThanTwoRows()
    {
        var single = Strata.Append("d").ToArray();

        CollectionAssert.AreEqual(new[] { ("d", 1) }, HeldOutRows.TooSmall(single).ToArray());
        Assert.IsEmpty(HeldOutRows.TooSmall(Strata));
    }
}
